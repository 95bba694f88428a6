import { z } from "zod";
import { ChiboError } from "../../domain/errors.js";
import { formatDateVi } from "../../domain/time.js";
import { answerRsvp, attendanceOf, expectedPeople, managedCells, REASON_MAX, rsvpChecks, type RsvpCheck, type RsvpOutcome } from "../../services/meeting.service.js";
import type { BotContext } from "../context.js";
import type { ActionReadAhead, Feature } from "../feature.js";
import { recordAccess } from "../../services/access-log.service.js";

const orgParam = z.coerce.number().int().positive().max(2_147_483_647);
const dateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const answerParam = z.enum(["yes", "no"]);
const flowData = z.object({ org: orgParam, date: dateParam, proxyFor: orgParam.optional(), name: z.string().optional() });

function outcomeReply(ctx: BotContext, outcome: RsvpOutcome): boolean {
  if (outcome === "gone") ctx.reply("rsvp-meeting-gone");
  if (outcome === "not_expected") ctx.reply("rsvp-not-expected");
  return outcome === "saved";
}

/** A reminder's button (or digit): `rsvp:<orgId>:<date>:yes|no`, re-checked server-side. */
async function onRsvp(ctx: BotContext, [rawOrg, rawDate, rawAnswer]: string[]): Promise<void> {
  const actor = ctx.requireActor();
  const org = orgParam.safeParse(rawOrg);
  const date = dateParam.safeParse(rawDate);
  const answer = answerParam.safeParse(rawAnswer);
  if (!org.success || !date.success || !answer.success) throw new ChiboError("stale_choice");
  // "Absent" is recorded at once; the reason follows in the next message.
  const check = ctx.readAhead as RsvpCheck | undefined;
  const outcome = await answerRsvp(ctx.db, actor, { orgId: org.data, date: date.data, answer: answer.data, reason: null }, ctx.now, ctx.today, check);
  if (!outcomeReply(ctx, outcome)) {
    // Nothing recorded (a meeting past, moved, cancelled, or of a cell closed since): the keyboard goes unmarked, not "✓ Có mặt".
    ctx.pressExpired = true;
    return;
  }
  const shown = formatDateVi(date.data);
  if (answer.data === "yes") {
    ctx.clearFlow();
    ctx.reply("rsvp-saved-yes", { date: shown });
    return;
  }
  ctx.setFlow("rsvp", "reason", { org: org.data, date: date.data });
  ctx.reply("rsvp-ask-reason", { date: shown });
}

/**
 * The meetings a batch group's presses answer, checked in one statement (`rsvpChecks`), and their
 * answers written in one; a payload that does not parse is left to `onRsvp`.
 */
const rsvpReadAhead: ActionReadAhead = async (db, presses) => {
  const { checks, record } = await rsvpChecks(
    db,
    presses.map(({ params: [rawOrg, rawDate], today }) => {
      const org = orgParam.safeParse(rawOrg);
      const date = dateParam.safeParse(rawDate);
      return org.success && date.success ? { orgId: org.data, date: date.data, today } : undefined;
    }),
  );
  return { values: checks, record };
};

/** The reason typed after "Vắng – có lý do" (own answer or the secretary's proxy entry). */
async function onReason(ctx: BotContext, text: string): Promise<void> {
  const actor = ctx.requireActor();
  const data = flowData.safeParse(ctx.state.flow?.data);
  if (!data.success) {
    ctx.clearFlow();
    throw new ChiboError("stale_choice");
  }
  const reason = text.trim();
  if (!reason || reason.startsWith("/") || reason.length > REASON_MAX) {
    ctx.reply("rsvp-reason-empty", { max: REASON_MAX });
    return;
  }
  const { org, date, proxyFor, name } = data.data;
  const outcome = await answerRsvp(ctx.db, actor, { orgId: org, date, answer: "no", reason, ...(proxyFor ? { proxyFor } : {}) }, ctx.now, ctx.today);
  ctx.clearFlow();
  if (!outcomeReply(ctx, outcome)) return;
  if (proxyFor) ctx.reply("attendance-proxy-saved", { name: name ?? "", answer: ctx.t("attendance-answer-no", { reason }) });
  else ctx.reply("rsvp-saved-no", { date: formatDateVi(date), reason });
}

