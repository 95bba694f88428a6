/**
 * `chibo remind --at ISO [--since ISO] [--dry-run] [--json]`: the reminders due at an instant
 * (DESIGN.md, Contracts). With `--dry-run` they are printed and nothing is written; without it they
 * are planned into the outbox (the running bot's sender delivers them). The same instant always
 * gives the same dedupe keys. An `--at` without an offset is read in TZ_DEFAULT (Asia/Ho_Chi_Minh).
 */
import { parseArgs } from "node:util";
import { openApp } from "../app.js";
import { loadConfig } from "../config.js";
import { dayjs } from "../domain/time.js";
import type { Io } from "../main.js";
import { planIntoOutbox, planMessages } from "../scheduler/planner.service.js";

const USAGE = "Cách dùng: chibo remind --at ISO [--since ISO] [--dry-run] [--json]\n  ví dụ: chibo remind --at 2025-12-02T07:00:00+07:00 --dry-run --json\n";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

function parseInstant(value: string, tz: string): Date | null {
  if (!ISO.test(value)) return null;
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const d = hasOffset ? new Date(value) : dayjs.tz(value, tz).toDate();
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Runs the command; resolves to the exit code. */
export async function runRemind(args: string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { at: { type: "string" }, since: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" });
  if (!values.at) {
    io.stderr.write(`Thiếu --at (thời điểm ISO).\n${USAGE}`);
    return 2;
  }
  const at = parseInstant(values.at, config.TZ_DEFAULT);
  const since = values.since === undefined ? undefined : parseInstant(values.since, config.TZ_DEFAULT);
  if (!at || since === null) {
    io.stderr.write(`Thời điểm không hợp lệ: ${!at ? values.at : values.since}. Dùng dạng ISO, ví dụ 2025-12-02T07:00:00+07:00.\n`);
    return 2;
  }
  const app = await openApp(config);
  try {
    const options = { now: at, tz: config.TZ_DEFAULT, log: app.log, ...(since ? { since } : {}) };
    if (!values["dry-run"]) {
      const { planned, inserted } = await planIntoOutbox(app.database.db, options);
      io.stdout.write(values.json ? `${JSON.stringify({ planned, inserted })}\n` : `Đã lên lịch ${planned} tin nhắn (${inserted} tin mới) vào hàng đợi gửi.\n`);
      return 0;
    }
    const messages = await planMessages(app.database.db, options);
    const rows = messages.map((m) => ({
      person_id: m.personId,
      channel: m.to?.channel ?? "unlinked",
      kind: m.kind,
      key: m.key,
      due_at: m.dueAt.toISOString(),
      org_id: m.orgId,
    }));
    if (values.json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (rows.length === 0) {
      io.stdout.write("Không có nhắc nhở nào đến hạn vào thời điểm này.\n");
    } else {
      for (const r of rows) io.stdout.write(`${r.due_at}  ${r.kind.padEnd(20)}  ${String(r.person_id).padStart(6)}  ${r.channel.padEnd(9)}  ${r.key}\n`);
      io.stdout.write(`${rows.length} nhắc nhở.\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}
