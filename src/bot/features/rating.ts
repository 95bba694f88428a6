import { z } from "zod";
import { can } from "../../domain/access.js";
import { defaultPeriod } from "../../domain/forms/default-period.js";
import { isRatingLevel, RATING_LEVELS, roundPoints } from "../../domain/forms/criteria.js";
import { levelFor, QD366_COLLECTIVE, type CriteriaTable, type RatingLevel } from "../../domain/forms/rating.js";
import type { LevelCount } from "../../domain/forms/rating-rollup.js";
import { ChiboError } from "../../domain/errors.js";
import { orgName, pathOfOrg } from "../../services/org-lookup.service.js";
import { personName } from "../../services/person-lookup.service.js";
import {
  cellRating,
  decideRating,
  MAX_REVIEW_TEXT,
  ownSelfReview,
  ratingOverview,
  saveSelfReview,
  type CommuneRating,
  type RatedUnit,
} from "../../services/rating.service.js";
import type { Choice } from "../../messaging/message.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { readAnswer } from "../report/answers.js";
import { doneAt, readStamp, screenStamp } from "../screen-stamp.js";

const DECIDE_FLOW = "rating-decide";
const SELF_FLOW = "rating-self";
const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const yearParam = z.coerce.number().int().min(2020).max(2100);
const SCORE_FIELD = { key: "committee_score", type: "decimal", required: true, guided: true, min: 0, max: 100 } as const;

/** "/xeploai 2025": the year named, else the one under review (this year from November, else last year). */
function yearOf(ctx: BotContext, args: string): number {
  const named = /\b(20\d\d)\b/.exec(args)?.[1];
  return Number(named ?? defaultPeriod("year", ctx.today));
}

const points = (n: number) => String(roundPoints(n)).replace(".", ",");
const level = (ctx: BotContext, l: RatingLevel) => ctx.t(`rating-level-${l}`);

/** Levels counted, with shares and the HTXS cap's warning. */
function countLines(ctx: BotContext, c: LevelCount): string[] {
  const lines = RATING_LEVELS.map((l) => `• ${ctx.t("rating-count-line", { level: level(ctx, l), count: c.counts[l], pct: c.percents[l] })}`);
  if (c.unrated > 0) lines.push(`• ${ctx.t("rating-count-unrated", { count: c.unrated })}`);
  if (c.overQuota) lines.push(`⚠ ${ctx.t("rating-over-quota", { htxs: c.counts.HTXS, htt: c.counts.HTT, pct: c.quotaPct, limit: c.htxsLimit })}`);
  return lines;
}

function communeBlock(ctx: BotContext, commune: CommuneRating): string {
  return [
    ctx.t("rating-commune-head", { commune: commune.name, cells: commune.units.length, selfRated: commune.selfRated, decided: commune.decided }),
    ...countLines(ctx, commune.cells),
    ctx.t("rating-members-head"),
    ...countLines(ctx, commune.members),
  ].join("\n");
}

/** The roll-up under a commune or province; a commune's cells are offered to open (and, for the office, to rate). */
async function showOverview(ctx: BotContext, rootId: number, year: number): Promise<void> {
  const communes = await ratingOverview(ctx.db, ctx.requireActor(), rootId, year, ctx.today);
  const text = [ctx.t("rating-overview-title", { year: String(year) }), ...communes.map((c) => communeBlock(ctx, c))].join("\n\n");
  const units = communes.length === 1 ? communes[0]!.units : [];
  if (units.length === 0) {
    ctx.reply({ text });
    return;
  }
  ctx.ask(
    text,
    units.map((u) => ({ label: unitLabel(ctx, u), action: `xl:v:${u.id}:${year}` })),
  );
}

function unitLabel(ctx: BotContext, u: RatedUnit): string {
  const self = u.selfLevel ? level(ctx, u.selfLevel) : ctx.t("rating-not-self-rated");
  const final = u.decision ? level(ctx, u.decision.level) : ctx.t("rating-not-decided");
  return ctx.t("rating-unit-label", { cell: u.name, self, final });
}

