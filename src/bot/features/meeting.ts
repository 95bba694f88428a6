import { ChiboError } from "../../domain/errors.js";
import { addDays } from "../../domain/schedule/local-time.js";
import { fold } from "../../domain/text/fold.js";
import { formatDateVi } from "../../domain/time.js";
import { managedCells, myAnswer, nextMeeting, rescheduleMeeting, RESCHEDULE_MAX_DAYS, type MeetingChange } from "../../services/meeting.service.js";
import { cellsOfActor } from "../../services/cell.service.js";
import { rsvpChoices } from "../../messaging/outbox-render.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

const DATE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/;
const TIME = /^(\d{1,2})(?:[:hg](\d{2})?)?$/i;

/** A typed day/month[/year]: without a year, the next such date from today. Null when it is not a date. */
export function parseMeetingDate(text: string, today: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const pad = (n: number) => String(n).padStart(2, "0");
  const thisYear = Number(today.slice(0, 4));
  const years = m[3] ? [m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])] : [thisYear, thisYear + 1];
  for (const year of years) {
    const iso = `${year}-${pad(month)}-${pad(day)}`;
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

/** `/lichhop` (`/meeting`): the next meeting of my cell (or of each cell I lead or follow), with my answer. */
async function showNext(ctx: BotContext): Promise<void> {
  const actor = ctx.requireActor();
  const cells = await cellsOfActor(ctx.db, actor);
  if (cells.length === 0) {
    ctx.reply("meeting-no-cell");
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
    if (cells.length === 1) ctx.ask(`${lines.join("\n")}\n${ctx.t("rsvp-ask")}`, rsvpChoices((id) => ctx.t(id), `${c.id}:${meeting.date}`));
    else ctx.replies.push({ text: lines.join("\n") });
  }
}

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


/** Meetings: `/lichhop` shows the next one; `/doilich` moves or cancels it and tells everyone. */
export const meetingFeature: Feature = {
  name: "meeting",
  commands: [
    { names: ["lichhop", "meeting"], description: "cmd-lichhop", run: (ctx) => showNext(ctx) },
    { names: ["doilich", "reschedule"], description: "cmd-doilich", run: (ctx, args) => reschedule(ctx, args) },
  ],
};
