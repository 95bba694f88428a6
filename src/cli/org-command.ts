import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Kysely } from "kysely";
import { createI18n, type Locale } from "../messaging/i18n.js";
import { readDate, type OrgChangeProblem } from "../domain/org-change.js";
import { formatDateVi, localDate } from "../domain/time.js";
import type { Database } from "../db/schema.js";
import { quietConfig, type Command, type CommandContext, type Env, type Io } from "./command.js";
import { goLiveDate, setGoLiveDate } from "../services/go-live.service.js";
import { closeOrgOn, mergeOrgs, renameOrg, splitOrg, type OrgChangeOutcome } from "../services/org-change.service.js";

/** What an org or member command needs besides its arguments: the database, the clock, the language. */
export interface ChangeCommandContext {
  db: Kysely<Database>;
  now: Date;
  tz: string;
  t: (id: string, args?: Record<string, string | number>) => string;
}

/** Strings, not numbers, for dates: Fluent would group the digits of a year. */
function problemArgs(problem: Record<string, unknown>): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) {
    if (key === "code") continue;
    args[key] = key === "date" || key === "since" ? formatDateVi(String(value)) : typeof value === "number" ? value : String(value);
  }
  return args;
}

/** Print each problem of a refused change on stderr, then that nothing was written; exit code 1. */
export function refuse(io: Io, t: ChangeCommandContext["t"], prefix: string, problems: readonly { code: string }[]): number {
  for (const p of problems) io.stderr.write(`${t(`${prefix}-${p.code}`, problemArgs(p as Record<string, unknown>))}\n`);
  io.stderr.write(`${t("org-change-rejected")}\n`);
  return 1;
}

/** The `--on` date, or a message and exit code 2. */
export function dateOption(io: Io, t: ChangeCommandContext["t"], raw: string | undefined): string | null {
  const on = raw === undefined ? null : readDate(raw);
  if (on === null) io.stderr.write(`${raw === undefined ? t("org-usage") : t("org-bad-date", { value: raw })}\n`);
  return on;
}

function label(u: { code: string; name: string }): string {
  return `${u.name} (${u.code})`;
}

function report(io: Io, t: ChangeCommandContext["t"], outcome: OrgChangeOutcome): number {
  if (!outcome.ok) return refuse(io, t, "org-change", outcome.problems as OrgChangeProblem[]);
  const on = formatDateVi(outcome.on);
  const closed = outcome.closed.map(label).join(", ");
  const c = outcome.carried;
  if (outcome.kind === "close") io.stdout.write(`${t("org-done-close", { on, closed, rolesEnded: c.rolesEnded })}\n`);
  else {
    const created = (outcome.parts ?? [outcome.created!]).map(label).join(", ");
    io.stdout.write(`${t(`org-done-${outcome.kind}`, { on, closed, created })}\n`);
    io.stdout.write(
      `${t("org-carried", { members: c.members, roles: c.roles, rules: c.meetingRules, assignments: c.assignments, households: c.households, groups: c.groupChats, children: c.children, rolesEnded: c.rolesEnded })}\n`,
    );
  }
  io.stdout.write(`${t("org-history-kept", { on })}\n`);
  if (c.remindersCancelled > 0) io.stdout.write(`${t("org-reminders-cancelled", { count: c.remindersCancelled })}\n`);
  if (outcome.reportsAfter > 0) io.stdout.write(`${t("org-reports-after", { count: outcome.reportsAfter, month: outcome.on.slice(5, 7) + "/" + outcome.on.slice(0, 4) })}\n`);
  if (outcome.openDrafts.length > 0) {
    const successor = outcome.kind === "close" ? "none" : (outcome.parts ?? [outcome.created!]).map((u) => u.name).join(", ");
    io.stdout.write(`${t("org-open-drafts", { count: outcome.openDrafts.length, successor })}\n`);
    for (const d of outcome.openDrafts) {
      const period = /^\d{4}-\d{2}$/.test(d.period) ? t("org-open-draft-month", { month: `${d.period.slice(5, 7)}/${d.period.slice(0, 4)}` }) : d.period;
      io.stdout.write(`${t("org-open-draft", { cell: d.cell, form: t(`form-${d.form}`), period, state: d.correcting ? "correcting" : "unsent", person: d.person ?? "none" })}\n`);
    }
  }
  if (outcome.dryRun) io.stdout.write(`${t("org-dry-run")}\n`);
  return 0;
}

/**
 * `chibo org merge|rename|close …` on an open database: 0 recorded (or a dry run passed), 1 refused
 * (nothing written, every problem printed), 2 usage.
 *
 * @example chibo org merge CB-A CB-B --into CB-AB --name "Chi bộ thôn A-B" --on 01/12/2026
 */
