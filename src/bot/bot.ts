import { z } from "zod";
import type { Kysely } from "kysely";
import { ChiboError } from "../domain/errors.js";
import { fold } from "../domain/text/fold.js";
import { localDate } from "../domain/time.js";
import { setAccountLanguage } from "../db/chat-account.repository.js";
import { clearConversation, saveConversation } from "../db/conversation.repository.js";
import { openInbound, type InboundKey } from "../db/preamble.repository.js";
import type { Database } from "../db/schema.js";
import type { Actor } from "../domain/roles.js";
import type { Logger } from "../log.js";
import { CommandTable, parseCommand } from "./commands.js";
import { BotContext, type LinkedPerson } from "./context.js";
import { CONVERSATION_TTL_MS, parseState } from "../messaging/conversation.js";
import type { Feature } from "./feature.js";
import { isLocale, localeFromHint, type I18n, type Locale } from "../messaging/i18n.js";
import type { HandleResult } from "../messaging/channel.js";
import type { IncomingMessage, Reply } from "../messaging/message.js";

/** Longer messages are refused before anything is stored (a report fits in far less). */
export const MAX_TEXT_LENGTH = 4000;
const ACTION_PATTERN = /^[a-z_]{1,16}(:[A-Za-z0-9_.-]{1,24}){0,4}$/;
const NO_NUL = /^[^\u0000]*$/;

const incomingSchema = z.object({
  channel: z.string().regex(/^[a-z]{1,16}$/),
  chatId: z.string().min(1).max(64).regex(NO_NUL),
  userId: z.string().min(1).max(64).regex(NO_NUL),
  chatType: z.enum(["private", "group"]),
  text: z.string().optional(),
  action: z.string().max(64).optional(),
  contact: z.object({ phone: z.string().max(32), userId: z.string().max(64).optional() }).optional(),
  attachment: z.enum(["image", "sticker", "voice", "file", "unsupported"]).optional(),
  updateId: z.string().max(128).regex(NO_NUL).optional(),
  at: z.date(),
  languageHint: z.string().max(35).optional(),
});

interface HandledInTransaction extends HandleResult {
  /** The handling queued outbox messages. */
  outbox?: boolean;
}

export interface BotOptions {
  db: Kysely<Database>;
  i18n: I18n;
  log: Logger;
  features: Feature[];
  localeDefault?: Locale;
  tz?: string;
  botName?: string;
  /** Called after a message whose handling queued outbox messages has committed (wakes the sender). */
  onOutbox?: () => void;
}

export interface Bot {
  handle(msg: IncomingMessage): Promise<HandleResult>;
  readonly commands: CommandTable;
}

/**
 * The platform-neutral bot: one message in, replies out. Everything a message changes — the
 * de-duplication key, the account, the conversation state, the feature's own writes — commits in
 * one transaction, so a crash leaves either all of it or none (and the platform redelivers).
 */
