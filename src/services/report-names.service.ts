import { cellPeople } from "../db/cycle.repository.js";
import { reportsMaybeNaming } from "../db/privacy.repository.js";
import { findReportById } from "../db/report.repository.js";
import type { Actor } from "../domain/roles.js";
import { recordAccess } from "./access-log.service.js";
import type { Db } from "../db/schema.js";
import type { FieldValues, FormDefinition } from "../domain/forms/form-definition.js";
import { formVersion } from "../domain/forms/registry.js";
import { namedInReport, namesOnRoll, namesPeople, type NamedInReport, type RollNames } from "../domain/forms/roll-names.js";

/**
 * A report's typed names (absentees, resolutions' owners) as the cell's roll today writes them: the
 * full name of the one member or leader a name fits, the rest as typed (`namesOnRoll`). The roll is
 * read only when the values name somebody.
 *
 * @example await reportNamesOnRoll(db, cellId, "2026-12-11", form, { absentees: [{ name: "Dong", reason: "om" }] })
 */
export async function reportNamesOnRoll(db: Db, orgId: number, today: string, form: FormDefinition, values: FieldValues, before?: FieldValues): Promise<RollNames> {
  if (!namesPeople(form, values)) return { values, asTyped: [] };
  const people = await cellPeople(db, orgId, today);
  const members = [...new Map(people.map((p) => [p.id, { id: p.id, name: p.full_name }])).values()];
  return namesOnRoll(form, values, members, before);
}

/** The day a report's roll is read on: its meeting's date when it has one, else `today`. */
const rollDay = (values: FieldValues, today: string): string => (typeof values.meeting_date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(values.meeting_date) ? values.meeting_date : today);

/**
 * The members a report names (absentees, resolutions' owners), matched against the cell's roll on
 * the meeting day: whom a view of the report is recorded for. Reads the roll only when it names somebody.
 */
export async function peopleNamedInReport(db: Db, report: { org_id: number; form: string; form_version: number; data: FieldValues }, today: string): Promise<NamedInReport[]> {
  const form = formVersion(report.form, report.form_version);
  if (!form || !namesPeople(form, report.data)) return [];
  const people = await cellPeople(db, report.org_id, rollDay(report.data, today));
  return namedInReport(form, report.data, [...new Map(people.map((p) => [p.id, { id: p.id, name: p.full_name }])).values()]);
}

type NamingReport = { id: number; org_id: number; form: string; form_version: number; data: FieldValues };

/**
 * Record that the actor opened a report (`/duyet`, `/xembaocao`, a Word file of `/vanban`), with the
 * members it names, in one access-log row: each finds the view in their `/dulieu`. A report naming
 * nobody but the viewer records nothing. `report` is the row or its id (read when only the id is known).
 *
 * @example await recordReportView(ctx.db, actor, report, ctx.today, ctx.now)
 */
export async function recordReportView(db: Db, actor: Actor, report: NamingReport | number, today: string, at: Date): Promise<void> {
  const row = typeof report === "number" ? await findReportById(db, report) : report;
  if (!row) return;
  const named = await peopleNamedInReport(db, row, today);
  await recordAccess(db, actor, { what: "report.names", orgId: row.org_id, reportId: row.id, subjectIds: named.map((n) => n.personId) }, at);
}

/** A report naming the person: its form, period and cell, as what (absent with a reason, a task's owner). */
export interface ReportNaming {
  form: string;
  period: string;
  cell: string;
  as: "absent" | "owner";
  detail: string | null;
}

/**
 * The reports that name the person (`/dulieu`): of the cells they were on the roll of, each absence and
 * each task they are named for, newest period first. Two queries, whatever the number of reports.
 */
export async function reportsNamingPerson(db: Db, personId: number, today: string): Promise<ReportNaming[]> {
  const { reports, roll } = await reportsMaybeNaming(db, personId);
  const out: ReportNaming[] = [];
  for (const r of reports) {
    const form = formVersion(r.form, r.form_version);
    if (!form) continue;
    const day = rollDay(r.data, today);
    const members = new Map<number, { id: number; name: string }>();
    for (const p of roll) {
      if (p.org_id === r.org_id && String(p.valid_from) <= day && (p.valid_to === null || String(p.valid_to) > day)) members.set(p.id, { id: p.id, name: p.full_name });
    }
    for (const n of namedInReport(form, r.data, [...members.values()])) {
      if (n.personId === personId) out.push({ form: r.form, period: r.period, cell: r.org, as: n.as, detail: n.detail });
    }
  }
  return out;
}
