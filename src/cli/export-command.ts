import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createI18n } from "../messaging/i18n.js";
import { loadConfig } from "../config.js";
import { ChiboError } from "../domain/errors.js";
import { FORM_IDS, isFormId } from "../domain/forms/registry.js";
import { localDate } from "../domain/time.js";
import { findOrgByCode, findOrgById, findRootOrg } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { reportCsv, reportXlsx } from "../export/report-workbook.js";
import type { CommandContext, Io } from "./command.js";
import { buildReportTable } from "../services/export.service.js";
import { isMeetingDocument } from "../domain/cycle/documents.js";

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
 * `chibo export FORM --period P [--org ID] --out FILE`: the submissions of a form for a period,
 * one row per cell under the org, as XLSX (or CSV when FILE ends in `.csv`); `minutes` and `resolution`
 * of a cell's monthly meeting are Word documents (cli/export-documents.ts).
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
    options: { period: { type: "string" }, org: { type: "string" }, out: { type: "string" } },
  });
  const form = positionals[0];
  if (!form || !isFormId(form) || !values.period || !values.out) {
    io.stderr.write(`Cách dùng: chibo export FORM --period P [--org ID] --out FILE\nFORM: ${FORM_IDS.join(", ")}, minutes, resolution (--org CHI_BO, FILE.docx)\n`);
    return 2;
  }
  const format = extname(values.out).toLowerCase();
  if (format !== ".xlsx" && format !== ".csv") {
    io.stderr.write("Tệp xuất phải có đuôi .xlsx hoặc .csv\n");
    return 2;
  }
  const app = await ctx.openApp(loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" }));
  try {
    const root = await findRoot(app.database.db, values.org);
    if (!root) {
      io.stderr.write(`Không tìm thấy tổ chức "${values.org ?? ""}".\n`);
      return 1;
    }
    const table = await buildReportTable(app.database.db, null, form, values.period, root.id);
    const i18n = createI18n();
    const t = (id: string, a?: Record<string, string | number>) => i18n.t("vi", id, a);
    const today = localDate(new Date(), app.config.TZ_DEFAULT);
    const data = format === ".csv" ? Buffer.from(reportCsv(table, t, today), "utf8") : await reportXlsx(table, t, today);
    await writeFile(resolve(ctx.cwd, values.out), data);
    const reported = table.rows.filter((r) => r.status !== "missing").length;
    io.stdout.write(`Đã xuất ${table.rows.length} chi bộ (${reported} đã báo cáo) của ${table.orgName} vào ${values.out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ChiboError && error.code === "invalid_input") {
      io.stderr.write(`Kỳ "${values.period}" không hợp lệ cho mẫu ${form} (tháng: YYYY-MM, quý: YYYY-Qn, năm: YYYY).\n`);
      return 2;
    }
    throw error;
  } finally {
    await app.close();
  }
}
