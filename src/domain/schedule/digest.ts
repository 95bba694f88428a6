import { isDueAt, placeChain } from "./chain.js";
import { addDays, localInstant } from "./local-time.js";
import { isQuiet } from "./quiet-hours.js";
import type { ReminderSettings } from "./settings.js";
import { compareVi } from "../text/collate.js";

const DAY_MS = 24 * 3_600_000;
/** A digest not sent within this long after its time (downtime) is stale: the next period's will come. */
export const DIGEST_LATE_DAYS = 2;

/** One cell's deadline for one form and period, and whether its report is in. */
export interface CellDue {
  cellId: number;
  cell: string;
  form: string;
  period: string;
  due: string;
  submitted: boolean;
}

/** A commune (or any unit with cells under it) as the digest sees it. */
export interface DigestUnit {
  id: number;
  name: string;
  parentId: number | null;
  office: readonly number[];
  settings: ReminderSettings;
}

/** Who follows which cells of a commune: cadres assigned to a cell, or to the commune (all its cells). */
export interface DigestFollower {
  personId: number;
  cellIds: ReadonlySet<number> | "all";
}

export interface DigestInput {
  now: Date;
  since?: Date;
  tz: string;
  /** Every cell's deadlines, grouped by the unit the cells sit in. */
  dues: ReadonlyMap<number, readonly CellDue[]>;
  units: ReadonlyMap<number, DigestUnit & { followers: readonly DigestFollower[] }>;
  /** Units above the communes (the province), whose office gets one line per commune. */
  uppers: ReadonlyMap<number, DigestUnit>;
}

/** A commune's line in the province summary. */
export type CommuneLine = { commune: string; cells: number; missing: number };

export type DigestMessage =
  | {
      kind: "digest.commune";
      key: string;
      personId: number;
      orgId: number;
      dueAt: Date;
      expiresAt: Date;
      payload: { commune: string; form: string; period: string; dueDate: string; cells: number; count: number; missing: string; followed: boolean; only?: number[] };
    }
  | {
      kind: "digest.province";
      key: string;
      personId: number;
      orgId: number;
      dueAt: Date;
      expiresAt: Date;
      payload: { province: string; form: string; period: string; dueDate: string; cells: number; count: number; communes: CommuneLine[] };
    };

interface Group {
  form: string;
  period: string;
  /** The last deadline among the cells: the digest comes the day(s) after it. */
  lastDue: string;
  rows: CellDue[];
}

function groups(rows: readonly CellDue[]): Group[] {
  const out = new Map<string, Group>();
  for (const r of rows) {
    const id = `${r.form}:${r.period}`;
    const g = out.get(id) ?? { form: r.form, period: r.period, lastDue: r.due, rows: [] };
    g.rows.push(r);
    if (r.due > g.lastDue) g.lastDue = r.due;
    out.set(id, g);
  }
  return [...out.values()];
}

/** When a unit's digest goes out, placed out of quiet hours; null when it is not due at `now`. */
function placed(input: DigestInput, settings: ReminderSettings, lastDue: string): { due: Date; expires: Date } | null {
  const { daysAfter, at } = settings.digest;
  const due = localInstant(addDays(lastDue, daysAfter), at, input.tz);
  const [step] = placeChain([{ step: "dg", due, data: null }], new Date(due.getTime() + DIGEST_LATE_DAYS * DAY_MS), settings.quietHours, input.tz);
  return step && isDueAt(step, input.now, input.since) ? step : null;
}

const names = (rows: readonly CellDue[]) => rows.map((r) => r.cell).sort(compareVi).join(", ");

/**
 * The digests due at `input.now` (#14.5): the day after a form's last deadline in a commune, its
 * office and the cadres who follow its cells are told who has not reported (the office: the whole
 * commune; a cadre: the cells they follow, only when one is missing); the province office gets one
 * line per commune. Each unit's own settings (`digest`) decide whether, when and to whom; nothing in
 * quiet hours; one key per unit, form, period and person, so a digest is planned once.
 */
