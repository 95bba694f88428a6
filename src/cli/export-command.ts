import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createI18n } from "../messaging/i18n.js";
import { loadConfig } from "../config.js";
import { ChiboError } from "../domain/errors.js";
import { isPeriodOfKind } from "../domain/forms/period.js";
import { currentForm, FORM_IDS, isFormId } from "../domain/forms/registry.js";
import { readPeriodText } from "../domain/rollup-request.js";
import { DEFAULT_TZ, localDate } from "../domain/time.js";
import { findOrgByCode, findOrgById, findRootOrg } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { reportCsv } from "../export/report-workbook.js";
import { layoutProblem } from "../export/province-layout.js";
import { rollupStatusTexts, rollupWorkbook } from "../export/rollup-workbook.js";
import { rollupForExport } from "../services/rollup.service.js";
import type { CommandContext, Io } from "./command.js";
import { buildReportTable } from "../services/export.service.js";
import { villageTable } from "../services/village-record.service.js";
import { villageWorkbook } from "../export/village-workbook.js";
import { isMeetingDocument } from "../domain/cycle/documents.js";

/** What is wrong with an office's layout, in words, with the file to fix (its full path: the admin edits it there). */
/**
 * An export's failure as the office reads it: a broken layout named with what to fix (exit 1), a period
 * the form cannot take (exit 2); anything else is thrown on.
 */
function exportFailed(error: unknown, io: { stderr: { write(text: string): unknown } }, badPeriod: string): number {
  const i18n = createI18n();
  const problem = layoutProblem(error, (id, args) => i18n.t("vi", id, args), (path) => path);
  if (problem !== undefined) {
    io.stderr.write(`${problem}\n`);
    return 1;
  }
  if (error instanceof ChiboError && error.code === "invalid_input") {
    io.stderr.write(`${badPeriod}\n`);
    return 2;
  }
  throw error;
}

async function findRoot(db: Db, ref: string | undefined) {
  if (ref) {
    if (/^\d{1,9}$/.test(ref)) {
      const byId = await findOrgById(db, Number(ref));
      if (byId) return byId;
    }
    return findOrgByCode(db, ref);
  }
  // Without --org: the province committee in force (the root of the tree).
  return findRootOrg(db);
}

/**
 * `chibo export FORM --period P [--org ID] [--signer NAME] [--position TEXT] --out FILE`: a form's
 * roll-up for a period under the org as the report an office files (XLSX, in the province's layout:
 * header block, per-commune subtotals, total, signature block), or the submissions' raw table as CSV
 * when FILE ends in `.csv`. The period as stored (2025-11, 2025-Q3, 2025) or in words ("quý 3/2026").
 * `minutes` and `resolution` of a cell's monthly meeting are Word documents (cli/export-documents.ts).
 */
