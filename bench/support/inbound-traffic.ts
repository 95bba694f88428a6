/**
 * The inbound benchmark's traffic: what each of the users sends, in their own order, and all users
 * interleaved. A realistic mix: ~40 % `/toi`, ~30 % button presses, ~30 % quick-report texts from the
 * parser corpus (`test/fixtures/parse/*.jsonl`).
 *
 * Button payloads are those the bot itself sends, valid in the conversation's state when pressed:
 * a secretary's quick report opens a report (summary and confirm buttons, or questions for what is
 * missing) and the next press is `rp:ok` (send) or `rp:cancel` on that answer; a member presses
 * "Có mặt" (`rsvp:<cell>:<date>:yes`) on a reminder of their cell's next meeting, sent before the
 * run (`meetingReminder`). Which corpus texts open a report and which button fits is learned
 * beforehand by a trial secretary of a cell of their own, through the bot itself (`trialTexts`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { prng } from "./seed-tree.js";
import { fileURLToPath } from "node:url";
import type { Bot } from "../../src/bot/bot.js";
import type { IncomingMessage, Reply } from "../../src/messaging/message.js";
import { meetingRules } from "../../src/db/schedule.repository.js";
import type { Db } from "../../src/db/schema.js";
import { meetingKey, upcomingMeeting, type EffectiveMeeting } from "../../src/domain/schedule/meeting.js";
import type { I18n } from "../../src/messaging/i18n.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";
import { renderAll } from "../../src/channels/telegram/telegram-render.js";
import { localDate } from "../../src/domain/time.js";
import { MAX_TEXT_LENGTH } from "../../src/bot/bot.js";
import { classifyMessage } from "../../src/domain/parse/classify.js";
import type { InboundUser } from "./inbound-province.js";

const CORPUS_DIR = fileURLToPath(new URL("../../test/fixtures/parse/", import.meta.url));
const TZ = "Asia/Ho_Chi_Minh";

/**
 * One update a user sends. A press is `on` a message the bot sent in that chat: its answer to the
 * user's previous message (a report's summary), or a meeting reminder it sent before the run.
 */
export type Step = { kind: "toi" } | { kind: "text"; text: string } | { kind: "button"; data: string; on: "answer" | "reminder" };

export interface ScriptedUpdate {
  user: InboundUser;
  step: Step;
}

export interface TrafficMix {
  /** Updates per user (every user sends as many). */
  perUser: number;
  /** Of each user's updates: `/toi` commands; the rest split evenly between texts and button presses. */
  toi: number;
}

/** A quick-report text a secretary sends, and the button they press on the bot's answer. */
export interface TriedText {
  text: string;
  /**
   * The verb of the button pressed on the bot's answer: `rp:ok` when the bot showed the summary to send and sending it
   * went through, else `rp:cancel` (the user presses the answer's button of that verb, `pressOf`).
   */
  press: "rp:ok" | "rp:cancel";
}

export interface TrialResult {
  /** Texts that open a report for a secretary, with the press that fits. */
  secretary: TriedText[];
  /**
   * Texts members send: every corpus text but corrections of a report ("sửa lại: …"), which only a
   * secretary sends (a member's would be refused as not theirs to correct).
   */
  member: string[];
  /** How the trial secretary's texts came out: opened to confirm, opened to ask, did not open a report. */
  outcomes: { confirm: number; ask: number; none: number };
}

/** Every text of the parser corpus that fits in one message. */
export function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(`${CORPUS_DIR}${file}`, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text: string };
      if (typeof text === "string" && text.trim() && text.length <= MAX_TEXT_LENGTH && !text.trim().startsWith("/")) texts.push(text);
    }
  }
  return texts;
}

/**
 * The button of a report's screen with that verb (`rp:ok`, `rp:cancel`): the action it carries names the draft and
 * the screen (`rp:ok:<draft>.<stamp>…`), so it is read off the replies, never written out.
 */
export function pressOf(replies: readonly Reply[], verb: string): string | undefined {
  return replies.flatMap((r) => r.choices ?? []).map((c) => c.action).find((a) => a === verb || a.startsWith(`${verb}:`));
}

/**
 * Send every corpus text as the trial secretary (straight to the bot, not through a channel) and see
 * what it opens: the summary with "Gửi" (`rp:ok`, pressed to check the report is taken), questions for
 * missing fields or a summary with errors (`rp:cancel`), or no report at all. Leaves no report open.
 */
