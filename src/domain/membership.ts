import { fold } from "./text/fold.js";

/** Why a member leaves the cell's rolls (domain §3 "Member changes"). */
export const LEAVE_REASONS = ["transferred_out", "expelled", "deceased"] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

const LEAVE_WORDS: Record<string, LeaveReason> = {
  "chuyen di": "transferred_out",
  "chuyen sinh hoat di": "transferred_out",
  "chuyen dang chinh thuc di": "transferred_out",
  "chuyen-di": "transferred_out",
  "transferred out": "transferred_out",
  transferred_out: "transferred_out",
  "ra khoi dang": "expelled",
  "ra-khoi-dang": "expelled",
  "xoa ten": "expelled",
  "khai tru": "expelled",
  "xin ra khoi dang": "expelled",
  expelled: "expelled",
  "tu tran": "deceased",
  "tu-tran": "deceased",
  "tu the": "deceased",
  "qua doi": "deceased",
  deceased: "deceased",
};

/** "chuyển đi", "ra khỏi Đảng", "từ trần" (with or without diacritics, or the English id) → the reason; null otherwise. */
export function readLeaveReason(text: string): LeaveReason | null {
  const key = fold(text).replace(/\s+/g, " ").trim();
  return LEAVE_WORDS[key] ?? null;
}

/** Statute art. 5: a probationary member's probation lasts 12 months from admission. */
export const PROBATION_MONTHS = 12;
/** Days before probation ends that the secretary and the commune office are reminded to consider full membership. */
export const PROBATION_NOTICE_DAYS = 30;

/**
 * The day probation ends: 12 months after admission, on the same day of the month (the last day
 * when the month is shorter: admitted 29/02/2024 → 28/02/2025).
 *
 * @example probationEnd("2025-12-15") // "2026-12-15"
 */
export function probationEnd(admittedOn: string): string {
  return addMonthsClamped(admittedOn, PROBATION_MONTHS);
}

/**
 * The same day `months` later, or the month's last day when it is shorter (29/02 + 12 → 28/02).
 *
 * @example addMonthsClamped("2020-02-29", 60) // "2025-02-28"
 */
export function addMonthsClamped(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** A probationary member as the reminders and the roll-up see them. */
export interface Probationer {
  personId: number;
  name: string;
  cellId: number;
  admittedOn: string;
}

/** Probation ended before `today` and the member is still probationary: the cell is late to decide. */
export function probationOverdue(p: Pick<Probationer, "admittedOn">, today: string): boolean {
  return probationEnd(p.admittedOn) < today;
}