/** One cell: its own score and level, the members' levels, the committee's decision, the members' self-reviews. */
async function showCell(ctx: BotContext, cellId: number, year: number): Promise<void> {
  const actor = ctx.requireActor();
  const { unit, reviews, table } = await cellRating(ctx.db, actor, cellId, year, ctx.now);
  const lines = [ctx.t("rating-cell-title", { cell: unit.name, year: String(year) })];
  if (table && table.year < year) lines.push(`ℹ️ ${ctx.t("criteria-fallback", { used: String(table.year), year: String(year) })}`);
  if (unit.selfScore !== null || unit.selfLevel !== null) {
    lines.push(`• ${ctx.t("rating-cell-self", { score: unit.selfScore === null ? "—" : points(unit.selfScore), max: points(table ? table.generalMax + table.tasksMax : 100), level: unit.selfLevel ? level(ctx, unit.selfLevel) : "—" })}`);
    if (unit.criteriaScores && table?.criteria) {
      lines.push(...table.criteria.map((c) => `   ${c.code}. ${c.name}: ${points(unit.criteriaScores![c.code] ?? 0)}/${points(c.max)}`));
    }
  } else lines.push(`• ${ctx.t("rating-cell-no-report")}`);
  if (unit.members) lines.push(`• ${ctx.t("rating-cell-members", { htxs: unit.members.HTXS, htt: unit.members.HTT, ht: unit.members.HT, kht: unit.members.KHT })}`);
  if (unit.decision) {
    const d = unit.decision;
    lines.push(`• ${ctx.t(d.score === null ? "rating-cell-decided" : "rating-cell-decided-score", { level: level(ctx, d.level), score: d.score === null ? "" : points(d.score) })}`);
    if (d.note) lines.push(`  ${ctx.t("rating-note", { note: d.note })}`);
  } else lines.push(`• ${ctx.t("rating-not-decided")}`);
  lines.push("", ctx.t("rating-reviews-head", { count: reviews.length }));
  for (const r of reviews) lines.push(`• ${r.fullName} — ${level(ctx, r.level)}: ${r.text}`);
  const path = await pathOfOrg(ctx.db, cellId);
  const choices: Choice[] = can(actor, "rating.decide", { orgPath: path }) ? [{ label: ctx.t("rating-decide-button"), action: `xl:d:${cellId}:${year}` }] : [];
  if (choices.length > 0) ctx.ask(lines.join("\n"), choices);
  else ctx.reply({ text: lines.join("\n") });
}

// ---------------------------------------------------------------- the committee's score and level

interface DecideData {
  orgId: number;
  year: number;
  cell: string;
  selfScore: number | null;
  selfLevel: RatingLevel | null;
  facts: RatedUnit["facts"];
  /** The cell's criteria table (its bands read the committee's score); absent: QĐ 366's. */
  table?: CriteriaTable;
  score?: number | null;
  level?: RatingLevel;
  /** The note typed for a level other than the cell's own (kept for a confirmation asked again). */
  note?: string | null;
  /**
   * The cell's decision when the screen was opened (null: none) and its revision (0: none): a decision
   * is stored only over that one. Missing in a conversation stored before it (not checked).
   */
  decided?: { level: RatingLevel; score: number | null; note: string | null } | null;
  revision?: number;
}

function decideData(ctx: BotContext): DecideData | null {
  const flow = ctx.state.flow;
  return flow?.name === DECIDE_FLOW ? (flow.data as unknown as DecideData) : null;
}

function saveDecide(ctx: BotContext, step: DecideStep, data: DecideData): void {
  ctx.setFlow(DECIDE_FLOW, step, data as unknown as Record<string, unknown>);
}

async function startDecide(ctx: BotContext, cellId: number, year: number): Promise<void> {
  const actor = ctx.requireActor();
  if (!can(actor, "rating.decide", { orgPath: await pathOfOrg(ctx.db, cellId) })) throw new ChiboError("forbidden");
  const { unit, table } = await cellRating(ctx.db, actor, cellId, year, ctx.now, { reviews: false });
  const d = unit.decision;
  const data: DecideData = {
    orgId: cellId, year, cell: unit.name, selfScore: unit.selfScore, selfLevel: unit.selfLevel, facts: unit.facts, ...(table ? { table } : {}),
    decided: d ? { level: d.level, score: d.score, note: d.note } : null,
    revision: d?.revision ?? 0,
  };
  askScore(ctx, data);
}

/**
 * What a decide step's buttons carry last: `<cell>.<year>:<stamp>`, the stamp a digest of the step and what
 * it shows (the cell's own score and level, the committee's score chosen), so a press acts on that cell,
 * year and step or not at all — never on another cell's decision opened after it. `xl:l:HTXS:` + 10 + 1 + 4
 * + 1 + 6 bytes at most: well within Telegram's 64.
 */
