import { choicesAsText } from "../../src/channels/text-choices.js";
import { createBot, type Bot } from "../../src/bot/bot.js";
import type { HandleResult } from "../../src/messaging/channel.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { Choice, IncomingMessage, Reply } from "../../src/messaging/message.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import type { Engine } from "../../src/db/connection.js";
import { silentLogger } from "../../src/log.js";
import { ensureConsoleAccount } from "../../src/services/console-account.service.js";
import { freshDatabase, type TestDatabase } from "./engines.js";

/** A bot on a fresh database with the demo province, driven like the console channel. */
export interface BotHarness {
  db: TestDatabase;
  bot: Bot;
  clock: { now: Date };
  /** Send one text as a console user; returns the replies. */
  say(userId: string, text: string, extra?: Partial<IncomingMessage>): Promise<HandleResult>;
  /** The reply texts joined, as a person would read them. */
  sayText(userId: string, text: string, extra?: Partial<IncomingMessage>): Promise<string>;
  /** The console user id of a demo person, linked (as `chibo chat --as` does). */
  as(personCode: string): Promise<string>;
  close(): Promise<void>;
}

/** The choice with that label among a result's replies; fails naming what the replies offered. */
export function choiceLabelled(result: HandleResult, label: string): Choice {
  const found = result.replies.flatMap((r) => r.choices ?? []).find((c) => c.label === label);
  if (!found) throw new Error(`no choice "${label}" in:\n${replyText(result.replies)}`);
  return found;
}

/** Replies as a console or Zalo user reads them (choices listed the way those channels list them). */
export function replyText(replies: Reply[]): string {
  return replies.map((r) => [r.title, r.text, choicesAsText(r)].filter(Boolean).join("\n")).join("\n\n");
}

export async function botHarness(engine: Engine, options: { seed?: boolean; now?: Date } = {}): Promise<BotHarness> {
  // The demo province comes copied from a template seeded once per run (test/global-setup.ts).
  const db = await freshDatabase(engine, { demo: options.seed !== false });
  const clock = { now: options.now ?? new Date("2025-11-20T03:00:00Z") };
  const bot = createBot({ db: db.db, i18n: createI18n(), log: silentLogger(), features: defaultFeatures() });
  let seq = 0;
  const say = (userId: string, text: string, extra: Partial<IncomingMessage> = {}) =>
    bot.handle({
      channel: "console",
      chatId: userId,
      userId,
      chatType: "private",
      text,
      at: clock.now,
      updateId: `u${++seq}`,
      ...extra,
    });
  return {
    db,
    bot,
    clock,
    say,
    sayText: async (userId, text, extra) => replyText((await say(userId, text, extra)).replies),
    async as(personCode) {
      const person = await findPersonByCode(db.db, personCode);
      if (!person) throw new Error(`no demo person ${personCode}`);
      return ensureConsoleAccount(db.db, person.id, clock.now);
    },
    close: () => db.close(),
  };
}
