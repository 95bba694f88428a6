import { normalizePhone } from "../phone.js";
import type { Membership, Role } from "../roles.js";
import type { AreaKind, OrgKind } from "../org.js";
import { ORG_KINDS } from "../org.js";
import { fold } from "../text/fold.js";
import { pad2 } from "../time.js";
import { MAX_PLACE, parseMeetingClock, parseMeetingDay, parseThematicMonth, type MeetingDay } from "../meeting-rule.js";
import type { ImportIssueCode } from "./issues.js";
import type { RawCell } from "./table.js";

/** A cell read into a value, or the reason it could not be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportIssueCode; args?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: ImportIssueCode, args?: Record<string, string | number>): Parsed<T> => ({ ok: false, code, args });

/** Text of a cell: NFC, inner runs of spaces collapsed; numbers written plainly; "" when blank. */
export function cellText(cell: RawCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : String(cell);
  return String(cell).normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Folded words for matching labels: "Chi Ủy Viên" → "chi uy vien". */
function words(cell: RawCell): string {
  return fold(cellText(cell)).replace(/[^a-z0-9]+/g, " ").trim();
}

/** Free text up to a length. */
export function parseText(max: number) {
  return (cell: RawCell): Parsed<string> => {
    const text = cellText(cell);
    return text.length > max ? fail("too_long", { max }) : ok(text);
  };
}

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
/** Longest code accepted: offices' own codes are short; longer is a pasted wrong column. */
export const MAX_CODE_LENGTH = 40;

/** The office's own code for a unit or person: letters, digits and . _ / - (no spaces). */
export function parseCode(cell: RawCell): Parsed<string> {
  if (typeof cell === "number" && !Number.isInteger(cell)) return fail("bad_code");
  const text = cellText(cell);
  if (text.length > MAX_CODE_LENGTH) return fail("too_long", { max: MAX_CODE_LENGTH });
  return CODE.test(text) ? ok(text) : fail("bad_code");
}

/** Party founding, 3/2/1930: no party date is earlier. */
export const EARLIEST_DATE = "1930-02-03";
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function dateOf(cell: RawCell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // Excel date cells arrive as UTC midnight of the calendar date.
    return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") {
    // A date typed into a cell formatted as a number is Excel's day serial.
    if (!Number.isInteger(cell) || cell < 1 || cell > 80_000) return null;
    const d = new Date(EXCEL_EPOCH_MS + cell * DAY_MS);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const text = cellText(cell);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * A date written dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd), an Excel date cell
 * or an Excel day number; not after `latest` when given.
 */
export function parseDate(latest?: string) {
  return (cell: RawCell): Parsed<string> => {
    const date = dateOf(cell);
    if (!date || date < EARLIEST_DATE) return fail("bad_date");
    if (latest && date > latest) return fail("future_date");
    return ok(date);
  };
}

/** A birth year: "1965", 1965, or a whole birth date (only its year is kept: minimal collection). */
export function parseBirthYear(today: string) {
  const max = Number(today.slice(0, 4)) - 16;
  const min = 1900;
  return (cell: RawCell): Parsed<number> => {
    let year: number | null = null;
    if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1000) year = cell;
    else if (typeof cell === "string" && /^\s*\d{4}\s*$/.test(cell)) year = Number(cell.trim());
    else {
      const date = typeof cell === "number" ? null : dateOf(cell);
      if (date) year = Number(date.slice(0, 4));
    }
    if (year === null || year < min || year > max) return fail("bad_year", { min, max });
    return ok(year);
  };
}

/**
 * A Vietnamese phone number, normalised to +84…. Excel drops the leading 0 of a phone typed as a
 * number, in the cell and in the CSV it saves: 9 or 10 bare digits get it back.
 */
export function parsePhone(cell: RawCell): Parsed<string> {
  let text = cellText(cell);
  if (/^[1-9]\d{8,9}$/.test(text)) text = `0${text}`;
  const phone = normalizePhone(text);
  return phone ? ok(phone) : fail("bad_phone");
}

/** Giới tính: Nam → M, Nữ → F. */
export function parseSex(cell: RawCell): Parsed<"M" | "F"> {
  const w = words(cell);
  if (w === "nam" || w === "m" || w === "male") return ok("M");
  if (w === "nu" || w === "f" || w === "female") return ok("F");
  return fail("bad_sex");
}

const YES = new Set(["x", "co", "c", "1", "true", "yes", "y", "dung", "v"]);
const NO = new Set(["", "khong", "k", "0", "false", "no", "n"]);