/** `/diemdanh`: expected attendance of the next meeting (cell level only), and proxy entry. */
async function showAttendance(ctx: BotContext): Promise<void> {
  const actor = ctx.requireActor();
  const cell = (await managedCells(ctx.db, actor))[0];
  if (!cell) throw new ChiboError("forbidden");
  const a = await attendanceOf(ctx.db, actor, cell.id, ctx.today);
  if (!a) {
    ctx.reply("meeting-none");
    return;
  }
  // Counted as the report counts "phải dự" (meetingRollOf): members, not exempt ones or the cadre.
  let yes = 0;
  let no = 0;
  const members = a.expected.filter((p) => p.kind === "member");
  const absent: string[] = [];
  for (const p of a.expected) {
    const answer = a.answers.get(p.id);
    const counted = p.kind === "member";
    if (answer?.answer === "yes" && counted) yes++;
    if (answer?.answer === "no") {
      if (counted) no++;
      const reason = `${answer.reason ?? ctx.t("meeting-no-reason")}${answer.proxy ? ` ${ctx.t("attendance-proxy-mark")}` : ""}`;
      absent.push(ctx.t("attendance-absent-line", { name: p.full_name, reason }));
    }
  }
  const lines = [ctx.t("attendance-counts", { expected: members.length, yes, no, unknown: members.length - yes - no })];
  const invited = a.expected.length - members.length;
  if (invited > 0) lines.push(ctx.t("attendance-invited-not-counted", { count: invited }));
  if (absent.length > 0) lines.push(ctx.t("attendance-absent-title"), ...absent);
  const absentees = a.expected.filter((p) => a.answers.get(p.id)?.answer === "no").map((p) => p.id);
  await recordAccess(ctx.db, actor, { what: "meeting.absentees", orgId: cell.id, subjectIds: absentees }, ctx.now);
  ctx.ask(lines.join("\n"), [{ label: ctx.t("attendance-proxy-button"), action: `rsvpp:${cell.id}:${a.meeting.date}:list` }], ctx.t("attendance-title", { date: formatDateVi(a.meeting.date) }));
}

/** Proxy entry: `rsvpp:<org>:<date>:list`, `…:<personId>`, `…:<personId>:yes|no`. */
async function onProxy(ctx: BotContext, [rawOrg, rawDate, rawWho, rawAnswer]: string[]): Promise<void> {
  const actor = ctx.requireActor();
  const org = orgParam.safeParse(rawOrg);
  const date = dateParam.safeParse(rawDate);
  if (!org.success || !date.success) throw new ChiboError("stale_choice");
  const a = await attendanceOf(ctx.db, actor, org.data, ctx.today);
  if (!a || a.meeting.date !== date.data) throw new ChiboError("stale_choice");
  const members = (await expectedPeople(ctx.db, org.data, date.data)).filter((p) => !p.cadre);
  if (rawWho === "list") {
    const mark = (id: number) => {
      const answer = a.answers.get(id)?.answer;
      return answer === "yes" ? ` ✓` : answer === "no" ? ` ✗` : "";
    };
    await recordAccess(ctx.db, actor, { what: "meeting.proxy_list", orgId: org.data, subjectIds: members.map((m) => m.id) }, ctx.now);
    ctx.ask(ctx.t("attendance-pick-member"), members.map((m) => ({ label: `${m.full_name}${mark(m.id)}`, action: `rsvpp:${org.data}:${date.data}:${m.id}` })));
    return;
  }
  const who = orgParam.safeParse(rawWho);
  const member = who.success ? members.find((m) => m.id === who.data) : undefined;
  if (!member) throw new ChiboError("stale_choice");
  const shown = formatDateVi(date.data);
  if (rawAnswer === undefined) {
    ctx.ask(ctx.t("attendance-member-answer", { name: member.full_name, date: shown }), [
      { label: ctx.t("rsvp-yes"), action: `rsvpp:${org.data}:${date.data}:${member.id}:yes` },
      { label: ctx.t("rsvp-no"), action: `rsvpp:${org.data}:${date.data}:${member.id}:no` },
    ]);
    return;
  }
  const answer = answerParam.safeParse(rawAnswer);
  if (!answer.success) throw new ChiboError("stale_choice");
  if (answer.data === "no") {
    ctx.setFlow("rsvp", "reason", { org: org.data, date: date.data, proxyFor: member.id, name: member.full_name });
    ctx.reply("rsvp-ask-reason", { date: shown });
    return;
  }
  const outcome = await answerRsvp(ctx.db, actor, { orgId: org.data, date: date.data, answer: "yes", reason: null, proxyFor: member.id }, ctx.now, ctx.today);
  if (outcomeReply(ctx, outcome)) ctx.reply("attendance-proxy-saved", { name: member.full_name, answer: ctx.t("attendance-answer-yes") });
}

/** RSVP: a reminder's "Có mặt" / "Vắng – có lý do", `/diemdanh` for the secretary, proxy answers. */
export const rsvpFeature: Feature = {
  name: "rsvp",
  commands: [{ names: ["diemdanh", "attendance"], description: "cmd-diemdanh", requires: ["meeting.manage"], run: (ctx) => showAttendance(ctx) }],
  actions: { rsvp: onRsvp, rsvpp: onProxy },
  actionReadAhead: { rsvp: rsvpReadAhead },
  flows: { rsvp: onReason },
};
