import { periodParts } from "../forms/period.js";
import { formatDateVi, pad2 } from "../time.js";
import { resolutionItems, rollName, type OwnerCandidate, type TaskStatus } from "./tasks.js";

/** The two documents of a cell's monthly meeting. */
export const MEETING_DOCUMENTS = ["minutes", "resolution"] as const;
export type MeetingDocument = (typeof MEETING_DOCUMENTS)[number];

export function isMeetingDocument(v: string | undefined): v is MeetingDocument {
  return v === "minutes" || v === "resolution";
}

/** A task of the previous month as its result is reported. */
export interface PreviousTask {
  task: string;
  owner: string | null;
  status: TaskStatus;
  note: string | null;
}

export interface DocumentInput {
  cellName: string;
  /** The committee above the cell (Đảng bộ xã …), with its area (xã Tân Văn): the header and the place. */
  upper: { name: string; areaName: string | null } | null;
  period: string;
  /** The stored monthly meeting report. */
  values: Record<string, unknown>;
  previous: readonly PreviousTask[];
  secretaryName: string | null;
  /** The cell's party members on its roll at the meeting (exempt ones included); null when the roll is unknown. */
  roll: RollCounts | null;
  /** The members a typed name is matched to: the document writes the roll's full name for a name that fits one. */
  members: readonly OwnerCandidate[];
}

/** The cell's roll as the model minutes count it: total, of whom full and probationary, and exempt. */
export interface RollCounts {
  total: number;
  full: number;
  probationary: number;
  exempt: number;
}

/** Vietnamese wording of the documents, from locales/vi (documents are always in Vietnamese). */
export type DocumentWords = (id: string, args?: Record<string, string | number>) => string;

const upper = (s: string) => s.toLocaleUpperCase("vi");

/** "xã Tân Văn" → "Tân Văn": the place name a party document is dated from. */
export function placeName(areaName: string): string {
  return areaName.replace(/^(?:xã|phường|thị trấn|thôn|bản|tổ dân phố|tỉnh|thành phố|huyện|đặc khu)\s+/i, "").trim();
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The absentees a report names (`[{name, reason}]`), those with a name. */
function absentees(value: unknown): { name: string; reason: string | null }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a) => {
    const r = (a ?? {}) as Record<string, unknown>;
    const n = str(r.name);
    return n ? [{ name: n, reason: str(r.reason) }] : [];
  });
}

/**
 * The values of a meeting document's {tags} (docs/vi/van-ban.md lists them): the header (committee,
 * cell, number, place and date), the meeting (date, time, place, attendance, kind, topic), the content
 * items, last month's tasks with their results and this month's resolution items. Blank lines
 * ("………") stand where the report says nothing, for the secretary to fill in by hand.
 *
 * @example documentData({ cellName: "Chi bộ thôn Pò Lài", upper: { name: "Đảng bộ xã Tân Văn", areaName: "xã Tân Văn" }, period: "2025-11", values, previous: [], secretaryName: "Hoàng Văn Páo", roll: { total: 11, full: 10, probationary: 1, exempt: 1 }, members }, t)
 */
export function documentData(input: DocumentInput, t: DocumentWords): Record<string, unknown> {
  const v = input.values;
  const blank = t("doc-blank");
  const p = periodParts(input.period);
  const meetingDate = str(v.meeting_date);
  const [y, m, d] = (meetingDate ?? "").split("-");
  const kind = str(v.kind) ?? "regular";
  const present = num(v.present);
  const expected = num(v.members_expected);
  const excused = num(v.absent_excused) ?? 0;
  const unexcused = num(v.absent_unexcused) ?? 0;
  const unknown = num(v.absent_unknown) ?? 0;
  const absent = present !== null && expected !== null ? Math.max(0, expected - present) : excused + unexcused + unknown;
  const name = (typed: string) => rollName(typed, input.members);
  const roll = input.roll !== null && input.roll.total > 0 ? input.roll : null;
  const start = str(v.start_time);
  const duration = num(v.duration_min);
  const items = resolutionItems(v.resolutions);
  const cadre = v.cadre_present === true ? t("doc-yes") : v.cadre_present === false ? t("doc-no") : blank;
  return {
    dang_bo: input.upper ? upper(input.upper.name) : "",
    chi_bo: upper(input.cellName),
    chi_bo_ten: input.cellName,
    so: pad2(p.index),
    dia_danh: input.upper?.areaName ? placeName(input.upper.areaName) : blank,
    ngay: d ?? blank,
    thang: m ?? blank,
    nam: y ?? blank,
    ky_thang: String(p.index),
    ky_nam: String(p.year),
    loai_hop: t(`doc-kind-${kind}`),
    chuyen_de: str(v.thematic_topic) ?? "",
    can_cu: [t("doc-basis-charter"), t("doc-basis-guide"), t("doc-basis-meeting", { date: meetingDate ? formatDateVi(meetingDate) : blank })],
    ngay_hop: meetingDate ? formatDateVi(meetingDate) : blank,
    gio_bat_dau: start ?? blank,
    dia_diem: str(v.place) ?? blank,
    // The model minutes (HD 12-HD/BTCTW): the cell's total on its roll, then the exempt, then who had to
    // attend, came and was absent. "Phải dự" is the report's count; the roll's are the cell's members.
    tong_so: roll?.total ?? blank,
    chinh_thuc: roll?.full ?? blank,
    du_bi: roll?.probationary ?? blank,
    mien_sinh_hoat: roll?.exempt ?? blank,
    phai_du: expected ?? blank,
    co_mat: present ?? blank,
    vang: absent,
    vang_co_ly_do: excused,
    vang_khong_ly_do: unexcused,
    vang_chua_ro: Math.max(0, absent - excused - unexcused),
    vang_ten: absentees(v.absentees)
      .map((a) => (a.reason ? `${name(a.name)} (${a.reason})` : name(a.name)))
      .join("; "),
    cap_tren_du: cadre,
    chu_tri: input.secretaryName ?? blank,
    thu_ky: blank,
    chu_tri_ky: input.secretaryName ?? "",
    thu_ky_ky: "",
    thoi_luong: duration !== null ? t("doc-duration", { minutes: duration }) : t("doc-duration-unknown"),
    noi_dung: Array.isArray(v.content_items) ? v.content_items.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [],
    ket_qua_thang_truoc: input.previous.map((x) => ({ viec: x.task, nguoi: x.owner ? name(x.owner) : "", tinh_trang: t(`doc-task-${x.status}`), ghi_chu: x.note ?? "" })),
    nghi_quyet: items.map((x, i) => ({ stt: i + 1, viec: x.task, nguoi: x.owner ? name(x.owner) : "", han: x.due ? formatDateVi(x.due) : "" })),
    bi_thu: input.secretaryName ?? "",
    noi_nhan_cap_tren: input.upper ? input.upper.name.replace(/^Đảng bộ/, "Đảng ủy") : "",
  };
}
