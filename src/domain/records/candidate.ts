import { periodOf } from "../forms/period.js";
import { addMonthsClamped, probationEnd } from "../membership.js";
import { fold } from "../text/fold.js";
import { readIntWord } from "./words.js";

/**
 * The party-development pipeline ("phát triển đảng viên", HD 06-HD/TW 2025 on the statute): a person
 * the cell follows from outstanding citizen (quần chúng ưu tú) through the awareness class, the
 * dossier and the admission decision to 12 months of probation and full membership. Pure.
 */

/** The steps, in order; each stores the day it happened. */
export const STEPS = ["identified", "certificate", "dossier", "admitted", "full"] as const;
export type Step = (typeof STEPS)[number];

/** Where a candidate stands: the last step done, or dropped (no longer followed). */
export type Stage = Step | "dropped";
export const STAGES: readonly Stage[] = [...STEPS, "dropped"];

/** Groups reported apart (HD 11-HD/BTCTW statistics); a candidate may be in several, never added up. */
export const GROUPS = ["women", "ethnic_minority", "youth_union", "students", "religious"] as const;
export type Group = (typeof GROUPS)[number];

/** Flags the secretary gives (the others follow from sex, ethnicity and religion). */
export const FLAGS = ["youth_union", "students", "ethnic_minority"] as const;
export type Flag = (typeof FLAGS)[number];

/**
 * HD 01-HD/TW (2021) 3.1, kept by HD 06-HD/TW (2025): the awareness-class certificate is valid for 60
 * months from its date until the cell meets to consider admission. The default: the province office
 * may set its own rule within the bounds below (`/phattrien giaychungnhan 36`).
 */
export const CERTIFICATE_VALID_MONTHS = 60;
/** The bounds of the province's choice: from one year to ten. */
export const CERTIFICATE_MONTHS_MIN = 12;
export const CERTIFICATE_MONTHS_MAX = 120;

/** Whether a number of months is one the province may choose. */
export function isCertificateMonths(months: unknown): months is number {
  return typeof months === "number" && Number.isInteger(months) && months >= CERTIFICATE_MONTHS_MIN && months <= CERTIFICATE_MONTHS_MAX;
}

/** The validity in force from what is stored: the province's choice, or the default when unset or invalid. */
export function certificateMonthsOf(stored: unknown): number {
  return isCertificateMonths(stored) ? stored : CERTIFICATE_VALID_MONTHS;
}
/** Days before the certificate lapses that the secretary is reminded, while admission is pending. */
export const CERTIFICATE_NOTICE_DAYS = 60;

export interface Candidate {
  id: number;
  orgId: number;
  name: string;
  sex: "M" | "F" | null;
  birthYear: number | null;
  ethnicity: string | null;
  religion: string | null;
  flags: Flag[];
  dates: Partial<Record<Step, string>>;
  droppedOn: string | null;
  personId: number | null;
}

export function stageOf(c: Pick<Candidate, "dates" | "droppedOn">): Stage {
  if (c.droppedOn) return "dropped";
  for (let i = STEPS.length - 1; i >= 0; i--) if (c.dates[STEPS[i]!]) return STEPS[i]!;
  return "identified";
}

/** The step that comes next, or undefined at the end (full member) or when dropped. */
export function nextStep(c: Pick<Candidate, "dates" | "droppedOn">): Step | undefined {
  const stage = stageOf(c);
  if (stage === "dropped" || stage === "full") return undefined;
  return STEPS[STEPS.indexOf(stage) + 1];
}

/** "Kinh" is the majority: any other stated ethnicity counts as a minority. */
function isMinority(c: Pick<Candidate, "ethnicity" | "flags">): boolean {
  if (c.flags.includes("ethnic_minority")) return true;
  return c.ethnicity !== null && fold(c.ethnicity).trim() !== "kinh" && fold(c.ethnicity).trim() !== "";
}

function isReligious(c: Pick<Candidate, "religion">): boolean {
  return c.religion !== null && !/^(khong|ko|none|-)?$/.test(fold(c.religion).trim());
}

/** The statistical groups a candidate is in. */
export function groupsOf(c: Pick<Candidate, "sex" | "ethnicity" | "religion" | "flags">): Group[] {
  const out: Group[] = [];
  if (c.sex === "F") out.push("women");
  if (isMinority(c)) out.push("ethnic_minority");
  if (c.flags.includes("youth_union")) out.push("youth_union");
  if (c.flags.includes("students")) out.push("students");
  if (isReligious(c)) out.push("religious");
  return out;
}

/**
 * The last day the certificate counts for admission, given the validity in force.
 *
 * @example certificateExpiresOn("2020-02-29", 60) // "2025-02-28"
 */
export function certificateExpiresOn(certificateOn: string, validMonths: number): string {
  return addMonthsClamped(certificateOn, validMonths);
}

export type StepProblem = "future" | "before_previous" | "certificate_expired" | "probation_not_over" | "not_next";

/**
 * Whether a step may be recorded on a day: steps in order, no day in the future, none before the
 * step before it; admission only while the certificate is valid (`certificateMonths`, the validity in
 * force); full membership only once the 12 months of probation are over (statute art. 5).
 */
