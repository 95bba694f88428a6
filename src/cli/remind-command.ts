/**
 * `chibo remind --at ISO [--since ISO] [--dry-run] [--json]`: the reminders due at an instant
 * (DESIGN.md, Contracts). With `--dry-run` they are printed and nothing is written; without it they
 * are planned into the outbox (the running bot's sender delivers them). The same instant always
 * gives the same dedupe keys. An `--at` without an offset is read in TZ_DEFAULT (Asia/Ho_Chi_Minh).
 *
 * Also: `--settings --org CODE` prints the reminder settings in force for an org (defaults, then the
 * province's and the commune's overrides); `--set FILE --org CODE` validates a JSON override and
 * stores it; `--status` prints the outbox counts and the messages that went dead.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { dayjs } from "../domain/time.js";
import type { CommandContext, Io } from "./command.js";
import { reminderOverrideSchema } from "../domain/schedule/settings.js";
import { deadMessages, outboxCounts } from "../db/outbox.repository.js";
import { findOrgByCode } from "../db/org.repository.js";
import { putReminderSettingOverride } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import { planIntoOutbox, planMessages } from "../services/planner.service.js";
import { settingsOfOrg } from "../services/reminder-settings.service.js";

const USAGE = `Cách dùng:
  chibo remind --at ISO [--since ISO] [--dry-run] [--json]   nhắc nhở đến hạn (ví dụ --at 2025-12-02T07:00:00+07:00)
  chibo remind --settings --org MÃ                            cấu hình nhắc nhở đang áp dụng cho một đơn vị
  chibo remind --set TỆP.json --org MÃ                        lưu cấu hình riêng của tỉnh hoặc xã (được kiểm tra trước)
  chibo remind --status                                       số tin trong hàng đợi gửi, các tin gửi hỏng
`;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

function parseInstant(value: string, tz: string): Date | null {
  if (!ISO.test(value)) return null;
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const d = hasOffset ? new Date(value) : dayjs.tz(value, tz).toDate();
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Runs the command; resolves to the exit code. */
export async function runRemind(args: string[], env: Record<string, string | undefined>, io: Io, ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      at: { type: "string" },
      since: { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      settings: { type: "boolean" },
      set: { type: "string" },
      org: { type: "string" },
      status: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" });
  if (values.status || values.settings || values.set !== undefined) {
    if (!values.status && !values.org) {
      io.stderr.write(`Cần --org MÃ (mã đơn vị, ví dụ DEMO-XA-TANVAN).\n${USAGE}`);
      return 2;
    }
    const app = await ctx.openApp(config);
    try {
      if (values.status) return await printStatus(app.database.db, io);
      return await settingsCommand(app.database.db, values.org as string, values.set === undefined ? undefined : resolve(ctx.cwd, values.set), io);
    } finally {
      await app.close();
    }
  }
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
  const app = await ctx.openApp(config);
  try {
    const options = { now: at, tz: config.TZ_DEFAULT, log: app.log, ...(since ? { since } : {}) };
    if (!values["dry-run"]) {
      const { planned, inserted } = await planIntoOutbox(app.database.db, options);
      io.stdout.write(values.json ? `${JSON.stringify({ planned, inserted })}\n` : `Đã lên lịch ${planned} tin nhắn (${inserted} tin mới) vào hàng đợi gửi.\n`);
      return 0;
    }
    const messages = await planMessages(app.database.db, options);
    // A cell's group chat gets its own copy of a notice, with no person: the row names the chat instead.
    const rows = messages.map((m) => ({
      person_id: m.personId,
      ...(m.group ? { group_chat_id: m.group.chatId } : {}),
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
      for (const r of rows) {
        const to = r.group_chat_id !== undefined ? `nhóm ${r.group_chat_id}` : String(r.person_id);
        io.stdout.write(`${r.due_at}  ${r.kind.padEnd(20)}  ${to.padStart(6)}  ${r.channel.padEnd(9)}  ${r.key}\n`);
      }
      io.stdout.write(`${rows.length} nhắc nhở.\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

async function printStatus(db: Db, io: Io): Promise<number> {
  const counts = await outboxCounts(db);
  const dead = await deadMessages(db, 20);
  io.stdout.write(`${JSON.stringify({ counts, dead: dead.map((d) => ({ ...d, due_at: d.due_at.toISOString() })) }, null, 2)}\n`);
  return 0;
}

async function settingsCommand(db: Db, code: string, file: string | undefined, io: Io): Promise<number> {
  const org = await findOrgByCode(db, code);
  if (!org) {
    io.stderr.write(`Không tìm thấy đơn vị "${code}".\n`);
    return 1;
  }
  if (file !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, "utf8"));
    } catch {
      io.stderr.write(`Không đọc được tệp JSON "${file}".\n`);
      return 1;
    }
    const parsed = reminderOverrideSchema.safeParse(raw);
    if (!parsed.success) {
      io.stderr.write(`Cấu hình chưa hợp lệ, chưa lưu gì:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".") || "?"}: ${i.message}`).join("\n")}\n`);
      return 1;
    }
    await putReminderSettingOverride(db, org.id, parsed.data);
    io.stdout.write(`Đã lưu cấu hình nhắc nhở của ${org.name}.\n`);
  }
  io.stdout.write(`${JSON.stringify(await settingsOfOrg(db, org.id), null, 2)}\n`);
  return 0;
}
