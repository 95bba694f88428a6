import { z } from "zod";
import { ChiboError } from "../../domain/errors.js";
import { noticeLabel } from "../../domain/privacy.js";
import { linkByPhone, redeemInvite } from "../../services/link.service.js";
import { currentNotice, noticeAwaitsAnswer, noticeDue, recordConsent } from "../../services/privacy.service.js";
import { fold } from "../../domain/text/fold.js";
import { retentionInForce } from "../../services/retention.service.js";
import { capabilitiesOf } from "../../messaging/capabilities.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

const FLOW = "consent";

/** Turns in which the notice was just shown: words typed before reading it do not answer it. */
const shownThisTurn = new WeakSet<BotContext>();

/** What the account is waiting to be linked by, once the person accepts the notice. */
const pendingSchema = z.union([
  z.object({ via: z.literal("code"), code: z.string().min(1).max(32), name: z.string() }),
  z.object({ via: z.literal("phone"), phone: z.string().min(1).max(32), name: z.string() }),
]);
export type PendingLink = z.infer<typeof pendingSchema>;

/** A channel with buttons is told to press one; Zalo and the console, which number the choices, to type the digit. */
function answerHint(ctx: BotContext, id: "privacy-notice-answer-above" | "privacy-pending"): string {
  return capabilitiesOf(ctx.msg.channel).buttons ? id : `${id}-typed`;
}

/**
 * The notice in force, quoting every retention period a province may choose as it stands (the
 * province's own choice with `/luutru` where it made one: each such change is a new revision).
 * A small phone shows the question first: a short opening (what is kept and why, who sees it) with the
 * question and its choices in one message, then the notice in full, word for word, in the next one
 * (ending with where to answer). Each stays under Zalo's 2,000 characters however long the periods.
 */
async function notice(ctx: BotContext, question: string): Promise<void> {
  const [days, edition] = await Promise.all([retentionInForce(ctx.db), currentNotice(ctx.db)]);
  const version = noticeLabel(edition.version, edition.revision);
  ctx.ask(
    `${ctx.t("privacy-notice-short")}\n\n${question}`,
    [
      { label: ctx.t("privacy-accept"), action: "consent:yes" },
      { label: ctx.t("privacy-refuse"), action: "consent:no" },
    ],
    ctx.t("privacy-notice-title", { version }),
  );
  ctx.replies.push({ title: ctx.t("privacy-notice-full-title", { version }), text: `${ctx.t("privacy-notice", { ...days })}\n\n${ctx.t(answerHint(ctx, "privacy-notice-answer-above"))}` });
}

/**
 * Before an account is linked (code, deep link or shared phone): show the personal-data notice and
 * wait for "Đồng ý". Nothing is linked or used until then; the code is checked already, so a wrong
 * one is refused before the notice.
 */
export async function askConsentToLink(ctx: BotContext, pending: PendingLink): Promise<void> {
  ctx.setFlow(FLOW, "link", pending);
  await notice(ctx, ctx.t("privacy-notice-ask", { name: pending.name }));
}

function linkingAccount(ctx: BotContext) {
  return { id: ctx.account.id, channel: ctx.msg.channel, platformUserId: ctx.msg.userId, personId: ctx.account.personId };
}

async function accept(ctx: BotContext): Promise<void> {
  const account = { id: ctx.account.id, channel: ctx.msg.channel };
  if (ctx.actor) {
    // A linked person accepting a new version of the notice.
    await recordConsent(ctx.db, ctx.actor.personId, account, "accepted", ctx.now);
    ctx.clearFlow();
    const edition = await currentNotice(ctx.db);
    ctx.reply("privacy-accepted", { version: noticeLabel(edition.version, edition.revision) });
    return;
  }
  const pending = pendingSchema.safeParse(ctx.state.flow?.name === FLOW ? ctx.state.flow.data : undefined);
  if (!pending.success) throw new ChiboError("stale_choice");
  ctx.clearFlow();
  const p = pending.data;
  const outcome = p.via === "code" ? await redeemInvite(ctx.db, linkingAccount(ctx), p.code, ctx.now, { log: ctx.log, tz: ctx.tz }) : await linkByPhone(ctx.db, linkingAccount(ctx), p.phone, ctx.now, true, { log: ctx.log, tz: ctx.tz });
  if (!outcome.ok) {
    ctx.reply(`error-${outcome.reason}`);
    return;
  }
  await recordConsent(ctx.db, outcome.personId, account, "accepted", ctx.now);
  ctx.reply("link-done", { name: outcome.fullName });
  ctx.reply("link-next-steps");
}

