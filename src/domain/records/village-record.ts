import { periodOf } from "../forms/period.js";
import { readDecimalWord, readIntWord } from "./words.js";
import { fold, sameName } from "../text/fold.js";

/**
 * The village / residential-group record (domain §4, "cơ sở dữ liệu về thôn, tổ dân phố"): one
 * village's figures for one quarter, its organizations with their members, and the people who do
 * its work. Pure: reading a secretary's changes, comparing two quarters.
 */

/** Party and mass organizations a village counts members of, in the order offices list them. */
export const ORGANIZATIONS = ["party", "front", "women", "farmers", "veterans", "youth", "elderly", "red_cross"] as const;
export type Organization = (typeof ORGANIZATIONS)[number];

/** The village's work titles (Decree 33/2023 pays up to three: cell secretary, village head, Front head). */
export const WORKER_ROLES = [
  "cell_secretary",
  "village_head",
  "deputy_head",
  "front_head",
  "police",
  "militia",
  "health_worker",
  "women_head",
  "farmers_head",
  "veterans_head",
  "youth_secretary",
  "other",
] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/**
 * What a village is called where it is (thôn, tổ dân phố, ấp, bản…): the head's title follows it on an
 * official record — "Trưởng thôn", "Tổ trưởng tổ dân phố", "Trưởng ấp", "Trưởng bản" — while the stored
 * post stays `village_head` (Thông tư 04/2012/TT-BNV: trưởng thôn, tổ trưởng tổ dân phố; the South's ấp,
 * the mountains' bản, buôn, làng, sóc keep their own word).
 */
export const VILLAGE_UNITS = ["thon", "to_dan_pho", "khu_pho", "khom", "ap", "ban", "buon", "lang", "soc", "xom"] as const;
export type VillageUnit = (typeof VILLAGE_UNITS)[number];

/** Leading words of an area's name → its unit, longest first. */
const UNIT_WORDS: [RegExp, VillageUnit][] = [
  [/^(to dan pho|tdp|to) /, "to_dan_pho"],
  [/^khu pho /, "khu_pho"],
  [/^khom /, "khom"],
  [/^thon /, "thon"],
  [/^ap /, "ap"],
  [/^ban /, "ban"],
  [/^buon /, "buon"],
  [/^lang /, "lang"],
  [/^soc /, "soc"],
  [/^xom /, "xom"],
];

/**
 * The unit of a village cell, from its area's name ("tổ dân phố số 3"), else the cell's name after
 * "Chi bộ", else its area kind (a residential group is a tổ dân phố); a thôn otherwise.
 *
 * @example villageUnitOf({ areaKind: "residential_group", areaName: null, name: "Chi bộ khu phố 2" }) // "khu_pho"
 */
export function villageUnitOf(org: { areaKind: string | null; areaName: string | null; name: string }): VillageUnit {
  for (const text of [org.areaName, org.name]) {
    if (!text) continue;
    const unit = lookup(UNIT_WORDS, `${norm(text).replace(/^chi bo /, "")} `);
    if (unit) return unit;
  }
  return org.areaKind === "residential_group" ? "to_dan_pho" : "thon";
}

/** One person who does the village's work. */
export interface Worker {
  role: WorkerRole;
  name: string;
  sex: "M" | "F" | null;
  birthYear: number | null;
  ethnicity: string | null;
  /** General education as offices write it: `12/12`, `9/12`. */
  education: string | null;
  occupation: string | null;
  partyMember: boolean;
}

/** The figures of one village for one quarter; a figure not known is absent. */
export interface VillageFigures {
  areaKm2?: number;
  population?: number;
  households?: number;
  poorHouseholds?: number;
  organizations: Partial<Record<Organization, number>>;
  workforce: Worker[];
}

export const FIGURE_KEYS = ["areaKm2", "population", "households", "poorHouseholds"] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