/** A tick column: "x", "có", "1" → true; blank, "không", "0" → false. */
export function parseBool(cell: RawCell): Parsed<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  const raw = cellText(cell);
  if (raw === "✓" || raw === "✔") return ok(true);
  const w = words(cell);
  if (YES.has(w)) return ok(true);
  if (NO.has(w)) return ok(false);
  return fail("bad_bool");
}

/** Đảng viên chính thức / dự bị. */
export function parseMembership(cell: RawCell): Parsed<Membership> {
  const w = words(cell).replace(/^dang vien /, "");
  if (w === "chinh thuc" || w === "ct" || w === "full") return ok("full");
  if (w === "du bi" || w === "db" || w === "probationary") return ok("probationary");
  return fail("bad_membership");
}

/** "chi_bo" is a cell whose exact kind follows from its parent (see `cellKindUnder`). */
export type ImportOrgKind = OrgKind | "chi_bo";

const KIND_LABELS: Record<string, ImportOrgKind> = {
  "dang bo tinh": "dang_bo_tinh",
  "dang bo thanh pho": "dang_bo_tinh",
  "tinh uy": "dang_bo_tinh",
  "dang bo huyen": "dang_bo_huyen",
  "dang bo quan": "dang_bo_huyen",
  "dang bo thi xa": "dang_bo_huyen",
  "dang bo xa": "dang_bo_xa",
  "dang bo phuong": "dang_bo_xa",
  "dang bo dac khu": "dang_bo_xa",
  "dang uy xa": "dang_bo_xa",
  "dang uy phuong": "dang_bo_xa",
  "dang bo co so": "dang_bo_co_so",
  "chi bo co so": "chi_bo_co_so",
  "chi bo truc thuoc": "chi_bo_truc_thuoc",
  "chi bo": "chi_bo",
  "dang uy bo phan": "dang_uy_bo_phan",
  "to dang": "to_dang",
};

/** Loại: the kinds as offices name them ("Chi bộ", "Đảng bộ xã", …) or chibo's own codes. */
export function parseKind(cell: RawCell): Parsed<ImportOrgKind> {
  const text = cellText(cell);
  if ((ORG_KINDS as readonly string[]).includes(text)) return ok(text as OrgKind);
  const kind = KIND_LABELS[words(cell)];
  return kind ? ok(kind) : fail("bad_kind");
}

/** A plain "Chi bộ" under a basic-level committee is a dependent cell; elsewhere a basic-level cell. */
export function cellKindUnder(parentKind: string | null): OrgKind {
  return parentKind === "dang_bo_co_so" || parentKind === "dang_uy_bo_phan" ? "chi_bo_truc_thuoc" : "chi_bo_co_so";
}

/**
 * Rank in the tree: a child ranks below its parent. A cell never holds a committee; a dependent cell
 * sits under a basic-level committee or a section committee.
 */
export const KIND_RANK: Record<OrgKind, number> = {
  dang_bo_tinh: 0,
  dang_bo_huyen: 1,
  dang_bo_xa: 2,
  dang_bo_co_so: 3,
  chi_bo_co_so: 3,
  dang_uy_bo_phan: 4,
  chi_bo_truc_thuoc: 5,
  to_dang: 6,
};

const CATCHMENTS: Record<string, string> = {
  thon: "thon",
  ban: "thon",
  xom: "thon",
  "to dan pho": "thon",
  "khu pho": "thon",
  "thon ban": "thon",
  "thon to dan pho": "thon",
  "co quan": "co_quan",
  truong: "truong",
  "truong hoc": "truong",
  "doanh nghiep": "doanh_nghiep",
  "luc luong vu trang": "luc_luong_vu_trang",
  "cong an": "luc_luong_vu_trang",
  "quan su": "luc_luong_vu_trang",
};

/** Loại hình (catchment): thôn/tổ dân phố, cơ quan, trường học, doanh nghiệp, lực lượng vũ trang. */
export function parseCatchment(cell: RawCell): Parsed<string> {
  const value = CATCHMENTS[words(cell)];
  return value ? ok(value) : fail("bad_catchment");
}

/** The kind of area from how its name starts: "thôn Pò Lài" → village, "phường Kỳ Lừa" → ward. */
export function areaKindOf(areaName: string): AreaKind | null {
  const w = fold(areaName);
  if (/^(to dan pho|khu pho|to )/.test(w)) return "residential_group";
  if (/^(thon|ban|xom|lang|khoi|khu|ap|buon|plei|soc) /.test(w)) return "village";
  if (/^phuong /.test(w)) return "ward";
  if (/^(xa|dac khu) /.test(w)) return "commune";
  if (/^(tinh|thanh pho) /.test(w)) return "province";
  return null;
}

