import { renderReportingChart, type ReportingRow } from "../charts/reporting-chart.js";
import { isFormId } from "../domain/forms/registry.js";
import type { CellRollup } from "../domain/rollup.js";
import { localDate } from "../domain/time.js";
import type { Db } from "../db/schema.js";
import type { I18n, Locale } from "../messaging/i18n.js";
import type { Reply } from "../messaging/message.js";
import type { OutboxMessage } from "../messaging/outbox-message.js";
import { rollupFor } from "../services/rollup.service.js";

const cellRow = (c: CellRollup): ReportingRow => ({
  label: c.name,
  reported: c.status === "reported" || c.status === "accepted" ? 1 : 0,
  late: c.status === "late" ? 1 : 0,
  pending: c.status === "pending" ? 1 : 0,
});

/**
 * The chart of a digest, drawn when it is sent (a cell that reported since the planning shows as
 * reported): a commune's cells (a cadre's: the cells they follow), or the province's communes. The
 * roll-up is read without an actor: the digest's recipients were chosen by the planner along the org tree.
 *
 * @example startScheduler(app, channels, { illustrate: digestCharts(app.database.db, app.i18n, "Asia/Ho_Chi_Minh"), files: filesOf(app.config) })
 */
export function digestCharts(db: Db, i18n: I18n, tz: string) {
  return async (row: { message: OutboxMessage; orgId: number | null }, locale: Locale, now: Date): Promise<Reply[]> => {
    const { message, orgId } = row;
    if ((message.kind !== "digest.commune" && message.kind !== "digest.province") || orgId === null) return [];
    const { form, period } = message.payload;
    if (!isFormId(form)) return [];
    const t = (id: string) => i18n.t(locale, id);
    // Each commune's own deadlines, as the digest's text has them (the planner's).
    const rollup = await rollupFor(db, null, orgId, period, localDate(now, tz), form, tz);
    let rows: ReportingRow[];
    if (message.kind === "digest.province") {
      rows = rollup.groups.filter((g) => g.orgId !== rollup.root.id).map((g) => ({ label: g.name, reported: g.reported, pending: g.pending, late: g.late }));
    } else {
      const only = message.payload.only ? new Set(message.payload.only) : undefined;
      rows = rollup.cells.filter((c) => !only || only.has(c.orgId)).map(cellRow);
    }
    if (rows.length === 0) return [];
    const png = await renderReportingChart(rows, {
      title: t("chart-reporting-title"),
      subtitle: `${rollup.root.name} — ${i18n.has(locale, `form-${form}`) ? t(`form-${form}`) : form} ${period}`,
      labels: { reported: t("chart-reporting-reported"), pending: t("chart-reporting-pending"), late: t("chart-reporting-late") },
    });
    return [{ text: t("digest-chart-caption"), attachment: { kind: "photo", filename: "bao-cao.png", mimeType: "image/png", data: png, fallbackText: t("digest-chart-fallback") } }];
  };
}
