/**
 * Admission figures (domain §3): "nam nay cb ket nap dc 2 dv moi: 1 nu dtts, 1 sinh
 * vien, chuyen chinh thuc 3 dc. dang lam ho so chuyen chinh thuc cho dc Vy". Categories
 * overlap (one woman of a minority counts in both) and are never added up into the total.
 * "Chuyển chính thức" done in the period is `made_full` (a count); under way ("đang làm hồ
 * sơ", "chờ") it names the members in `pending_full`.
 */
import { foldSameLength } from "../text/fold-same-length.js";
import { parseCount } from "../text/number-words.js";
import { titleCase } from "./names.js";
import { readQuarter, readYear } from "./period.js";
import { COMRADE, COUNT } from "./patterns.js";
import { clauseEnd, readName, type Prepared } from "./prepare.js";
import type { AdmissionsFields, ParseResult } from "./types.js";

const PERSON = "(?:dv|dang vien|ddv|quan chung|qc|dong chi|d\\/c|dc|nguoi|ca nhan)";
// Words between "kết nạp" and its count: "kết nạp được", "kết nạp đảng năm 2025:", "kết nạp mới trong năm".
const ADMIT_FILLER = "(?:\\s+(?:duoc|dc|moi|them|dang vien|vao dang|dang|nam nay|trong nam|nam \\d{4}|\\d{4}|quy [ivx1-4]+(?:\\/\\d{4})?))*";
// A count is never a year ("kết nạp năm 2025": "năm" is no five).
const NOT_YEAR = "(?!\\s*(?:19|20)\\d\\d\\b)(?!\\d{4})";
const RE_ADMITTED = new RegExp(
  `\\b(?:ket nap|kn)${ADMIT_FILLER}\\s*:?\\s*(?!(?:19|20)\\d\\d\\b)(${COUNT})\\b${NOT_YEAR}(?!\\s*(?:thang|quy|nam)\\b)(?!\\s?[/.]\\d)\\s*(?:${PERSON}\\b)?|(${COUNT})\\s*(?:dv|dang vien|ddv|quan chung)\\s*moi\\b|\\b(?:so dv moi|so dang vien moi|dv moi|dang vien moi)\\s*:?\\s*(${COUNT})\\b`,
  "g",
);
// "kết nạp đ/c Hoàng Văn Bình (Tày, đoàn viên)": the admitted named, one by one.
const RE_ADMITTED_NAMED = new RegExp(`\\b(?:ket nap|kn)(?:\\s+(?:duoc|them|moi))*\\s+(?:cho\\s+)?(?=(?:${COMRADE}|quan chung|qc)\\s+\\p{L})`, "gu");
const RE_COMRADE_AT = new RegExp(`(?:^|[\\s,;:(])${COMRADE}\\s+(?=\\p{L})`, "gu");
// "2 đ/c mới kết nạp", "cả 3 đồng chí vừa được kết nạp": the admitted, named again to describe them.
const RE_ADMITTED_AGAIN = new RegExp(`(?<![\\d/])(${COUNT})\\s*${PERSON}\\s+(?:moi|vua|da)?\\s*(?:duoc\\s+)?(?:ket nap|kn)\\b`);
const RE_LINE_COMRADE = new RegExp(`(?:^|\\n)\\s*(?:[-+*•]\\s*|\\d{1,2}[.)]\\s*)?${COMRADE}\\s+`, "g");
const RE_ADMITTED_WORD = /\b(?:ket nap|kn)\b/;
const RE_FULL_WORD = /\bchuyen\s+(?:dang\s+)?(?:chinh\s+thuc|ct)\b|\bcct\b/;
const RE_PLAN_WORD = /\b(?:de nghi|xet|du kien|phan dau|se)\s+ket nap\b/;
const RE_ADMITTED_OF_TARGET = new RegExp(`\\b(?:ket nap|kn)\\s+(?:duoc\\s+)?dat\\s+(${COUNT})\\s*\\/\\s*${COUNT}\\b`);
// "…. Cả 3 đều là người Tày": said of every one admitted, in a sentence of its own.
const RE_ALL_AGAIN = new RegExp(`\\bca\\s+(${COUNT})\\s*(?:${PERSON}\\s*)?(?:deu\\s+)?(?:la\\s+)?`, "g");
const RE_ALL_OF_THEM = /\b(?:ca hai|ca ba|ca \d+|tat ca|deu)\b/;
// A plan or a target, not a result: "phấn đấu kết nạp 2 đảng viên", "chỉ tiêu kết nạp 3".
const RE_PLAN = /\b(?:phan dau|chi tieu|ke hoach|muc tieu|dang ky|du kien|se|can|xet|de nghi)\s+(?:\S+\s+){0,2}$/;
const RE_NONE_ADMITTED = /\b(?:chua|khong|ko|k|kg|hok)\s+(?:co\s+)?ket nap\s*(?:duoc|dc)?\s*(?:ai|dv nao|dang vien nao|them|ai ca|duoc ai)?\b|\bket nap\s*(?:moi)?(?:\s+(?:nam\s?\d{4}|quy\s?[ivx1-4]+))?\s*:?\s*(?:khong|ko|0)\b(?!\s*\/)/;

