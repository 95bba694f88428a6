/**
 * Vietnamese lunar calendar (âm lịch) after Hồ Ngọc Đức's published algorithm
 * (astronomical new moons and solar terms, computed at UTC+7 — Vietnam's calendar
 * differs from China's in some years because of the time zone).
 *
 * @example tetDay(2026) // dayOf(2026, 2, 17)
 */
import { dayOf, ymdOf, type Ymd } from "./day.js";

export const VIETNAM_TZ_HOURS = 7;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

const PI = Math.PI;
const JD_UNIX_EPOCH = 2440588; // Julian day number of 1970-01-01
const SYNODIC = 29.530588853;
const K0 = 2415021.076998695;

function jdFromDate(dd: number, mm: number, yy: number): number {
  return dayOf(yy, mm, dd) + JD_UNIX_EPOCH;
}

function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  let deltat: number;
  if (T < -11) deltat = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
  else deltat = -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltat;
}

function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - PI * 2 * Math.floor(L / (PI * 2));
  return L;
}

function sunLongitudeSector(dayNumber: number, tz: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);
}

function lunarMonth11(yy: number, tz: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = Math.floor(off / SYNODIC);
  let nm = newMoonDay(k, tz);
  if (sunLongitudeSector(nm, tz) >= 9) nm = newMoonDay(k - 1, tz);
  return nm;
}

function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - K0) / SYNODIC + 0.5);
  let last: number;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Lunar date of a solar (Gregorian) date, at UTC+7 by default. */
export function solarToLunar(y: number, m: number, d: number, tz: number = VIETNAM_TZ_HOURS): LunarDate {
  const dayNumber = jdFromDate(d, m, y);
  const k = Math.floor((dayNumber - K0) / SYNODIC);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(y, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = y;
    a11 = lunarMonth11(y - 1, tz);
  } else {
    lunarYear = y + 1;
    b11 = lunarMonth11(y + 1, tz);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/** Solar date of a lunar date, or null when that (leap) month does not exist. */
export function lunarToSolar(
  lunarDay: number, lunarMonth: number, lunarYear: number, leap = false, tz: number = VIETNAM_TZ_HOURS,
): Ymd | null {
  let a11: number;
  let b11: number;
  if (lunarMonth < 11) {
    a11 = lunarMonth11(lunarYear - 1, tz);
    b11 = lunarMonth11(lunarYear, tz);
  } else {
    a11 = lunarMonth11(lunarYear, tz);
    b11 = lunarMonth11(lunarYear + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - K0) / SYNODIC);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && lunarMonth !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, tz);
  return ymdOf(monthStart + lunarDay - 1 - JD_UNIX_EPOCH);
}

/** Day number (see `dayOf`) of a lunar date; null when it does not exist. */
export function lunarDay(lunarDayOfMonth: number, lunarMonth: number, lunarYear: number, leap = false): number | null {
  const s = lunarToSolar(lunarDayOfMonth, lunarMonth, lunarYear, leap);
  return s ? dayOf(s.y, s.m, s.d) : null;
}

/** Day number of Tết Nguyên Đán (lunar 1/1) of a lunar year. */
export function tetDay(lunarYear: number): number {
  return lunarDay(1, 1, lunarYear) as number;
}

/** The first Tết on or after a day (for "trước Tết"). */
export function nextTetOnOrAfter(day: number): number {
  const { y } = ymdOf(day);
  const tet = tetDay(y);
  return tet >= day ? tet : tetDay(y + 1);
}