const FIGURE_MAX: Record<FigureKey, number> = { areaKm2: 5000, population: 100_000, households: 20_000, poorHouseholds: 20_000 };
/** No organization of one village has more members than the village has people at most. */
const ORGANIZATION_MAX = 100_000;
/** A village's workers: a few dozen at most; more is a wrong entry. */
export const MAX_WORKERS = 60;
const MAX_TEXT = 100;

export function emptyFigures(): VillageFigures {
  return { organizations: {}, workforce: [] };
}

// ---------------------------------------------------------------- words

/** Folded words → figure, longest first ("hộ nghèo" before "hộ"). */
const FIGURE_WORDS: [RegExp, FigureKey][] = [
  [/^(dien tich|dt|area)$/, "areaKm2"],
  [/^(ho ngheo|so ho ngheo|poor households|poor)$/, "poorHouseholds"],
  [/^(dan so|nhan khau|so khau|khau|population)$/, "population"],
  [/^(so ho|ho|ho gia dinh|households)$/, "households"],
];

const ORGANIZATION_WORDS: [RegExp, Organization][] = [
  [/^(dang vien|dv|chi bo|dang|party)$/, "party"],
  [/^(mat tran|mttq|ban cong tac mat tran|front)$/, "front"],
  [/^(phu nu|hoi phu nu|pn|chi hoi phu nu|women)$/, "women"],
  [/^(nong dan|hoi nong dan|nd|farmers)$/, "farmers"],
  [/^(cuu chien binh|hoi cuu chien binh|ccb|veterans)$/, "veterans"],
  [/^(doan thanh nien|chi doan|thanh nien|doan|youth)$/, "youth"],
  [/^(nguoi cao tuoi|hoi nguoi cao tuoi|nct|elderly)$/, "elderly"],
  [/^(chu thap do|hoi chu thap do|ctd|red cross)$/, "red_cross"],
];

const ROLE_WORDS: [RegExp, WorkerRole][] = [
  [/^(bi thu|bt|bi thu chi bo)$/, "cell_secretary"],
  [/^(truong thon|tt|to truong|truong ban|village head)$/, "village_head"],
  [/^(pho thon|pho truong thon|to pho|deputy head)$/, "deputy_head"],
  [/^(truong ban cong tac mat tran|truong ban mat tran|mat tran|front head)$/, "front_head"],
  [/^(cong an|cong an vien|cong an thon|bao ve an ninh|police)$/, "police"],
  [/^(thon doi truong|dan quan|militia)$/, "militia"],
  [/^(y te|y te thon|y te thon ban|nhan vien y te|nhan vien y te thon|health worker)$/, "health_worker"],
  [/^(chi hoi truong phu nu|chi hoi truong pn|phu nu|women head)$/, "women_head"],
  [/^(chi hoi truong nong dan|nong dan|farmers head)$/, "farmers_head"],
  [/^(chi hoi truong cuu chien binh|chi hoi truong ccb|ccb|veterans head)$/, "veterans_head"],
  [/^(bi thu chi doan|chi doan|youth secretary)$/, "youth_secretary"],
  [/^(khac|other)$/, "other"],
];

const WORKER_FIELD_WORDS: [RegExp, keyof Worker][] = [
  [/^(chuc vu|chuc danh|role)$/, "role"],
  [/^(ten|ho ten|name)$/, "name"],
  [/^(gioi tinh|gioi|sex)$/, "sex"],
  [/^(nam sinh|sinh nam|birth year)$/, "birthYear"],
  [/^(dan toc|ethnicity)$/, "ethnicity"],
  [/^(trinh do|hoc van|education)$/, "education"],
  [/^(nghe nghiep|nghe|occupation)$/, "occupation"],
  [/^(dang vien|party member)$/, "partyMember"],
];

function lookup<T>(table: [RegExp, T][], words: string): T | undefined {
  return table.find(([re]) => re.test(words))?.[1];
}

export function readRole(text: string): WorkerRole | undefined {
  return lookup(ROLE_WORDS, norm(text));
}