export async function orgCommand(args: string[], io: Io, ctx: ChangeCommandContext): Promise<number> {
  const { t } = ctx;
  const { values, positionals } = parseArgs({ args, options: ORG_OPTIONS, allowPositionals: true });
  const [verb, ...codes] = positionals;
  const usage = () => {
    io.stderr.write(`${t("org-usage")}\n`);
    return 2;
  };
  const opts = { today: localDate(ctx.now, ctx.tz), now: ctx.now, dryRun: values["dry-run"] ?? false };
  if (verb === "merge") {
    if (codes.length === 0 || values.into?.length !== 1 || values.name?.length !== 1) return usage();
    const on = dateOption(io, t, values.on);
    if (!on) return 2;
    const input = {
      codes,
      into: values.into[0]!,
      name: values.name[0]!,
      on,
      ...(values["leaders-from"] ? { leadersFrom: values["leaders-from"] } : {}),
      ...(values["rule-from"] ? { ruleFrom: values["rule-from"] } : {}),
    };
    return report(io, t, await mergeOrgs(ctx.db, input, opts));
  }
  if (verb === "split") {
    // --into and --name in pairs, in order: the first part continues the unit.
    const into = values.into ?? [];
    const names = values.name ?? [];
    if (codes.length !== 1 || into.length === 0 || into.length !== names.length) return usage();
    const on = dateOption(io, t, values.on);
    if (!on) return 2;
    return report(io, t, await splitOrg(ctx.db, { code: codes[0]!, parts: into.map((code, i) => ({ code, name: names[i]! })), on }, opts));
  }
  if (verb === "rename") {
    if (codes.length !== 1 || values.name?.length !== 1 || values.into !== undefined) return usage();
    const on = dateOption(io, t, values.on);
    if (!on) return 2;
    return report(io, t, await renameOrg(ctx.db, { code: codes[0]!, name: values.name[0]!, on }, opts));
  }
  if (verb === "go-live") {
    // The province office's day of starting with chibo (set by the first units import): shown, or changed.
    if (codes.length > 1) return usage();
    if (codes.length === 0) {
      const date = await goLiveDate(ctx.db);
      io.stdout.write(`${date ? t("org-go-live-is", { date: formatDateVi(date) }) : t("org-go-live-unset")}\n`);
      return 0;
    }
    const date = dateOption(io, t, codes[0]);
    if (!date) return 2;
    // The same rule as /ngaytheodoi: a day after today would make the periods being reported now "not tracked".
    if (date > localDate(ctx.now, ctx.tz)) {
      io.stderr.write(`${t("golive-future", { date: formatDateVi(date) })}\n`);
      return 1;
    }
    if (!opts.dryRun) await setGoLiveDate(ctx.db, date, ctx.now);
    io.stdout.write(`${t("org-go-live-set", { date: formatDateVi(date) })}\n`);
    if (opts.dryRun) io.stdout.write(`${t("org-dry-run")}\n`);
    return 0;
  }
  if (verb === "close") {
    if (codes.length !== 1) return usage();
    const on = dateOption(io, t, values.on);
    if (!on) return 2;
    return report(io, t, await closeOrgOn(ctx.db, { code: codes[0]!, on }, opts));
  }
  return usage();
}

/** Open the app for a change command (or borrow the running one's) and run it; messages in the configured language. */
export async function withChangeContext(env: Env, cmd: CommandContext, run: (ctx: ChangeCommandContext) => Promise<number>): Promise<number> {
  const config = await quietConfig(env);
  const i18n = createI18n();
  const locale: Locale = config.LOCALE_DEFAULT;
  const app = await cmd.openApp(config);
  try {
    return await run({ db: app.database.db, now: new Date(), tz: config.TZ_DEFAULT, t: (id, a) => i18n.t(locale, id, a) });
  } finally {
    await app.close();
  }
}

const ORG_OPTIONS = {
  into: { type: "string", multiple: true },
  name: { type: "string", multiple: true },
  on: { type: "string" },
  "leaders-from": { type: "string" },
  "rule-from": { type: "string" },
  "dry-run": { type: "boolean" },
} as const;

/**
 * Runs a change command on an open database once its arguments parse: an unknown option is refused (by `main`, with
 * the usage) before any data folder is opened or made.
 */
export function changeCommand(options: NonNullable<ParseArgsConfig["options"]>, command: (args: string[], io: Io, ctx: ChangeCommandContext) => Promise<number>): Command {
  return (args, env, io, cmd) => {
    parseArgs({ args, options, allowPositionals: true });
    return withChangeContext(env, cmd, (ctx) => command(args, io, ctx));
  };
}

/** `chibo org …` from the command line (or through a running `chibo start`'s admin socket). */
export const runOrg: Command = changeCommand(ORG_OPTIONS, orgCommand);
