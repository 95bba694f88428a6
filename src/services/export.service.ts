import { ChiboError } from "../domain/errors.js";
import type { FieldDefinition } from "../domain/forms/form-definition.js";
import { isPeriodOfKind } from "../domain/forms/period.js";
import { currentForm, type FormId } from "../domain/forms/registry.js";
import type { Actor } from "../domain/roles.js";
import { periodEnd, periodStart } from "../domain/schedule/local-time.js";
import { findOrgById, subtreeIds } from "../db/org.repository.js";
import { cellsInSubtree, reportsFor } from "../db/rollup.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";
import { compareVi } from "../domain/text/collate.js";
import { NEVER_SUMMED } from "../domain/rollup-table.js";
import { dueForPeriod } from "../domain/org.js";
import { pipelineAdmissions } from "./candidate.service.js";

export interface ReportTableRow {
  cellId: number;
  cellName: string;
  communeName: string | null;
  /** `pipeline`: no typed report, the figures are counted from the cell's candidates (`/phattrien`). */
  status: "accepted" | "submitted" | "reopened" | "draft" | "missing" | "pipeline";
  submittedAt: Date | null;
  values: Record<string, unknown>;
}

export interface ReportTable {
  form: FormId;
  period: string;
  orgName: string;
  /** Fields that fit a spreadsheet cell (lists are joined). */
  fields: FieldDefinition[];
  rows: ReportTableRow[];
  /** Sums of the numeric fields over the cells that reported (minutes and scores never: `NEVER_SUMMED`). */
  totals: Record<string, number>;
}

/**
 * One row per cell of a subtree for a form and period (cells that sent nothing included),
 * with totals. `actor` null means the local operator of `chibo export` (full access).
 */
export async function buildReportTable(db: Db, actor: Actor | null, form: FormId, period: string, rootOrgId: number, due?: ReadonlySet<number>): Promise<ReportTable> {
  const definition = currentForm(form);
  if (!isPeriodOfKind(definition.periodKind, period)) throw new ChiboError("invalid_input", { period });
  if (actor) await requireAccess(db, actor, "data.export", { orgId: rootOrgId });
  const root = await findOrgById(db, rootOrgId);
  if (!root) throw new ChiboError("not_found");
  const ids = await subtreeIds(db, rootOrgId);
  // Vietnamese alphabetical order (Đ after D), the same on both engines whatever their collation.
  const inForce = await cellsInSubtree(db, ids, periodStart(period), periodEnd(period));
  const reports = await reportsFor(db, inForce.map((c) => c.id), form, period);
  const byOrg = new Map(reports.map((r) => [r.org_id, r]));
  // The cells that answer for the period, as /tonghop lists them (`due`: the roll-up's, which knows each cell's
  // deadline); without it, a cell closed in the period's middle only if it reported.
  const reported = (id: number) => { const r = byOrg.get(id); return r !== undefined && r.status !== "draft"; };
  const cells = inForce
    .filter((c) => (due ? due.has(c.id) : dueForPeriod({ validFrom: String(c.valid_from), validTo: c.valid_to === null ? null : String(c.valid_to) }, periodEnd(period), reported(c.id))))
    .sort((a, b) => compareVi(a.parent_name ?? "", b.parent_name ?? "") || compareVi(a.name, b.name));
  // Admissions are counted from the pipeline where a cell follows its candidates; typed figures stand elsewhere.
  const computed = form === "admissions" ? await pipelineAdmissions(db, cells.map((c) => c.id), period) : new Map<number, Record<string, number>>();
  // The absentees and the resolution come as text columns (names as the report wrote them); scores stay out.
  const fields = definition.fields.filter((f) => f.type !== "scores");
  const totals: Record<string, number> = {};
  const rows = cells.map((cell): ReportTableRow => {
    const report = byOrg.get(cell.id);
    const counted = computed.get(cell.id);
    const values: Record<string, unknown> = counted ? { ...(report?.data ?? {}), ...counted } : (report?.data ?? {});
    for (const f of fields) {
      const v = values[f.key];
      if (typeof v === "number" && !NEVER_SUMMED.has(f.key) && (f.type === "int" || f.type === "money" || f.type === "decimal")) totals[f.key] = (totals[f.key] ?? 0) + v;
    }
    return {
      cellId: cell.id,
      cellName: cell.name,
      communeName: cell.parent_name,
      status: report ? (report.status as ReportTableRow["status"]) : counted ? "pipeline" : "missing",
      submittedAt: report?.submitted_at ?? null,
      values,
    };
  });
  return { form, period, orgName: root.name, fields, rows, totals };
}