function decideTail(data: DecideData, step: DecideStep): string {
  // The confirmation asked again over a decision stored meanwhile: what it stores, over which version.
  const stamp =
    step === "confirm"
      ? screenStamp(data.orgId, data.year, step, data.score ?? null, data.level ?? null, data.note ?? null, data.revision ?? 0)
      : screenStamp(data.orgId, data.year, step, data.selfScore, data.selfLevel, step === "level" ? (data.score ?? null) : null);
  return `${data.orgId}.${data.year}:${stamp}`;
}

type DecideStep = "score" | "level" | "note" | "confirm";

function askScore(ctx: BotContext, data: DecideData): void {
  saveDecide(ctx, "score", data);
  const tail = decideTail(data, "score");
  const choices: Choice[] = [];
  if (data.selfScore !== null) choices.push({ label: ctx.t("rating-keep-self-score", { score: points(data.selfScore) }), action: `xl:s:${tail}` });
  choices.push({ label: ctx.t("rating-no-score"), action: `xl:n:${tail}` }, { label: ctx.t("report-cancel"), action: `xl:x:${tail}` });
  ctx.replies.push({ text: ctx.t("rating-q-score", { cell: data.cell, year: String(data.year) }), choices, numericAnswer: true });
}

function askLevel(ctx: BotContext, data: DecideData): void {
  saveDecide(ctx, "level", data);
  const earned = data.score === null || data.score === undefined ? undefined : levelFor(data.table ?? QD366_COLLECTIVE, data.score, data.facts);
  const lines = [];
  if (earned) lines.push(ctx.t("rating-score-earns", { score: points(data.score!), level: level(ctx, earned) }));
  if (data.selfLevel) lines.push(ctx.t("rating-self-was", { level: level(ctx, data.selfLevel) }));
  lines.push(ctx.t("rating-q-level", { cell: data.cell }));
  const tail = decideTail(data, "level");
  ctx.ask(lines.join("\n"), [
    ...RATING_LEVELS.map((l) => ({ label: level(ctx, l), action: `xl:l:${l}:${tail}` })),
    { label: ctx.t("report-cancel"), action: `xl:x:${tail}` },
  ]);
}

async function finishDecide(ctx: BotContext, data: DecideData, note: string | null): Promise<void> {
  let unit: RatedUnit;
  try {
    const input = { orgId: data.orgId, year: data.year, score: data.score ?? null, level: data.level!, note, ...(data.revision !== undefined ? { revision: data.revision } : {}) };
    ({ unit } = await decideRating(ctx.db, ctx.requireActor(), input, ctx.now));
  } catch (error) {
    if (error instanceof ChiboError && error.code === "rating_changed") return decidedMeanwhile(ctx, { ...data, note });
    throw error;
  }
  ctx.clearFlow();
  const d = unit.decision!;
  const lines = [ctx.t("rating-decided", { cell: unit.name, year: String(data.year), level: level(ctx, d.level) })];
  if (d.score !== null) lines.push(ctx.t("rating-decided-score", { score: points(d.score) }));
  if (unit.selfLevel) lines.push(ctx.t("rating-self-was", { level: level(ctx, unit.selfLevel) }));
  if (d.note) lines.push(ctx.t("rating-note", { note: d.note }));
  ctx.reply({ text: lines.join("\n") });
}

/**
 * A decision confirmed after someone else decided the cell's year (another committee member, the office
 * on another device) since the screen was opened: nothing was stored. Said who decided and when, what
 * differs from the decision the screen was opened on, and this person's choice, then asked again to
 * store it over the decision as it is now ("Lưu mức này") or leave that one ("Hủy").
 */
