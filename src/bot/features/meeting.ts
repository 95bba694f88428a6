import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { MAX_PLACE, nextMeetingDates, parseMeetingRuleText, type MeetingRule } from "../../domain/meeting-rule.js";
import type { Actor } from "../../domain/roles.js";
import { ruleTarget, ruleTargets, setStandingRule, type RuleTarget } from "../../services/meeting-rule.service.js";
import { addDays } from "../../domain/schedule/local-time.js";
import { fold } from "../../domain/text/fold.js";
import { formatDateVi, pad2 } from "../../domain/time.js";
import { managedCells, myAnswer, nextMeeting, rescheduleMeeting, RESCHEDULE_MAX_DAYS, type MeetingChange } from "../../services/meeting.service.js";
import { cellsOfActor } from "../../services/cell.service.js";
import { rsvpChoices } from "../../messaging/outbox-render.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const DATE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/;
const TIME = /^(\d{1,2})(?:[:hg](\d{2})?)?$/i;

/** A typed day/month[/year]: without a year, the next such date from today. Null when it is not a date. */
export function parseMeetingDate(text: string, today: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const thisYear = Number(today.slice(0, 4));
  const years = m[3] ? [m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])] : [thisYear, thisYear + 1];
  for (const year of years) {
    const iso = `${year}-${pad2(month)}-${pad2(day)}`;
    const check = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.getUTCDate() !== day || check.getUTCMonth() + 1 !== month) return null;
    if (m[3] || iso >= today) return iso;
  }
  return null;
}