export async function runExport(args: string[], env: Record<string, string | undefined>, io: Io, ctx: CommandContext): Promise<number> {
  const document = args.find((a) => !a.startsWith("-"));
  if (isMeetingDocument(document)) {
    const { runDocumentExport } = await import("./export-documents.js");
    return runDocumentExport(document, args, env, io, ctx);
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { period: { type: "string" }, org: { type: "string" }, out: { type: "string" }, signer: { type: "string" }, position: { type: "string" } },
  });
  const form = positionals[0];
  if (form === "villages" && values.period && values.out) return exportVillages(values.period, values.org, values.out, env, io, ctx);
  if (form !== undefined && form !== "villages" && !isFormId(form)) {
    io.stderr.write(`Không có mẫu báo cáo "${form}". Các mẫu xuất được: ${FORM_IDS.join(", ")}, villages, minutes, resolution.\n`);
  }
  if (!form || !isFormId(form) || !values.period || !values.out) {
    io.stderr.write(`Cách dùng: chibo export FORM --period P [--org ID] [--signer "HỌ TÊN"] [--position "Bí thư"] --out FILE
FORM: ${FORM_IDS.join(", ")}, minutes, resolution (--org CHI_BO, FILE.docx), villages (--period YYYY-Qn, FILE.xlsx)
`);
    return 2;
  }
  const format = extname(values.out).toLowerCase();
  if (format !== ".xlsx" && format !== ".csv") {
    io.stderr.write("Tệp xuất phải có đuôi .xlsx hoặc .csv\n");
    return 2;
  }
  const today = localDate(new Date(), env.TZ_DEFAULT ?? DEFAULT_TZ);
  const period = readPeriodText(values.period, today)?.period ?? values.period;
  if (!isPeriodOfKind(currentForm(form).periodKind, period)) {
    io.stderr.write(`Kỳ "${values.period}" không hợp lệ cho mẫu ${form} (tháng: YYYY-MM, quý: YYYY-Qn, năm: YYYY).\n`);
    return 2;
  }
  const app = await ctx.openApp(loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" }));
  try {
    const root = await findRoot(app.database.db, values.org);
    if (!root) {
      io.stderr.write(`Không tìm thấy tổ chức "${values.org ?? ""}".\n`);
      return 1;
    }
    const db = app.database.db;
    const i18n = createI18n();
    const t = (id: string, a?: Record<string, string | number>) => i18n.t("vi", id, a);
    const localToday = localDate(new Date(), app.config.TZ_DEFAULT);
    let cells: number;
    let reported: number;
    if (format === ".csv") {
      // The status words of the XLSX: a late report says "nộp muộn" here too; the same cells as the XLSX.
      const { rollup } = await rollupForExport(db, null, root.id, form, period, localToday, app.config.TZ_DEFAULT);
      const table = await buildReportTable(db, null, form, period, root.id, new Set(rollup.cells.map((c) => c.orgId)));
      await writeFile(resolve(ctx.cwd, values.out), Buffer.from(reportCsv(table, t, localToday, rollupStatusTexts(rollup, t)), "utf8"));
      cells = table.rows.length;
      reported = table.rows.filter((r) => r.status !== "missing").length;
    } else {
      const { rollup, heading } = await rollupForExport(db, null, root.id, form, period, localToday, app.config.TZ_DEFAULT);
      const data = await rollupWorkbook(rollup, {
        t,
        today: localToday,
        heading,
        signer: { ...(values.position ? { position: values.position } : {}), ...(values.signer ? { name: values.signer } : {}) },
      });
      await writeFile(resolve(ctx.cwd, values.out), data);
      cells = rollup.cells.length;
      reported = rollup.cells.filter((c) => c.status === "reported" || c.status === "accepted").length;
    }
    io.stdout.write(`Đã xuất ${cells} chi bộ (${reported} đã báo cáo) của ${root.name} vào ${values.out}\n`);
    return 0;
  } catch (error) {
    return exportFailed(error, io, `Kỳ "${values.period}" không hợp lệ cho mẫu ${form} (tháng: YYYY-MM, quý: YYYY-Qn, năm: YYYY).`);
  } finally {
    await app.close();
  }
}

/**
 * `chibo export villages --period YYYY-Qn [--org CODE] --out FILE.xlsx`: the village records under the
 * org for a quarter, with the changes since the quarter before marked.
 */
async function exportVillages(period: string, org: string | undefined, out: string, env: Record<string, string | undefined>, io: Io, ctx: CommandContext): Promise<number> {
  if (extname(out).toLowerCase() !== ".xlsx") {
    io.stderr.write("Tệp hồ sơ thôn phải có đuôi .xlsx\n");
    return 2;
  }
  const app = await ctx.openApp(loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" }));
  try {
    const root = await findRoot(app.database.db, org);
    if (!root) {
      io.stderr.write(`Không tìm thấy tổ chức "${org ?? ""}".\n`);
      return 1;
    }
    const table = await villageTable(app.database.db, null, root.id, period, new Date());
    const i18n = createI18n();
    const t = (id: string, a?: Record<string, string | number>) => i18n.t("vi", id, a);
    await writeFile(resolve(ctx.cwd, out), await villageWorkbook(table, { t, today: localDate(new Date(), app.config.TZ_DEFAULT) }));
    io.stdout.write(`Đã xuất hồ sơ ${table.rows.filter((r) => r.figures).length}/${table.rows.length} thôn của ${table.orgName} vào ${out}\n`);
    return 0;
  } catch (error) {
    return exportFailed(error, io, `Kỳ "${period}" không hợp lệ cho hồ sơ thôn (quý: YYYY-Qn).`);
  } finally {
    await app.close();
  }
}
