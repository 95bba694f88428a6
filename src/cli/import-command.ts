import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createI18n, type Locale } from "../messaging/i18n.js";
import { loadConfig } from "../config.js";
import { MAX_LISTED_ISSUES, type ImportIssue } from "../domain/import/issues.js";
import { readDate } from "../domain/org-change.js";
import { formatDateVi, localDate } from "../domain/time.js";
import type { CommandContext, Io } from "./command.js";
import { ImportFileError, readTableFile } from "../services/import-reader.js";
import { runImport as importTable, type ImportKind, type OverriddenRecord } from "../services/import.service.js";
import { progressBar, type ProgressStream } from "./progress.js";

const IMPORT_KINDS: readonly ImportKind[] = ["units", "people", "households", "assignments", "criteria", "villages"];

/** Files smaller than this finish before a bar is worth drawing. */
const PROGRESS_MIN_ROWS = 200;

/**
 * `chibo import units|people|households|assignments|criteria|villages FILE [--dry-run]`: check the whole file, print every problem with its
 * line and column, and write nothing unless all rows pass; then write all of it in one transaction.
 * Returns the exit code: 0 imported, 1 rejected (nothing written), 2 usage.
 *
 * @example chibo import people dang-vien.xlsx
 */
export async function runImport(args: string[], env: Record<string, string | undefined>, io: Io, ctx: CommandContext): Promise<number> {
  const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" });
  const i18n = createI18n();
  const locale: Locale = config.LOCALE_DEFAULT;
  const t = (id: string, a?: Record<string, string | number>) => i18n.t(locale, id, a);

  const { values, positionals } = parseArgs({ args, options: { "dry-run": { type: "boolean" }, on: { type: "string" } }, allowPositionals: true });
  // --on DATE: the day the file's roles, moves and leavings take effect (rows may give their own "Tính từ ngày").
  const asOf = values.on === undefined ? undefined : readDate(values.on);
  if (asOf === null || (asOf !== undefined && asOf > localDate(new Date(), config.TZ_DEFAULT))) {
    io.stderr.write(`${t("org-bad-date", { value: values.on ?? "" })}\n`);
    return 2;
  }
  const [kind, file] = positionals;
  if (!IMPORT_KINDS.includes(kind as ImportKind) || !file || positionals.length > 2) {
    io.stderr.write(`${t("import-usage")}\n`);
    return 2;
  }
  const path = resolve(ctx.cwd, file);

  let read;
  let fileHash: string;
  try {
    read = await readTableFile(path);
    fileHash = createHash("sha256").update(await readFile(path)).digest("hex");
  } catch (error) {
    if (error instanceof ImportFileError) {
      io.stderr.write(`${t(`import-file-${error.code}`, { path: file, ...error.args })}\n`);
      return 1;
    }
    throw error;
  }
  if (read.encoding === "windows-1258") io.stderr.write(`${t("import-encoding-1258")}\n`);

  const app = await ctx.openApp(config);
  try {
    const started = performance.now();
    const bar = progressBar(io.stderr as ProgressStream, t("import-progress"));
    const outcome = await importTable(app.database.db, kind as ImportKind, read.table, {
      now: new Date(),
      tz: config.TZ_DEFAULT,
      dryRun: values["dry-run"] ?? false,
      fileHash,
      ...(asOf ? { asOf } : {}),
      onProgress: (done, total) => {
        if (total >= PROGRESS_MIN_ROWS) bar.update(done, total);
      },
    });
    bar.stop();
    const ms = Math.round(performance.now() - started);
    if (outcome.ignoredColumns.length > 0) {
      io.stderr.write(`${t("import-ignored-columns", { columns: outcome.ignoredColumns.map((c) => `'${c}'`).join(", ") })}\n`);
    }
    if (!outcome.ok) {
      for (const issue of outcome.issues.slice(0, MAX_LISTED_ISSUES)) io.stderr.write(`${formatIssue(issue, t)}\n`);
      if (outcome.issues.length > MAX_LISTED_ISSUES) io.stderr.write(`${t("import-more-issues", { count: outcome.issues.length - MAX_LISTED_ISSUES })}\n`);
      io.stderr.write(`${t("import-rejected", { count: outcome.issues.length })}\n`);
      app.log.info({ kind, rejected: outcome.issues.length, ms }, "import rejected");
      return 1;
    }
    const { counts } = outcome;
    io.stdout.write(`${t(`import-done-${kind}`, { ...counts, seconds: (ms / 1000).toFixed(1).replace(".", ",") })}\n`);
    if (kind === "units" && counts.rules > 0) io.stdout.write(`${t("import-rules-set", { rules: counts.rules })}\n`);
    if (outcome.overridden) io.stdout.write(describeOverridden(outcome.overridden, t, locale));
    if (outcome.dryRun) io.stdout.write(`${t("import-dry-run")}\n`);
    app.log.info({ kind, ...counts, ms, dryRun: outcome.dryRun }, "import done");
    return 0;
  } finally {
    await app.close();
  }
}

/** "Dòng 7, cột 'Năm sinh': '19x5' không phải năm hợp lệ (từ 1900 đến 2010)". */
export function formatIssue(issue: ImportIssue, t: (id: string, args?: Record<string, string | number>) => string): string {
  // Strings, not numbers: Fluent would write the year 1965 as "1.965".
  const args: Record<string, string | number> = {};
  // A count stays a number, so the message can choose its plural form.
  for (const [key, value] of Object.entries(issue.args)) args[key] = key === "date" ? formatDateVi(String(value)) : key === "count" && typeof value === "number" ? value : String(value);
  const detail = t(`import-${issue.code}`, args);
  const line = String(issue.line);
  return issue.column ? t("import-issue-cell", { line, column: issue.column, detail }) : t("import-issue-line", { line, detail });
}

/**
 * The values of quarters the cell itself stored by chat that an import replaces, one village a line:
 * "thôn Khuổi Nậm, quý 3/2026: Hộ nghèo 14 → 15".
 */
export function describeOverridden(records: readonly OverriddenRecord[], t: (id: string, args?: Record<string, string | number>) => string, locale: Locale): string {
  const num = (v: number | null) => (v === null ? "—" : locale === "vi" ? String(v).replace(".", ",") : String(v));
  const label = (field: string) => {
    const [kind, key] = field.split(":") as [string, string];
    return t(kind === "org" ? `records-org-${key}` : `records-field-${key}`);
  };
  let count = 0;
  const lines = records.map((r) => {
    const changes = r.values.map((v) => `${label(v.field)} ${num(v.before)} → ${num(v.after)}`);
    if (r.workers) changes.push(t("import-overridden-workers"));
    count += changes.length;
    return `  ${t("import-overridden-record", { village: r.village, quarter: r.period.slice(-1), year: r.period.slice(0, 4), changes: changes.join("; ") })}`;
  });
  return `${t("import-overridden", { count })}\n${lines.join("\n")}\n`;
}
