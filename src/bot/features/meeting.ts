import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { MAX_PLACE, nextMeetingDates, parseMeetingRuleText, type MeetingRule } from "../../domain/meeting-rule.js";
import type { Actor } from "../../domain/roles.js";
import { ruleTarget, ruleTargets, setStandingRule, type RuleTarget } from "../../services/meeting-rule.service.js";
import { addDays, localClock } from "../../domain/schedule/local-time.js";
import { fold } from "../../domain/text/fold.js";
import { formatDateVi, pad2 } from "../../domain/time.js";
import { formatTime } from "../../domain/calendar/day.js";
import { managedCells, meetingsUnderRule, meetingToChange, myAnswer, nextMeeting, REASON_MAX, rescheduleMeeting, RESCHEDULE_MAX_DAYS, type MeetingChange, type RescheduleResult } from "../../services/meeting.service.js";
import { cellsOfActor } from "../../services/cell.service.js";
import { typedUnitCode } from "../../services/org-lookup.service.js";
import { rsvpChoices } from "../../messaging/outbox-render.js";
import type { EffectiveMeeting } from "../../domain/schedule/meeting.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { readStamp, screenStamp } from "../screen-stamp.js";

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
    const { cell, meeting, cancelled } = await nextMeeting(ctx.db, actor, c.id, ctx.today);
    const before = meetingOutlookLines(ctx, cancelled.map((m) => ({ date: m.date, reason: m.override?.reason ?? null })));
    if (!meeting) {
      ctx.replies.push({ title: cell, text: [...before, ctx.t("meeting-none")].join("\n") });
      continue;
    }
    const lines = [...before, ctx.t("meeting-next", { cell, time: meeting.time, date: formatDateVi(meeting.date) })];
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