interface Trait {
  key: "women" | "ethnic_minority" | "students" | "youth_union" | "religious";
  re: string;
}
const TRAITS: Trait[] = [
  { key: "religious", re: "(?:ton giao|nguoi co dao|nguoi theo dao|co dao|theo dao|dv co dao|cong giao|tin lanh|phat giao|dao thien chua|thien chua giao)" },
  { key: "women", re: "(?:dang vien nu|dv nu|phu nu|nu)" },
  { key: "ethnic_minority", re: "(?:dtts|dan toc thieu so|nguoi dan toc thieu so|nguoi dan toc(?! kinh)|dan toc(?! kinh)|nguoi tay|nguoi nung|nguoi dao|nguoi mong|tay|nung|h mong|h'mong|mong|san chay|san diu|thai|muong|dao(?! (?:cong|tin|phat|thien)))" },
  { key: "students", re: "(?:hoc sinh sinh vien|hssv|sinh vien|sv|hoc sinh|hs)" },
  { key: "youth_union", re: "(?:doan vien thanh nien|doan vien|dvtn|dtn)" },
];
const RE_TRAIT_LINE = new RegExp(`^(?:[-+*•]\\s*)?(?:${TRAITS.map((t) => t.re).join("|")})\\s*:?\\s*(?:${COUNT}|khong)\\b`);
// "đồng chí nam người Tày": "nam" (male) before a trait is no five.
const TRAIT_COUNT_FIRST = TRAITS.map((t) => ({ key: t.key, re: new RegExp(`(?<![\\d/])(?!nam\\b)(${COUNT})\\s*(?:${PERSON}\\s*)?(?:deu\\s+)?(?:la\\s+)?${t.re}\\b`, "g") }));
// "sinh viên năm cuối", "đoàn viên năm 2024": "năm" there is no five.
const TRAIT_LABEL_FIRST = TRAITS.map((t) => ({ key: t.key, re: new RegExp(`\\b${t.re}\\s*(?:la|co)?\\s*:?\\s*(?!nam\\s+[a-z\\d])(${COUNT}|khong)\\b(?!\\s?[/.]\\d)`, "g") }));
const TRAIT_WORD = TRAITS.map((t) => ({ key: t.key, re: new RegExp(`\\b${t.re}\\b`) }));
// "dân tộc Kinh", "người Kinh", "không theo tôn giáo": not the trait.
const RE_NOT_TRAIT = /\b(?:dan toc kinh|nguoi kinh|(?:khong|ko|k)(?: co)?(?: ai| dc nao| dv nao| dong chi nao| nguoi nao)?(?: theo)? (?:ton giao|dao))\b/g;