async function refuse(ctx: BotContext): Promise<void> {
  if (ctx.actor) {
    await recordConsent(ctx.db, ctx.actor.personId, { id: ctx.account.id, channel: ctx.msg.channel }, "refused", ctx.now);
    ctx.clearFlow();
    ctx.reply("privacy-refused-linked");
    return;
  }
  if (ctx.state.flow?.name !== FLOW) throw new ChiboError("stale_choice");
  ctx.clearFlow();
  ctx.reply("privacy-refused-link");
}

/** Whole answers that say yes or no to the notice (folded, the trailing "ạ", "nhé" and marks left out). */
const YES_WORDS = new Set(["ok", "oke", "okie", "oki", "okay", "dong y", "toi dong y", "em dong y", "co", "co dong y", "vang", "vang dong y", "u", "dc", "duoc", "yes", "agree", "i agree"]);
const NO_WORDS = new Set(["khong", "ko", "khong dong y", "ko dong y", "toi khong dong y", "em khong dong y", "tu choi", "no", "disagree", "i do not agree"]);

/** "ok", "Oke ạ", "đồng ý nhé": yes; "không đồng ý", "ko": no; anything else undefined. */
export function consentWord(text: string): "yes" | "no" | undefined {
  const said = fold(text).replace(/[.!?]+$/, "").replace(/\s+(?:a|ak|nhe|nha|nhen|ha|roi)$/, "").trim();
  return YES_WORDS.has(said) ? "yes" : NO_WORDS.has(said) ? "no" : undefined;
}

/**
 * The personal-data notice: accepted before linking, and shown once more to every linked person when
 * its version changes — at their next private message, before the answer, which still comes. A
 * refusal then keeps the account and every record (the person may /huylienket); nothing is lost.
 */
export const consentFeature: Feature = {
  name: "consent",
  actions: {
    async consent(ctx, [answer]) {
      if (answer === "yes") return accept(ctx);
      if (answer === "no") return refuse(ctx);
      throw new ChiboError("stale_choice");
    },
  },
  flows: {
    // Anything else typed while the notice waits: ask again (commands still work).
    async [FLOW](ctx, text) {
      // "ok", "oke", "đồng ý ạ": the yes or no the notice asks for, in the words people type.
      const word = consentWord(text);
      if (word) return word === "yes" ? accept(ctx) : refuse(ctx);
      if (ctx.actor) {
        ctx.clearFlow();
        ctx.reply("not-understood");
        return;
      }
      ctx.reply(answerHint(ctx, "privacy-pending"));
      ctx.replies.push({ text: ctx.t("choice-repeat"), choices: [
        { label: ctx.t("privacy-accept"), action: "consent:yes" },
        { label: ctx.t("privacy-refuse"), action: "consent:no" },
      ] });
    },
  },
  // "Đồng ý" typed after the notice shown to a linked person, when the answer to their message came
  // with its own list (the last list is the one digits and words choose from): still their answer.
  async onText(ctx, text) {
    if (!ctx.actor || ctx.msg.chatType !== "private" || shownThisTurn.has(ctx)) return false;
    const said = fold(text).replace(/[.!]+$/, "").trim();
    const word = said === fold(ctx.t("privacy-accept")) ? "yes" : said === fold(ctx.t("privacy-refuse")) ? "no" : consentWord(text);
    const answer = word === "yes" ? accept : word === "no" ? refuse : null;
    if (!answer || !(await noticeAwaitsAnswer(ctx.db, { id: ctx.account.id, channel: ctx.msg.channel }))) return false;
    await answer(ctx);
    return true;
  },
  async beforeRoute(ctx) {
    if (!ctx.actor || ctx.msg.chatType !== "private" || ctx.msg.action?.startsWith("consent:")) return;
    const account = { id: ctx.account.id, channel: ctx.msg.channel };
    if (!(await noticeDue(ctx.db, account, ctx.account.noticeSeen))) return;
    await recordConsent(ctx.db, ctx.actor.personId, account, "shown", ctx.now);
    shownThisTurn.add(ctx);
    await notice(ctx, ctx.t("privacy-notice-ask-linked"));
  },
};