/** "Buổi sinh hoạt ngày 05/12/2025 đã hủy. Lý do: …" for each meeting cancelled before the next one (`/lichhop`, `/chibo`). */
export function meetingOutlookLines(ctx: BotContext, cancelled: readonly { date: string; reason: string | null }[]): string[] {
  return cancelled.map((m) => ctx.t("meeting-cancelled-line", { date: formatDateVi(m.date), reason: m.reason ?? ctx.t("meeting-no-reason") }));
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

/** The rule a flow holds, at which step, and (previewed) for which unit; undefined when none is open. */
function ruleInFlow(ctx: BotContext): { step: string; rule: MeetingRule; orgId: number | null } | undefined {
  const flow = ctx.state.flow;
  const parsed = flow?.name === RULE_FLOW ? flowRule.safeParse(flow.data.rule) : null;
  if (!flow || !parsed?.success) return undefined;
  const orgId = idParam.safeParse(flow.data.orgId);
  return { step: flow.step, rule: parsed.data as MeetingRule, orgId: orgId.success ? orgId.data : null };
}

/**
 * What the buttons of a unit list (`orgId` null) or of a preview carry last: a digest of the rule shown and
 * the unit, so "Đồng ý" under an older preview never sets the rule typed after it (see `screenStamp`).
 */
function ruleStamp(rule: MeetingRule, orgId: number | null): string {
  const { day, nth, weekday } = rule as { day?: number; nth?: number; weekday?: number };
  return screenStamp(orgId, rule.kind, day, nth, weekday, rule.startTime, rule.place, rule.thematicMonth);
}

/** The units to pick for a typed rule; each button names the rule it was shown for. */
function askRuleTarget(ctx: BotContext, rule: MeetingRule, pick: readonly RuleTarget[]): void {
  ctx.setFlow(RULE_FLOW, "target", { rule });
  const stamp = ruleStamp(rule, null);
  ctx.ask(
    ctx.t("lichhop-pick-target", { rule: describeRule(ctx, rule) }),
    pick.slice(0, MAX_TARGET_CHOICES).map((t) => ({ label: t.scope === "default" ? ctx.t("lichhop-target-default", { unit: t.name }) : t.name, action: `lh:t:${t.id}:${stamp}` })),
  );
}

/**
 * A button of a unit list or preview no longer open (another `/lichhop` typed since, or the rule set or
 * dropped): nothing is set. The open screen, if any, is shown again with buttons that work; the pressed
 * keyboard goes without being marked as chosen.
 */
async function refuseOlderRule(ctx: BotContext, actor: Actor, held: ReturnType<typeof ruleInFlow>): Promise<void> {
  ctx.pressExpired = true;
  if (held?.step === "confirm" && held.orgId !== null) {
    const target = await ruleTarget(ctx.db, actor, held.orgId, ctx.today);
    ctx.reply("lichhop-stale-other");
    return preview(ctx, target, held.rule);
  }
  if (held?.step === "target") {
    ctx.reply("lichhop-stale-other");
    return askRuleTarget(ctx, held.rule, await ruleTargets(ctx.db, actor, ctx.today));
  }
  ctx.clearFlow();
  ctx.reply("lichhop-stale-none");
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
  if (!named) {
    // A unit code outside the user's reach is refused as every command refuses one, never read as a
    // rule ("Chưa đọc được lịch"), and says nothing of that unit.
    const unit = await typedUnitCode(ctx.db, first);
    if (unit === "unknown") {
      ctx.reply("unit-code-unknown", { code: first.slice(0, 40) });
      return;
    }
    if (unit) {
      await ruleTarget(ctx.db, actor, unit.id, ctx.today);
      // Within reach but not a unit whose rule is set here (closed, or not a cell).
      throw new ChiboError("not_found");
    }
  }
  const typed = parseMeetingRuleText(named ? rest.join(" ") : args);
  if (!typed) {
    ctx.reply("lichhop-usage", { value: args.trim().slice(0, 60) });
    return;
  }
  const pick = named ? [named] : targets;
  const rule = { ...typed.day, startTime: typed.startTime, place: typed.place, thematicMonth: null } as MeetingRule;
  if (pick.length === 1) return preview(ctx, pick[0]!, completeRule(rule, pick[0]!));
  askRuleTarget(ctx, rule, pick);
}

/** Day and time as typed; the thematic month (and the place, when none is typed) kept from the unit's rule. */
function completeRule(typed: MeetingRule, target: RuleTarget): MeetingRule {
  const base = target.own ?? target.effective;
  return { ...typed, place: typed.place ?? base?.place ?? null, thematicMonth: base?.thematicMonth ?? null };
}

async function preview(ctx: BotContext, target: RuleTarget, rule: MeetingRule): Promise<void> {
  const words = describeRule(ctx, rule);
  // A cell's one-off changes (`/doilich`) stand under the new rule too: show the dates that will be held.
  const dates =
    target.scope === "cell"
      ? (await meetingsUnderRule(ctx.db, target.id, rule, ctx.today, PREVIEW_DATES)).map((m) => previewDate(ctx, m)).join(", ")
      : nextMeetingDates(rule, ctx.today, PREVIEW_DATES).map(formatDateVi).join(", ");
  const lines = [
    ctx.t(target.scope === "default" ? "lichhop-preview-default" : "lichhop-preview", { unit: target.name, rule: words }),
    ctx.t("lichhop-preview-dates", { dates }),
    ctx.t("lichhop-preview-ask"),
  ];
  ctx.setFlow(RULE_FLOW, "confirm", { rule, orgId: target.id });
  const stamp = ruleStamp(rule, target.id);
  ctx.ask(lines.join("\n"), [
    { label: ctx.t("lichhop-confirm"), action: `lh:ok:${target.id}:${stamp}` },
    { label: ctx.t("lichhop-cancel"), action: `lh:no:${stamp}` },
  ]);
}

/** A previewed date, with a one-off change made with `/doilich` said: "09/01/2027 (đã dời từ 02/01/2027)". */
function previewDate(ctx: BotContext, m: EffectiveMeeting): string {
  const date = formatDateVi(m.date);
  if (m.cancelled) return ctx.t("lichhop-preview-date-cancelled", { date });
  if (m.override && m.regularDate && m.regularDate !== m.date) return ctx.t("lichhop-preview-date-moved", { date, regular: formatDateVi(m.regularDate) });
  return date;
}

/** The next meetings shown before a new rule is applied. */
const PREVIEW_DATES = 3;

const RESCHEDULE_FLOW = "doilich";

/** A change held while the secretary confirms it (or, for a cancellation, types a make-up date). */
const heldChange = z.object({
  orgId: z.number().int().positive(),
  /** The meeting shown in the preview: a change confirmed after it moved again is stale. */
  from: z.string(),
  fromTime: z.string(),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("move"), date: z.string(), time: z.string(), reason: z.string().nullable() }),
    z.object({ kind: z.literal("cancel"), reason: z.string().nullable() }),
  ]),
});
type HeldChange = z.infer<typeof heldChange>;