const RE_FULL = /\bchuyen\s+(?:dang\s+)?(?:chinh\s+thuc|ct)\b|\bcct\b/g;
const RE_UNDER_WAY = /\b(?:dang lam|lam ho so|lam thu tuc|hoan thien ho so|ho so|dang cho|cho|chuan bi|de nghi|sap|se|dang xet|xet|du kien|chua|du dieu kien|moi du)\b[^.;\n]{0,25}$/;
const RE_UNDER_WAY_WORD = /\b(?:dang|lam ho so|lam thu tuc|ho so|cho|chuan bi|de nghi|sap|se|xet|du kien|du dieu kien)\b/;
// "kết nạp 2 đ/c nữ, 1 đ/c nam": the admitted counted by sex.
const RE_BY_SEX = new RegExp(`\\b(?:ket nap|kn)(?:\\s+(?:duoc|dc|moi))?\\s+(${COUNT})\\s*(?:${PERSON}\\s*)?(nu|nam)\\s*(?:,|;|va)\\s*(${COUNT})\\s*(?:${PERSON}\\s*)?(nu|nam)\\b`);
// "không có đ/c nào đang chờ chuyển chính thức": none pending, stated.
const RE_NONE_PENDING = /\b(?:khong|ko|k|chua)\s+(?:co|con)\s+(?:ai|dc nao|d\/c nao|dong chi nao|dv nao|dang vien nao|truong hop nao)\b[^.;\n]{0,30}$/;
// "không có đảng viên (nào) chuyển chính thức".
const RE_NONE_BEFORE = /\b(?:khong|ko|k|chua)\s+(?:co\s+)?(?:ai|dang vien|dv|dong chi|dc|d\/c|truong hop)?\s*(?:du bi\s+)?(?:nao\s+)?(?:duoc\s+)?$/;
// "hiện còn 2 đảng viên dự bị (đ/c Lục Thị Vân, đ/c Mã Văn Cường)", "còn 1 đồng chí dự bị là đ/c Giàng A Páo".
const RE_STILL_PROBATIONARY = new RegExp(`\\b(?:(?:con|hien(?:\\s+(?:chi bo|cb))?\\s+co|hien con|dang co|chi bo co)\\s+(?:${COUNT}\\s+)?(?:${PERSON}\\s+)?(?:dang vien\\s+|dv\\s+)?du bi\\b|(?:dang vien|dv)\\s+du bi\\s+(?:hien co|hien con|con lai|hien nay|con))\\s*(?:la|gom|:|\\()?\\s*`, "g");
// "Hiện không còn đv dự bị": none pending, stated.
const RE_NO_PROBATIONARY = /\b(?:khong|ko|k|chua)\s+(?:con|co)\s+(?:ai\s+|dv\s+|dang vien\s+|dong chi\s+|d\/c\s+)?(?:nao\s+)?(?:la\s+)?(?:dang vien\s+|dv\s+)?du bi\b/;
const RE_FULL_COUNT = new RegExp(`^\\s*(?:cho\\s+)?(?:duoc\\s+)?:?\\s*(${COUNT})\\b(?!\\s?[/.]\\d)\\s*(?:${PERSON}\\b)?`);
const RE_COUNT_BEFORE_FULL = new RegExp(`(${COUNT})\\s*(?:${PERSON}\\s*)?(?:du bi\\s*)?(?:da\\s+)?(?:duoc\\s+)?$`);
const RE_NAME_LEAD = new RegExp(`^\\s*(?:cho\\s+)?(?:cac\\s+)?(?:quan chung\\s+|qc\\s+)?(?:${COMRADE}\\s*:?\\s*)?(?:la\\s+)?(?:${COMRADE}\\s+)?(?::\\s*)?(?:\\(\\s*)?(?:${COMRADE}\\s+)?`);
const RE_NAME_BEFORE = new RegExp(`${COMRADE}\\s+((?:[a-z]+\\s){1,4})(?:dang\\s+)?(?:cho|doi|lam ho so|lam thu tuc|chuan bi|du kien)\\s+(?:de\\s+|xet\\s+)?$`);
// ";" goes on to a name only with "đ/c" after it ("…, Hứa Thị Quyên; quý này …" ends the list).
const RE_NAME_SEP = new RegExp(`^\\s*(?:,|;(?=\\s*${COMRADE}\\s)|va|\\+|-)\\s*(?:${COMRADE}\\s+)?`);