/** Where a role is held: in the member's own cell, or in the committee above it (or the one named). */
export type RoleScope = "cell" | "upper";

export interface ListedRole {
  role: Role;
  scope: RoleScope;
}

const ROLE_LABELS: [string, ListedRole | null][] = [
  ["pho bi thu", { role: "deputy_secretary", scope: "cell" }],
  ["bi thu", { role: "secretary", scope: "cell" }],
  ["chi uy vien", { role: "cell_committee", scope: "cell" }],
  ["uy vien chi uy", { role: "cell_committee", scope: "cell" }],
  ["chi uy", { role: "cell_committee", scope: "cell" }],
  ["uy vien ban thuong vu", { role: "commune_standing", scope: "upper" }],
  ["thuong vu", { role: "commune_standing", scope: "upper" }],
  ["dang uy vien", { role: "commune_committee", scope: "upper" }],
  ["uy vien ban chap hanh", { role: "commune_committee", scope: "upper" }],
  ["cap uy vien", { role: "commune_committee", scope: "upper" }],
  ["van phong", { role: "office_staff", scope: "upper" }],
  ["van phong dang uy", { role: "office_staff", scope: "upper" }],
  ["can bo van phong", { role: "office_staff", scope: "upper" }],
  // Every party member of a cell is a member; saying so adds nothing.
  ["dang vien", null],
];

/** The accepted "Chức vụ" labels, for the error message. */
export const ROLE_LABELS_SHOWN = "bí thư, phó bí thư, chi ủy viên, đảng ủy viên, ủy viên ban thường vụ, văn phòng";

/** Chức vụ: several roles separated by , ; / or new lines: "Bí thư, Đảng ủy viên". */
export function parseRoles(cell: RawCell): Parsed<ListedRole[]> {
  const parts = cellText(cell)
    .split(/[,;/+\n]| và /)
    .map((p) => fold(p).replace(/[^a-z0-9]+/g, " ").trim().replace(/ chi bo$/, ""))
    .filter(Boolean);
  const roles: ListedRole[] = [];
  for (const part of parts) {
    const entry = ROLE_LABELS.find(([label]) => label === part);
    if (!entry) return fail("bad_role", { accepted: ROLE_LABELS_SHOWN });
    const role = entry[1];
    if (role && !roles.some((r) => r.role === role.role)) roles.push(role);
  }
  return ok(roles);
}

/** Ngày sinh hoạt: "ngày 5", "5", "thứ Bảy tuần đầu", "Chủ nhật cuối tháng", "mùng 5 âm lịch", "rằm". */
export function parseMeetingDayCell(cell: RawCell): Parsed<MeetingDay> {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1 && cell <= 31 ? ok({ kind: "day_of_month", day: cell }) : fail("bad_meeting_day");
  const day = parseMeetingDay(cellText(cell));
  return day ? ok(day) : fail("bad_meeting_day");
}

const MINUTES_PER_DAY = 24 * 60;

/** Giờ sinh hoạt: "19:30", "19h30", "19h"; an Excel time cell (a fraction of a day, or a date on 30/12/1899). */
export function parseMeetingTimeCell(cell: RawCell): Parsed<string> {
  let minutes: number | null = null;
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
  else if (typeof cell === "number" && cell > 0 && cell < 1) minutes = Math.round(cell * MINUTES_PER_DAY);
  if (minutes !== null) return minutes < MINUTES_PER_DAY ? ok(`${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`) : fail("bad_meeting_time");
  const time = parseMeetingClock(cellText(cell));
  return time ? ok(time) : fail("bad_meeting_time");
}

/** Địa điểm sinh hoạt: free text. */
export const parseMeetingPlace = parseText(MAX_PLACE);

/** Sinh hoạt chuyên đề: the month of each quarter ("tháng cuối quý", "tháng 3, 6, 9, 12"). */
export function parseThematicCell(cell: RawCell): Parsed<number> {
  const month = typeof cell === "number" ? (Number.isInteger(cell) && cell >= 1 && cell <= 12 ? ((cell - 1) % 3) + 1 : null) : parseThematicMonth(cellText(cell));
  return month ? ok(month) : fail("bad_thematic");
}

/** Most people one household registers; more is a wrong column. */
export const MAX_PEOPLE_PER_HOUSEHOLD = 99;

/** Số nhân khẩu: a whole number from 1 to 99. */
export function parsePeopleCount(cell: RawCell): Parsed<number> {
  const text = cellText(cell);
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_PEOPLE_PER_HOUSEHOLD ? ok(n) : fail("bad_people_count", { max: MAX_PEOPLE_PER_HOUSEHOLD });
}