/** `19:30`, `19h30`, `19h`, `7g` → `HH:MM`; null otherwise. */
export function parseMeetingTime(text: string): string | null {
  const m = TIME.exec(text);
  if (!m || !/[:hg]/i.test(text) && text.length > 2) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** A rule in words: "ngày 5 hằng tháng, lúc 19:30, tại Nhà văn hóa thôn". */
export function describeRule(ctx: BotContext, rule: MeetingRule): string {
  const day =
    rule.kind === "day_of_month"
      ? ctx.t("rule-day-of-month", { day: rule.day })
      : rule.kind === "lunar_day"
        ? ctx.t("rule-lunar-day", { day: rule.day })
        : ctx.t("rule-nth-weekday", { nth: rule.nth, weekday: ctx.t("rule-weekday", { weekday: rule.weekday }) });
  const parts = [day, ctx.t("rule-at", { time: rule.startTime })];
  if (rule.place) parts.push(ctx.t("rule-place", { place: rule.place }));
  if (rule.thematicMonth) parts.push(ctx.t("rule-thematic", { month: rule.thematicMonth }));
  return parts.join(", ");
}

/** The standing rules the actor may set, in words, and how to change them; empty for everyone else. */
async function ruleFooter(ctx: BotContext, actor: Actor): Promise<string[]> {
  if (!mayEver(actor, "meeting.rule")) return [];
  const targets = (await ruleTargets(ctx.db, actor, ctx.today)).slice(0, MAX_RULE_LINES);
  const lines = targets.map((t) => {
    if (t.scope === "default") return t.own ? ctx.t("lichhop-rule-default", { unit: t.name, rule: describeRule(ctx, t.own) }) : ctx.t("lichhop-rule-none", { unit: t.name });
    if (t.own) return ctx.t("lichhop-rule-own", { unit: t.name, rule: describeRule(ctx, t.own) });
    return t.effective ? ctx.t("lichhop-rule-inherited", { unit: t.name, rule: describeRule(ctx, t.effective) }) : ctx.t("lichhop-rule-none", { unit: t.name });
  });
  return lines.length > 0 ? ["", ...lines, ctx.t("lichhop-set-how")] : [];
}

/** `/lichhop` (`/meeting`): the next meeting of my cell (or of each cell I lead or follow), with my answer; the standing rules I may set. */
async function showNext(ctx: BotContext): Promise<void> {
  const actor = ctx.requireActor();
  const cells = await cellsOfActor(ctx.db, actor);
  const footer = await ruleFooter(ctx, actor);
  if (cells.length === 0) {
    ctx.reply("meeting-no-cell");
    if (footer.length > 0) ctx.replies.push({ text: footer.slice(1).join("\n") });
    return;
  }
  for (const c of cells) {
    const { cell, meeting } = await nextMeeting(ctx.db, actor, c.id, ctx.today);
    if (!meeting) {
      ctx.replies.push({ title: cell, text: ctx.t("meeting-none") });
      continue;
    }
    const lines = [ctx.t("meeting-next", { cell, time: meeting.time, date: formatDateVi(meeting.date) })];
    lines.push(ctx.t("meeting-next-place", { place: meeting.place ?? ctx.t("meeting-place-unknown") }));
    if (meeting.agenda) lines.push(ctx.t("meeting-agenda-line", { agenda: meeting.agenda }));
    if (meeting.override && meeting.regularDate) {
      lines.push(ctx.t("meeting-next-moved", { from: formatDateVi(meeting.regularDate), reason: meeting.override.reason ?? ctx.t("meeting-no-reason") }));
    }
    const answer = await myAnswer(ctx.db, actor.personId, c.id, meeting.date);
    if (answer) lines.push(answer.answer === "yes" ? ctx.t("meeting-my-answer-yes") : ctx.t("meeting-my-answer-no", { reason: answer.reason ?? "" }));
    // With one cell the rules go above the attendance question, so its choices stay the last thing asked.
    if (cells.length === 1) ctx.ask([...lines, ...footer, ctx.t("rsvp-ask")].join("\n"), rsvpChoices((id) => ctx.t(id), `${c.id}:${meeting.date}`));
    else ctx.replies.push({ text: lines.join("\n") });
  }
  if (cells.length > 1 && footer.length > 0) ctx.replies.push({ text: footer.slice(1).join("\n") });
}

/** At most this many standing rules are listed under `/lichhop`; a commune office has many cells. */
const MAX_RULE_LINES = 6;
const MAX_TARGET_CHOICES = 20;
const RULE_FLOW = "lichhop";

/** The rule a flow holds (typed earlier, before the unit was picked or the preview confirmed). */
const flowRule = z.object({
  kind: z.enum(["day_of_month", "nth_weekday", "lunar_day"]),
  day: z.number().int().min(1).max(31).optional(),
  nth: z.number().int().min(-1).max(5).optional(),
  weekday: z.number().int().min(0).max(6).optional(),
  startTime: z.string().regex(/^\d{2}:\d{2}$/),
  place: z.string().max(MAX_PLACE).nullable(),
  thematicMonth: z.number().int().min(1).max(3).nullable().optional(),
});

function ruleInFlow(ctx: BotContext): MeetingRule {
  const parsed = ctx.state.flow?.name === RULE_FLOW ? flowRule.safeParse(ctx.state.flow.data.rule) : null;
  if (!parsed?.success) {
    ctx.clearFlow();
    throw new ChiboError("stale_choice");
  }
  return parsed.data as MeetingRule;
}

/** `/lichhop [MÃ ĐƠN VỊ] NGÀY GIỜ [NƠI HỌP]`: read the rule, pick the unit when there are several, then preview. */
async function setRule(ctx: BotContext, args: string): Promise<void> {
  const actor = ctx.requireActor();
  const targets = await ruleTargets(ctx.db, actor, ctx.today);
  if (targets.length === 0) {
    ctx.reply("lichhop-no-target");
    return;
  }
  // A unit code first picks the unit: "/lichhop CB-POLAI ngày 5 19:30".
  const [first = "", ...rest] = args.trim().split(/\s+/);
  const named = targets.find((t) => t.code.toLocaleUpperCase("vi") === first.toLocaleUpperCase("vi"));
  const typed = parseMeetingRuleText(named ? rest.join(" ") : args);
  if (!typed) {
    ctx.reply("lichhop-usage", { value: args.trim().slice(0, 60) });
    return;
  }
  const pick = named ? [named] : targets;
  const rule = { ...typed.day, startTime: typed.startTime, place: typed.place, thematicMonth: null } as MeetingRule;
  if (pick.length === 1) return preview(ctx, pick[0]!, completeRule(rule, pick[0]!));
  ctx.setFlow(RULE_FLOW, "target", { rule });
  ctx.ask(
    ctx.t("lichhop-pick-target", { rule: describeRule(ctx, rule) }),
    pick.slice(0, MAX_TARGET_CHOICES).map((t) => ({ label: t.scope === "default" ? ctx.t("lichhop-target-default", { unit: t.name }) : t.name, action: `lh:t:${t.id}` })),
  );
}

/** Day and time as typed; the thematic month (and the place, when none is typed) kept from the unit's rule. */
function completeRule(typed: MeetingRule, target: RuleTarget): MeetingRule {
  const base = target.own ?? target.effective;
  return { ...typed, place: typed.place ?? base?.place ?? null, thematicMonth: base?.thematicMonth ?? null };
}

async function preview(ctx: BotContext, target: RuleTarget, rule: MeetingRule): Promise<void> {
  const words = describeRule(ctx, rule);
  const dates = nextMeetingDates(rule, ctx.today, PREVIEW_DATES).map(formatDateVi).join(", ");
  const lines = [
    ctx.t(target.scope === "default" ? "lichhop-preview-default" : "lichhop-preview", { unit: target.name, rule: words }),
    ctx.t("lichhop-preview-dates", { dates }),
    ctx.t("lichhop-preview-ask"),
  ];
  ctx.setFlow(RULE_FLOW, "confirm", { rule, orgId: target.id });
  ctx.ask(lines.join("\n"), [
    { label: ctx.t("lichhop-confirm"), action: `lh:ok:${target.id}` },
    { label: ctx.t("lichhop-cancel"), action: "lh:no" },
  ]);
}

/** The next meetings shown before a new rule is applied. */
const PREVIEW_DATES = 3;

/** `/doilich 15/11 19:30 lý do …` or `/doilich huy lý do …` (secretary or deputy). */
async function reschedule(ctx: BotContext, args: string): Promise<void> {
  const actor = ctx.requireActor();
  const cells = await managedCells(ctx.db, actor);
  const cell = cells[0];
  if (!cell) throw new ChiboError("forbidden");
  const words = args.trim().split(/\s+/).filter(Boolean);
  const [first, second, ...rest] = words;
  if (!first) {
    ctx.reply("reschedule-usage");
    return;
  }
  let change: MeetingChange;
  if (fold(first) === "huy" || fold(first) === "cancel") {
    change = { kind: "cancel", reason: [second, ...rest].filter(Boolean).join(" ") || null };
  } else {
    const date = parseMeetingDate(first, ctx.today);
    if (!date) {
      ctx.reply("reschedule-bad-date", { value: first.slice(0, 20) });
      ctx.reply("reschedule-usage");
      return;
    }
    const time = second ? parseMeetingTime(second) : null;
    if (!time) {
      ctx.reply("reschedule-bad-time", { value: (second ?? "").slice(0, 20) });
      ctx.reply("reschedule-usage");
      return;
    }
    if (date < ctx.today || date > addDays(ctx.today, RESCHEDULE_MAX_DAYS)) {
      ctx.reply("reschedule-past", { days: RESCHEDULE_MAX_DAYS });
      return;
    }
    change = { kind: "move", date, time, reason: rest.join(" ") || null };
  }
  let result;
  try {
    result = await rescheduleMeeting(ctx.db, actor, cell.id, change, ctx.now, ctx.today, ctx.tz);
  } catch (error) {
    if (error instanceof ChiboError && error.code === "not_found") {
      ctx.reply("reschedule-no-meeting");
      return;
    }
    if (error instanceof ChiboError && error.code === "invalid_input") {
      ctx.reply("reschedule-same");
      return;
    }
    throw error;
  }
  ctx.outboxWritten = true;
  const from = formatDateVi(result.from.date);
  if (change.kind === "move") {
    ctx.reply("reschedule-done", { cell: result.cell, from, fromTime: result.from.time, date: formatDateVi(change.date), time: change.time });
  } else {
    ctx.reply("reschedule-cancelled", { cell: result.cell, from });
  }
  // Linked groups get their own copy (without the reason): say so, or the secretary may post it there too.
  if (result.groups > 0) ctx.reply("reschedule-notified-groups", { sent: result.notified, unlinked: result.unlinked, groups: result.groups });
  else ctx.reply("reschedule-notified", { sent: result.notified, unlinked: result.unlinked });
}


/** Meetings: `/lichhop` shows the next one and sets the standing rule; `/doilich` moves or cancels one meeting and tells everyone. */
export const meetingFeature: Feature = {
  name: "meeting",
  commands: [
    { names: ["lichhop", "meeting"], description: "cmd-lichhop", run: (ctx, args) => (args.trim() ? setRule(ctx, args) : showNext(ctx)) },
    { names: ["doilich", "reschedule"], description: "cmd-doilich", requires: ["meeting.manage"], run: (ctx, args) => reschedule(ctx, args) },
  ],
  actions: {
    async lh(ctx, [verb, rawId]) {
      const actor = ctx.requireActor();
      if (verb === "no") {
        ctx.clearFlow();
        ctx.reply("lichhop-cancelled");
        return;
      }
      const id = idParam.safeParse(rawId);
      if ((verb !== "t" && verb !== "ok") || !id.success) throw new ChiboError("stale_choice");
      const rule = ruleInFlow(ctx);
      // The button's unit is checked again here: the payload is never trusted.
      const target = await ruleTarget(ctx.db, actor, id.data, ctx.today);
      if (verb === "t") return preview(ctx, target, completeRule(rule, target));
      if (ctx.state.flow?.data.orgId !== id.data) throw new ChiboError("stale_choice");
      const { cells } = await setStandingRule(ctx.db, actor, id.data, rule, ctx.now, ctx.today, ctx.tz);
      ctx.clearFlow();
      ctx.outboxWritten = true;
      ctx.reply("lichhop-saved", { unit: target.name, rule: describeRule(ctx, rule), cells });
    },
  },
  flows: {
    // Text typed instead of a choice is read as a new rule.
    [RULE_FLOW]: (ctx, text) => {
      ctx.clearFlow();
      return setRule(ctx, text);
    },
  },
};