export function parseAdmissions(p: Prepared): ParseResult<"admissions"> {
  const f = p.f;
  const fields: AdmissionsFields = {};
  fields.period = readQuarter(p) ?? readYear(p);

  RE_ADMITTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ADMITTED.exec(f))) {
    // "kết nạp 2/3 số đảng viên": not a count of the admitted.
    const n = parseCount((m[1] ?? m[2] ?? m[3]) as string);
    if (n === null) continue;
    if (RE_PLAN.test(f.slice(Math.max(0, m.index - 30), m.index))) continue;
    fields.admitted = n;
    readTraits(p, m.index, m.index + m[0].length, n, fields);
    break;
  }
  const bySex = RE_BY_SEX.exec(f);
  if (bySex && bySex[2] !== bySex[4]) {
    const a = parseCount(bySex[1] as string);
    const b = parseCount(bySex[3] as string);
    if (a !== null && b !== null) {
      fields.admitted = a + b;
      const women = bySex[2] === "nu" ? a : b;
      readTraits(p, bySex.index, bySex.index + bySex[0].length, a + b, fields);
      fields.women = women;
    }
  }
  // "kết nạp đạt 2/2": two admitted, of a target of two.
  if (fields.admitted === undefined && (m = RE_ADMITTED_OF_TARGET.exec(f))) {
    const n = parseCount(m[1] as string);
    if (n !== null) {
      fields.admitted = n;
      readTraits(p, m.index, m.index + m[0].length, n, fields);
    }
  }
  if (fields.admitted === undefined && RE_NONE_ADMITTED.test(f)) fields.admitted = 0;
  if (fields.admitted === undefined) readAdmittedByName(p, fields);
  // "KN 3 đv (1 nữ). Cả 3 đều là người Tày": a trait of all of them, stated apart, beats a zero.
  if (fields.admitted !== undefined && fields.admitted > 1) {
    RE_ALL_AGAIN.lastIndex = 0;
    while ((m = RE_ALL_AGAIN.exec(f))) {
      if (parseCount(m[1] as string) !== fields.admitted) continue;
      const clause = f.slice(m.index + m[0].length, sentenceEnd(f, m.index)).replace(RE_NOT_TRAIT, " ");
      for (const t of TRAIT_WORD) if (t.re.test(clause) && !fields[t.key]) fields[t.key] = fields.admitted;
    }
  }
  // "kết nạp 2 đ/c, chuyển chính thức 1 đ/c. 2 đ/c mới kết nạp đều là nữ": described later.
  if (fields.admitted !== undefined && fields.admitted > 0 && fields.women === undefined && fields.ethnic_minority === undefined && fields.students === undefined) {
    const back = RE_ADMITTED_AGAIN.exec(f);
    if (back && parseCount(back[1] as string) === fields.admitted) readTraits(p, back.index, back.index + back[0].length, fields.admitted, fields);
  }

  readFull(p, fields);

  if (fields.admitted === undefined && !fields.pending_full && fields.made_full === undefined) {
    return { ok: false, errors: ["not_a_report: no admission fields found"] };
  }
  const warnings: string[] = [];
  for (const k of ["women", "ethnic_minority", "students", "youth_union", "religious"] as const) {
    const v = fields[k];
    if (v !== undefined && fields.admitted !== undefined && v > fields.admitted) warnings.push(`category_exceeds_admitted: ${k} ${v} > ${fields.admitted}`);
  }
  const missing = fields.admitted === undefined ? ["admitted"] : [];
  return { ok: true, form: "admissions", fields, missing, warnings };
}

