import { sql, type RawBuilder } from "kysely";
import type { Db } from "./schema.js";

const CELL_KINDS = ["chi_bo_co_so", "chi_bo_truc_thuoc"];

/**
 * Cells in a subtree that were in force during a period (`fromDate` ≤ validity < `toDate`),
 * with their commune (parent) name. Unordered: callers sort in Vietnamese order, which the
 * database's collation may not give.
 */
export async function cellsInSubtree(db: Db, orgIds: number[], fromDate: string, toDate: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("org as c")
    .leftJoin("org as p", "p.id", "c.parent_id")
    .select(["c.id", "c.code", "c.name", "c.kind", "c.area_name", "c.area_kind", "c.catchment", "c.parent_id", "p.name as parent_name", "c.valid_from", "c.valid_to"])
    .where("c.id", "in", orgIds)
    .where("c.kind", "in", CELL_KINDS)
    .where("c.valid_from", "<=", toDate)
    .where((w) => w.or([w("c.valid_to", "is", null), w("c.valid_to", ">", fromDate)]))
    .execute();
}

/** A cell open on a date, with its parent's name. */
export interface CellAround {
  id: number;
  code: string;
  name: string;
  area_name: string | null;
  parent_id: number | null;
  parent_name: string | null;
}

/**
 * The cells around each of several cells, in one statement (a batch group's quick reports, from
 * secretaries of different communes): keyed by cell, the cells open on a date under its parent, itself
 * included, by id. The cells of a sender who leads several are the union of their lists. One statement
 * shape whatever the count (an id array).
 */
export async function cellsAroundEachCell(db: Db, cellIds: readonly number[], onDate: string): Promise<Map<number, CellAround[]>> {
  const out = new Map<number, CellAround[]>();
  if (cellIds.length === 0) return out;
  const { rows } = await sql<CellAround & { led: number }>`
    with recursive led as (
      select id, parent_id from org where id = any(${[...new Set(cellIds)]}::int[])
    ),
    down(led, id, depth) as (
      select id, parent_id, 0 from led where parent_id is not null
      union all
      select down.led, o.id, down.depth + 1 from org o join down on o.parent_id = down.id where down.depth < 32
    ),
    around(led, id) as (select led, id from down union select id, id from led)
    select a.led, c.id, c.code, c.name, c.area_name, c.parent_id, p.name as parent_name
    from around a join org c on c.id = a.id left join org p on p.id = c.parent_id
    where c.kind in (${sql.join(CELL_KINDS)})
      and c.valid_from <= ${onDate} and (c.valid_to is null or c.valid_to > ${onDate})
    order by a.led, c.id`.execute(db);
  for (const { led, ...cell } of rows) {
    const list = out.get(led);
    if (list) list.push(cell);
    else out.set(led, [cell]);
  }
  return out;
}

/**
 * The cells open on a date among some cells and everything under their parents (a secretary's cells and the other
 * cells of their communes), by id: the union of `cellsAroundEachCell`'s lists of those cells.
 */