export function checkStep(c: Pick<Candidate, "dates" | "droppedOn">, step: Step, on: string, today: string, certificateMonths: number): StepProblem | null {
  if (nextStep(c) !== step) return "not_next";
  if (on > today) return "future";
  const previous = STEPS[STEPS.indexOf(step) - 1];
  const before = previous ? c.dates[previous] : undefined;
  if (before && on < before) return "before_previous";
  if (step === "admitted" && c.dates.certificate && on > certificateExpiresOn(c.dates.certificate, certificateMonths)) return "certificate_expired";
  if (step === "full" && c.dates.admitted && on < probationEnd(c.dates.admitted)) return "probation_not_over";
  return null;
}

// ---------------------------------------------------------------- figures

/**
 * The quarterly admissions report computed from the pipeline: admitted in the period, by group, and
 * made full members in it. Keys are the `admissions` form's.
 *
 * @example admissionsFigures(candidates, "2026-Q1") // { admitted: 2, women: 1, ..., made_full: 0 }
 */
export function admissionsFigures(candidates: readonly Candidate[], period: string): Record<string, number> {
  const kind = /Q/.test(period) ? "quarter" : /-/.test(period) ? "month" : "year";
  const inPeriod = (day: string | undefined) => day !== undefined && periodOf(kind, day) === period;
  const admitted = candidates.filter((c) => inPeriod(c.dates.admitted));
  const figures: Record<string, number> = { admitted: admitted.length };
  for (const g of GROUPS) figures[g] = admitted.filter((c) => groupsOf(c).includes(g)).length;
  figures.made_full = candidates.filter((c) => inPeriod(c.dates.full)).length;
  return figures;
}

/** Counts by stage, and by group among those admitted in a year: what the commune and province see. */
export interface PipelineCounts {
  byStage: Record<Stage, number>;
  admittedInYear: number;
  admittedByGroup: Record<Group, number>;
  /** Candidates in the pipeline (not admitted, not dropped) by group. */
  pendingByGroup: Record<Group, number>;
}

export function pipelineCounts(candidates: readonly Candidate[], year: string): PipelineCounts {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const admittedByGroup = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<Group, number>;
  const pendingByGroup = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<Group, number>;
  let admittedInYear = 0;
  for (const c of candidates) {
    const stage = stageOf(c);
    byStage[stage]++;
    const groups = groupsOf(c);
    if (c.dates.admitted?.startsWith(year)) {
      admittedInYear++;
      for (const g of groups) admittedByGroup[g]++;
    }
    if (stage === "identified" || stage === "certificate" || stage === "dossier") for (const g of groups) pendingByGroup[g]++;
  }
  return { byStage, admittedInYear, admittedByGroup, pendingByGroup };
}

// ---------------------------------------------------------------- reading a new candidate

export type CandidateInput = Pick<Candidate, "name" | "sex" | "birthYear" | "ethnicity" | "religion" | "flags">;

const FLAG_WORDS: [RegExp, Flag][] = [
  [/^(doan vien|dv tncs|doan tncs|youth union)$/, "youth_union"],
  [/^(hoc sinh|sinh vien|hs|sv|student|hssv)$/, "students"],
  [/^(dtts|dan toc thieu so|ethnic minority)$/, "ethnic_minority"],
];

/**
 * A new candidate typed as a comma list: name first, then in any order sex (nam/nữ), birth year,
 * `dân tộc Nùng`, `tôn giáo Phật giáo`, and group words (đoàn viên, học sinh, sinh viên, dtts).
 *
 * @example readCandidate("Lương Thị Thu, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh", 2026)
 */
export function readCandidate(text: string, thisYear: number): CandidateInput | "name" | "part" {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  const name = parts.shift()?.replace(/\s+/g, " ");
  if (!name || name.length > 100 || /\d/.test(name) || name.split(" ").length < 2) return "name";
  const out: CandidateInput = { name, sex: null, birthYear: null, ethnicity: null, religion: null, flags: [] };
  for (const part of parts) {
    const w = fold(part).replace(/\s+/g, " ").trim();
    if (/^(nam|male)$/.test(w)) out.sex = "M";
    else if (/^(nu|female)$/.test(w)) out.sex = "F";
    else if (readIntWord(w) !== undefined) {
      const year = readIntWord(w)!;
      if (year < thisYear - 80 || year > thisYear - 16) return "part";
      out.birthYear = year;
    } else if (/^(dan toc|dt)\s+\S/.test(w)) out.ethnicity = part.replace(/^\S+\s+\S+\s+|^dt\s+/i, "").trim().slice(0, 50);
    else if (/^(ton giao|tg)\s+\S/.test(w)) out.religion = part.replace(/^\S+\s+\S+\s+|^tg\s+/i, "").trim().slice(0, 50);
    else {
      const flag = FLAG_WORDS.find(([re]) => re.test(w))?.[1];
      if (!flag) return "part";
      if (!out.flags.includes(flag)) out.flags.push(flag);
    }
  }
  return out;
}