/** Traits of the admitted, in the clause after the count: "(2 nữ, 1 sinh viên)", "nữ: 1; DTTS: 2", "đều là nữ". */
function readTraits(p: Prepared, start: number, countEnd: number, admitted: number, fields: AdmissionsFields): void {
  const f = p.f;
  // The sentence after the count ("; cả 2 đều là đoàn viên" still describes them), up to "chuyển chính thức".
  let end = sentenceEnd(f, countEnd);
  // "Kết nạp mới: 3 đ/c. Nữ: 2. DTTS: 3.": the next sentences that open with a trait and its count.
  for (;;) {
    const next = /^[.\s]*/.exec(f.slice(end)) as RegExpExecArray;
    const at = end + next[0].length;
    if (at >= f.length || !RE_TRAIT_LINE.test(f.slice(at, at + 40))) break;
    end = sentenceEnd(f, at);
  }
  RE_FULL.lastIndex = countEnd;
  const full = RE_FULL.exec(f);
  if (full && full.index < end) end = full.index;
  const region = f.slice(start, end);
  if (admitted === 0) return;
  const found: Partial<Record<Trait["key"], number>> = {};
  const taken: [number, number][] = [];
  for (const list of [TRAIT_LABEL_FIRST, TRAIT_COUNT_FIRST]) {
    for (const t of list) {
      if (found[t.key] !== undefined) continue;
      t.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = t.re.exec(region))) {
        const s = m.index;
        const g = m[1] as string;
        const gi = s + m[0].lastIndexOf(g);
        if (gi < countEnd - start) continue;
        if (taken.some(([a, b]) => gi >= a && gi < b)) continue;
        const n = g === "khong" ? 0 : parseCount(g);
        if (n === null) continue;
        found[t.key] = n;
        if (list === TRAIT_LABEL_FIRST) taken.push([gi, gi + g.length]);
        break;
      }
    }
  }
  // "1 nữ dtts": traits after one count share it.
  // "1 đồng chí nam người Tày": "nam" there is no five.
  const piece = new RegExp(`(?<![\\d/])(?!nam\\b)(${COUNT})\\s+((?:[a-z']+\\s*){1,9})`, "g");
  let pm: RegExpExecArray | null;
  const pieceSums: Partial<Record<Trait["key"], number>> = {};
  const pieces: { k: number; words: string; hits: number }[] = [];
  while ((pm = piece.exec(region))) {
    if (pm.index < countEnd - start) continue;
    const k = parseCount(pm[1] as string);
    if (k === null) continue;
    const words = pm[2] as string;
    let hits = 0;
    for (const t of TRAIT_WORD) if (t.re.test(words)) hits++;
    pieces.push({ k, words, hits });
  }
  // Once one piece describes a person by several traits ("1 nữ người Nùng"), the others of the
  // list count with one ("1 nam người Kinh là sinh viên").
  const minHits = pieces.some((x) => x.hits >= 2) ? 1 : 2;
  for (const { k, words, hits } of pieces) {
    if (hits < minHits) continue;
    const clean = minHits === 1 ? words.replace(RE_NOT_TRAIT, " ") : words;
    for (const t of TRAIT_WORD) if (t.re.test(clean) && (minHits === 1 || !words.match(RE_NOT_TRAIT))) pieceSums[t.key] = (pieceSums[t.key] ?? 0) + k;
  }
  for (const [k, v] of Object.entries(pieceSums) as [Trait["key"], number][]) if (found[k] === undefined) found[k] = v;
  // "đ/c Hoàng Thị Mai (nữ, Nùng), đ/c Vi Văn Thắng (Tày, đoàn viên)": each person's traits count once.
  const people = personSegments(region.slice(countEnd - start));
  if (Object.keys(found).length === 0 && people.length >= 2) {
    const all: Partial<Record<Trait["key"], true>> = {};
    for (const seg of people) {
      const clean = seg.replace(RE_NOT_TRAIT, " ");
      // "…, đ/c Thào A Páo, cả hai đều là người H'Mông": what follows "cả hai"/"đều" is said of every one.
      const both = clean.search(RE_ALL_OF_THEM);
      for (const t of TRAIT_WORD) {
        if (both >= 0 && t.re.test(clean.slice(both))) all[t.key] = true;
        else if (t.re.test(both >= 0 ? clean.slice(0, both) : clean)) found[t.key] = (found[t.key] ?? 0) + 1;
      }
    }
    for (const k of Object.keys(all) as Trait["key"][]) found[k] = admitted;
    if (Object.keys(found).length > 0) for (const k of ["women", "ethnic_minority", "students"] as const) found[k] ??= 0;
  }
  // No counts at all: the traits describe every admitted one ("1 đv nữ, người Nùng", "đều là nữ", "cả 2 là đoàn viên").
  const anyCount = Object.keys(found).length > 0;
  if (!anyCount || admitted === 1 || /\b(?:deu|ca \d+|tat ca|ca hai|ca ba)\b/.test(region)) {
    const clean = region.replace(RE_NOT_TRAIT, " ");
    // "dân tộc Kinh", "không theo tôn giáo": stated, and zero.
    const nots = region.slice(countEnd - start).match(RE_NOT_TRAIT) ?? [];
    for (const n of nots) {
      if (/kinh/.test(n)) found.ethnic_minority ??= 0;
      else found.religious ??= 0;
    }
    for (const t of TRAIT_WORD) {
      if (found[t.key] !== undefined) continue;
      if (t.re.test(clean.slice(countEnd - start))) found[t.key] = admitted;
    }
  }
  if (Object.keys(found).length === 0) return;
  for (const t of TRAITS) if (found[t.key] !== undefined) fields[t.key] = found[t.key];
  // A breakdown was given: the usual categories not named are zero.
  for (const k of ["women", "ethnic_minority", "students"] as const) fields[k] ??= 0;
}

