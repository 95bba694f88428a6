import { isCellKind } from "./org.js";
import { sameName } from "./text/fold.js";
import { isCellPost } from "./cell-post.js";

/**
 * Changes to the org tree over time (domain §1: "Merges: close old rows, create new ones; never
 * rename"). A change takes effect on a local date `on`: the old units are in force until the day
 * before (`valid_to = on`, exclusive), their successor from `on`. Pure: the service reads the
 * units, this module says whether the change may be made and what it does.
 */
export type OrgChangeKind = "merge" | "split" | "rename" | "close";

/** A unit as a change sees it. */
export interface ChangingOrg {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

export type OrgChangeProblem =
  | { code: "org_change_bad_date"; value: string }
  | { code: "org_change_future"; date: string }
  | { code: "org_change_unknown_unit"; value: string }
  | { code: "org_change_closed_unit"; value: string; date: string }
  | { code: "org_change_before_start"; value: string; date: string }
  | { code: "org_change_too_few"; count: number }
  | { code: "org_change_repeated"; value: string }
  | { code: "org_change_mixed_kinds"; value: string }
  | { code: "org_change_mixed_parents"; value: string }
  | { code: "org_change_code_taken"; value: string }
  | { code: "org_change_bad_code"; value: string }
  | { code: "org_change_bad_name"; value: string }
  | { code: "org_change_same_name"; value: string }
  | { code: "org_change_not_a_source"; value: string }
  | { code: "org_change_has_members"; value: string; count: number }
  | { code: "org_change_has_children"; value: string; count: number };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** Names longer than this are not names (as in the units import). */
export const MAX_ORG_NAME = 200;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A date as an office writes it on the command line: `2026-12-01`, `1/12/2026`, `01-12-2026`,
 * `1.12.2026` → `YYYY-MM-DD`; null when it is not a real date.
 */
export function readDate(text: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * The code a unit keeps once closed when its successor takes its code over (a rename keeps the
 * office's code, so files and commands that name it go on working): `CB-POLAI` closed on
 * 2026-12-01 becomes `CB-POLAI@2026-12-01`. Codes are unique; the closed row stays readable.
 */
export function archivedCode(code: string, closedOn: string): string {
  return `${code}@${closedOn}`;
}

/** What every change checks of its date and of the units it closes. */
function checkCommon(units: readonly ChangingOrg[], on: string, today: string): OrgChangeProblem[] {
  const problems: OrgChangeProblem[] = [];
  // A change dated ahead would move people before it happens: record it once it takes effect.
  if (on > today) problems.push({ code: "org_change_future", date: on });
  const seen = new Set<number>();
  for (const u of units) {
    if (seen.has(u.id)) problems.push({ code: "org_change_repeated", value: u.code });
    seen.add(u.id);
    if (u.validTo !== null) problems.push({ code: "org_change_closed_unit", value: u.code, date: u.validTo });
    else if (on <= u.validFrom) problems.push({ code: "org_change_before_start", value: u.code, date: u.validFrom });
  }
  return problems;
}

function checkName(name: string): OrgChangeProblem[] {
  const trimmed = name.replace(/\s+/g, " ").trim();
  return trimmed.length === 0 || trimmed.length > MAX_ORG_NAME ? [{ code: "org_change_bad_name", value: name }] : [];
}

export interface MergeRequest {
  sources: readonly ChangingOrg[];
  intoCode: string;
  name: string;
  on: string;
  /** The unit whose secretary, deputies and cell committee continue (default: the first source). */
  leadersFrom: ChangingOrg;
  /** The unit whose standing meeting rule continues (default: `leadersFrom`). */
  ruleFrom: ChangingOrg;
  /** The unit already holding `intoCode`, if any (it must be one of the sources). */
  codeHolder: ChangingOrg | null;
}

/**
 * Whether units may be merged into a new one: at least two, all in force and of one kind (cells
 * with cells) under one parent, the new code free (or one of theirs), a name, a date on or before today.
 */
export function checkMerge(req: MergeRequest, today: string): OrgChangeProblem[] {
  const problems = checkCommon(req.sources, req.on, today);
  if (req.sources.length < 2) problems.push({ code: "org_change_too_few", count: req.sources.length });
  const first = req.sources[0];
  for (const u of req.sources.slice(1)) {
    if (!first) break;
    const sameKind = isCellKind(first.kind) ? isCellKind(u.kind) : u.kind === first.kind;
    if (!sameKind) problems.push({ code: "org_change_mixed_kinds", value: u.code });
    if (u.parentId !== first.parentId) problems.push({ code: "org_change_mixed_parents", value: u.code });
  }
  if (!CODE_RE.test(req.intoCode)) problems.push({ code: "org_change_bad_code", value: req.intoCode });
  else if (req.codeHolder && !req.sources.some((s) => s.id === req.codeHolder!.id)) problems.push({ code: "org_change_code_taken", value: req.intoCode });
  problems.push(...checkName(req.name));
  for (const named of [req.leadersFrom, req.ruleFrom]) {
    if (!req.sources.some((s) => s.id === named.id)) problems.push({ code: "org_change_not_a_source", value: named.code });
  }
  return problems;
}

export interface SplitRequest {
  unit: ChangingOrg;
  parts: readonly { code: string; name: string; holder: ChangingOrg | null }[];
  on: string;
}

/**
 * Whether a unit may be split into new ones: two or more parts with free codes (the first may keep
 * the unit's own), names, and a date on or before today.
 */
export function checkSplit(req: SplitRequest, today: string): OrgChangeProblem[] {
  const problems = checkCommon([req.unit], req.on, today);
  if (req.parts.length < 2) problems.push({ code: "org_change_too_few", count: req.parts.length });
  const seen = new Set<string>();
  for (const [i, part] of req.parts.entries()) {
    if (seen.has(part.code)) problems.push({ code: "org_change_repeated", value: part.code });
    seen.add(part.code);
    if (!CODE_RE.test(part.code)) problems.push({ code: "org_change_bad_code", value: part.code });
    else if (part.holder && !(i === 0 && part.holder.id === req.unit.id)) problems.push({ code: "org_change_code_taken", value: part.code });
    problems.push(...checkName(part.name));
  }
  return problems;
}

/** Whether a unit may take a new name from a date (its successor keeps the code). */
export function checkRename(unit: ChangingOrg, name: string, on: string, today: string): OrgChangeProblem[] {
  const problems = [...checkCommon([unit], on, today), ...checkName(name)];
  if (sameName(name, unit.name)) problems.push({ code: "org_change_same_name", value: name });
  return problems;
}

/**
 * Whether a unit may be dissolved on a date: nobody is left in it and nothing under it is in force
 * (members move first with `chibo member transfer`, or the cell is merged instead).
 */
export function checkClose(unit: ChangingOrg, on: string, today: string, membersLeft: number, childrenLeft: number): OrgChangeProblem[] {
  const problems = checkCommon([unit], on, today);
  if (membersLeft > 0) problems.push({ code: "org_change_has_members", value: unit.code, count: membersLeft });
  if (childrenLeft > 0) problems.push({ code: "org_change_has_children", value: unit.code, count: childrenLeft });
  return problems;
}

/**
 * Whether a role held in a source unit continues in its successor: every member does; a cell's
 * leaders (its posts, `CELL_POSTS`) only from `leadersFrom`, the others' end; roles held in a committee
 * (office, committee members) do.
 */
export function roleCarriesOver(role: string, fromOrgId: number, leadersFromId: number): boolean {
  return !isCellPost(role) || fromOrgId === leadersFromId;
}

/**
 * The end of a role, rule or assignment closed by a change on `on`, and the start of its copy: a row
 * that began on or after `on` (recorded after the change took effect) ends where it began — never in
 * force — and its copy starts when it did.
 */
export function splitValidity(validFrom: string, on: string): { endOld: string; startNew: string } {
  const at = validFrom > on ? validFrom : on;
  return { endOld: at, startNew: at };
}