export async function trialTexts(bot: Bot, trial: InboundUser, texts: readonly string[]): Promise<TrialResult> {
  const id = String(trial.telegramId);
  const send = async (body: { text?: string; action?: string }): Promise<Reply[]> => {
    const msg: IncomingMessage = { channel: "telegram", chatId: id, userId: id, chatType: "private", at: new Date(), ...body };
    const result = await bot.handle(msg);
    if (result.status !== "handled") throw new Error(`trial message not handled: ${result.status}`);
    return result.replies;
  };
  const secretary: TriedText[] = [];
  const outcomes = { confirm: 0, ask: 0, none: 0 };
  for (const text of texts) {
    const opened = await send({ text });
    // Every open report offers "Hủy".
    const cancel = pressOf(opened, "rp:cancel");
    if (!cancel) {
      outcomes.none++;
      continue;
    }
    const ok = pressOf(opened, "rp:ok");
    // Taken: the report is closed (its answer offers no "Hủy"). Not taken (a period already accepted…): cancel is what fits.
    const stillOpen = ok ? pressOf(await send({ action: ok }), "rp:cancel") : cancel;
    if (stillOpen) await send({ action: stillOpen });
    secretary.push({ text, press: stillOpen ? "rp:cancel" : "rp:ok" });
    outcomes[stillOpen ? "ask" : "confirm"]++;
  }
  const now = new Date();
  const member = texts.filter((text) => classifyMessage(text, { now }).kind !== "correction");
  return { secretary, member, outcomes };
}

/** A cell's next meeting, as its reminders show it. */
export interface NextMeeting extends EffectiveMeeting {
  cell: string;
}

/** Each cell's next meeting (what its reminder's buttons answer). */
export async function nextMeetings(db: Db, cellIds: readonly number[], now: Date): Promise<Map<number, NextMeeting>> {
  const today = localDate(now, TZ);
  const ids = [...new Set(cellIds)];
  const rules = await meetingRules(db, today, ids);
  const names = new Map((await db.selectFrom("org").select(["id", "name"]).where("id", "in", ids).execute()).map((o) => [o.id, o.name]));
  const out = new Map<number, NextMeeting>();
  for (const cellId of ids) {
    const meeting = upcomingMeeting(cellId, rules.get(cellId) ?? null, [], today);
    if (!meeting) throw new Error(`cell ${cellId} has no upcoming meeting`);
    out.set(cellId, { ...meeting, cell: names.get(cellId) ?? "" });
  }
  return out;
}

/** The reminder of a meeting as the bot sends it on Telegram (the sender's rendering): its text and "Có mặt"/"Vắng" buttons. */
export function meetingReminder(i18n: I18n, meeting: NextMeeting, now: Date): { html: string; replyMarkup?: unknown } {
  const payload = { cell: meeting.cell, meeting: meetingKey(meeting), date: meeting.date, time: meeting.time, place: meeting.place, agenda: meeting.agenda, kind: meeting.kind, step: "d1" };
  const replies = renderOutboxMessage(i18n, "vi", { kind: "meeting.reminder", payload }, now, TZ);
  const [out] = renderAll(replies, { contactLabel: "-" });
  if (out?.kind !== "text" || !out.replyMarkup) throw new Error("a meeting reminder renders as one text with buttons");
  return { html: out.html, replyMarkup: out.replyMarkup };
}

/** Deterministic PRNG (mulberry32): the same traffic every run. */
export const seededRandom = prng;

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Each user's updates in their order, and all of them interleaved as they would arrive: at every
 * position a random user among those with something left to send (so one getUpdates batch holds a
 * few updates of the same chat now and then, as it does live).
 *
 * A secretary's unit is a quick report and the press on its answer; a member's are a corpus text
 * (the bot reads it and answers as it does any member's free text) and a press on a reminder.
 */
export function buildTraffic(options: {
  users: readonly InboundUser[];
  mix: TrafficMix;
  trial: TrialResult;
  meetings: ReadonlyMap<number, NextMeeting>;
  rand: () => number;
}): ScriptedUpdate[] {
  const { users, mix, trial, meetings, rand } = options;
  const pairs = (mix.perUser - mix.toi) / 2;
  if (!Number.isInteger(pairs) || pairs < 0) throw new Error("perUser − toi must be even");
  if (trial.secretary.length === 0) throw new Error("no corpus text opens a report: the trial found nothing to send");
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const scripts = users.map((user) => {
    const units: Step[][] = Array.from({ length: mix.toi }, () => [{ kind: "toi" }]);
    for (let k = 0; k < pairs; k++) {
      if (user.role === "secretary") {
        const tried = pick(trial.secretary);
        units.push([{ kind: "text", text: tried.text }, { kind: "button", data: tried.press, on: "answer" }]);
      } else {
        units.push([{ kind: "text", text: pick(trial.member) }]);
        units.push([{ kind: "button", data: `rsvp:${meetingKey(meetings.get(user.cellId) as NextMeeting)}:yes`, on: "reminder" }]);
      }
    }
    return shuffle(units, rand).flat();
  });
  const next = scripts.map(() => 0);
  const live = users.map((_, i) => i);
  const out: ScriptedUpdate[] = [];
  while (live.length > 0) {
    const slot = Math.floor(rand() * live.length);
    const u = live[slot] as number;
    const script = scripts[u] as Step[];
    out.push({ user: users[u] as InboundUser, step: script[next[u] as number] as Step });
    next[u] = (next[u] as number) + 1;
    if ((next[u] as number) >= script.length) {
      live[slot] = live[live.length - 1] as number;
      live.pop();
    }
  }
  return out;
}