/** "kết nạp đ/c Hoàng Văn Bình (Tày, đoàn viên), đ/c …": as many admitted as names, traits read per person. */
function readAdmittedByName(p: Prepared, fields: AdmissionsFields): void {
  const f = p.f;
  RE_ADMITTED_NAMED.lastIndex = 0;
  let m: RegExpExecArray | null;
  // "- Kết nạp đ/c Lý Thị Mai (nữ, Dao)\n- Kết nạp đ/c Hoàng Văn Tiến (Tày)": one line each, added up.
  const lines: AdmissionsFields[] = [];
  while ((m = RE_ADMITTED_NAMED.exec(f))) {
    if (RE_PLAN.test(f.slice(Math.max(0, m.index - 30), m.index))) continue;
    const names = readNames(p, m.index + m[0].length);
    if (names.length === 0) continue;
    const one: AdmissionsFields = { admitted: names.length };
    readTraits(p, m.index, m.index + m[0].length, names.length, one);
    lines.push(one);
  }
  // "+ đ/c Bàn Văn Quý: Dao, đoàn viên, kết nạp 12/8": the name first, on a line of its own.
  if (lines.length === 0) {
    RE_LINE_COMRADE.lastIndex = 0;
    while ((m = RE_LINE_COMRADE.exec(f))) {
      const lineEnd = f.indexOf("\n", m.index + 1) < 0 ? f.length : f.indexOf("\n", m.index + 1);
      const line = f.slice(m.index, lineEnd);
      if (!RE_ADMITTED_WORD.test(line) || RE_FULL_WORD.test(line) || RE_PLAN_WORD.test(line)) continue;
      const name = readName(p, m.index + m[0].length, false);
      if (!name) continue;
      const one: AdmissionsFields = { admitted: 1 };
      readTraits(p, name.end, name.end, 1, one);
      lines.push(one);
    }
  }
  if (lines.length === 0) return;
  if (lines.length === 1) {
    Object.assign(fields, lines[0]);
    return;
  }
  for (const one of lines) {
    for (const k of ["admitted", ...TRAITS.map((t) => t.key)] as const) {
      const v = one[k];
      if (v !== undefined) fields[k] = (fields[k] ?? 0) + v;
    }
  }
  for (const k of ["women", "ethnic_minority", "students"] as const) fields[k] ??= 0;
}

/** The pieces of `region` that each start at "đ/c …". */
function personSegments(region: string): string[] {
  const starts: number[] = [];
  RE_COMRADE_AT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_COMRADE_AT.exec(region))) starts.push(m.index);
  if (starts.length < 2) {
    // "(Lường Thị Nga - nữ, Thái, đoàn viên; Vi Văn Cường - Nùng)": one person per part.
    const group = /\(([^()]*;[^()]*)\)/.exec(region);
    if (group) return (group[1] as string).split(";");
  }
  return starts.map((s, i) => region.slice(s, starts[i + 1] ?? region.length));
}

function sentenceEnd(f: string, from: number): number {
  let depth = 0;
  for (let i = from; i < f.length; i++) {
    const c = f[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === "\n" || c === "!" || c === "?" || (c === "." && !/\d/.test(f[i + 1] ?? "")))) return i;
  }
  return f.length;
}