function norm(text: string): string {
  return fold(text).replace(/[^a-z0-9/ ]+/g, " ").replace(/\s+/g, " ").trim();
}

/** "nam"/"nữ" (or M/F); undefined when neither. */
export function readSex(text: string): "M" | "F" | undefined {
  const w = norm(text);
  if (/^(nam|m|male)$/.test(w)) return "M";
  if (/^(nu|f|female)$/.test(w)) return "F";
  return undefined;
}

/** "đảng viên"/"có" → true, "không"/"quần chúng" → false. */
export function readYesNo(text: string): boolean | undefined {
  const w = norm(text);
  if (/^(co|dang vien|dv|x|yes|true|1)$/.test(w)) return true;
  if (/^(khong|ko|k|khong phai|quan chung|no|false|0)$/.test(w)) return false;
  return undefined;
}

// ---------------------------------------------------------------- changes

/** One change a secretary typed. */
export type RecordChange =
  | { kind: "figure"; key: FigureKey; value: number }
  | { kind: "organization"; key: Organization; value: number }
  | { kind: "add_worker"; worker: Worker }
  | { kind: "edit_worker"; index: number; patch: Partial<Worker> }
  | { kind: "remove_worker"; index: number };

/** Why a typed line was not read; the bot names the line (`records-bad-<code>`). */
export interface ChangeProblem {
  line: string;
  code: "unknown" | "number" | "worker_fields" | "worker_role" | "worker_index" | "worker_field" | "too_many_workers";
}

const YEAR_MIN = 1920;

/** Read a worker from `role, name, sex, birth year, ethnicity, education, occupation, party member` (the last six optional). */
export function readWorker(parts: readonly string[], thisYear: number): Worker | ChangeProblem["code"] {
  const [roleText, name, sexText, yearText, ethnicity, education, occupation, partyText] = parts.map((p) => p.trim());
  if (!roleText || !name) return "worker_fields";
  const role = readRole(roleText);
  if (!role) return "worker_role";
  const sex = sexText ? readSex(sexText) : null;
  if (sex === undefined) return "worker_fields";
  const year = yearText ? readIntWord(yearText) : null;
  if (year !== null && (year === undefined || year < YEAR_MIN || year > thisYear)) return "worker_fields";
  const party = partyText ? readYesNo(partyText) : false;
  if (party === undefined) return "worker_fields";
  if ([name, ethnicity, education, occupation].some((t) => t !== undefined && t.length > MAX_TEXT)) return "worker_fields";
  return {
    role,
    name: name.replace(/\s+/g, " "),
    sex,
    birthYear: year,
    ethnicity: ethnicity || null,
    education: education || null,
    occupation: occupation || null,
    partyMember: party,
  };
}