async function decidedMeanwhile(ctx: BotContext, data: DecideData): Promise<void> {
  ctx.pressExpired = true;
  const { unit } = await cellRating(ctx.db, ctx.requireActor(), data.orgId, data.year, ctx.now, { reviews: false });
  const d = unit.decision;
  const now = d ? { level: d.level, score: d.score, note: d.note } : null;
  const fresh: DecideData = { ...data, decided: now, revision: d?.revision ?? 0 };
  if (d) {
    const by = await personName(ctx.db, d.decidedBy);
    const args = { cell: unit.name, year: String(data.year), ...doneAt(d.decidedAt, ctx.tz) };
    const lines = [by ? ctx.t("rating-changed-by", { ...args, by }) : ctx.t("rating-changed", args), ctx.t("report-changed-fields")];
    const was = data.decided ?? null;
    const none = ctx.t("rating-changed-none");
    const shown = { level: (v: RatingLevel | undefined) => (v ? level(ctx, v) : none), score: (v: number | null | undefined) => (v === null || v === undefined ? "—" : points(v)), note: (v: string | null | undefined) => v ?? "—" };
    if (was?.level !== d.level) lines.push(`• ${ctx.t("rating-changed-level")}: ${shown.level(d.level)} ${ctx.t("report-was", { value: shown.level(was?.level) })}`);
    if ((was?.score ?? null) !== d.score) lines.push(`• ${ctx.t("rating-changed-score")}: ${shown.score(d.score)} ${ctx.t("report-was", { value: shown.score(was?.score) })}`);
    if ((was?.note ?? null) !== d.note) lines.push(`• ${ctx.t("rating-changed-note")}: ${shown.note(d.note)} ${ctx.t("report-was", { value: shown.note(was?.note) })}`);
    ctx.reply({ text: lines.join("\n") });
  }
  return askReplace(ctx, fresh);
}

/** This person's level (and score) again, to store over the decision now on file, or not. */
function askReplace(ctx: BotContext, data: DecideData): void {
  saveDecide(ctx, "confirm", data);
  const mine = data.score === null || data.score === undefined ? ctx.t("rating-changed-mine", { level: level(ctx, data.level!) }) : ctx.t("rating-changed-mine-score", { level: level(ctx, data.level!), score: points(data.score) });
  const tail = decideTail(data, "confirm");
  ctx.ask([mine, ctx.t("rating-q-replace")].join("\n"), [
    { label: ctx.t("rating-replace-button"), action: `xl:ok:${tail}` },
    { label: ctx.t("report-cancel"), action: `xl:x:${tail}` },
  ]);
}

async function onDecideText(ctx: BotContext, text: string): Promise<void> {
  const data = decideData(ctx);
  const step = ctx.state.flow?.step;
  if (!data) return;
  if (step === "score") {
    const answer = readAnswer(SCORE_FIELD, text, ctx.now);
    if (!answer.ok || (answer.value as number) > 100) {
      ctx.reply("rating-score-range");
      return askScore(ctx, data);
    }
    data.score = answer.value as number;
    return askLevel(ctx, data);
  }
  if (step === "note") {
    const note = text.trim();
    if (!note || note.length > MAX_REVIEW_TEXT) {
      ctx.reply("rating-note-length", { max: MAX_REVIEW_TEXT });
      return;
    }
    return finishDecide(ctx, data, note);
  }
  ctx.reply("report-use-choices");
  if (step === "confirm") return askReplace(ctx, data);
  askLevel(ctx, data);
}

const SHOWN_UNIT = /^(\d{1,10})\.(\d{4})$/;

/**
 * A decide step's press (`xl:<s|n|x>:<cell>.<year>:<stamp>`, `xl:l:<level>:<cell>.<year>:<stamp>`; see
 * `decideTail`): acted on only while the step open in the chat is the one the pressed screen showed.
 * Otherwise nothing is decided or dropped: the reply names the cell and year pressed and shows the open
 * step again, or, to a second press of the level that decided it, says it is decided and when.
 */
