import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import type { MeetingDocument } from "../domain/cycle/documents.js";
import { ChiboError } from "../domain/errors.js";
import { localDate } from "../domain/time.js";
import { findOrgByCode, findOrgById } from "../db/org.repository.js";
import { renderMeetingDocx, templateProblem } from "../export/meeting-docx.js";
import { createI18n } from "../messaging/i18n.js";
import { meetingDocumentData } from "../services/meeting-document.service.js";
import type { CommandContext, Env, Io } from "./command.js";

/**
 * `chibo export minutes|resolution --org CODE --period P --out FILE.docx`: the biên bản or the nghị
 * quyết of a cell's monthly meeting, from its stored report, filled into the Word template.
 */
export async function runDocumentExport(document: MeetingDocument, args: string[], env: Env, io: Io, ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, allowPositionals: true, options: { period: { type: "string" }, org: { type: "string" }, out: { type: "string" } } });
  if (!values.org || !values.period || !values.out) {
    io.stderr.write(`Cách dùng: chibo export ${document} --org CODE --period YYYY-MM --out FILE.docx\n`);
    return 2;
  }
  if (extname(values.out).toLowerCase() !== ".docx") {
    io.stderr.write("Tệp biên bản, nghị quyết phải có đuôi .docx\n");
    return 2;
  }
  const app = await ctx.openApp(loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" }));
  try {
    const db = app.database.db;
    const org = (/^\d{1,9}$/.test(values.org) ? await findOrgById(db, Number(values.org)) : undefined) ?? (await findOrgByCode(db, values.org));
    if (!org) {
      io.stderr.write(`Không tìm thấy chi bộ "${values.org}".\n`);
      return 1;
    }
    const i18n = createI18n();
    const words = (id: string, a?: Record<string, string | number>) => i18n.t("vi", id, a);
    const today = localDate(new Date(), app.config.TZ_DEFAULT);
    let found;
    try {
      found = await meetingDocumentData(db, null, org.id, values.period, today, words);
    } catch (error) {
      if (error instanceof ChiboError && error.code === "invalid_input") {
        io.stderr.write(`Kỳ "${values.period}" không hợp lệ: biên bản, nghị quyết theo tháng (YYYY-MM).\n`);
        return 2;
      }
      throw error;
    }
    if (!found.data) {
      io.stderr.write(`${org.name} chưa có báo cáo sinh hoạt kỳ ${values.period}.\n`);
      return 1;
    }
    let bytes: Uint8Array;
    try {
      bytes = await renderMeetingDocx(document, found.data);
    } catch (error) {
      // A broken template: its full path (the administrator edits it there) and where it is broken; nothing written.
      const problem = templateProblem(error, words, (path) => path);
      if (problem === undefined) throw error;
      io.stderr.write(`${problem}\n`);
      return 1;
    }
    await writeFile(resolve(ctx.cwd, values.out), bytes);
    io.stdout.write(`Đã xuất ${document === "minutes" ? "biên bản" : "nghị quyết"} ${found.cellName} kỳ ${values.period} vào ${values.out}\n`);
    return 0;
  } finally {
    await app.close();
  }
}
