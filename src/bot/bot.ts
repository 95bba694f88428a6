import { z } from "zod";
import type { Kysely } from "kysely";
import { ChiboError } from "../domain/errors.js";
import { fold } from "../domain/text/fold.js";
import { localDate } from "../domain/time.js";
import { PRIVACY_NOTICE_VERSION } from "../domain/privacy.js";
import { setAccountLanguage } from "../db/chat-account.repository.js";
import { clearConversation, saveConversation } from "../db/conversation.repository.js";
import { openInbound, openInboundMany, type InboundKey, type Preamble } from "../db/preamble.repository.js";
import {
  claimRepliesOfUpdate,
  deleteSentTurns,
  insertTurnReplies,
  insertTurnRepliesMany,
  markTurnRepliesSent,
  REPLY_LEASE_MS,
  type ConversationWrite,
  type NewTurnReplies,
  type PendingTurn,
} from "../db/turn-reply.repository.js";
import { databaseAnswers, isDatabaseUnavailable } from "../db/unavailable.js";
import type { Database } from "../db/schema.js";
import type { Actor } from "../domain/roles.js";
import type { Logger } from "../log.js";
import { CommandTable, parseCommand } from "./commands.js";
import { BotContext, type LinkedPerson } from "./context.js";
import { CONVERSATION_TTL_MS, parseState } from "../messaging/conversation.js";
import type { ActionReadAhead, CommandSpec, Feature, FreeText, Press } from "./feature.js";
import { isLocale, localeFromHint, type I18n, type Locale } from "../messaging/i18n.js";
import type { HandleResult, ReplyReceipt } from "../messaging/channel.js";
import type { Choice, IncomingMessage, Reply } from "../messaging/message.js";
import { fileDeliveryOf, type FileServing } from "../messaging/capabilities.js";
import { deliverableReplies } from "../services/file-delivery.service.js";
import { SentMarks, type CarriedMarks } from "./sent-marks.js";
import { clip } from "../domain/text/clip.js";
import { wellFormed } from "../domain/text/well-formed.js";
import type { ZaloBot } from "../services/onboarding.service.js";

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
  /** The stored replies' row (see `insertTurnReplies`). */
  storedAs?: string;
}

/** A message of a batch waiting for its wave, and how its outcome is told. */
interface Pending {
  msg: IncomingMessage;
  settle: (result: HandleResult | Promise<HandleResult>) => void;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T | Promise<T>) => void } {
  let resolve!: (value: T | Promise<T>) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A batch's wave is handled in up to this many transactions side by side (the pool has 10
 * connections; the sender and the reply marks use others meanwhile). Four keep PostgreSQL busy while
 * the bot's thread, the bound, works on the others; each more costs four statements a batch.
 */
const BATCH_GROUPS = 4;
/**
 * A group has at least this many messages (a wave of fewer is one group): each group costs four
 * statements of its own (`BEGIN`, the preamble, the replies' insert, `COMMIT`), and a batch's later
 * waves are small (a chat's second or third message: 1–8 of ~100), so one group each instead of one
 * per message (docs/benchmarks.md).
 */
const MIN_GROUP_SIZE = 8;

/** How often a redelivered update looks again whether its stored replies are still claimed by another path. */
const CLAIM_POLL_MS = 250;

export interface BotOptions {
  db: Kysely<Database>;
  i18n: I18n;
  log: Logger;
  features: Feature[];
  localeDefault?: Locale;
  tz?: string;
  botName?: string;
  /** How members find the Zalo bot (`ZALO_BOT_NAME`, `ZALO_BOT_LINK`), for invitations. */
  zaloBot?: ZaloBot;
  /** Called after a message whose handling queued outbox messages has committed (wakes the sender). */
  onOutbox?: () => void;
  /** Where files can be served (links) or written (the console); without it, only uploading channels get files. */
  files?: FileServing;
}

