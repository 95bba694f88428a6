/**
 * `chibo remind --at ISO [--since ISO] [--dry-run] [--json]`: the reminders due at an instant
 * (DESIGN.md, Contracts). With `--dry-run` they are printed and nothing is written; without it they
 * are planned into the outbox (the running bot's sender delivers them). The same instant always
 * gives the same dedupe keys. An `--at` without an offset is read in TZ_DEFAULT (Asia/Ho_Chi_Minh).
 *
 * Also: `--settings --org CODE` prints the reminder settings in force for an org today (defaults, then
 * the province's, the commune's and a cell's own overrides) with the list of their changes; `--set FILE --org CODE
 * [--from DD/MM/YYYY]` validates a JSON override and stores it as a new version, in force from today
 * or the later day named (`remind-settings.ts`); `--status` prints the outbox counts and the messages
 * that went dead.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { dayjs } from "../domain/time.js";
import type { CommandContext, Io } from "./command.js";
import { deadMessages, outboxCounts, quietHeldCounts } from "../db/outbox.repository.js";
import type { Db } from "../db/schema.js";
import { planIntoOutbox } from "../services/planner.service.js";
import { fateCounts, previewPlan, type PreviewRow } from "../services/remind-preview.service.js";
import type { OutboxStatus } from "../db/outbox.table.js";
import type { NoReachReason } from "../db/channel-pref.repository.js";
import { renderOutboxMessage } from "../messaging/outbox-render.js";
import type { I18n, Locale } from "../messaging/i18n.js";
import { isQuiet } from "../domain/schedule/quiet-hours.js";
import { DEFAULT_REMINDER_SETTINGS } from "../domain/schedule/settings.js";
import { remindSettingsCommand } from "./remind-settings.js";

/** `chibo remind --help`. */
export const REMIND_USAGE = `Cách dùng:
  chibo remind --at ISO [--since ISO] [--dry-run] [--json]   nhắc nhở đến hạn (ví dụ --at 2025-12-02T07:00:00+07:00)
  chibo remind --settings --org MÃ                            cấu hình nhắc nhở đang áp dụng cho một đơn vị, các lần thay đổi
  chibo remind --set TỆP.json --org MÃ [--from DD/MM/YYYY]    lưu cấu hình riêng của tỉnh, xã hoặc chi bộ (được kiểm tra
                                                              trước; chi bộ chỉ đặt giờ yên lặng và nhắc lịch họp),
                                                              áp dụng từ hôm nay hoặc từ ngày sau đó
  chibo remind --status [--json]                              số tin trong hàng đợi gửi, các tin gửi hỏng
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
      from: { type: "string" },
      status: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(REMIND_USAGE);
    return 0;
  }
  const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" });
  if (values.from !== undefined && values.set === undefined) {
    io.stderr.write(`--from chỉ dùng cùng --set.\n${REMIND_USAGE}`);
    return 2;
  }
  if (values.status || values.settings || values.set !== undefined) {
    if (!values.status && !values.org) {
      io.stderr.write(`Cần --org MÃ (mã đơn vị, ví dụ DEMO-XA-TANVAN).\n${REMIND_USAGE}`);
      return 2;
    }
    const app = await ctx.openApp(config);
    try {
      if (values.status) return await printStatus(app.database.db, io, values.json === true, config.TZ_DEFAULT, new Date());
      const request = {
        code: values.org as string,
        ...(values.set === undefined ? {} : { file: resolve(ctx.cwd, values.set) }),
        ...(values.from === undefined ? {} : { from: values.from }),
      };
      const t = (id: string, args?: Record<string, string | number>) => app.i18n.t(config.LOCALE_DEFAULT, id, args);
      const code = await remindSettingsCommand(app.database.db, request, io, { now: new Date(), tz: config.TZ_DEFAULT }, t);
      // Inside a running chibo, its sender looks again at once at what it holds for quiet hours.
      if (request.file !== undefined && code === 0) app.outboxChanged();
      return code;
    } finally {
      await app.close();
    }
  }
  if (!values.at) {
    io.stderr.write(`Thiếu --at (thời điểm ISO).\n${REMIND_USAGE}`);
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
      const { planned, inserted, unlinked } = await planIntoOutbox(app.database.db, options);
      if (inserted > 0) app.outboxChanged();
      io.stdout.write(values.json ? `${JSON.stringify({ planned, inserted })}\n` : `Đã lên lịch ${outcome(planned, inserted, unlinked)}.\n`);
      return 0;
    }
    const preview = await previewPlan(app.database.db, options);
    if (values.json) {
      // Ids for scripts; the fields of before are kept as they were (DESIGN.md: contracts), new ones added.
      const rows = preview.map(({ planned: m, catchUp, fate, stored, noReach }) => ({
        person_id: m.personId,
        // A cell's group chat gets its own copy of a notice, with no person: the row names the chat instead.
        ...(m.group ? { group_chat_id: m.group.chatId } : {}),
        channel: m.to?.channel ?? "unlinked",
        kind: m.kind,
        key: m.key,
        due_at: m.dueAt.toISOString(),
        org_id: m.orgId,
        catch_up: catchUp,
        fate,
        ...(stored ? { stored } : {}),
        // Why an "unlinked" row cannot be sent: none | console_only | unreachable.
        ...(noReach ? { no_reach: noReach } : {}),
      }));
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      io.stdout.write(describePreview(preview, at, config.TZ_DEFAULT, app.i18n, config.LOCALE_DEFAULT));
    }
    return 0;
  } finally {
    await app.close();
  }
}

const CHANNEL_NAMES: Record<string, string> = { telegram: "Telegram", zalo: "Zalo", console: "console" };
const STORED: Partial<Record<OutboxStatus, string>> = { sent: "đã gửi", pending: "đang chờ gửi", failed: "đang chờ gửi lại", sending: "đang gửi", skipped: "bỏ qua", dead: "gửi hỏng", cancelled: "đã hủy" };
/** Why a reminder is not sent, as `/toi` sees the person's accounts: the console is linked but takes no reminders. */
const NO_REACH: Record<NoReachReason, string> = {
  none: "chưa liên kết tài khoản: không gửi",
  console_only: "chỉ liên kết bảng điều khiển: không gửi được nhắc",
  unreachable: "tài khoản Zalo/Telegram không nhận tin (đã chặn bot?): không gửi",
};
const local = (at: Date, tz: string) => dayjs(at).tz(tz).format("HH:mm DD/MM/YYYY");

/** What a real run does at the instant, in one sentence: the dry run ends with it, the real run prints it. */
function outcome(planned: number, inserted: number, unlinked: number): string {
  const parts = [`${inserted} tin mới vào hàng đợi gửi`];
  if (planned - inserted > 0) parts.push(`${planned - inserted} tin đã có trong hàng đợi từ trước, không ghi lại`);
  if (unlinked > 0) parts.push(`${unlinked} tin không gửi được vì người nhận chưa liên kết Zalo/Telegram`);
  return `${planned} tin nhắn: ${parts.join("; ")}`;
}

/**
 * The dry run for people (#19.12): when (local time), to whom (name, channel), what the message says,
 * and what a real run at the same instant does with it; ids only in `--json`.
 */
function describePreview(rows: readonly PreviewRow[], at: Date, tz: string, i18n: I18n, locale: Locale): string {
  if (rows.length === 0) {
    const quiet = isQuiet(at, DEFAULT_REMINDER_SETTINGS.quietHours, tz);
    const { start, end, deferTo } = DEFAULT_REMINDER_SETTINGS.quietHours;
    return `Không có nhắc nhở nào đến hạn lúc ${local(at, tz)}.${quiet ? ` Giờ này nằm trong giờ yên lặng mặc định (${start}–${end}): tin đến hạn được dời đến ${deferTo}.` : ""}\n`;
  }
  const out: string[] = [];
  for (const r of rows) {
    const m = r.planned;
    const who = m.group ? `nhóm chat của ${"cell" in r.message.payload ? r.message.payload.cell : "chi bộ"}` : (r.name ?? "?");
    const marks: string[] = [];
    if (r.catchUp) marks.push(`gửi bù: đến hạn từ ${local(m.dueAt, tz)}`);
    if (r.fate === "queued") marks.push(`đã có trong hàng đợi${r.stored && STORED[r.stored] ? ` (${STORED[r.stored]})` : ""}`);
    else if (r.fate === "unlinked") marks.push(NO_REACH[r.noReach ?? "none"]);
    const channel = m.to ? ` · ${CHANNEL_NAMES[m.to.channel] ?? m.to.channel}` : "";
    out.push(`${local(r.catchUp ? at : m.dueAt, tz)} · ${who}${channel}${marks.length > 0 ? `  [${marks.join("; ")}]` : ""}`);
    for (const reply of renderOutboxMessage(i18n, locale, r.message, at, tz)) {
      const text = reply.title ? `${reply.title}: ${reply.text}` : reply.text;
      for (const line of text.split("\n")) out.push(`    ${line}`);
    }
    if (m.kind === "digest.commune" || m.kind === "digest.province") out.push("    (kèm biểu đồ tình hình gửi báo cáo, vẽ lúc gửi)");
  }
  const counts = fateCounts(rows);
  const catchUp = rows.filter((r) => r.catchUp).length;
  out.push("", `Chạy thật lúc ${local(at, tz)} sẽ lên lịch ${outcome(rows.length, counts.new + counts.unlinked, rows.filter((r) => r.planned.to === null).length)}.`);
  if (catchUp > 0) out.push(`${catchUp} tin gửi bù (đến hạn trước ${local(at, tz)}, vẫn còn hữu ích): bot đang chạy đã lên lịch chúng ở lần quét trước nếu không bị gián đoạn.`);
  return `${out.join("\n")}\n`;
}

/**
 * "chờ hết giờ yên lặng ban đêm: 5 tin, sẽ gửi lúc 07:00 08/12/2026", with each time when they go at
 * several (units with their own quiet hours); a time already past says they go as soon as the bot sends.
 */
function heldLine(held: readonly { at: Date; count: number }[], total: number, tz: string, now: Date): string {
  const when = (at: Date) => (at.getTime() <= now.getTime() ? `đã hết giờ yên lặng lúc ${local(at, tz)}, gửi ngay khi bot chạy` : `sẽ gửi lúc ${local(at, tz)}`);
  const head = `chờ hết giờ yên lặng ban đêm: ${total} tin`;
  if (held.length === 1) return `${head}, ${when(held[0]!.at)}`;
  return `${head} (${held.map((h) => `${h.count} tin ${when(h.at)}`).join("; ")})`;
}

/**
 * The outbox for an admin: counts by status and the latest dead messages, in words (JSON with `--json`).
 * Rows the sender holds for quiet hours are stored as `failed`, but nothing failed: the words give them
 * their own line with when they go, and "đang chờ gửi lại" counts only real retries. The JSON keeps
 * `counts` by stored status and adds `held_for_quiet` (`[{at, count}]`).
 */
async function printStatus(db: Db, io: Io, json: boolean, tz: string, now: Date): Promise<number> {
  const [counts, held, dead] = await Promise.all([outboxCounts(db), quietHeldCounts(db), deadMessages(db, 20)]);
  if (json) {
    const heldForQuiet = held.map((h) => ({ at: h.at.toISOString(), count: h.count }));
    io.stdout.write(`${JSON.stringify({ counts, held_for_quiet: heldForQuiet, dead: dead.map((d) => ({ ...d, due_at: d.due_at.toISOString() })) }, null, 2)}\n`);
    return 0;
  }
  const out = ["Hàng đợi gửi tin:"];
  const order: OutboxStatus[] = ["pending", "sending", "failed", "sent", "skipped", "cancelled", "dead"];
  const statuses = [...order.filter((s) => counts[s] !== undefined), ...Object.keys(counts).filter((s) => !order.includes(s as OutboxStatus))];
  const heldCount = held.reduce((n, h) => n + h.count, 0);
  if (statuses.length === 0) out.push("  chưa có tin nào.");
  for (const status of statuses) {
    const n = (counts[status] ?? 0) - (status === "failed" ? heldCount : 0);
    // Rows held only for quiet hours: no retry to speak of.
    if (status !== "failed" || n > 0) out.push(`  ${STORED[status as OutboxStatus] ?? status}: ${n} tin`);
    if (status === "failed" && heldCount > 0) out.push(`  ${heldLine(held, heldCount, tz, now)}`);
  }
  if (dead.length === 0) out.push("", "Không có tin gửi hỏng.");
  else {
    out.push("", `Tin gửi hỏng gần nhất (${dead.length}):`);
    for (const d of dead) {
      const to = d.person_id === null ? "nhóm chat" : `người #${d.person_id}`;
      const error = d.last_error ? ` · lỗi: ${d.last_error}` : "";
      out.push(`  #${d.id} · ${local(d.due_at, tz)} · ${to} · ${CHANNEL_NAMES[d.channel ?? ""] ?? d.channel ?? "—"} · ${d.kind} · ${d.attempts} lần thử${error}`);
    }
  }
  io.stdout.write(`${out.join("\n")}\n`);
  return 0;
}
