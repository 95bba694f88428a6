/**
 * A list typed again in one message, to replace a report's absentees or its resolution ("Sửa" → the
 * list's field): one item a line (or between ";"), a leading number ("1.", "2)") as the list was shown
 * is dropped, each item read by the report's own parsers. "không ai vắng", "không có" empties the list.
 */
import { fold } from "../text/fold.js";
import { readAttendance, type Absentee } from "./attendance.js";
import { titleCase } from "./names.js";
import { prepare } from "./prepare.js";
import { readResolutionText, type Resolution } from "./resolutions.js";

/** What a typed list says: its items, or none ("không có"); `unread` are the pieces no item was read from. */
export interface TypedList<T> {
  items: T[];
  unread: string[];
}

// "không ai vắng", "ko co", "không có nghị quyết", "xóa hết", "0": the list is emptied.
const RE_NONE = /^(?:(?:khong|ko|k|kg)(?:\s+(?:co|ai|gi|ca))*(?:\s+(?:vang|nguoi vang|nghi quyet|viec(?:\s+nao)?|ai vang))?|xoa(?:\s+het)?|bo(?:\s+het)?|0)$/;

/** Whether the text empties the list: "không ai vắng", "không có", "xóa hết". */
export function saysNone(text: string): boolean {
  return RE_NONE.test(fold(text).replace(/[.!]+$/, "").replace(/\s+/g, " ").trim());
}

/** The pieces of a typed list: lines and ";"-separated parts, their leading numbers dropped. */
function pieces(text: string): string[] {
  return text
    .split(/\s*(?:\n|;)\s*/)
    .map((s) => s.replace(/^\s*(?:\d{1,2}\s*[.)/-]|[-+•*])\s*/, "").trim())
    .filter(Boolean);
}

/**
 * The absentees typed one a line, as a report names them after "vắng:": "Nguyễn Văn An (ốm, có lý do)",
 * "Trần Thị Bình (không lý do)", "đ/c Páo - miễn sinh hoạt", names in lower case too ("binh khong ly do").
 *
 * @example readAbsenteeText("Nguyễn Văn An (ốm)\nTrần Thị Bình (không lý do)", now).items
 * // [{ name: "Nguyễn Văn An", reason: "ốm", excused: true }, { name: "Trần Thị Bình", excused: false }]
 */
export function readAbsenteeText(text: string, now: Date): TypedList<Absentee> {
  const items: Absentee[] = [];
  const unread: string[] = [];
  for (const piece of pieces(text)) {
    // A name in lower case is read after "đ/c", as a report that says "vắng đ/c binh" is.
    const read = absenteesIn(`vắng: ${piece}`, now) ?? (/^(?:đ\/c|d\/c|đc|dc|đồng chí)\s/i.test(piece) ? undefined : absenteesIn(`vắng: đ/c ${piece}`, now));
    if (!read) unread.push(piece);
    else for (const a of read) if (!items.some((x) => fold(x.name) === fold(a.name))) items.push({ ...a, name: titleCase(a.name) });
  }
  return { items, unread };
}

function absenteesIn(text: string, now: Date): Absentee[] | undefined {
  const p = prepare(text, now);
  const found = readAttendance(p, 0, p.f.length).absentees;
  return found.length > 0 ? found : undefined;
}

/**
 * The resolution's tasks typed one a line, as the guided report's question reads them: what, who, by when
 * ("Thu đảng phí - đ/c Mai - hạn 20/11/2025").
 */
export function readResolutionList(text: string, now: Date): TypedList<Resolution> {
  return { items: readResolutionText(pieces(text).join("\n"), now), unread: [] };
}