function readWorkerPatch(text: string, thisYear: number): Partial<Worker> | undefined {
  const patch: Partial<Worker> = {};
  for (const piece of text.split(/[,;]/)) {
    const m = /^\s*(.+?)\s*[:=]?\s+(\S.*?)\s*$/.exec(piece.trim()) ?? undefined;
    // Field names are one to three words; try the longest name that matches.
    const words = piece.trim().split(/\s+/);
    let done = false;
    for (let n = Math.min(3, words.length - 1); n >= 1 && !done; n--) {
      const key = lookup(WORKER_FIELD_WORDS, norm(words.slice(0, n).join(" ").replace(/:$/, "")));
      if (!key) continue;
      const value = words.slice(n).join(" ").replace(/^[:=]\s*/, "").trim();
      if (!value) return undefined;
      if (key === "role") {
        const role = readRole(value);
        if (!role) return undefined;
        patch.role = role;
      } else if (key === "sex") {
        const sex = readSex(value);
        if (!sex) return undefined;
        patch.sex = sex;
      } else if (key === "birthYear") {
        const year = readIntWord(value);
        if (year === undefined || year < YEAR_MIN || year > thisYear) return undefined;
        patch.birthYear = year;
      } else if (key === "partyMember") {
        const yes = readYesNo(value);
        if (yes === undefined) return undefined;
        patch.partyMember = yes;
      } else {
        if (value.length > MAX_TEXT) return undefined;
        (patch as Record<string, unknown>)[key] = value;
      }
      done = true;
    }
    if (!done || m === undefined) return undefined;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * Read the changes a secretary typed, one per line (or `;`):
 * `dân số 630`, `hộ nghèo 12`, `diện tích 5,2`, `phụ nữ 90`,
 * `thêm: trưởng thôn, Nông Văn Hải, nam, 1980, Tày, 12/12, làm ruộng, đảng viên`,
 * `sửa 2: trình độ 12/12, nghề nghiệp buôn bán`, `bỏ 3`.
 * Worker numbers are those of the list shown (1-based); every line must read, or nothing is taken.
 *
 * @example readChanges("dân số 630\nbỏ 2", 2026, 3) // { changes: [figure population 630, remove_worker 1], problems: [] }
 */
export function readChanges(text: string, thisYear: number, workerCount: number): { changes: RecordChange[]; problems: ChangeProblem[] } {
  const changes: RecordChange[] = [];
  const problems: ChangeProblem[] = [];
  let workers = workerCount;
  for (const raw of text.split(/[\n;]/)) {
    const line = raw.trim().replace(/^[-•*]\s*/, "");
    if (!line) continue;
    const folded = fold(line);
    const add = /^(them|add)\b\s*:?\s*(.*)$/s.exec(folded);
    if (add) {
      const rest = line.slice(line.length - (add[2] ?? "").length);
      const worker = readWorker(rest.split(","), thisYear);
      if (typeof worker === "string") problems.push({ line, code: worker });
      else if (workers >= MAX_WORKERS) problems.push({ line, code: "too_many_workers" });
      else {
        changes.push({ kind: "add_worker", worker });
        workers++;
      }
      continue;
    }
    const remove = /^(bo|xoa|remove)\s+(?:so\s+)?(\d{1,3})\s*$/.exec(folded);
    if (remove) {
      const index = Number(remove[2]) - 1;
      if (index < 0 || index >= workerCount) problems.push({ line, code: "worker_index" });
      else changes.push({ kind: "remove_worker", index });
      continue;
    }
    const edit = /^(sua|edit)\s+(?:so\s+)?(\d{1,3})\s*:?\s*(.*)$/s.exec(folded);
    if (edit) {
      const index = Number(edit[2]) - 1;
      const rest = line.slice(line.length - (edit[3] ?? "").length);
      const patch = readWorkerPatch(rest, thisYear);
      if (index < 0 || index >= workerCount) problems.push({ line, code: "worker_index" });
      else if (!patch) problems.push({ line, code: "worker_field" });
      else changes.push({ kind: "edit_worker", index, patch });
      continue;
    }
    const figure = /^(.*?)\s*[:=]?\s*(\d[\d.,]*)\s*(km2|km²|ho|khau|nguoi|hoi vien|hv|dv|doan vien)?\s*$/.exec(folded);
    if (!figure) {
      problems.push({ line, code: "unknown" });
      continue;
    }
    const words = norm(figure[1] ?? "");
    const figureKey = lookup(FIGURE_WORDS, words);
    const orgKey = figureKey ? undefined : lookup(ORGANIZATION_WORDS, words);
    if (!figureKey && !orgKey) {
      problems.push({ line, code: "unknown" });
      continue;
    }
    const value = figureKey === "areaKm2" ? readDecimalWord(figure[2] ?? "") : readIntWord(figure[2] ?? "");
    const max = figureKey ? FIGURE_MAX[figureKey] : ORGANIZATION_MAX;
    if (value === undefined || value < 0 || value > max) {
      problems.push({ line, code: "number" });
      continue;
    }
    changes.push(figureKey ? { kind: "figure", key: figureKey, value } : { kind: "organization", key: orgKey!, value });
  }
  return { changes, problems };
}

/** The figures with the changes applied, in order (worker numbers refer to the list before the changes). */
export function applyChanges(base: VillageFigures, changes: readonly RecordChange[]): VillageFigures {
  const out: VillageFigures = { ...base, organizations: { ...base.organizations }, workforce: base.workforce.map((w) => ({ ...w })) };
  const removed = new Set<number>();
  const added: Worker[] = [];
  for (const c of changes) {
    if (c.kind === "figure") out[c.key] = c.value;
    else if (c.kind === "organization") out.organizations[c.key] = c.value;
    else if (c.kind === "add_worker") added.push(c.worker);
    else if (c.kind === "remove_worker") removed.add(c.index);
    else if (out.workforce[c.index]) out.workforce[c.index] = { ...out.workforce[c.index]!, ...c.patch };
  }
  out.workforce = [...out.workforce.filter((_, i) => !removed.has(i)), ...added];
  return out;
}

// ---------------------------------------------------------------- comparing quarters

/** What changed from one quarter to the next: figure and organization keys, and workers by name. */
export interface RecordDiff {
  figures: FigureKey[];
  organizations: Organization[];
  /** Indexes into the new workforce of workers added or changed. */
  workersChanged: number[];
  /** The old entries of the changed workers, in the order of `workersChanged`. */
  workersChangedFrom: Worker[];
  workersAdded: number[];
  /** Workers of the old quarter no longer listed. */
  workersRemoved: Worker[];
}

function sameWorker(a: Worker, b: Worker): boolean {
  return a.role === b.role && a.name === b.name && a.sex === b.sex && a.birthYear === b.birthYear && a.ethnicity === b.ethnicity && a.education === b.education && a.occupation === b.occupation && a.partyMember === b.partyMember;
}

/**
 * Whether a worker listed under another name in the same post is the same person with the name's
 * spelling fixed ("Le Van Tam" → "Lê Văn Tám", or the same sex and year of birth), not someone new:
 * a công an viên replaced by another person is one who left ("Thôi") and one new ("Mới"), not an edit.
 */
function isSpellingFix(before: Worker, after: Worker): boolean {
  if (fold(before.name).replace(/\s+/g, " ").trim() === fold(after.name).replace(/\s+/g, " ").trim()) return true;
  return before.sex !== null && before.sex === after.sex && before.birthYear !== null && before.birthYear === after.birthYear;
}

/**
 * Compare a quarter with the one before; with no earlier quarter nothing counts as changed (a first
 * record is not a change). Workers are matched by name, then by title for a holder whose name's spelling
 * was fixed (`isSpellingFix`); another person in the same post is one removed and one added.
 */
export function diffFigures(before: VillageFigures | undefined, after: VillageFigures): RecordDiff {
  const diff: RecordDiff = { figures: [], organizations: [], workersChanged: [], workersChangedFrom: [], workersAdded: [], workersRemoved: [] };
  if (!before) return diff;
  for (const key of FIGURE_KEYS) if (before[key] !== after[key]) diff.figures.push(key);
  for (const key of ORGANIZATIONS) if (before.organizations[key] !== after.organizations[key]) diff.organizations.push(key);
  const unmatched = new Set(before.workforce.map((_, i) => i));
  after.workforce.forEach((w, i) => {
    let j = [...unmatched].find((k) => sameName(before.workforce[k]!.name, w.name));
    if (j === undefined)
      j = [...unmatched].find((k) => {
        const old = before.workforce[k]!;
        return old.role === w.role && isSpellingFix(old, w) && !after.workforce.some((x) => sameName(x.name, old.name));
      });
    if (j === undefined) {
      diff.workersAdded.push(i);
      return;
    }
    unmatched.delete(j);
    if (!sameWorker(before.workforce[j]!, w)) {
      diff.workersChanged.push(i);
      diff.workersChangedFrom.push(before.workforce[j]!);
    }
  });
  diff.workersRemoved = [...unmatched].map((k) => before.workforce[k]!);
  return diff;
}

export function isUnchanged(diff: RecordDiff): boolean {
  return diff.figures.length + diff.organizations.length + diff.workersChanged.length + diff.workersAdded.length + diff.workersRemoved.length === 0;
}

// ---------------------------------------------------------------- quarters

/**
 * A quarter named in text: `quý 3/2025`, `quy 3 nam 2025`, `q3 2025`, `2025-Q3`, `quý III`; a quarter
 * without a year is the latest one of that number not in the future. Undefined when none is named.
 */
export function readQuarter(text: string, today: string): string | undefined {
  const w = fold(text);
  const iso = /\b(\d{4})-?q([1-4])\b/.exec(w);
  if (iso) return `${iso[1]}-Q${iso[2]}`;
  const m = /\b(?:quy|q)\s*(iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|nam|-)?\s*(\d{4}))?/.exec(w);
  if (!m) return undefined;
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  const q = roman[m[1]!] ?? Number(m[1]);
  if (m[2]) return `${m[2]}-Q${q}`;
  const current = periodOf("quarter", today);
  const year = Number(today.slice(0, 4));
  return `${q > Number(current.slice(6)) ? year - 1 : year}-Q${q}`;
}

/** The quarters a secretary is offered, newest first: the current one and the `count - 1` before. */
export function recentQuarters(today: string, count = 4): string[] {
  const out: string[] = [];
  let year = Number(today.slice(0, 4));
  let q = Math.ceil(Number(today.slice(5, 7)) / 3);
  for (let i = 0; i < count; i++) {
    out.push(`${year}-Q${q}`);
    q--;
    if (q === 0) {
      q = 4;
      year--;
    }
  }
  return out;
}

/** The record's figures as the quarterly village form's fields (the roll-up and the export read these). */
/** The report's keys for the record's organizations (`formValuesOf` the other way). */
const ORGANIZATION_OF_FIELD: Record<string, Organization> = { members: "party", women_union: "women", farmers_union: "farmers", veterans_union: "veterans", youth_union: "youth" };
const FIGURE_OF_FIELD: Record<string, FigureKey> = { households: "households", population: "population", area_km2: "areaKm2", poor_households: "poorHouseholds" };

/**
 * A record with what a quarterly village report states laid over it: only the figures the report
 * gives change, the rest (and the workers) stay as `base` has them — last quarter's values, as
 * "không thay đổi" keeps them. Fields the record has no place for (probationary members, near-poor
 * households, whether the secretary heads the village) are left to the report.
 */
export function figuresWithReport(base: VillageFigures, values: Record<string, unknown>): VillageFigures {
  const out: VillageFigures = { ...base, organizations: { ...base.organizations }, workforce: [...base.workforce] };
  for (const [field, value] of Object.entries(values)) {
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    const figure = FIGURE_OF_FIELD[field];
    if (figure) out[figure] = value;
    const organization = ORGANIZATION_OF_FIELD[field];
    if (organization) out.organizations[organization] = value;
  }
  return out;
}

export function formValuesOf(f: VillageFigures): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (f.households !== undefined) values.households = f.households;
  if (f.population !== undefined) values.population = f.population;
  if (f.areaKm2 !== undefined) values.area_km2 = f.areaKm2;
  if (f.poorHouseholds !== undefined) values.poor_households = f.poorHouseholds;
  const o = f.organizations;
  if (o.party !== undefined) values.members = o.party;
  if (o.women !== undefined) values.women_union = o.women;
  if (o.farmers !== undefined) values.farmers_union = o.farmers;
  if (o.veterans !== undefined) values.veterans_union = o.veterans;
  if (o.youth !== undefined) values.youth_union = o.youth;
  const secretary = f.workforce.find((w) => w.role === "cell_secretary");
  const head = f.workforce.find((w) => w.role === "village_head");
  if (secretary && head) values.secretary_is_village_head = sameName(secretary.name, head.name);
  return values;
}