function changeInFlow(ctx: BotContext): HeldChange {
  const held = heldInFlow(ctx);
  if (!held) {
    ctx.clearFlow();
    throw new ChiboError("stale_choice");
  }
  return held;
}

function heldInFlow(ctx: BotContext): HeldChange | undefined {
  const parsed = ctx.state.flow?.name === RESCHEDULE_FLOW ? heldChange.safeParse(ctx.state.flow.data) : null;
  return parsed?.success ? parsed.data : undefined;
}

/**
 * The preview's buttons carry `<stamp>:<what>`: the stamp binds them to the change they show (the meeting
 * it starts from and the new date, time and reason), so "Đổi lịch và báo mọi người" under an older preview
 * never applies the one typed after it; `what` (`202612141900`, or `x` for a cancellation) only names the
 * pressed preview in the refusal. 3 + 3 + 6 + 1 + 12 bytes: well within Telegram's 64.
 */
function previewTail(held: HeldChange): string {
  const { change } = held;
  const stamp = screenStamp(held.orgId, held.from, held.fromTime, change.kind, change.kind === "move" ? change.date : null, change.kind === "move" ? change.time : null, change.reason);
  return `${stamp}:${change.kind === "move" ? `${change.date.replaceAll("-", "")}${change.time.replace(":", "")}` : "x"}`;
}

const SHOWN_MOVE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** The change a pressed preview showed, as its payload names it (untrusted: used for words only). */
function shownChange(what: string | undefined): { kind: "move"; date: string; time: string } | { kind: "cancel" } | undefined {
  if (what === "x") return { kind: "cancel" };
  const m = what === undefined ? null : SHOWN_MOVE.exec(what);
  return m ? { kind: "move", date: `${m[1]}-${m[2]}-${m[3]}`, time: `${m[4]}:${m[5]}` } : undefined;
}

/**
 * A button of a preview that is no longer the open one (another `/doilich` typed since, a make-up date
 * given, or the change already made or dropped): nothing is changed and nobody is told. The reply names
 * the preview pressed; the open one, if any, is shown again with buttons that work. Its keyboard goes
 * without being marked as chosen.
 */
async function refuseOlderPreview(ctx: BotContext, held: HeldChange | undefined, verb: string, what: string | undefined): Promise<void> {
  ctx.pressExpired = true;
  const actor = ctx.requireActor();
  const shown = shownChange(what);
  const pressed =
    shown?.kind === "move"
      ? ctx.t("reschedule-stale-move", { date: formatDateVi(shown.date), time: shown.time })
      : ctx.t(shown?.kind === "cancel" ? "reschedule-stale-cancel" : "reschedule-stale-unknown");
  const orgId = held?.orgId ?? (await managedCells(ctx.db, actor))[0]?.id;
  const current =
    orgId === undefined
      ? undefined
      : await meetingToChange(ctx.db, actor, orgId, ctx.today).catch((error: unknown) => {
          if (error instanceof ChiboError) return undefined;
          throw error;
        });
  if (held && current && current.from.date === held.from && current.from.time === held.fromTime) {
    ctx.reply("reschedule-stale-other", { pressed });
    previewChange(ctx, held, current.cell);
    return;
  }
  ctx.clearFlow();
  // A second tap on the button that made the change: say it is made, not that nothing was.
  if (verb === "ok" && shown?.kind === "move" && current?.from.date === shown.date && current.from.time === shown.time) {
    ctx.reply("reschedule-stale-done", { date: formatDateVi(shown.date), time: shown.time });
    return;
  }
  ctx.reply("reschedule-stale-none", { pressed });
}

/** A typed new date and time ("7/12 19:30"), checked; null after saying what is wrong. */
function readNewDate(ctx: BotContext, dateText: string | undefined, timeText: string | undefined): { date: string; time: string } | null {
  const date = dateText ? parseMeetingDate(dateText, ctx.today) : null;
  if (!date) {
    ctx.reply("reschedule-bad-date", { value: (dateText ?? "").slice(0, 20) });
    return null;
  }
  const time = timeText ? parseMeetingTime(timeText) : null;
  if (!time) {
    ctx.reply("reschedule-bad-time", { value: (timeText ?? "").slice(0, 20) });
    return null;
  }
  if (date < ctx.today || date > addDays(ctx.today, RESCHEDULE_MAX_DAYS)) {
    ctx.reply("reschedule-past", { days: RESCHEDULE_MAX_DAYS });
    return null;
  }
  return { date, time };
}