async function onDecideAction(ctx: BotContext, verb: string | undefined, params: readonly (string | undefined)[]): Promise<void> {
  const [arg, rawUnit, rawStamp] = verb === "l" ? params : [undefined, ...params];
  const actor = ctx.requireActor();
  const unit = SHOWN_UNIT.exec(rawUnit ?? "");
  const cellId = unit ? idParam.safeParse(unit[1]).data : undefined;
  const year = unit ? yearParam.safeParse(unit[2]).data : undefined;
  // The pressed cell is checked (the actor may decide it, now) before anything of it is read or named.
  if (cellId !== undefined && !can(actor, "rating.decide", { orgPath: await pathOfOrg(ctx.db, cellId) })) throw new ChiboError("forbidden");
  const data = decideData(ctx);
  const step = ctx.state.flow?.step as DecideStep | undefined;
  const stamp = readStamp(rawStamp);
  const shownStep: DecideStep | undefined = verb === "s" || verb === "n" ? "score" : verb === "l" ? "level" : verb === "ok" ? "confirm" : undefined;
  const open = data !== null && step !== undefined && cellId !== undefined && year !== undefined && stamp !== undefined && (shownStep === undefined || shownStep === step);
  // The note is typed: the level screen that asked for it stays the one its "Hủy" acts on.
  if (!open || decideTail(data, step === "note" ? "level" : step) !== `${cellId}.${year}:${stamp}`) return refuseOlderDecide(ctx, verb, arg, cellId, year, stamp);
  switch (verb) {
    case "x":
      ctx.clearFlow();
      ctx.reply("report-cancelled");
      return;
    case "s":
    case "n":
      if (step !== "score" || (verb === "s" && data.selfScore === null)) throw new ChiboError("stale_choice");
      data.score = verb === "s" ? data.selfScore : null;
      return askLevel(ctx, data);
    case "l": {
      if (step !== "level" || !isRatingLevel(arg)) throw new ChiboError("stale_choice");
      data.level = arg;
      if (data.selfLevel && data.selfLevel !== arg) {
        saveDecide(ctx, "note", data);
        ctx.reply("rating-q-note", { self: level(ctx, data.selfLevel), level: level(ctx, arg) });
        return;
      }
      return finishDecide(ctx, data, null);
    }
    case "ok":
      if (step !== "confirm" || !data.level) throw new ChiboError("stale_choice");
      return finishDecide(ctx, data, data.note ?? null);
  }
  throw new ChiboError("stale_choice");
}

/** A decide step's button no longer open (see `onDecideAction`): nothing decided; the open step, if any, asked again. */
async function refuseOlderDecide(ctx: BotContext, verb: string | undefined, arg: string | undefined, cellId: number | undefined, year: number | undefined, stamp: string | undefined): Promise<void> {
  ctx.pressExpired = true;
  const data = decideData(ctx);
  const named = cellId !== undefined && year !== undefined ? { cell: (await orgName(ctx.db, cellId)) ?? String(cellId), year: String(year) } : undefined;
  let done = false;
  if (named && verb === "l" && isRatingLevel(arg) && stamp !== undefined) {
    // A second tap on the level that decided it: say it is decided, not that nothing was.
    const { unit } = await cellRating(ctx.db, ctx.requireActor(), cellId!, year!, ctx.now, { reviews: false });
    const d = unit.decision;
    const shown = { orgId: cellId!, year: year!, cell: unit.name, selfScore: unit.selfScore, selfLevel: unit.selfLevel, facts: unit.facts, score: d?.score ?? null };
    if (d && d.level === arg && decideTail(shown, "level") === `${cellId}.${year}:${stamp}`) {
      ctx.reply("rating-stale-done", { cell: unit.name, year: String(year), level: level(ctx, d.level), ...doneAt(d.decidedAt, ctx.tz) });
      done = true;
    }
  }
  if (!done) ctx.reply(data ? "rating-stale-other" : "rating-stale-none", { pressed: named ? ctx.t("rating-stale-named", named) : ctx.t("rating-stale-unnamed") });
  if (!data) return;
  const step = ctx.state.flow?.step;
  if (step === "score") return askScore(ctx, data);
  if (step === "level") return askLevel(ctx, data);
  if (step === "confirm") return askReplace(ctx, data);
  ctx.reply("rating-q-note", { self: level(ctx, data.selfLevel!), level: level(ctx, data.level!) });
}

// ---------------------------------------------------------------- a member's self-review

interface SelfData {
  year: number;
  level?: RatingLevel;
  text?: string;
  /** A review of that year was given already: sending replaces it (the button says so). */
  replaces?: boolean;
}

function selfData(ctx: BotContext): SelfData | null {
  const flow = ctx.state.flow;
  return flow?.name === SELF_FLOW ? (flow.data as unknown as SelfData) : null;
}

async function startSelfReview(ctx: BotContext, year: number): Promise<void> {
  const actor = ctx.requireActor();
  if (actor.cellId === null || !can(actor, "rating.self_review", { orgPath: await pathOfOrg(ctx.db, actor.cellId), personId: actor.personId })) throw new ChiboError("forbidden");
  const existing = await ownSelfReview(ctx.db, actor, year);
  const lines = [];
  if (existing) lines.push(ctx.t("self-review-existing", { year: String(year), level: level(ctx, existing.level), text: existing.text }), "");
  lines.push(ctx.t("self-review-q-level", { year: String(year) }));
  ctx.setFlow(SELF_FLOW, "level", { year, ...(existing ? { replaces: true } : {}) });
  const tail = selfTail(actor.personId, { year });
  ctx.ask(lines.join("\n"), [...RATING_LEVELS.map((l) => ({ label: level(ctx, l), action: `tdg:l:${l}:${tail}` })), { label: ctx.t("report-cancel"), action: `tdg:x:${tail}` }]);
}