export function createBot(options: BotOptions): Bot {
  const { db, i18n, log, features } = options;
  const localeDefault = options.localeDefault ?? "vi";
  const tz = options.tz ?? "Asia/Ho_Chi_Minh";
  const commands = new CommandTable(features);
  const actions = uniqueByName("action", features.flatMap((f) => Object.entries(f.actions ?? {})));
  const flows = uniqueByName("flow", features.flatMap((f) => Object.entries(f.flows ?? {})));
  const readers = features.filter((f) => f.onText);
  const preludes = features.filter((f) => f.beforeRoute);

  async function route(ctx: BotContext): Promise<void> {
    const { msg } = ctx;
    for (const feature of preludes) await feature.beforeRoute!(ctx);
    if (msg.attachment && !msg.text && !msg.action && !msg.contact) {
      ctx.reply("unsupported-content");
      return;
    }
    const contactHandler = actions.get("contact");
    if (msg.contact && contactHandler) return contactHandler(ctx, []);

    let action = msg.action;
    const text = (msg.text ?? "").trim();
    if (action !== undefined && !ACTION_PATTERN.test(action)) throw new ChiboError("stale_choice");

    if (action === undefined && text) {
      const choices = ctx.state.choices ?? [];
      const digit = ctx.state.numeric ? null : /^(\d{1,2})[.)]?$/.exec(text);
      if (digit) {
        const index = Number(digit[1]) - 1;
        if (choices.length === 0) throw new ChiboError("stale_choice");
        const choice = choices[index];
        if (!choice) {
          ctx.reply("choice-out-of-range", { max: choices.length });
          ctx.replies.push({ text: ctx.t("choice-repeat"), choices });
          return;
        }
        action = choice.action;
      } else if (choices.length > 0 && !text.startsWith("/")) {
        const folded = fold(text);
        const byWord = choices.find((c) => fold(c.label) === folded);
        if (byWord) action = byWord.action;
      }
    }

    if (action !== undefined) {
      const [prefix, ...params] = action.split(":");
      const handler = actions.get(prefix as string);
      if (!handler) throw new ChiboError("stale_choice");
      if (!ctx.actor && !PUBLIC_ACTIONS.has(prefix as string)) throw new ChiboError("not_linked");
      return handler(ctx, params);
    }

    const command = parseCommand(text);
    if (command) {
      const spec = commands.find(command.name);
      if (!spec) {
        const suggestion = commands.suggest(command.name);
        ctx.reply(suggestion ? "unknown-command-suggest" : "unknown-command", {
          command: command.name.slice(0, 32),
          suggestion: suggestion ?? "",
        });
        return;
      }
      if (msg.chatType === "group" && !spec.group) {
        ctx.reply("group-private-only");
        return;
      }
      if (!spec.public && !ctx.actor) throw new ChiboError("not_linked");
      return spec.run(ctx, command.args);
    }

    if (msg.chatType === "group") return; // plain chatter in a group is not for the bot

    const flow = ctx.state.flow ? flows.get(ctx.state.flow.name) : undefined;
    if (flow) return flow(ctx, text);

    for (const feature of readers) {
      if (await feature.onText!(ctx, text)) return;
    }
    if (!ctx.actor) throw new ChiboError("not_linked");
    ctx.reply("not-understood");
  }

  async function handleInTransaction(msg: IncomingMessage): Promise<HandledInTransaction> {
    return db.transaction().execute(async (trx) => {
      const today = localDate(msg.at, tz);
      const opened = await openInbound(trx, inboundKey(msg, today));
      if (!opened) return { status: "duplicate", replies: [] } satisfies HandleResult;
      const { account, conversation: stored } = opened;
      let person: LinkedPerson | null = null;
      let actor: Actor | null = null;
      if (opened.person) {
        const { id, fullName, cellId, roles, assignments } = opened.person;
        person = { id, fullName, cellId };
        actor = { personId: id, cellId, roles, assignments };
      }
      const state = stored && !stored.expired ? parseState(stored.state) : {};
      const hadChoices = (state.choices?.length ?? 0) > 0;
      const locale: Locale = isLocale(account.language)
        ? account.language
        : localeFromHint(msg.languageHint, localeDefault);
      const ctx = new BotContext(
        trx,
        msg,
        { id: account.id, personId: account.personId, language: isLocale(account.language) ? account.language : null },
        person,
        actor,
        locale,
        today,
        state,
        i18n,
        log,
        options.botName,
        tz,
      );
      try {
        await route(ctx);
      } catch (error) {
        if (!(error instanceof ChiboError)) throw error;
        // A refusal changes nothing the feature wrote: roll back to before it, keep the account and dedupe key.
        throw new Refusal(error, ctx.locale);
      }
      if (ctx.locale !== locale) {
        await setAccountLanguage(trx, account.id, ctx.locale);
      }
      // Remember the last numbered list; any other reply makes an old list stale.
      const lastWithChoices = [...ctx.replies].reverse().find((r) => r.choices && r.choices.length > 0);
      if (lastWithChoices) {
        state.choices = lastWithChoices.choices;
        if (lastWithChoices.numericAnswer) state.numeric = true;
        else delete state.numeric;
        ctx.stateChanged = true;
      } else if (hadChoices && ctx.replies.length > 0) {
        delete state.choices;
        delete state.numeric;
        ctx.stateChanged = true;
      }
      if (ctx.stateChanged) {
        if (state.choices || state.flow) {
          await saveConversation(trx, msg.channel, msg.chatId, { ...state }, new Date(msg.at.getTime() + CONVERSATION_TTL_MS), msg.at);
        } else {
          await clearConversation(trx, msg.channel, msg.chatId);
        }
      }
      return { status: "handled", replies: ctx.replies, outbox: ctx.outboxWritten } satisfies HandledInTransaction;
    });
  }

  async function handle(raw: IncomingMessage): Promise<HandleResult> {
    const parsed = incomingSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn({ channel: raw?.channel, issues: parsed.error.issues.length }, "malformed incoming message dropped");
      return { status: "handled", replies: [] };
    }
    // PostgreSQL text cannot hold NUL: stored as-is (a flow's answer) it failed the message on every redelivery.
    const msg = (parsed.data.text?.includes("\u0000") ? { ...parsed.data, text: parsed.data.text.replaceAll("\u0000", "") } : parsed.data) as IncomingMessage;
    const hintLocale = localeFromHint(msg.languageHint, localeDefault);
    if ((msg.text?.length ?? 0) > MAX_TEXT_LENGTH) {
      return { status: "handled", replies: [{ text: i18n.t(hintLocale, "error-too-long", { max: MAX_TEXT_LENGTH }) }] };
    }
    const started = Date.now();
    try {
      const { outbox, ...result } = await handleInTransaction(msg);
      log.debug({ channel: msg.channel, status: result.status, ms: Date.now() - started }, "message handled");
      if (outbox) options.onOutbox?.();
      return result;
    } catch (error) {
      if (error instanceof Refusal) {
        return await handleRefusal(msg, error);
      }
      log.error({ err: error, channel: msg.channel }, "message handling failed");
      return { status: "failed", replies: [{ text: i18n.t(hintLocale, "error-retry_later") }] };
    }
  }

  /** The feature refused: its writes are rolled back; record only the account and the dedupe key. */
  async function handleRefusal(msg: IncomingMessage, refusal: Refusal): Promise<HandleResult> {
    try {
      return await db.transaction().execute(async (trx) => {
        const opened = await openInbound(trx, inboundKey(msg, localDate(msg.at, tz)));
        if (!opened) return { status: "duplicate", replies: [] } satisfies HandleResult;
        if (refusal.error.code === "stale_choice" && opened.conversation) {
          await clearConversationChoices(trx, msg, opened.conversation.state);
        }
        const text = i18n.t(refusal.locale, `error-${refusal.error.code}`, refusal.error.args);
        return { status: "handled", replies: [{ text }] } satisfies HandleResult;
      });
    } catch (error) {
      log.error({ err: error, channel: msg.channel }, "refusal could not be recorded");
      return { status: "failed", replies: [{ text: i18n.t(refusal.locale, "error-retry_later") }] };
    }
  }

  async function clearConversationChoices(trx: Kysely<Database>, msg: IncomingMessage, stored: Record<string, unknown>) {
    const state = parseState(stored);
    if (!state.choices) return;
    delete state.choices;
    if (state.flow) {
      await saveConversation(trx, msg.channel, msg.chatId, { ...state }, new Date(msg.at.getTime() + CONVERSATION_TTL_MS), msg.at);
    } else {
      await clearConversation(trx, msg.channel, msg.chatId);
    }
  }

  return { handle, commands };
}

/**
 * Features' actions (and flows) by name. Two features claiming one name would silently take each other's
 * buttons ("lh" for both /lichhop and /lichsu once answered every /lichhop choice as stale): refuse at start.
 */
function uniqueByName<T>(what: string, entries: [string, T][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [name, value] of entries) {
    if (map.has(name)) throw new Error(`two features register the ${what} "${name}"`);
    map.set(name, value);
  }
  return map;
}

/** The claim, account and reads every message starts with (`openInbound`). */
function inboundKey(msg: IncomingMessage, today: string): InboundKey {
  return {
    channel: msg.channel,
    platformUserId: msg.userId,
    chatId: msg.chatId,
    updateKey: msg.updateId,
    at: msg.at,
    privateChat: msg.chatType === "private",
    today,
  };
}

/** Actions an unlinked account may use (choosing a language, sharing a phone, answering the personal-data notice). */
const PUBLIC_ACTIONS = new Set(["lang", "contact", "consent"]);

class Refusal extends Error {
  constructor(
    readonly error: ChiboError,
    readonly locale: Locale,
  ) {
    super(error.code);
  }
}