/** "chuyển chính thức 2 đ/c", "chuyển chính thức cho đ/c Vy" (done), "đang làm hồ sơ chuyển chính thức cho đ/c Vy" (pending). */
function readFull(p: Prepared, fields: AdmissionsFields): void {
  const f = p.f;
  const pending: string[] = [];
  let made: number | undefined;
  let nonePending = false;
  RE_FULL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_FULL.exec(f))) {
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    const lineStart = Math.max(f.lastIndexOf("\n", m.index), f.lastIndexOf(".", m.index - 1), f.lastIndexOf(";", m.index), f.lastIndexOf(",", m.index));
    const near = f.slice(Math.max(0, lineStart + 1, m.index - 40), m.index);
    // "Đã làm thủ tục chuyển chính thức cho 1 đ/c": done.
    const underWay = RE_UNDER_WAY.test(near) && !/\bda\s+(?:lam|hoan thien|hoan thanh|xong|xet)\b/.test(near);
    const after = m.index + m[0].length;
    const countAfter = RE_FULL_COUNT.exec(f.slice(after, after + 30));
    const countBefore = RE_COUNT_BEFORE_FULL.exec(before);
    const names = readNames(p, after + (countAfter ? countAfter[0].length : 0));
    if (underWay) {
      if (names.length === 0 && RE_NONE_PENDING.test(f.slice(Math.max(0, m.index - 50), m.index))) {
        // "chưa có đ/c nào chuyển chính thức": none made full; "không có đ/c nào đang chờ …": none pending.
        if (RE_UNDER_WAY_WORD.test(near)) nonePending = true;
        else made = made ?? 0;
        continue;
      }
      if (names.length === 0) {
        // "đ/c Hoàng Thị Nhung đang chờ chuyển chính thức": the name comes first.
        const before = RE_NAME_BEFORE.exec(f.slice(Math.max(0, m.index - 60), m.index));
        if (before) {
          const at = Math.max(0, m.index - 60) + before.index + before[0].length - (before[1] as string).length;
          const name = readName(p, at, true, true);
          if (name) names.push(titleCase(name.name));
        } else {
          // "Đ/c Nông Văn Bình hết thời gian dự bị, chi bộ đang làm thủ tục chuyển chính thức": the member named earlier in the sentence.
          // The nearest comrade whose name reads ("dc" may also be "được").
          const s = Math.max(f.lastIndexOf(".", m.index - 1) + 1, f.lastIndexOf("\n", m.index - 1) + 1, f.lastIndexOf(";", m.index - 1) + 1, m.index - 120);
          const c = new RegExp(`${COMRADE}\\s+`, "g");
          c.lastIndex = s;
          let cm: RegExpExecArray | null;
          let found: string | null = null;
          while ((cm = c.exec(f)) && cm.index < m.index) {
            const name = readName(p, cm.index + cm[0].length, true, true);
            if (name && name.end < m.index) found = titleCase(name.name);
          }
          if (found) names.push(found);
        }
      }
      pending.push(...names);
      continue;
    }
    let n: number | null = null;
    // "không có đồng chí nào chuyển chính thức": none, stated.
    if (!countAfter && names.length === 0 && (RE_NONE_PENDING.test(f.slice(Math.max(0, m.index - 50), m.index)) || RE_NONE_BEFORE.test(f.slice(Math.max(0, m.index - 40), m.index)))) n = 0;
    if (countAfter) n = parseCount(countAfter[1] as string);
    else if (countBefore && /\bdu bi\b|\bda\b|\bduoc\b/.test(countBefore[0])) n = parseCount(countBefore[1] as string);
    if (n === null && names.length > 0) n = names.length;
    if (n !== null) made = (made ?? 0) + n;
  }
  RE_STILL_PROBATIONARY.lastIndex = 0;
  while ((m = RE_STILL_PROBATIONARY.exec(f))) {
    for (const n of readNames(p, m.index + m[0].length)) if (!pending.includes(n)) pending.push(n);
  }
  if (made !== undefined) fields.made_full = made;
  // In the order the message names them.
  if (pending.length > 0) fields.pending_full = pending.map((n) => ({ n, at: p.f.indexOf(foldSameLength(n)) })).sort((x, y) => x.at - y.at).map((x) => x.n);
  else if (nonePending || RE_NO_PROBATIONARY.test(f)) fields.pending_full = [];
}

function readNames(p: Prepared, from: number): string[] {
  const f = p.f;
  const out: string[] = [];
  const lead = RE_NAME_LEAD.exec(f.slice(from, from + 40));
  let at = from + (lead ? lead[0].length : 0);
  const hadComrade = lead !== null && /(?:d\/c|d\.c|dc|dong chi|quan chung|qc)/.test(lead[0]);
  for (let i = 0; i < 6; i++) {
    const comrade = hadComrade || (out.length > 0 && /(?:d\/c|d\.c|dc|dong chi)\s*$/.test(f.slice(Math.max(0, at - 10), at)));
    const name = readName(p, at, hadComrade || out.length > 0, comrade);
    if (!name) break;
    if (/^(?:trong|nam|thang|quy|la|cho|so|tong)$/i.test(name.name)) break;
    out.push(titleCase(name.name));
    const sep = RE_NAME_SEP.exec(f.slice(name.end, name.end + 16));
    if (!sep) break;
    at = name.end + sep[0].length;
  }
  return out;
}