/** `/doilich 15/11 19:30 lý do …` or `/doilich huy lý do …` (secretary or deputy): shown first, told to everyone once confirmed. */
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
    change = { kind: "cancel", reason: [second, ...rest].filter(Boolean).join(" ").slice(0, REASON_MAX) || null };
  } else {
    const when = readNewDate(ctx, first, second);
    if (!when) {
      ctx.reply("reschedule-usage");
      return;
    }
    change = { kind: "move", ...when, reason: rest.join(" ").slice(0, REASON_MAX) || null };
  }
  let current;
  try {
    current = await meetingToChange(ctx.db, actor, cell.id, ctx.today);
  } catch (error) {
    if (error instanceof ChiboError && error.code === "not_found") {
      ctx.reply("reschedule-no-meeting");
      return;
    }
    throw error;
  }
  return previewChange(ctx, { orgId: cell.id, from: current.from.date, fromTime: current.from.time, change }, current.cell);
}

/** What will be told, and to confirm; a cancellation also asks for the make-up date. */
function previewChange(ctx: BotContext, held: HeldChange, cell: string): void {
  const { change } = held;
  const from = formatDateVi(held.from);
  const reason = change.reason ?? ctx.t("meeting-no-reason");
  if (change.kind === "move" && change.date === held.from && change.time === held.fromTime) {
    ctx.clearFlow();
    ctx.reply("reschedule-same");
    return;
  }
  ctx.setFlow(RESCHEDULE_FLOW, "confirm", held as unknown as Record<string, unknown>);
  const tail = previewTail(held);
  if (change.kind === "move") {
    ctx.ask(ctx.t("reschedule-confirm-move", { cell, from, fromTime: held.fromTime, date: formatDateVi(change.date), time: change.time, reason }), [
      { label: ctx.t("reschedule-ok-move"), action: `dl:ok:${tail}` },
      { label: ctx.t("reschedule-keep"), action: `dl:no:${tail}` },
    ]);
    return;
  }
  ctx.ask(ctx.t("reschedule-confirm-cancel", { cell, from, reason }), [
    { label: ctx.t("reschedule-ok-cancel"), action: `dl:ok:${tail}` },
    { label: ctx.t("reschedule-keep"), action: `dl:no:${tail}` },
  ]);
}

