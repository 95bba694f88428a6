import { formatDay, formatTime } from "../../domain/calendar/day.js";
import type { FieldDefinition } from "../../domain/forms/form-definition.js";
import { findDates, resolveDate } from "../../domain/parse/dates.js";
import { prepare } from "../../domain/parse/prepare.js";
import { readResolutionText } from "../../domain/parse/resolutions.js";
import { findDuration, findTimes } from "../../domain/parse/times.js";
import { fold } from "../../domain/text/fold.js";
import { parseCount } from "../../domain/text/number-words.js";
import { formatDateVi } from "../../domain/time.js";

export type Answer = { ok: true; value: unknown } | { ok: false; code: string };

const YES = new Set(["co", "c", "yes", "y", "x", "dung", "roi", "co du", "co mat", "du", "ok", "dc", "duoc"]);
const NO = new Set(["khong", "ko", "k", "kg", "hok", "no", "n", "chua", "khong co", "ko co", "vang"]);

/** Words a person may type for each enum option (folded). */
const ENUM_WORDS: Record<string, Record<string, string>> = {
  kind: {
    regular: "regular", "thuong ky": "regular", "dinh ky": "regular", tk: "regular", "thuong": "regular",
    thematic: "thematic", "chuyen de": "thematic", cd: "thematic", shcd: "thematic",
    combined: "combined", "ket hop": "combined", kh: "combined",
  },
  cell_self_level: { htxs: "HTXS", htt: "HTT", ht: "HT", kht: "KHT" },
};

/** A number typed with Vietnamese habits: "25", "hăm lăm", "312.000đ", "5,2". */
function readNumber(text: string, decimal: boolean): number | null {
  const t = fold(text).replace(/\s*(d|dong|vnd|km2|km|nguoi|ho|dv|dong chi|phut|p)\.?$/u, "").trim();
  if (/^-/.test(t)) return -1;
  if (decimal && /^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, "")); // 312.000 = 312000
  if (/^\d+$/.test(t)) return Number(t);
  return parseCount(t);
}

/** Fields counted in minutes, which a person may answer in hours ("1 tiếng rưỡi", "2h"). */
const DURATION_FIELDS = new Set(["duration_min"]);

/** Hours as a whole answer to "how long": "2h", "1h30", "2 giờ", "1 giờ rưỡi". */
const RE_HOURS = /^(\d{1,2})\s?(?:h|g|gio)(?:\s?(\d{1,2})(?:\s?(?:p|ph|phut))?|\s?(ruoi))?$/;

/** Minutes from "90", "90 phút", "1 tiếng rưỡi", "một tiếng rưỡi", "1,5 tiếng", "2h", "1h30". */
function readMinutes(text: string, now: Date): number | null {
  const hours = RE_HOURS.exec(fold(text).replace(/[.!]+$/, "").trim());
  if (hours) return Number(hours[1]) * 60 + (hours[2] ? Number(hours[2]) : 0) + (hours[3] ? 30 : 0);
  const stated = findDuration(prepare(text, now));
  return stated ? stated.minutes : readNumber(text, false);
}

/**
 * Read a typed answer for one field. Dates and times are read like the quick-report parser reads them
 * ("hôm qua", "5/11", "mùng 5", "7 rưỡi tối"), relative to the message time.
 */
export function readAnswer(field: FieldDefinition, text: string, now: Date): Answer {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, code: "empty" };
  switch (field.type) {
    case "int":
    case "money":
    case "decimal": {
      const n = DURATION_FIELDS.has(field.key) ? readMinutes(trimmed, now) : readNumber(trimmed, field.type === "decimal");
      if (n === null) return { ok: false, code: "not_a_number" };
      if (n < 0) return { ok: false, code: "negative" };
      return { ok: true, value: n };
    }
    case "date": {
      const p = prepare(trimmed, now);
      const mention = findDates(p)[0];
      const day = mention ? resolveDate(mention, p.now, "past") : null;
      return day === null ? { ok: false, code: "bad_date" } : { ok: true, value: formatDay(day) };
    }
    case "time": {
      const p = prepare(trimmed, now);
      const time = findTimes(p)[0];
      if (time) return { ok: true, value: formatTime(time.minutes) };
      const bare = /^(\d{1,2})$/.exec(trimmed);
      if (bare && Number(bare[1]) < 24) return { ok: true, value: `${bare[1]!.padStart(2, "0")}:00` };
      return { ok: false, code: "bad_time" };
    }
    case "bool": {
      const f = fold(trimmed).replace(/[.!]+$/, "");
      if (YES.has(f)) return { ok: true, value: true };
      if (NO.has(f)) return { ok: true, value: false };
      return { ok: false, code: "bad_bool" };
    }
    case "enum": {
      const f = fold(trimmed);
      const mapped = ENUM_WORDS[field.key]?.[f] ?? (field.options ?? []).find((o) => fold(o) === f);
      return mapped ? { ok: true, value: mapped } : { ok: false, code: "bad_choice" };
    }
    case "text":
      return { ok: true, value: trimmed.slice(0, 500) };
    case "text_list":
      return { ok: true, value: trimmed.split(/\s*(?:;|\n|\s\+\s)\s*/).filter(Boolean).slice(0, 30) };
    case "resolutions": {
      const items = readResolutionText(trimmed, now).slice(0, 30);
      return items.length > 0 ? { ok: true, value: items } : { ok: false, code: "no_items" };
    }
    case "absentees":
    case "scores":
      return { ok: false, code: "quick_only" };
  }
}