/**
 * What a self-review screen's buttons carry last: `<year>:<stamp>`, the stamp a digest of the person, the
 * year and the level and words the screen shows, so "Gửi" sends that review or nothing — not the words
 * typed after it, nor another year's. `tdg:ok:` + 4 + 1 + 6 bytes: well within Telegram's 64.
 */
function selfTail(personId: number, data: SelfData): string {
  return `${data.year}:${screenStamp(personId, data.year, data.level ?? null, data.text ?? null)}`;
}

function selfPreview(ctx: BotContext, data: SelfData): void {
  ctx.setFlow(SELF_FLOW, "confirm", data as unknown as Record<string, unknown>);
  const tail = selfTail(ctx.requireActor().personId, data);
  ctx.ask(ctx.t("self-review-preview", { year: String(data.year), level: level(ctx, data.level!), text: data.text! }), [
    // Named for what it sends (a member's own review, not a cell's report), and what it replaces.
    { label: ctx.t(data.replaces ? "self-review-replace" : "self-review-send"), action: `tdg:ok:${tail}` },
    { label: ctx.t("report-cancel"), action: `tdg:x:${tail}` },
  ]);
}

async function onSelfText(ctx: BotContext, text: string): Promise<void> {
  const data = selfData(ctx);
  if (!data) return;
  if (ctx.state.flow?.step === "text" && data.level) {
    const t = text.trim();
    if (!t || t.length > MAX_REVIEW_TEXT) {
      ctx.reply("rating-note-length", { max: MAX_REVIEW_TEXT });
      return;
    }
    return selfPreview(ctx, { ...data, text: t });
  }
  ctx.reply("report-use-choices");
  if (ctx.state.flow?.step === "confirm") return selfPreview(ctx, data);
  return startSelfReview(ctx, data.year);
}

/**
 * A self-review screen's press (`tdg:<ok|x>:<year>:<stamp>`, `tdg:l:<level>:<year>:<stamp>`; see
 * `selfTail`): acted on only while the screen open in the chat is the one pressed. Otherwise nothing is
 * sent or dropped: the reply names the year pressed and shows the open screen again, or, to a second
 * press of the "Gửi" that sent it, says it was sent and when.
 */
async function onSelfAction(ctx: BotContext, verb: string | undefined, params: readonly (string | undefined)[]): Promise<void> {
  const [arg, rawYear, rawStamp] = verb === "l" ? params : [undefined, ...params];
  const actor = ctx.requireActor();
  const data = selfData(ctx);
  const step = ctx.state.flow?.step;
  const year = yearParam.safeParse(rawYear).data;
  const stamp = readStamp(rawStamp);
  const shownStep = verb === "l" ? "level" : verb === "ok" ? "confirm" : undefined;
  const open = data !== null && year !== undefined && stamp !== undefined && (shownStep === undefined || shownStep === step);
  if (!open || selfTail(actor.personId, step === "text" ? { year: data.year } : data) !== `${year}:${stamp}`) return refuseOlderSelf(ctx, verb, year, stamp);
  switch (verb) {
    case "x":
      ctx.clearFlow();
      ctx.reply("report-cancelled");
      return;
    case "l":
      if (step !== "level" || !isRatingLevel(arg)) throw new ChiboError("stale_choice");
      ctx.setFlow(SELF_FLOW, "text", { year: data.year, level: arg, ...(data.replaces ? { replaces: true } : {}) });
      ctx.reply("self-review-q-text", { level: level(ctx, arg), max: MAX_REVIEW_TEXT });
      return;
    case "ok":
      if (step !== "confirm" || !data.level || !data.text) throw new ChiboError("stale_choice");
      await saveSelfReview(ctx.db, ctx.requireActor(), { year: data.year, level: data.level, text: data.text }, ctx.now);
      ctx.clearFlow();
      ctx.reply("self-review-saved", { year: String(data.year), level: level(ctx, data.level) });
      return;
  }
  throw new ChiboError("stale_choice");
}