export interface Bot {
  handle(msg: IncomingMessage): Promise<HandleResult>;
  /**
   * Several messages (a getUpdates batch): for each, in order, the outcome `handle` would give it,
   * settling as soon as its own is known; handled in fewer statements than one by one.
   */
  handleMany(msgs: readonly IncomingMessage[]): Promise<HandleResult>[];
  /** Whether the database answers (channels probe it while holding updates through an outage). */
  ready(): Promise<boolean>;
  readonly commands: CommandTable;
}

/**
 * The platform-neutral bot: one message in, replies out. Everything a message changes — the
 * de-duplication key, the account, the conversation state, the feature's own writes, and the replies
 * themselves — commits in one transaction, so a crash leaves either all of it or none (and the
 * platform redelivers). The replies are sent after commit and deleted once the platform accepted them
 * (`HandleResult.receipt`); a redelivered update whose replies never went out gets them then.
 */
export function createBot(options: BotOptions): Bot {
  const { db, i18n, log, features } = options;
  const localeDefault = options.localeDefault ?? "vi";
  const tz = options.tz ?? "Asia/Ho_Chi_Minh";
  const commands = new CommandTable(features);
  const actions = uniqueByName("action", features.flatMap((f) => Object.entries(f.actions ?? {})));
  const actionReaders = uniqueByName("action read-ahead", features.flatMap((f) => Object.entries(f.actionReadAhead ?? {})));
  const flows = uniqueByName("flow", features.flatMap((f) => Object.entries(f.flows ?? {})));
  const resumes = uniqueByName("flow resume", features.flatMap((f) => Object.entries(f.resume ?? {})));
  const readers = features.filter((f) => f.onText);
  // A turn has one read-ahead value: the free-text readers' can be one feature's only.
  const textReaders = features.filter((f) => f.textReadAhead);
  if (textReaders.length > 1) throw new Error(`text read-ahead declared by more than one feature: ${textReaders.map((f) => f.name).join(", ")}`);
  const textReadAhead = textReaders[0]?.textReadAhead;
  const serving: FileServing = options.files ?? {};
  const preludes = features.filter((f) => f.beforeRoute);
  // Turns answered in full are deleted together (one statement for those finishing close together).
  const sentMarks = new SentMarks((ids) => deleteSentTurns(db, ids));

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
        const byWord = choiceByWords(choices, text);
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
          command: clip(command.name, 32),
          suggestion: suggestion ?? "",
        });
        return;
      }
      if (msg.chatType === "group" && !spec.group) {
        ctx.reply("group-private-only");
        return;
      }
      if (!spec.public && !ctx.actor) throw new ChiboError("not_linked");
      const open = ctx.state.flow;
      await spec.run(ctx, command.args);
      return resumeFlow(ctx, open);
    }

    if (msg.chatType === "group") return; // plain chatter in a group is not for the bot

    const open = ctx.state.flow;
    const flow = open ? flows.get(open.name) : undefined;
    if (flow && (await flow(ctx, text)) !== "pass") return;

    for (const feature of readers) {
      if (await feature.onText!(ctx, text)) return resumeFlow(ctx, open);
    }
    if (!ctx.actor) throw new ChiboError("not_linked");
    ctx.reply("not-understood");
    return resumeFlow(ctx, open);
  }

  /** A flow still open as it was before the turn's answer (not ended, not replaced): its question again, last. */
  async function resumeFlow(ctx: BotContext, open: BotContext["state"]["flow"]): Promise<void> {
    const resume = open && ctx.state.flow === open ? resumes.get(open.name) : undefined;
    if (resume) await resume(ctx);
  }

  async function handleInTransaction(msg: IncomingMessage): Promise<HandledInTransaction> {
    return db.transaction().execute(async (trx) => {
      const today = localDate(msg.at, tz);
      const opened = await openInbound(trx, inboundKey(msg, today));
      if (!opened) return { status: "duplicate", replies: [] } satisfies HandleResult;
      const { result, locale } = await runTurn(trx, msg, opened, today);
      const storedAs = await storeReplies(trx, msg, result.replies, locale);
      return { ...result, ...(storedAs ? { storedAs } : {}) };
    });
  }

  /**
   * One message's turn inside its transaction, after its preamble: the feature, the conversation
   * state, the language, the replies made deliverable (not yet stored). A refusal throws `Refusal`.
   */
  async function runTurn(
    trx: Kysely<Database>,
    msg: IncomingMessage,
    opened: Preamble,
    today: string,
    group?: { readAhead: unknown; conversations: ConversationWrite[] },
  ): Promise<{ result: HandledInTransaction; locale: Locale }> {
    const { account, conversation: stored } = opened;
    let person: LinkedPerson | null = null;
    const actor = actorOf(opened);
    if (opened.person) {
      const { id, fullName, cellId } = opened.person;
      person = { id, fullName, cellId };
    }
    const state = stored && !stored.expired ? parseState(stored.state) : {};
    const hadChoices = (state.choices?.length ?? 0) > 0;
    const wasOpen = hadChoices || state.flow !== undefined;
    const locale: Locale = isLocale(account.language)
      ? account.language
      : localeFromHint(msg.languageHint, localeDefault);
    const ctx = new BotContext(
      trx,
      msg,
      { id: account.id, personId: account.personId, language: isLocale(account.language) ? account.language : null, ...(account.noticeSeen !== undefined ? { noticeSeen: account.noticeSeen } : {}) },
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
    ctx.files = fileDeliveryOf(msg.channel, serving);
    ctx.zaloBot = options.zaloBot ?? {};
    ctx.readAhead = group?.readAhead;
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
      const kept = state.choices || state.flow ? { ...state } : null;
      const expiresAt = new Date(msg.at.getTime() + CONVERSATION_TTL_MS);
      // In a batch group the state is written with the group's replies (one statement for all its chats).
      if (group) group.conversations.push({ channel: msg.channel, chatId: msg.chatId, state: kept, expiresAt, at: msg.at });
      else if (kept) await saveConversation(trx, msg.channel, msg.chatId, kept, expiresAt, msg.at);
      else await clearConversation(trx, msg.channel, msg.chatId);
    }
    await deliverableReplies(trx, { channel: msg.channel, chatId: msg.chatId, at: msg.at, tz }, ctx.replies, ctx.files, serving, (id, args) => ctx.t(id, args));
    const closed = wasOpen && !state.choices && !state.flow;
    const result = {
      status: "handled",
      replies: ctx.replies,
      outbox: ctx.outboxWritten,
      ...(msg.action !== undefined ? { pressed: ctx.pressExpired ? ("expired" as const) : ("chosen" as const) } : {}),
      ...(closed ? { choicesClosed: true } : {}),
    } satisfies HandledInTransaction;
    return { result, locale: ctx.locale };
  }

  /** The turn's replies, in its transaction; undefined when there are none. */
  async function storeReplies(trx: Kysely<Database>, msg: IncomingMessage, replies: readonly Reply[], locale: Locale): Promise<string | undefined> {
    if (replies.length === 0) return undefined;
    return insertTurnReplies(trx, { channel: msg.channel, chatId: msg.chatId, updateKey: msg.updateId, replies, locale });
  }

  function receiptFor(id: string, total: number, skipped = 0): ReplyReceipt {
    return {
      delivered: async (count) => {
        try {
          if (count >= total) await sentMarks.mark(id);
          else await markTurnRepliesSent(db, id, skipped + count, skipped + total);
        } catch (error) {
          // Left unmarked, the reply may go out once more after its claim runs out: a repeat, never a loss.
          log.warn({ err: error }, "sent reply not recorded");
        }
      },
    };
  }

  function withReceipt(result: HandleResult, storedAs: string | undefined): HandleResult {
    return storedAs ? { ...result, receipt: receiptFor(storedAs, result.replies.length) } : result;
  }

  /**
   * A redelivered update: its turn was stored, but its replies may never have gone out (the process
   * died between commit and send). Claim what is left; while another path holds them (the live send,
   * or the claim of a process that died, until it runs out) wait, so the chat's next update is not
   * handled before this one was answered — a stored preview is shown before a later "1" confirms it.
   */
  async function redelivered(msg: IncomingMessage): Promise<HandleResult> {
    if (msg.updateId === undefined) return { status: "duplicate", replies: [] };
    const deadline = Date.now() + REPLY_LEASE_MS + CLAIM_POLL_MS;
    for (;;) {
      const claim = await claimRepliesOfUpdate(db, msg.channel, msg.updateId);
      if (claim.kind === "claimed") return pendingResult(claim.turn);
      if (claim.kind === "none" || Date.now() > deadline) return { status: "duplicate", replies: [] };
      await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
    }
  }

  function pendingResult(turn: PendingTurn): HandleResult {
    return { status: "duplicate", replies: turn.replies, receipt: receiptFor(turn.id, turn.replies.length, turn.sent) };
  }

  /** The message as the bot takes it (validated, NUL removed), or the answer when it is not taken in. */
  function admit(raw: IncomingMessage): { msg: IncomingMessage } | { answer: HandleResult } {
    const parsed = incomingSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn({ channel: raw?.channel, issues: parsed.error.issues.length }, "malformed incoming message dropped");
      return { answer: { status: "handled", replies: [] } };
    }
    // PostgreSQL text cannot hold NUL, nor its json a lone surrogate: stored as-is (a flow's answer, a preview kept in the
    // conversation) either failed the message on every redelivery.
    const typed = parsed.data.text;
    const clean = typed === undefined ? undefined : wellFormed(typed.includes("\u0000") ? typed.replaceAll("\u0000", "") : typed);
    const msg = (clean === typed ? parsed.data : { ...parsed.data, text: clean }) as IncomingMessage;
    if ((msg.text?.length ?? 0) > MAX_TEXT_LENGTH) {
      const hintLocale = localeFromHint(msg.languageHint, localeDefault);
      return { answer: { status: "handled", replies: [{ text: i18n.t(hintLocale, "error-too-long", { max: MAX_TEXT_LENGTH }) }] } };
    }
    return { msg };
  }

  async function handle(raw: IncomingMessage): Promise<HandleResult> {
    const admitted = admit(raw);
    if ("answer" in admitted) return admitted.answer;
    const { msg } = admitted;
    const hintLocale = localeFromHint(msg.languageHint, localeDefault);
    const started = Date.now();
    try {
      const { outbox, storedAs, ...result } = await handleInTransaction(msg);
      log.debug({ channel: msg.channel, status: result.status, ms: Date.now() - started }, "message handled");
      if (outbox) options.onOutbox?.();
      if (result.status === "duplicate") return await redelivered(msg);
      return withReceipt(result, storedAs);
    } catch (error) {
      if (error instanceof Refusal) {
        return await handleRefusal(msg, error);
      }
      return notHandled(error, msg, hintLocale);
    }
  }

  /**
   * The database away: nothing was stored and nothing is said (the channel keeps the update and hands
   * it in again). Any other error is a bug: the honest reply, for when the channel gives up on it.
   */
  function notHandled(error: unknown, msg: IncomingMessage, locale: Locale): HandleResult {
    if (isDatabaseUnavailable(error)) {
      log.warn({ channel: msg.channel }, "database unavailable; message kept for later");
      return { status: "unavailable", replies: [] };
    }
    log.error({ err: error, channel: msg.channel }, "message handling failed");
    return { status: "failed", replies: [{ text: i18n.t(locale, "error-handling_failed") }] };
  }

  /**
   * Several messages at once (a getUpdates batch), each with the outcome `handle` would give it, in
   * fewer statements: the messages go in waves (a chat's or a sender's next message in the next
   * wave, so each sees what the one before it left), each wave in up to BATCH_GROUPS groups side by
   * side, and each group in one transaction — one `openInboundMany`, the turns one after another,
   * one insert of all their replies. A refusal or a failure anywhere in a group rolls the whole group
   * back: the refused message is handled alone as `handle` does and the others go on as a group; after
   * a failure, each message alone (so one message's refusal or bug never changes another's outcome). Messages without an update key go one by one.
   */
  function handleMany(raws: readonly IncomingMessage[]): Promise<HandleResult>[] {
    const results: Promise<HandleResult>[] = new Array(raws.length);
    const waves: Pending[][] = [];
    const nextWave = new Map<string, number>();
    for (const [index, raw] of raws.entries()) {
      const admitted = admit(raw);
      if ("answer" in admitted) {
        results[index] = Promise.resolve(admitted.answer);
        continue;
      }
      const { msg } = admitted;
      if (msg.updateId === undefined) {
        results[index] = handle(msg);
        continue;
      }
      const chatKey = `c:${msg.channel}:${msg.chatId}`;
      const userKey = `u:${msg.channel}:${msg.userId}`;
      const wave = Math.max(nextWave.get(chatKey) ?? 0, nextWave.get(userKey) ?? 0);
      const settle = deferred<HandleResult>();
      results[index] = settle.promise;
      (waves[wave] ??= []).push({ msg, settle: settle.resolve });
      nextWave.set(chatKey, wave + 1);
      nextWave.set(userKey, wave + 1);
    }
    void (async () => {
      for (const wave of waves) {
        const groups = Math.min(BATCH_GROUPS, Math.ceil(wave.length / MIN_GROUP_SIZE));
        const size = Math.ceil(wave.length / groups);
        const parts: Pending[][] = [];
        for (let i = 0; i < wave.length; i += size) parts.push(wave.slice(i, i + size));
        // The next wave (those chats' next messages) starts once this one's transactions are over.
        await Promise.all(
          parts.map((part) =>
            handleGroup(part).catch(async (error: unknown) => {
              // Not expected (handleGroup answers every failure itself); never leave an outcome unsettled.
              log.error({ err: error }, "batch group failed");
              await Promise.all(part.map(async (p) => p.settle(await handle(p.msg))));
            }),
          ),
        );
      }
    })();
    return results;
  }

  /**
   * One group of a wave in one transaction. On a refusal, the refused message alone and the others as a
   * group again; on any other failure, each of its messages alone.
   * Resolves once the group's writes are done (a redelivered message's wait for its stored replies
   * does not hold the next wave: only its own outcome waits).
   */
  async function handleGroup(part: readonly Pending[]): Promise<void> {
    sentMarks.hold();
    try {
      await handleGroupHeld(part);
    } finally {
      sentMarks.release();
    }
  }

  /** `handleGroup` while it holds the sent marks: its write carries those waiting then. */
  async function handleGroupHeld(part: readonly Pending[]): Promise<void> {
    let handled: (HandledInTransaction | undefined)[];
    /** The message whose feature refused (the others may go on together without it). */
    let refused: number | undefined;
    /** The "sent" marks of earlier turns this group's write deletes (given back if it rolls back). */
    let carried: CarriedMarks | undefined;
    try {
      handled = await db.transaction().execute(async (trx) => {
        const todays = part.map(({ msg }) => localDate(msg.at, tz));
        const opened = await openInboundMany(trx, part.map(({ msg }, i) => inboundKey(msg, todays[i] as string)));
        const { ahead, records } = await readAheadOf(trx, part, opened, todays);
        const turns: (HandledInTransaction | undefined)[] = part.map(() => undefined);
        const toStore: NewTurnReplies[] = [];
        const conversations: ConversationWrite[] = [];
        const run = async (i: number) => {
          const { msg } = part[i] as Pending;
          const preamble = opened[i];
          if (!preamble) return;
          let turn: Awaited<ReturnType<typeof runTurn>>;
          try {
            turn = await runTurn(trx, msg, preamble, todays[i] as string, { readAhead: ahead[i], conversations });
          } catch (error) {
            if (error instanceof Refusal) refused = i;
            throw error;
          }
          const { result, locale } = turn;
          turns[i] = result;
          if (result.replies.length > 0) toStore.push({ channel: msg.channel, chatId: msg.chatId, updateKey: msg.updateId, replies: result.replies, locale });
        };
        // The turns given a value read ahead go first (they find what they would have read themselves),
        // then the writes they left to their read-ahead, then the others (which see those writes).
        for (const i of part.keys()) if (ahead[i] !== undefined) await run(i);
        for (const record of records) await record(trx);
        for (const i of part.keys()) if (ahead[i] === undefined) await run(i);
        // Deleted with this group's writes, the marks cost no statement or commit of their own.
        carried = toStore.length > 0 || conversations.length > 0 ? sentMarks.take() : undefined;
        const ids = await insertTurnRepliesMany(trx, toStore, conversations, carried?.ids);
        return turns.map((turn, i) => {
          const id = ids.get((part[i] as Pending).msg.updateId as string);
          return turn && id ? { ...turn, storedAs: id } : turn;
        });
      });
      carried?.written();
    } catch {
      carried?.returned();
      if (refused !== undefined) {
        // A refusal: its feature's writes must go, the others' stay. It is handled alone (refused again,
        // the refusal recorded); the rest of the group goes on together, as another group (rather than
        // one transaction each: a refusal in a group of 16 used to cost 16 transactions).
        const alone = part[refused] as Pending;
        const rest = part.filter((_, i) => i !== refused);
        await Promise.all([(async () => alone.settle(await handle(alone.msg)))(), rest.length > 0 ? handleGroup(rest) : undefined]);
        return;
      }
      // A failure (a bug, or the database away): each one alone.
      await Promise.all(part.map(async ({ msg, settle }) => settle(await handle(msg))));
      return;
    }
    for (const [i, turn] of handled.entries()) {
      const { msg, settle } = part[i] as Pending;
      if (!turn) {
        settle(redelivered(msg).catch((error: unknown) => notHandled(error, msg, localeFromHint(msg.languageHint, localeDefault))));
        continue;
      }
      const { outbox: _outbox, storedAs, ...result } = turn;
      settle(withReceipt(result, storedAs));
    }
    if (handled.some((turn) => turn?.outbox)) options.onOutbox?.();
  }

  /**
   * The group's reads made ahead (`CommandSpec.readAhead`, `Feature.actionReadAhead`): one call per
   * command or action for all its messages in the group; the values aligned with `part`, and the
   * writes the actions' handlers will leave to them.
   */
  async function readAheadOf(
    trx: Kysely<Database>,
    part: readonly Pending[],
    opened: readonly (Preamble | undefined)[],
    todays: readonly string[],
  ): Promise<{ ahead: unknown[]; records: ((db: Kysely<Database>) => Promise<void>)[] }> {
    const ahead: unknown[] = new Array(part.length);
    const records: ((db: Kysely<Database>) => Promise<void>)[] = [];
    const asked = new Map<CommandSpec, { index: number; actor: Actor }[]>();
    const pressed = new Map<ActionReadAhead, { index: number; press: Press }[]>();
    const texts: { index: number; text: FreeText }[] = [];
    for (const [i, { msg }] of part.entries()) {
      const actor = opened[i] ? actorOf(opened[i]) : null;
      if (!actor || msg.contact !== undefined) continue;
      if (msg.action !== undefined) {
        // As `route` takes it: a payload it would refuse is not read for.
        if (!ACTION_PATTERN.test(msg.action)) continue;
        const [prefix, ...params] = msg.action.split(":");
        const reader = actionReaders.get(prefix as string);
        if (!reader) continue;
        const list = pressed.get(reader);
        const press = { index: i, press: { actor, params, today: todays[i] as string } };
        if (list) list.push(press);
        else pressed.set(reader, [press]);
        continue;
      }
      const text = (msg.text ?? "").trim();
      const command = parseCommand(text);
      if (!command) {
        // Only a text that `route` hands the free-text readers whatever it says: in a private chat, with no
        // flow and no numbered choices open (a digit or a choice's words would make it a press).
        const stored = opened[i]?.conversation;
        const state = stored && !stored.expired ? parseState(stored.state) : {};
        if (textReadAhead && text && msg.chatType !== "group" && state.flow === undefined && (state.choices?.length ?? 0) === 0) {
          texts.push({ index: i, text: { actor, today: todays[i] as string } });
        }
        continue;
      }
      const spec = commands.find(command.name);
      if (!spec?.readAhead || (msg.chatType === "group" && !spec.group)) continue;
      const list = asked.get(spec);
      if (list) list.push({ index: i, actor });
      else asked.set(spec, [{ index: i, actor }]);
    }
    for (const [spec, list] of asked) {
      const values = await spec.readAhead!(trx, list.map((a) => a.actor));
      for (const { index, actor } of list) ahead[index] = values.get(actor.personId);
    }
    for (const [reader, list] of pressed) {
      const { values, record } = await reader(trx, list.map((p) => p.press));
      for (const [k, { index }] of list.entries()) ahead[index] = values[k];
      if (record) records.push(record);
    }
    if (textReadAhead && texts.length > 0) {
      const values = await textReadAhead(trx, texts.map((t) => t.text));
      for (const [k, { index }] of texts.entries()) ahead[index] = values[k];
    }
    return { ahead, records };
  }

  const ready = () => databaseAnswers(db);

  /** The feature refused: its writes are rolled back; record only the account and the dedupe key. */
  async function handleRefusal(msg: IncomingMessage, refusal: Refusal): Promise<HandleResult> {
    try {
      const { storedAs, ...result } = await db.transaction().execute(async (trx): Promise<HandledInTransaction> => {
        const opened = await openInbound(trx, inboundKey(msg, localDate(msg.at, tz)));
        if (!opened) return { status: "duplicate", replies: [] };
        if (refusal.error.code === "stale_choice" && opened.conversation) {
          await clearConversationChoices(trx, msg, opened.conversation.state);
        }
        const replies = [{ text: i18n.t(refusal.locale, `error-${refusal.error.code}`, refusal.error.args) }];
        const stored = await storeReplies(trx, msg, replies, refusal.locale);
        // A button that can no longer be answered is taken away.
        const expired = msg.action !== undefined && refusal.error.code === "stale_choice";
        return { status: "handled", replies, ...(stored ? { storedAs: stored } : {}), ...(expired ? { pressed: "expired" as const } : {}) };
      });
      if (result.status === "duplicate") return await redelivered(msg);
      return withReceipt(result, storedAs);
    } catch (error) {
      return notHandled(error, msg, refusal.locale);
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

  return { handle, handleMany, ready, commands };
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

/** The sender as the features see them: the linked person with the roles and assignments in force; null when unlinked. */
function actorOf(opened: Preamble): Actor | null {
  if (!opened.person) return null;
  const { id, cellId, roles, assignments } = opened.person;
  return { personId: id, cellId, roles, assignments };
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
    noticeVersion: PRIVACY_NOTICE_VERSION,
  };
}

/**
 * The choice a typed text names: its whole label ("Giữ: 10"), or the words before the label's colon
 * ("Giữ", "giu"), as the prompts promise ("chọn bên dưới bằng cách gõ chữ"). Only a whole match counts:
 * a longer answer that merely starts with "Giữ" is an answer, not a choice.
 */
export function choiceByWords(choices: readonly Choice[], text: string): Choice | undefined {
  const folded = fold(text).replace(/[.!]+$/, "").trim();
  if (!folded) return undefined;
  const exact = choices.find((c) => fold(c.label) === folded);
  if (exact) return exact;
  const byHead = choices.filter((c) => c.label.includes(":") && fold(c.label.slice(0, c.label.indexOf(":"))).trim() === folded);
  return byHead.length === 1 ? byHead[0] : undefined;
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
