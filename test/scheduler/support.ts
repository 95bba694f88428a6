import type { Kysely } from "kysely";
import { createI18n } from "../../src/messaging/i18n.js";
import type { Reply } from "../../src/messaging/message.js";
import type { Database } from "../../src/db/schema.js";
import { silentLogger } from "../../src/log.js";
import { TELEGRAM_LIMITS } from "../../src/scheduler/rate-limit.js";
import { OutboxSender, type SenderOptions } from "../../src/scheduler/sender.js";
import { PLAIN_TEXT, type ChannelCapabilities } from "../../src/messaging/capabilities.js";
import type { Channel, SendResult } from "../../src/messaging/channel.js";
import { TELEGRAM_CAPABILITIES } from "../../src/channels/telegram/telegram-capabilities.js";
import { ZALO_CAPABILITIES } from "../../src/channels/zalo/zalo-capabilities.js";
import type { Engine } from "../../src/db/connection.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { freshDatabase, type TestDatabase } from "../support/engines.js";

/** Vietnam local time → instant. */
export const vn = (local: string) => new Date(`${local}:00+07:00`);

export interface DemoCell {
  db: TestDatabase;
  cellId: number;
  members: number[];
  cadres: number[];
  /** Members given an account on the `fake` channel (all but the last two). */
  linked: number[];
}

/** The demo province on a fresh database; most Pò Lài members linked on a `fake` channel. */
export async function demoCell(engine: Engine): Promise<DemoCell> {
  const db = await freshDatabase(engine, { demo: true });
  const cell = await findOrgByCode(db.db, "DEMO-CB-POLAI");
  if (!cell) throw new Error("demo cell missing");
  const members = (await db.db.selectFrom("role").select("person_id").where("org_id", "=", cell.id).where("role", "=", "member").orderBy("person_id").execute()).map((r) => r.person_id);
  const cadres = (await db.db.selectFrom("assignment").select("cadre_id").where("org_id", "=", cell.id).execute()).map((r) => r.cadre_id);
  const linked = members.slice(0, -2);
  for (const id of linked) {
    await db.db
      .insertInto("chat_account")
      .values({ channel: "fake", platform_user_id: `u${id}`, chat_id: `c${id}`, person_id: id, linked_at: new Date("2025-11-01T00:00:00Z"), last_seen_at: new Date("2025-11-01T00:00:00Z") })
      .execute();
  }
  return { db, cellId: cell.id, members, cadres, linked };
}

const FAKE_CAPABILITIES: Record<string, ChannelCapabilities> = { telegram: TELEGRAM_CAPABILITIES, zalo: ZALO_CAPABILITIES };

/** An in-process channel that answers each send as told and records what it was given. */
export class FakeChannel implements Channel {
  readonly sent: { chatId: string; replies: Reply[]; at: number }[] = [];
  /** As the real channel of that name declares them (Telegram: buttons and edits). */
  readonly capabilities: ChannelCapabilities;
  constructor(
    readonly name: string,
    private readonly answer: (chatId: string, attempt: number) => SendResult = () => ({ ok: true }),
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.capabilities = FAKE_CAPABILITIES[name] ?? PLAIN_TEXT;
  }
  private readonly attempts = new Map<string, number>();
  async start() {}
  async stop() {}
  async send(chatId: string, replies: Reply[]): Promise<SendResult> {
    const attempt = (this.attempts.get(chatId) ?? 0) + 1;
    this.attempts.set(chatId, attempt);
    const result = this.answer(chatId, attempt);
    if (result.ok) this.sent.push({ chatId, replies, at: this.clock() });
    return result;
  }
}

/**
 * The real outbox sender on in-process fake channels with a test clock: `sleep` advances the clock
 * instead of waiting. Telegram's limits on every channel unless `limits` says otherwise.
 */
export function testSender(
  db: Kysely<Database>,
  engine: Engine,
  channels: FakeChannel[],
  clock: { now: Date },
  extra: Partial<SenderOptions> = {},
): OutboxSender {
  return new OutboxSender({
    db,
    engine,
    channels,
    limits: new Map(channels.map((c) => [c.name, TELEGRAM_LIMITS])),
    i18n: createI18n(),
    log: silentLogger(),
    tz: "Asia/Ho_Chi_Minh",
    localeDefault: "vi",
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now = new Date(clock.now.getTime() + ms);
    },
    ...extra,
  });
}