/** A self-review button no longer open (see `onSelfAction`): nothing sent; the open screen, if any, shown again. */
async function refuseOlderSelf(ctx: BotContext, verb: string | undefined, year: number | undefined, stamp: string | undefined): Promise<void> {
  ctx.pressExpired = true;
  const actor = ctx.requireActor();
  const data = selfData(ctx);
  const sent = verb === "ok" && year !== undefined && stamp !== undefined ? await ownSelfReview(ctx.db, actor, year) : undefined;
  if (sent && selfTail(actor.personId, { year: year!, level: sent.level, text: sent.text }) === `${year}:${stamp}`) {
    // A second tap on the "Gửi" that sent it: say it went, not that nothing did.
    ctx.reply("self-review-stale-sent", { year: String(year), level: level(ctx, sent.level), ...doneAt(sent.at, ctx.tz) });
  } else {
    const pressed = year !== undefined ? ctx.t("self-review-stale-named", { year: String(year) }) : ctx.t("self-review-stale-unnamed");
    ctx.reply(data ? "self-review-stale-other" : "self-review-stale-none", { pressed });
  }
  if (!data) return;
  const step = ctx.state.flow?.step;
  if (step === "confirm" && data.level && data.text) return selfPreview(ctx, data);
  if (step === "text" && data.level) {
    ctx.reply("self-review-q-text", { level: level(ctx, data.level), max: MAX_REVIEW_TEXT });
    return;
  }
  return startSelfReview(ctx, data.year);
}

/** Where the actor reviews from: the orgs of their commune-level roles, else the cells they lead or follow. */
function reviewRoots(ctx: BotContext): { upper: number[]; cells: number[] } {
  const actor = ctx.requireActor();
  const upper = [...new Set(actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing" || r.role === "commune_committee").map((r) => r.orgId))];
  const cells = [
    ...new Set([
      ...actor.roles.filter((r) => r.role === "secretary" || r.role === "deputy_secretary" || r.role === "cell_committee").map((r) => r.orgId),
      ...actor.assignments.flatMap((a) => (a.orgId === null ? [] : [a.orgId])),
    ]),
  ];
  return { upper, cells };
}

/** `/xeploai` (the annual review: roll-up, cells, the committee's levels) and `/tudanhgia` (a member's self-review). */
export const ratingFeature: Feature = {
  name: "rating",
  commands: [
    {
      names: ["xeploai", "rating"],
      requires: ["rating.view"],
      description: "cmd-xeploai",
      async run(ctx, args) {
        const year = yearOf(ctx, args);
        const { upper, cells } = reviewRoots(ctx);
        if (upper.length === 1) return showOverview(ctx, upper[0]!, year);
        if (upper.length === 0 && cells.length === 1) return showCell(ctx, cells[0]!, year);
        if (upper.length + cells.length === 0) throw new ChiboError("forbidden");
        const name = async (id: number) => (await orgName(ctx.db, id)) ?? String(id);
        const choices: Choice[] = [];
        for (const id of upper) choices.push({ label: await name(id), action: `xl:o:${id}:${year}` });
        for (const id of cells) choices.push({ label: await name(id), action: `xl:v:${id}:${year}` });
        ctx.ask(ctx.t("rating-pick-org"), choices);
      },
    },
    {
      names: ["tudanhgia", "selfreview"],
      requires: ["rating.self_review"],
      description: "cmd-tudanhgia",
      async run(ctx, args) {
        return startSelfReview(ctx, yearOf(ctx, args));
      },
    },
  ],
  actions: {
    async xl(ctx, [verb, ...params]) {
      const [rawId, rawYear] = params;
      if (verb === "o" || verb === "v" || verb === "d") {
        const id = idParam.safeParse(rawId);
        const year = yearParam.safeParse(rawYear);
        if (!id.success || !year.success) throw new ChiboError("stale_choice");
        if (verb === "o") return showOverview(ctx, id.data, year.data);
        if (verb === "v") return showCell(ctx, id.data, year.data);
        return startDecide(ctx, id.data, year.data);
      }
      return onDecideAction(ctx, verb, params);
    },
    async tdg(ctx, [verb, ...params]) {
      return onSelfAction(ctx, verb, params);
    },
  },
  flows: {
    [DECIDE_FLOW]: onDecideText,
    [SELF_FLOW]: onSelfText,
  },
};