/** The confirmed change: the meeting must still be the one previewed; then everyone expected is told. */
async function applyChange(ctx: BotContext, held: HeldChange): Promise<void> {
  const actor = ctx.requireActor();
  const current = await meetingToChange(ctx.db, actor, held.orgId, ctx.today).catch((error: unknown) => {
    if (error instanceof ChiboError && error.code === "not_found") throw new ChiboError("stale_choice");
    throw error;
  });
  if (current.from.date !== held.from || current.from.time !== held.fromTime) throw new ChiboError("stale_choice");
  ctx.clearFlow();
  const { change } = held;
  let result;
  try {
    result = await rescheduleMeeting(ctx.db, actor, held.orgId, change, ctx.now, ctx.today, ctx.tz);
  } catch (error) {
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
  tellNotice(ctx, result);
}

/**
 * What the secretary is told of the notice: whom it reaches and when (at once, or when quiet hours
 * end), the group chats too — so it is not posted there twice — and by name whom it cannot reach,
 * to be told in person.
 */
function tellNotice(ctx: BotContext, result: RescheduleResult): void {
  if (result.tooLate) {
    ctx.reply("reschedule-too-late");
    return;
  }
  const groups = result.groups > 0 ? ` ${ctx.t("reschedule-groups", { groups: result.groups })}` : "";
  // "tin báo cho 0 người": with nobody reachable, say so, and say where the notice does go (the groups).
  const peopleless = result.notified === 0;
  if (peopleless && result.groups === 0) {
    ctx.reply("reschedule-nobody");
  } else if (result.sendAt) {
    const at = localClock(result.sendAt, ctx.tz);
    const time = formatTime(at.minutes);
    const day = formatDateVi(at.date);
    if (peopleless) ctx.reply("reschedule-queued-groups-only", { groups: result.groups, time, day });
    else ctx.reply("reschedule-queued", { sent: result.notified, groups, time, day });
  } else if (peopleless) {
    ctx.reply("reschedule-notified-groups-only", { groups: result.groups });
  } else {
    ctx.reply("reschedule-notified", { sent: result.notified, groups });
  }
  if (result.unlinked.length === 0) return;
  const names = result.unlinked.map((u) => ctx.t("reschedule-untold-person", { name: u.name, reason: u.reason }));
  ctx.reply("reschedule-untold", { count: result.unlinked.length, names: names.join("\n") });
}

/**
 * Text typed while a change waits: for a cancellation, the make-up date ("12/12 19:30"), which makes
 * it a move to that date with the same reason; otherwise the choices are asked again.
 */
async function onChangeText(ctx: BotContext, text: string): Promise<void> {
  const held = changeInFlow(ctx);
  const { cell } = await meetingToChange(ctx.db, ctx.requireActor(), held.orgId, ctx.today);
  if (held.change.kind === "cancel") {
    // The make-up date alone keeps the meeting's time.
    const [dateText, timeText] = text.trim().split(/\s+/);
    const when = readNewDate(ctx, dateText, timeText ?? held.fromTime);
    if (when) return previewChange(ctx, { ...held, change: { kind: "move", ...when, reason: held.change.reason } }, cell);
  } else {
    ctx.reply("report-use-choices");
  }
  previewChange(ctx, held, cell);
}

/** Meetings: `/lichhop` shows the next one and sets the standing rule; `/doilich` moves or cancels one meeting and tells everyone. */
export const meetingFeature: Feature = {
  name: "meeting",
  commands: [
    { names: ["lichhop", "meeting"], description: "cmd-lichhop", run: (ctx, args) => (args.trim() ? setRule(ctx, args) : showNext(ctx)) },
    { names: ["doilich", "reschedule"], description: "cmd-doilich", requires: ["meeting.manage"], run: (ctx, args) => reschedule(ctx, args) },
  ],
  actions: {
    /** `dl:<ok|no>:<stamp>:<what>` (see `previewTail`): applied only to the change the pressed preview showed. */
    async dl(ctx, [verb, rawStamp, what]) {
      if (verb !== "ok" && verb !== "no") throw new ChiboError("stale_choice");
      const held = heldInFlow(ctx);
      const stamp = readStamp(rawStamp);
      if (!held || stamp === undefined || previewTail(held) !== `${stamp}:${what}`) return refuseOlderPreview(ctx, held, verb, what);
      if (verb === "no") {
        ctx.clearFlow();
        ctx.reply("reschedule-kept");
        return;
      }
      return applyChange(ctx, held);
    },
    /** `lh:t:<unit>:<stamp>` (a unit for the typed rule), `lh:ok:<unit>:<stamp>`, `lh:no:<stamp>` (a preview's); see `ruleStamp`. */
    async lh(ctx, [verb, first, second]) {
      const actor = ctx.requireActor();
      if (verb !== "t" && verb !== "ok" && verb !== "no") throw new ChiboError("stale_choice");
      const held = ruleInFlow(ctx);
      const id = verb === "no" ? held?.orgId : idParam.safeParse(first).data;
      const stamp = readStamp(verb === "no" ? first : second);
      const shownFor = verb === "t" ? null : id;
      const open = held !== undefined && held.step === (verb === "t" ? "target" : "confirm") && id !== undefined && id !== null && (verb === "t" || held.orgId === id);
      if (!open || stamp === undefined || stamp !== ruleStamp(held.rule, shownFor ?? null)) return refuseOlderRule(ctx, actor, held);
      if (verb === "no") {
        ctx.clearFlow();
        ctx.reply("lichhop-cancelled");
        return;
      }
      const { rule } = held;
      // The button's unit is checked again here: the payload is never trusted.
      const target = await ruleTarget(ctx.db, actor, id, ctx.today);
      if (verb === "t") return preview(ctx, target, completeRule(rule, target));
      const { cells } = await setStandingRule(ctx.db, actor, id, rule, ctx.now, ctx.today, ctx.tz);
      ctx.clearFlow();
      ctx.outboxWritten = true;
      ctx.reply("lichhop-saved", { unit: target.name, rule: describeRule(ctx, rule), cells });
    },
  },
  flows: {
    [RESCHEDULE_FLOW]: onChangeText,
    // Text typed instead of a choice is read as a new rule.
    [RULE_FLOW]: (ctx, text) => {
      ctx.clearFlow();
      return setRule(ctx, text);
    },
  },
};