export function planDigests(input: DigestInput): DigestMessage[] {
  const out: DigestMessage[] = [];
  const perUpper = new Map<string, { upper: DigestUnit; form: string; period: string; lastDue: string; lines: CommuneLine[] }>();
  for (const [unitId, rows] of input.dues) {
    const unit = input.units.get(unitId);
    if (!unit) continue;
    for (const g of groups(rows)) {
      const missing = g.rows.filter((r) => !r.submitted);
      const upper = unit.parentId !== null ? input.uppers.get(unit.parentId) : undefined;
      if (upper) {
        const id = `${upper.id}:${g.form}:${g.period}`;
        const entry = perUpper.get(id) ?? { upper, form: g.form, period: g.period, lastDue: g.lastDue, lines: [] };
        entry.lines.push({ commune: unit.name, cells: g.rows.length, missing: missing.length });
        if (g.lastDue > entry.lastDue) entry.lastDue = g.lastDue;
        perUpper.set(id, entry);
      }
      const { settings } = unit;
      if (!settings.digest.enabled || missing.length === 0 || isQuiet(input.now, settings.quietHours, input.tz)) continue;
      const when = placed(input, settings, g.lastDue);
      if (!when) continue;
      const base = { commune: unit.name, form: g.form, period: g.period, dueDate: g.lastDue };
      const keyOf = (personId: number) => `digest:c:${unit.id}:${g.form}:${g.period}:${personId}`;
      const office = settings.digest.to.includes("office") ? unit.office : [];
      for (const personId of office) {
        out.push({ kind: "digest.commune", key: keyOf(personId), personId, orgId: unit.id, dueAt: when.due, expiresAt: when.expires, payload: { ...base, cells: g.rows.length, count: missing.length, missing: names(missing), followed: false } });
      }
      if (!settings.digest.to.includes("cadre")) continue;
      for (const f of unit.followers) {
        if (office.includes(f.personId)) continue;
        const theirs = f.cellIds === "all" ? g.rows : g.rows.filter((r) => (f.cellIds as ReadonlySet<number>).has(r.cellId));
        const theirsMissing = theirs.filter((r) => !r.submitted);
        if (theirsMissing.length === 0) continue;
        out.push({
          kind: "digest.commune",
          key: keyOf(f.personId),
          personId: f.personId,
          orgId: unit.id,
          dueAt: when.due,
          expiresAt: when.expires,
          payload: {
            ...base,
            cells: theirs.length,
            count: theirsMissing.length,
            missing: names(theirsMissing),
            followed: f.cellIds !== "all",
            // The chart of a cadre's digest shows the cells they follow, not the whole commune.
            ...(f.cellIds === "all" ? {} : { only: theirs.map((r) => r.cellId) }),
          },
        });
      }
    }
  }
  for (const e of perUpper.values()) {
    const { settings } = e.upper;
    if (!settings.digest.enabled || !settings.digest.to.includes("province") || isQuiet(input.now, settings.quietHours, input.tz)) continue;
    const when = placed(input, settings, e.lastDue);
    if (!when) continue;
    const lines = [...e.lines].sort((a, b) => compareVi(a.commune, b.commune));
    const cells = lines.reduce((n, l) => n + l.cells, 0);
    const count = lines.reduce((n, l) => n + l.missing, 0);
    for (const personId of e.upper.office) {
      out.push({
        kind: "digest.province",
        key: `digest:p:${e.upper.id}:${e.form}:${e.period}:${personId}`,
        personId,
        orgId: e.upper.id,
        dueAt: when.due,
        expiresAt: when.expires,
        payload: { province: e.upper.name, form: e.form, period: e.period, dueDate: e.lastDue, cells, count, communes: lines },
      });
    }
  }
  return out;
}