export function cellsAroundAll(each: ReadonlyMap<number, readonly CellAround[]>, cellIds: readonly number[]): CellAround[] {
  const byId = new Map<number, CellAround>();
  for (const cell of cellIds) for (const c of each.get(cell) ?? []) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** `cellsAroundAll` of some cells, read in one statement. */
export async function cellsAroundCells(db: Db, cellIds: readonly number[], onDate: string): Promise<CellAround[]> {
  return cellsAroundAll(await cellsAroundEachCell(db, cellIds, onDate), cellIds);
}

/** The reports of a form and period for the given orgs. */
export async function reportsFor(db: Db, orgIds: number[], form: string, period: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("report_submission")
    .select(["id", "org_id", "status", "data", "submitted_at", "accepted_at", "revision"])
    .where("org_id", "in", orgIds)
    .where("form", "=", form)
    .where("period", "=", period)
    .execute();
}

/** One-off meeting changes of many orgs for some months. */
export async function meetingOverridesOf(db: Db, orgIds: number[], periods: string[]) {
  if (orgIds.length === 0 || periods.length === 0) return [];
  return db
    .selectFrom("meeting_override")
    .selectAll()
    .where("org_id", "in", orgIds)
    .where("period", "in", periods)
    .orderBy("id")
    .execute();
}

/** One cell of a roll-up with everything its standing is computed from, as `rollupRows` reads it. */
export interface RollupRow {
  id: number;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  /** The meeting rule in force at the end of the period (all null when the cell has none); its place is not read. */
  rule_kind: string | null;
  day_of_month: number | null;
  nth: number | null;
  weekday: number | null;
  start_time: string | null;
  /** The period's latest one-off meeting change, as a row of `meeting_override` in JSON (null when none: most cells). */
  override: MeetingOverrideJson | null;
  /** The cell's report of the form and period (null when none, drafts included). */
  report_id: number | null;
  report_status: string | null;
  /** Only the figures a roll-up reads, as stored (JSON values, not checked here). */
  present: unknown;
  members_expected: unknown;
  absent_unexcused: unknown;
  /**
   * The absentees of the cell's monthly reports in the absence window that name someone absent without
   * reason, one entry per month — only when every month of the window has one (else null).
   */
  absence_months: { period: string; absentees: unknown }[] | null;
  /** The report's fields named in `RollupQuery.fields`, as stored (null when no report or none asked). */
  figures: Record<string, unknown> | null;
  /** The cell's founding (`valid_from`, `YYYY-MM-DD`): its tracking starts no earlier. */
  valid_from: string;
  /** The cell's first day out of force (`YYYY-MM-DD`), null while in force: `dueForPeriod` reads it. */
  valid_to: string | null;
  /** When the report was first sent (its last sending where that is not known), null when no report. */
  first_sent_at: Date | null;
  /** The meeting date the report names (a monthly meeting's `meeting_date`, as stored), null when none. */
  held_on: unknown;
}

/** A `meeting_override` row as `to_jsonb` gives it: dates and times as text. */
export interface MeetingOverrideJson {
  id: number;
  period: string;
  new_date: string | null;
  new_time: string | null;
  place: string | null;
  agenda: string | null;
  kind: string;
  cancelled: boolean;
  reason: string | null;
  created_at: string;
}

export interface RollupQuery {
  rootId: number;
  form: string;
  period: string;
  /** Cells in force at some time in `[from, to]` (the period's first and last day). */
  from: string;
  to: string;
  /** The repeated-absence window: monthly-meeting reports from `fromPeriod` to `period`, `months` of them. Omitted: no history read. */
  absences?: { fromPeriod: string; months: number };
  /** Report fields to return in `figures` (a form's roll-up columns read them). Omitted: none. */
  fields?: readonly string[];
  /** Only the cells that keep a village record (`isVillageCell`): an agency cell files no village data. */
  villageCellsOnly?: boolean;
}

/** One cell as the query packs it: `RollupRow`'s fields in its order (see `rollupRows` for why). */
type RollupCellTuple = [
  id: number,
  name: string,
  parent_id: number | null,
  parent_name: string | null,
  rule_kind: string | null,
  day_of_month: number | null,
  nth: number | null,
  weekday: number | null,
  start_time: string | null,
  override: MeetingOverrideJson | null,
  report_id: number | null,
  report_status: string | null,
  present: unknown,
  members_expected: unknown,
  absent_unexcused: unknown,
  absence_months: { period: string; absentees: unknown }[] | null,
  figures: Record<string, unknown> | null,
  valid_from: string,
  first_sent_ms: number | string | null,
  held_on: unknown,
  valid_to: string | null,
];

/**
 * A roll-up's cells in one query: the subtree walked on the server, each cell in force during the
 * period with its commune's name, its meeting rule and the period's latest meeting change (for the
 * due date), its report's figures and, when asked, the months that can make a repeated-absence run.
 * Unordered: callers sort in Vietnamese order, which the database's collation may not give.
 *
 * Each cell comes back as one JSON array rather than sixteen columns: PGlite spends about a
 * millisecond per column per 2,000 rows handing fields over, and a province roll-up spent more time
 * there than in the query itself (PostgreSQL reads both shapes at about the same speed).
 */
export async function rollupRows(db: Db, q: RollupQuery): Promise<RollupRow[]> {
  const { rows } = await rollupQuery(q).execute(db);
  return rows.map(({ cell }) => {
    const [id, name, parent_id, parent_name, rule_kind, day_of_month, nth, weekday, start_time, override, report_id, report_status, present, members_expected, absent_unexcused, absence_months, figures, valid_from, first_sent_ms, held_on, valid_to] = cell;
    const first_sent_at = first_sent_ms === null || first_sent_ms === undefined ? null : new Date(Number(first_sent_ms));
    return { id, name, parent_id, parent_name, rule_kind, day_of_month, nth, weekday, start_time, override, report_id, report_status, present, members_expected, absent_unexcused, absence_months, figures: figures ?? null, valid_from, valid_to: valid_to ?? null, first_sent_at, held_on: held_on ?? null };
  });
}

/** The asked fields of the report's data as one JSON object (a field the report lacks is left out). */
function figuresOf(fields: readonly string[] | undefined): RawBuilder<unknown> {
  if (!fields || fields.length === 0) return sql`null::jsonb`;
  return sql`case when s.id is null then null else jsonb_strip_nulls(jsonb_build_object(${sql.join(fields.map((f) => sql`${f}::text, s.data->${f}::text`))})) end`;
}

/**
 * The query `rollupRows` runs (also for `explain`). It joins whole sets (the month's reports, the rules
 * and changes in force) rather than looking each cell up, so a province is a handful of hash joins;
 * the absences use the partial index `report_submission_unexcused_idx`, whose predicate the filter
 * below repeats word for word (or the index is not used). The subtree walk uses `union`, not
 * `union all`: each org once, so it joins without de-duplicating and stops even on a cycle.
 * It follows predecessors as well as children, so a unit formed by a merge shows, for a period before
 * the merge, the units it continues as they were then (their validity filters the period below).
 */
export function rollupQuery(q: RollupQuery): RawBuilder<{ cell: RollupCellTuple }> {
  const absences = q.absences
    ? sql`left join (
        select x.org_id, jsonb_agg(jsonb_build_object('period', x.period, 'absentees', x.data->'absentees')) as months
        from report_submission x join down on down.id = x.org_id
        where x.form = 'monthly-meeting'
          and x.period >= ${q.absences.fromPeriod} and x.period <= ${q.period} and x.status <> 'draft'
          and x.data->'absentees' @> '[{"excused": false}]'::jsonb
        group by x.org_id
        having count(*) >= ${q.absences.months}
      ) a on a.org_id = c.id`
    : sql``;
  return sql<{ cell: RollupCellTuple }>`
    with recursive down(id) as (
      select id from org where id = ${q.rootId}
      union
      select e.child from (
        select parent_id as parent, id as child from org where parent_id is not null
        union all
        select org_id, predecessor_id from org_predecessor
      ) e join down on e.parent = down.id
    ),
    -- A village cell without a rule of its own takes its commune's (or the province's) default.
    up(target, org_id, depth, catchment) as (
      select c0.id, c0.id, 0, c0.catchment from org c0 join down on down.id = c0.id where c0.kind in (${sql.join(CELL_KINDS)})
      union all
      select up.target, o.parent_id, up.depth + 1, up.catchment from up join org o on o.id = up.org_id
      where o.parent_id is not null and (up.catchment is null or up.catchment = 'thon')
    )
    select json_build_array(
      c.id, c.name, c.parent_id, p.name,
      r.rule_kind, r.day_of_month, r.nth, r.weekday, r.start_time,
      mo.override,
      s.id, s.status, s.data->'present', s.data->'members_expected', s.data->'absent_unexcused',
      ${q.absences ? sql`a.months` : sql`null::jsonb`},
      ${figuresOf(q.fields)},
      to_char(c.valid_from, 'YYYY-MM-DD'),
      floor(extract(epoch from coalesce(s.first_submitted_at, s.submitted_at)) * 1000),
      s.data->'meeting_date',
      to_char(c.valid_to, 'YYYY-MM-DD')
    ) as cell
    from org c
    join down on down.id = c.id
    left join org p on p.id = c.parent_id
    left join (
      select distinct on (up.target) up.target as org_id, mr.rule_kind, mr.day_of_month, mr.nth, mr.weekday, mr.start_time
      from up join meeting_rule mr on mr.org_id = up.org_id
      where mr.valid_from <= ${q.to} and (mr.valid_to is null or mr.valid_to > ${q.to})
      order by up.target, up.depth, mr.valid_from desc, mr.id desc
    ) r on r.org_id = c.id
    left join (
      select distinct on (o.org_id) o.org_id, to_jsonb(o) as override
      from meeting_override o join down on down.id = o.org_id
      where o.period = ${q.period}
      order by o.org_id, o.id desc
    ) mo on mo.org_id = c.id
    left join report_submission s on s.org_id = c.id and s.form = ${q.form} and s.period = ${q.period}
    ${absences}
    where c.kind in (${sql.join(CELL_KINDS)})
      and c.valid_from <= ${q.to} and (c.valid_to is null or c.valid_to > ${q.from})
      ${q.villageCellsOnly ? sql`and (c.catchment = 'thon' or c.area_kind in ('village', 'residential_group'))` : sql``}`;
}
