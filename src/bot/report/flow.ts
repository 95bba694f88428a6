import { randomBytes } from "node:crypto";
import { screenStamp } from "../screen-stamp.js";
import type { MeetingRule } from "../../domain/meeting-rule.js";
import { ChiboError } from "../../domain/errors.js";
import type { FieldDefinition, FieldValues } from "../../domain/forms/form-definition.js";
import { defaultPeriod } from "../../domain/forms/default-period.js";
import { periodParts } from "../../domain/forms/period.js";
import { currentForm, FORM_IDS, isFormId, type FormId } from "../../domain/forms/registry.js";
import { checkField, validateSubmission } from "../../domain/forms/validate.js";
import { levelFor, QD366_COLLECTIVE, type CriteriaTable } from "../../domain/forms/rating.js";
import { isRatingLevel, roundPoints, scoredSoFar } from "../../domain/forms/criteria.js";
import { ratingTableFor } from "../../services/rating.service.js";
import { orgById } from "../../services/org-lookup.service.js";
import { duesChange, duesRetained, duesShareToAsk, duesUnpaidCount } from "../../domain/forms/party-dues.form.js";
import { fold } from "../../domain/text/fold.js";
import { CellReads, cellMemberNames, cellRoll, reportDefaults, scheduledDate, scheduledMeetingDay } from "../../services/report-defaults.service.js";
import { reportOnFile, submitReport, type ReportSource } from "../../services/report.service.js";
import { reportNamesOnRoll } from "../../services/report-names.service.js";
import { correctionOver, updateOver } from "../../domain/forms/report-update.js";
import { namesIn } from "../../domain/forms/roll-names.js";
import { countsFollowingList } from "../../domain/forms/absentee-counts.js";
import { readAbsenteeText, readResolutionList, saysNone } from "../../domain/parse/typed-lists.js";
import { isFunctionName } from "../../domain/cycle/tasks.js";
import { sameValue } from "../../domain/forms/same-value.js";
import { dayjs, formatDateVi } from "../../domain/time.js";
import { pipelineAdmissions } from "../../services/candidate.service.js";
import type { BotContext } from "../context.js";
import type { Choice } from "../../messaging/message.js";
import { displayValue, formatVnd as vnd } from "../../domain/forms/display-value.js";
import { readAnswer } from "./answers.js";
import type { TaskStatus } from "../../domain/cycle/tasks.js";
import { addMonths } from "../../domain/schedule/local-time.js";
import { previousMonthTasks } from "../../services/resolution-task.service.js";
import { previousTaskBlock } from "../cycle/task-lines.js";
import { reportingCells } from "./led-cells.js";
import { holdQuickReport } from "./quick-cell.js";
import { dayInForce, unitsAnsweringFor } from "../../services/report-unit.service.js";

export const REPORT_FLOW = "report";

/** What a report conversation remembers between messages (stored as JSON with the conversation). */
export interface ReportFlowData {
  form: FormId;
  orgId: number;
  period: string;
  values: FieldValues;
  defaults: FieldValues;
  /** Fields still to ask, in order. */
  queue: string[];
  /** Fields asked so far, for "back". */
  history: string[];
  /** `unpaid`: choosing, from the cell's roll, who has not paid the dues. */
  mode: "ask" | "confirm" | "edit" | "unpaid";
  field?: string;
  source: ReportSource;
  /** A correction: the stored values before it. */
  before?: FieldValues;
  /** The cell's name, shown in the summary (a secretary may lead more than one cell). */
  cellName?: string;
  /** The cell's party members when the report was opened: figures far from it are questioned. */
  roll?: number;
  /** Last month's resolution tasks and their status: a monthly report's summary starts with them. */
  priorTasks?: PriorTask[];
  /** The day the cell's meeting of the period is scheduled (a monthly meeting report): another day is questioned. */
  scheduled?: string;
  /** The annual rating's criteria table (imported by the office), as it was when the report was opened. */
  criteria?: CriteriaTable;
  /**
   * The period's report already on file when this one was opened (a new report for it updates it):
   * when it was last sent (ISO) and by whom. Its values are `before`.
   */
  onFile?: { sentAt: string; sentBy: string | null };
  /** The revision of the period's report this one was built on (0: none); sending refuses if it changed since. */
  baseRevision?: number;
  /**
   * This draft's id, carried by every button of its questions and preview (`screenToken`): a press on
   * another draft's screen is never applied to this one. Missing in a conversation stored before it.
   */
  draft?: string;
  /** Names the message typed that fit no member of the cell, or several: they go into the records as typed. */
  asTyped?: string[];
}

/** A task of last month's resolution as the report's summary shows it. */
export interface PriorTask {
  task: string;
  owner: string | null;
  dueOn: string | null;
  status: TaskStatus;
  note: string | null;
}

/** A criterion of the table asked as its own question: `crit_<code>` (no form field starts so). */
const CRIT = "crit_";

function checkContext(ctx: BotContext, data: Pick<ReportFlowData, "roll" | "criteria" | "period" | "scheduled">) {
  return { today: ctx.today, period: data.period, ...(data.roll !== undefined ? { roll: data.roll } : {}), ...(data.criteria ? { criteria: data.criteria } : {}), ...(data.scheduled ? { scheduled: data.scheduled } : {}) };
}

/**
 * Fields the edit list may offer one by one (the criteria's own record is edited criterion by criterion).
 * The absentees and the resolution are typed again whole, in one message (`listTyped`).
 */
export function offeredForEdit(field: { key: string; type: string }): boolean {
  return field.key !== "criteria_table" && field.key !== "criteria_scores";
}

/** Field types holding a list typed again whole: one item a line, read by the report's own parsers. */
const LIST_TYPES = new Set(["absentees", "resolutions"]);

/** Fields the criteria stand for when a table is scored one by one: derived, never asked or edited. */
const DERIVED_BY_CRITERIA = new Set(["general_score", "task_score", "criteria_scores", "criteria_table"]);

function scoresOf(data: Pick<ReportFlowData, "values">): Record<string, number> {
  return (data.values.criteria_scores as Record<string, number> | undefined) ?? {};
}

/** A field's current value; a criterion's is its score. */
function currentValue(data: ReportFlowData, key: string): unknown {
  return key.startsWith(CRIT) ? scoresOf(data)[key.slice(CRIT.length)] : (data.values[key] ?? data.defaults[key]);
}

/** How a field is named in a message: a criterion by its code. */
function fieldLabel(ctx: BotContext, key: string): string {
  return key.startsWith(CRIT) ? ctx.t("rating-criterion-label", { code: key.slice(CRIT.length) }) : ctx.t(`field-${key}`);
}

/** A value refused by its check: why, then the same question again. */
function askAgain(ctx: BotContext, data: ReportFlowData, field: FieldDefinition, problem: NonNullable<ReturnType<typeof checkField>>): void {
  ctx.reply(`report-check-${problem.code}`, { ...(problem.args ?? {}), field: fieldLabel(ctx, field.key) });
  ask(ctx, data, field);
}

const NUMERIC = new Set(["int", "money", "decimal"]);

/** Words typed to keep a list as it is (folded), besides its button's label. */
const KEEP_WORDS = new Set(["giu", "giu nguyen", "nhu cu", "giu nhu cu"]);

/** Words typed to send a preview (folded), besides its button's label. */
const SEND_WORDS = new Set(["gui bao cao", "gui"]);

/** The most items a list keeps (the form's check refuses more). */
const MAX_LIST_ITEMS = 30;

export function flowData(ctx: BotContext): ReportFlowData | null {
  const flow = ctx.state.flow;
  if (!flow || flow.name !== REPORT_FLOW) return null;
  const data = flow.data as unknown as ReportFlowData;
  return isFormId(data.form) && typeof data.orgId === "number" ? data : null;
}

function save(ctx: BotContext, data: ReportFlowData): void {
  ctx.setFlow(REPORT_FLOW, data.mode, data as unknown as Record<string, unknown>);
}

/**
 * The screen a report's buttons were shown on, as their last segment: `<draft>.<stamp>.<form>.<period>`.
 * The stamp is a digest of what the screen depends on (the step, its question, the values), so a press
 * is applied only while the draft is still the one shown, in the state it was shown in ("Gửi báo cáo" under
 * a preview sends that preview or nothing); the form (its index) and the period only name an old screen
 * in the refusal. 23 characters at most: within a payload segment and Telegram's 64 bytes.
 */
const TOKEN = /^([0-9a-f]{6})\.([0-9a-f]{6})\.(\d)\.(\d{4}(?:-\d{2}|-Q[1-4])?)$/;

interface ScreenToken {
  draft: string;
  stamp: string;
  form: FormId | undefined;
  period: string;
}

function readToken(raw: string | undefined): ScreenToken | undefined {
  const m = raw === undefined ? null : TOKEN.exec(raw);
  if (!m) return undefined;
  return { draft: m[1]!, stamp: m[2]!, form: FORM_IDS[Number(m[3])], period: m[4]! };
}

/** A value a correction cleared (null) is stored as left out: the stamp reads both alike, so a saved preview can be told by what was stored. */
function stampOf(data: Pick<ReportFlowData, "mode" | "field" | "values">): string {
  const values = Object.fromEntries(Object.entries(data.values).filter(([, v]) => v !== null));
  return screenStamp(data.mode, data.field ?? null, values);
}

/** Fields the report's store or its sending works out (the cell's share of the dues, the rating's level): not on the preview. */
const WORKED_OUT_ON_SENDING = ["retained_vnd", "cell_self_level"];

/**
 * The stored report a preview's press names when that very preview was sent (a double tap, an update
 * delivered twice): the report of the token's form and period, in a cell the sender leads, whose stored
 * values are the ones the preview showed. Undefined otherwise.
 */
async function sentFromScreen(ctx: BotContext, token: ScreenToken): Promise<{ sentAt: Date } | undefined> {
  if (!token.form) return undefined;
  for (const orgId of reportingCells(ctx)) {
    const stored = await reportOnFile(ctx.db, ctx.requireActor(), orgId, token.form, token.period);
    if (!stored || stored.status === "draft") continue;
    const shown = [stored.data, ...WORKED_OUT_ON_SENDING.filter((k) => stored.data[k] !== undefined).map((k) => Object.fromEntries(Object.entries(stored.data).filter(([key]) => key !== k)))];
    if (shown.some((values) => stampOf({ mode: "confirm", values }) === token.stamp)) return stored;
  }
  return undefined;
}

function newDraftId(): string {
  return randomBytes(3).toString("hex");
}

/** A button of the draft's current screen: `rp:<verb>[:<arg>]:<token>`. */
function rp(data: ReportFlowData, ...parts: string[]): string {
  data.draft ??= newDraftId();
  return `rp:${[...parts, `${data.draft}.${stampOf(data)}.${FORM_IDS.indexOf(data.form)}.${data.period}`].join(":")}`;
}

function fieldOf(data: ReportFlowData, key: string): FieldDefinition | undefined {
  if (key.startsWith(CRIT)) {
    const criterion = data.criteria?.criteria?.find((c) => c.code === key.slice(CRIT.length));
    return criterion ? { key, type: "decimal", required: true, guided: true, min: 0, max: criterion.max } : undefined;
  }
  return currentForm(data.form).fields.find((f) => f.key === key);
}

/** `tháng 11/2025`, `quý 4/2025`, `năm 2025`. */
export function periodLabel(ctx: BotContext, period: string): string {
  const p = periodParts(period);
  // Years as text: Fluent would group digits ("2.025").
  return ctx.t(`period-${p.kind}`, { index: p.index, year: String(p.year) });
}

export interface StartOptions {
  values?: FieldValues;
  period?: string;
  source: ReportSource;
  before?: FieldValues;
  /** "không thay đổi so với quý trước": fields the message did not state take last period's values. */
  keepPrevious?: boolean;
  /** The cell's name when the caller read it already (a quick report reads its led cells' names); read otherwise. */
  cellName?: string;
  /** The cell's meeting rule in force today when the caller read it already (null: none); read otherwise. */
  ruleToday?: MeetingRule | null;
  /**
   * Values the parser assumed rather than read (a meeting's kind the message does not name): they fill
   * only what neither the cell's plan for the period nor the report on file gives.
   */
  assumed?: FieldValues;
}

/**
 * Open a report: guided (every guided field, with suggestions) or from a quick report / correction
 * (only the missing fields are asked), then a summary to confirm.
 */
export async function startReport(ctx: BotContext, orgId: number, form: FormId, options: StartOptions): Promise<void> {
  const definition = currentForm(form);
  // A closed cell's roll and names are read as on its last day (its members have moved on since).
  const rollDay = await dayInForce(ctx.db, orgId, ctx.today);
  const cell = new CellReads(ctx.db, orgId, rollDay, options.ruleToday);
  const scheduled = definition.periodKind === "month" ? await scheduledDate(cell, ctx.today.slice(0, 7)) : undefined;
  const period = options.period ?? defaultPeriod(definition.periodKind, ctx.today, scheduled);
  // A period before a merge or rename belongs to the old cells (docs/org-changes.md): sent on their record.
  const answering = await unitsAnsweringFor(ctx.db, orgId, period);
  if (answering.length > 1) return holdQuickReport(ctx, answering, { form, values: options.values ?? {}, period, ...(options.keepPrevious ? { keepPrevious: true } : {}), ...(options.assumed ? { assumed: options.assumed } : {}) });
  if (answering[0] !== orgId) {
    const { cellName: _led, ruleToday: _rule, ...rest } = options;
    return startReport(ctx, answering[0]!, form, { ...rest, period });
  }
  // A correction names the report it changes; a new report looks for the one the period already has.
  const onFile = options.source === "correction" ? undefined : await reportOnFile(ctx.db, ctx.requireActor(), orgId, form, period);
  if (onFile?.status === "accepted") {
    // Said before the questions or the preview: a month the office accepted cannot be sent again.
    const org = await orgById(ctx.db, orgId);
    ctx.clearFlow();
    ctx.reply("report-period-locked", { form: ctx.t(`form-${form}`), cell: org?.name ?? "", period: periodLabel(ctx, period) });
    return;
  }
  // A period already sent: the new report updates it. A quick report changes only what it states; the
  // guided form asks every question again with the stored answers as the suggestions. Nothing else is lost.
  const updating = onFile && onFile.status !== "draft" ? onFile : undefined;
  // A correction's preview says, as an update's does, that sending changes the report on file.
  const corrected = options.source === "correction" ? await reportOnFile(ctx.db, ctx.requireActor(), orgId, form, period) : undefined;
  const sent = updating ?? (corrected && corrected.status !== "draft" ? corrected : undefined);
  const before = updating?.data ?? options.before;
  const defaults = await reportDefaults(cell, definition, period);
  // The people a typed report names, as the cell's roll writes them ("Dong" → Hoàng Văn Đông); a correction's untouched lists stay.
  const typed = options.values && options.source !== "guided" ? await reportNamesOnRoll(ctx.db, orgId, rollDay, definition, options.values, options.before) : undefined;
  const values = updating
    ? options.source === "guided"
      ? { ...updating.data }
      : updateOver(form, updating.data, typed?.values ?? {})
    : { ...(typed?.values ?? options.values ?? {}) };
  // A cell that follows its candidates in /phattrien: the quarter's admissions are counted, not typed.
  const computed = form === "admissions" && options.source === "guided" ? (await pipelineAdmissions(ctx.db, [orgId], period)).get(orgId) : undefined;
  // The annual rating: the organization's criteria table, scored criterion by criterion when guided.
  const criteria = form === "annual-rating" ? await ratingTableFor(ctx.db, orgId, Number(period.slice(0, 4))) : undefined;
  if (criteria?.criteria) values.criteria_table = criteria.id;
  let queue: string[];
  if (computed) {
    Object.assign(values, computed);
    queue = [];
    ctx.reply("report-from-pipeline");
  } else if (options.source === "guided" && criteria?.criteria) {
    queue = [...criteria.criteria.map((c) => `${CRIT}${c.code}`), ...definition.fields.filter((f) => f.guided && !DERIVED_BY_CRITERIA.has(f.key)).map((f) => f.key)];
  } else if (options.source === "guided") {
    queue = definition.fields.filter((f) => f.guided).map((f) => f.key);
  } else {
    // Fill what a person would not repeat (the scheduled place), then ask only what is missing. A
    // correction changes only what was typed: a field the stored report lacked stays out of it.
    if (options.source !== "correction") {
      for (const f of definition.fields) if (f.default === "scheduled_place" && values[f.key] === undefined && defaults[f.key] !== undefined) values[f.key] = defaults[f.key];
      // A kind the message did not name: the one the cell's rule plans ("chuyên đề tháng cuối quý": combined in December), else the parser's.
      for (const [key, value] of Object.entries(options.assumed ?? {})) if (values[key] === undefined) values[key] = defaults[key] ?? value;
      if (options.keepPrevious) for (const f of definition.fields) if (f.default === "previous" && values[f.key] === undefined && defaults[f.key] !== undefined) values[f.key] = defaults[f.key];
    }
    queue = validateSubmission(definition, values, { today: ctx.today, ...(criteria ? { criteria } : {}) }).missing;
  }
  // A correction or a quick update of the dues' amount: the cell's share typed for the old one is asked again, first.
  const shareAgain = options.source !== "guided" && before !== undefined && shareToAsk(form, before, values);
  if (shareAgain) queue = shareFirst(queue);
  const cellName = options.cellName ?? (await orgById(ctx.db, orgId))?.name;
  const roll = form === "monthly-meeting" ? await cellRoll(cell) : undefined;
  const scheduledDay = form === "monthly-meeting" && options.source !== "correction" ? await scheduledMeetingDay(cell, period) : undefined;
  const priorTasks: PriorTask[] =
    form === "monthly-meeting" && options.source !== "correction"
      ? (await previousMonthTasks(ctx.db, orgId, period)).map((t) => ({ task: t.task, owner: t.owner, dueOn: t.dueOn, status: t.status, note: t.note }))
      : [];
  const data: ReportFlowData = {
    form, orgId, period, values, defaults, queue, history: [], mode: "ask", source: options.source, draft: newDraftId(),
    ...(before ? { before } : {}),
    ...(sent ? { onFile: { sentAt: sent.sentAt.toISOString(), sentBy: sent.sentBy } } : {}),
    // A correction is built on the version on file too: confirming it refuses if that changed since.
    ...(options.source !== "correction" ? { baseRevision: onFile?.revision ?? 0 } : corrected ? { baseRevision: corrected.revision } : {}),
    ...(cellName !== undefined ? { cellName } : {}),
    ...(roll ? { roll } : {}),
    ...(scheduledDay ? { scheduled: scheduledDay } : {}),
    ...(priorTasks.length > 0 ? { priorTasks } : {}),
    ...(criteria ? { criteria } : {}),
    ...(typed && typed.asTyped.length > 0 ? { asTyped: typed.asTyped } : {}),
  };
  // A year scored on an earlier year's table (the province has not imported its own) says so.
  const fallback = () => {
    if (criteria && criteria.year < Number(period.slice(0, 4))) ctx.reply("report-criteria-fallback", { used: String(criteria.year), year: period.slice(0, 4) });
  };
  if (options.source === "guided" && !computed) {
    ctx.reply("report-start", { form: ctx.t(`form-${form}`), cell: cellName ?? "", period: periodLabel(ctx, period) });
    if (data.onFile) ctx.replies.push({ text: [onFileLines(ctx, data)[0]!, ctx.t("report-update-guided-start")].join("\n") });
    fallback();
  } else {
    fallback();
    if (queue.length > 0) {
      // Show what was read before asking for the rest; with nothing missing the summary comes next anyway.
      // A date that is not the scheduled meeting's is said at once, before the questions about that meeting.
      const offSchedule = validateSubmission(definition, values, checkContext(ctx, data)).warnings.filter((w) => w.code === "date_not_scheduled");
      ctx.replies.push({ title: ctx.t("report-understood-title"), text: [...onFileLines(ctx, data), summaryText(ctx, data), ...checkLines(ctx, offSchedule)].join("\n") });
      if (shareAgain) shareNote(ctx, before!, values);
      ctx.reply("report-ask-missing", { count: queue.length });
    }
  }
  await next(ctx, data);
}

async function next(ctx: BotContext, data: ReportFlowData): Promise<void> {
  while (data.queue.length > 0) {
    const key = data.queue.shift() as string;
    // A guided question whose answer the thematic choice made pointless is skipped.
    if (key === "thematic_topic" && data.values.kind === "regular") continue;
    const field = fieldOf(data, key);
    if (!field) continue;
    data.mode = "ask";
    data.field = key;
    save(ctx, data);
    ask(ctx, data, field);
    return;
  }
  return confirm(ctx, data);
}

/**
 * Whether last period's values were found for the form's "previous" fields. A field with a fallback
 * (the roll's member count) has a suggestion even in a first quarter, so it does not tell.
 */
function hasPreviousValues(data: ReportFlowData): boolean {
  return currentForm(data.form).fields.some((f) => f.default === "previous" && !f.fallback && data.defaults[f.key] !== undefined);
}

function ask(ctx: BotContext, data: ReportFlowData, field: FieldDefinition): void {
  if (LIST_TYPES.has(field.type) && listOf(data, field.key).length > 0) return askList(ctx, data, field);
  const choices: Choice[] = [];
  if (data.source === "guided" && data.history.length === 0 && !data.onFile && hasPreviousValues(data)) {
    choices.push({ label: ctx.t("report-keep-all"), action: rp(data, "keepall") });
  }
  const suggestion = currentValue(data, field.key);
  if (suggestion !== undefined && field.type !== "bool") {
    choices.push({ label: ctx.t("report-keep", { value: displayValue(field, suggestion, (id) => ctx.t(id)) }), action: rp(data, "def") });
  }
  if (field.type === "bool") {
    choices.push({ label: ctx.t("yes"), action: rp(data, "yes") }, { label: ctx.t("no"), action: rp(data, "no") });
  }
  if (field.type === "enum") {
    for (const option of field.options ?? []) {
      choices.push({ label: displayValue(field, option, (id) => ctx.t(id)), action: rp(data, "opt", option) });
    }
  }
  if (field.key === "thematic_topic" && data.values.kind !== "regular") {
    // A thematic or combined meeting needs its topic (skipping it asks again): the way out is a meeting that was only the regular one.
    choices.push({ label: ctx.t("report-topic-none"), action: rp(data, "regular") });
  } else if (!field.required) choices.push({ label: ctx.t("report-skip"), action: rp(data, "skip") });
  if (data.history.length > 0) choices.push({ label: ctx.t("report-back"), action: rp(data, "back") });
  choices.push({ label: ctx.t("report-cancel"), action: rp(data, "cancel") });
  const numeric = NUMERIC.has(field.type);
  const hint = numeric && choices.length > 0 ? `\n${ctx.t("report-numeric-hint")}` : "";
  ctx.replies.push({ text: `${question(ctx, data, field)}${hint}`, choices, ...(numeric ? { numericAnswer: true } : {}) });
}

/** A list field's items on file in the draft (none: an empty list, cleared or never given). */
function listOf(data: ReportFlowData, key: string): unknown[] {
  const value = currentValue(data, key);
  return Array.isArray(value) ? value : [];
}

/**
 * A list the draft holds (absentees, the resolution), asked again: shown numbered as it reads back, to be
 * typed again whole in one message (copied and changed on a phone); kept as it is, or emptied, by a button.
 */
function askList(ctx: BotContext, data: ReportFlowData, field: FieldDefinition): void {
  const items = listOf(data, field.key).map((item, i) => `${i + 1}. ${listItemText(ctx, field, item)}`);
  const text = [ctx.t("report-list-current", { field: ctx.t(`field-${field.key}`) }), ...items, "", ctx.t(`report-q-${field.key}`), ctx.t(`report-list-retype-${field.key}`)].join("\n");
  const choices: Choice[] = [
    { label: ctx.t("report-list-keep"), action: rp(data, "def") },
    { label: ctx.t(`report-list-none-${field.key}`), action: rp(data, "none") },
    ...(data.history.length > 0 ? [{ label: ctx.t("report-back"), action: rp(data, "back") }] : []),
    { label: ctx.t("report-cancel"), action: rp(data, "cancel") },
  ];
  ctx.replies.push({ text, choices });
}

/**
 * A list typed again: "không ai vắng", "không có" empties it; else every line must read as an item (an
 * absentee's name, a task), or nothing changes and the question comes again saying what was not read.
 */
async function listTyped(ctx: BotContext, data: ReportFlowData, field: FieldDefinition, text: string): Promise<void> {
  if (saysNone(text)) return setList(ctx, data, field, []);
  // "giữ", as every other question's "Giữ: …" is answered: the list on file stays (never read as a task "giữ").
  const kept = currentValue(data, field.key);
  if (Array.isArray(kept) && KEEP_WORDS.has(fold(text).replace(/[.!]+$/, "").trim())) return accept(ctx, data, field, kept);
  const read = field.type === "absentees" ? readAbsenteeText(text, ctx.now) : readResolutionList(text, ctx.now);
  if (read.items.length === 0 || read.unread.length > 0) {
    // (Only names can go unread: any line reads as a task.)
    const problem = read.unread.length > 0 ? ctx.t("report-list-unread", { items: read.unread.join("; ") }) : ctx.t(field.type === "absentees" ? "report-list-empty-absentees" : "report-answer-no_items");
    ctx.replies.push({ text: `${problem}\n${ctx.t("report-answer-way-out")}` });
    ask(ctx, data, field);
    return;
  }
  return setList(ctx, data, field, read.items as unknown as FieldValues[]);
}

/**
 * The draft's list replaced (empty: emptied; shown "—" beside the report on file's, as a cleared field is),
 * its names written as the cell's roll writes them (as a typed report's are); absence counts that were
 * the list's own follow it. Then the preview again.
 */
async function setList(ctx: BotContext, data: ReportFlowData, field: FieldDefinition, items: FieldValues[]): Promise<void> {
  const definition = currentForm(data.form);
  const patch: FieldValues = { [field.key]: items.slice(0, MAX_LIST_ITEMS) };
  if (field.type === "absentees") Object.assign(patch, countsFollowingList(data.values, items));
  const typed = await reportNamesOnRoll(ctx.db, data.orgId, ctx.today, definition, patch);
  const values: FieldValues = { ...data.values, ...typed.values };
  if (items.length === 0) {
    // Emptied: cleared where the report on file has a list (the preview marks it), else simply left out.
    const onFile = data.before?.[field.key];
    if (Array.isArray(onFile) && onFile.length > 0) values[field.key] = null;
    else delete values[field.key];
  }
  const problem = validateSubmission(definition, values, checkContext(ctx, data)).errors.find((e) => e.field === field.key);
  if (problem) {
    askAgain(ctx, data, field, problem);
    return;
  }
  data.values = values;
  const held = namesIn(definition, values);
  const asTyped = [...(data.asTyped ?? []), ...typed.asTyped].filter((name, i, all) => all.indexOf(name) === i && held.includes(name));
  if (asTyped.length > 0) data.asTyped = asTyped;
  else delete data.asTyped;
  data.history.push(field.key);
  return next(ctx, data);
}

/** A list's item as the question shows it, in words the report's parsers read back ("Trần Thị Bình (đi xa, không lý do)"). */
function listItemText(ctx: BotContext, field: FieldDefinition, item: unknown): string {
  const x = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof x[k] === "string" && (x[k] as string).trim() ? (x[k] as string).trim() : undefined);
  if (field.type === "absentees") {
    const reason = text("reason");
    const kind = x.exempt === true ? "exempt" : x.excused === true ? "excused" : x.excused === false ? "unexcused" : undefined;
    // "miễn sinh hoạt" said once when the reason says it.
    const said = kind && !(kind === "exempt" && reason && fold(reason).includes("mien")) ? ctx.t(`report-list-${kind}`) : undefined;
    const note = [reason, said].filter(Boolean).join(", ");
    return note ? `${text("name") ?? ""} (${note})` : (text("name") ?? "");
  }
  const owner = text("owner");
  const due = text("due");
  return [
    text("task") ?? "",
    owner ? (isFunctionName(owner) ? owner : ctx.t("report-list-owner", { name: owner })) : undefined,
    due ? ctx.t("report-list-due", { date: formatDateVi(due) }) : undefined,
  ]
    .filter(Boolean)
    .join(" - ");
}

/** The question for a field; a criterion's names it, its maximum and the running total so far. */
function question(ctx: BotContext, data: ReportFlowData, field: FieldDefinition): string {
  const code = field.key.startsWith(CRIT) ? field.key.slice(CRIT.length) : undefined;
  const criterion = code === undefined ? undefined : data.criteria?.criteria?.find((c) => c.code === code);
  if (!criterion) return ctx.t(`report-q-${field.key}`);
  const points = (n: number) => String(n).replace(".", ",");
  return [
    ctx.t("rating-q-criterion", { code: criterion.code, group: ctx.t(`rating-group-${criterion.group}`), name: criterion.name, max: points(criterion.max) }),
    ctx.t("rating-running-total", { total: points(scoredSoFar(scoresOf(data))), max: points(roundPoints(data.criteria!.generalMax + data.criteria!.tasksMax)) }),
  ].join("\n");
}

/** The values as lines `Label: value`, with a correction's old value shown. */
export function summaryText(ctx: BotContext, data: Pick<ReportFlowData, "form" | "values" | "period" | "before" | "cellName" | "priorTasks" | "criteria">): string {
  const definition = currentForm(data.form);
  const head = { form: ctx.t(`form-${data.form}`), period: periodLabel(ctx, data.period) };
  // Last month's resolution comes first: what was decided, and whether it was done.
  // (only a monthly report carries them: other forms' periods are quarters or years)
  const priorTasks = data.priorTasks ?? [];
  const prior = priorTasks.length > 0 ? previousTaskBlock(ctx, periodLabel(ctx, addMonths(data.period, -1)), priorTasks) : [];
  const lines = [...(prior.length > 0 ? [...prior, ctx.t("task-prev-hint"), ""] : []), data.cellName ? ctx.t("report-summary-head-cell", { ...head, cell: data.cellName }) : ctx.t("report-summary-head", head)];
  const t = (id: string) => ctx.t(id);
  for (const field of definition.fields) {
    const value = data.values[field.key];
    if (value === undefined || field.key === "criteria_table") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const shown = displayValue(field, value, t);
    const old = data.before?.[field.key];
    const changed = data.before && !sameValue(old, value);
    lines.push(`• ${ctx.t(`field-${field.key}`)}: ${shown}${changed ? ` ${ctx.t("report-was", { value: displayValue(field, old, t) })}` : ""}`);
  }
  const rating = ratingLine(ctx, data.form, data.values, data.criteria);
  if (rating) lines.push(rating);
  // What the cell keeps, apart from what it remits (worked out when only the two amounts were given),
  // beside the share on file when a change of the amounts worked it out again.
  if (data.form === "party-dues" && data.values.retained_vnd === undefined) {
    const retained = duesRetained(data.values);
    const old = data.before?.retained_vnd;
    const was = typeof old === "number" && old !== retained ? ` ${ctx.t("report-was", { value: vnd(old) })}` : "";
    if (retained !== undefined) lines.push(`• ${ctx.t("field-retained_vnd")}: ${vnd(retained)}${was}`);
  }
  return lines.join("\n");
}

/** Whether a change left out the cell's share of the dues and nothing works it out again (see duesShareToAsk). */
function shareToAsk(form: FormId, prior: FieldValues, values: FieldValues): boolean {
  return form === "party-dues" && duesShareToAsk(prior, values);
}

/** The questions left, the cell's share of the dues first. */
function shareFirst(queue: readonly string[]): string[] {
  return ["retained_vnd", ...queue.filter((k) => k !== "retained_vnd")];
}

/** Why the cell's share is asked again: the amount it was kept from changed ("từ 300.000 đ thành 330.000 đ"). */
function shareNote(ctx: BotContext, prior: FieldValues, values: FieldValues): void {
  const share = vnd(prior.retained_vnd as number);
  const from = prior.amount_vnd;
  const to = values.amount_vnd;
  if (typeof from === "number" && typeof to === "number" && from !== to) ctx.reply("report-dues-share-again", { from: vnd(from), to: vnd(to), share });
  else ctx.reply("report-dues-share-again-other", { share });
}

/**
 * After a change to the draft's values: when it left out the cell's share of the dues typed for the old
 * amount, the share is asked next, said why (never stored stale, never dropped unsaid).
 */
function askShareAgain(ctx: BotContext, data: ReportFlowData, prior: FieldValues): void {
  if (!shareToAsk(data.form, prior, data.values)) return;
  shareNote(ctx, prior, data.values);
  data.queue = shareFirst(data.queue);
}

/** The annual rating's total score and the level it earns, once both scores are known. */
function ratingLine(ctx: BotContext, form: string, values: Record<string, unknown>, table: CriteriaTable = QD366_COLLECTIVE): string | undefined {
  const general = values.general_score;
  const tasks = values.task_score;
  if (form !== "annual-rating" || typeof general !== "number" || typeof tasks !== "number") return undefined;
  const total = roundPoints(general + tasks);
  const level = levelFor(table, total, { tasksExceeded30pct: values.tasks_exceeded_30pct === true, disciplinedSubunit: values.disciplined_subunit === true });
  return `• ${ctx.t("report-rating-total", { total: String(total).replace(".", ","), max: String(roundPoints(table.generalMax + table.tasksMax)), level: ctx.t(`rating-level-${level}`) })}`;
}

function checkLines(ctx: BotContext, checks: { code: string; field?: string; args?: Record<string, string | number> }[]): string[] {
  return checks.map((c) => `⚠ ${ctx.t(`report-check-${c.code}`, { ...levelsInFull(ctx, c.args ?? {}), field: c.field ? ctx.t(`field-${c.field}`) : "" })}`);
}

/** Rating levels in a check's arguments, written in full (never "HTT" to a user). */
function levelsInFull(ctx: BotContext, args: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, isRatingLevel(v) ? ctx.t(`rating-level-${v}`) : v]));
}

async function confirm(ctx: BotContext, data: ReportFlowData): Promise<void> {
  const definition = currentForm(data.form);
  const validation = validateSubmission(definition, data.values, checkContext(ctx, data));
  if (validation.missing.length > 0 && validation.errors.length === 0) {
    data.queue = validation.missing;
    return next(ctx, data);
  }
  data.mode = "confirm";
  delete data.field;
  save(ctx, data);
  const lines = [...onFileLines(ctx, data), summaryText(ctx, data)];
  if (data.asTyped && data.asTyped.length > 0) lines.push("", ctx.t("report-names-as-typed", { names: data.asTyped.join(", ") }));
  // A quick report's preview says what was read, whether it can be sent or not.
  const title = data.source === "quick" ? ctx.t("report-understood-title") : undefined;
  if (validation.errors.length > 0) {
    lines.push("", ctx.t("report-has-errors"), ...checkLines(ctx, validation.errors));
    ctx.ask(
      lines.join("\n"),
      [
        { label: ctx.t("report-edit"), action: rp(data, "edit") },
        { label: ctx.t("report-cancel"), action: rp(data, "cancel") },
      ],
      title,
    );
    return;
  }
  if (validation.warnings.length > 0) lines.push("", ctx.t("report-has-warnings"), ...checkLines(ctx, validation.warnings));
  lines.push("", ctx.t(data.onFile ? "report-update-question" : "report-confirm-question"));
  // "Còn 1 đồng chí chưa đóng": who, chosen from the cell's roll.
  const unnamed = unpaidLeft(data);
  ctx.ask(
    lines.join("\n"),
    [
      // A report on file is updated, not sent anew: the button says what the question above it asks.
      { label: ctx.t(data.onFile ? "report-update-send" : "report-send"), action: rp(data, "ok") },
      ...(unnamed > 0 ? [{ label: ctx.t("report-unpaid-record", { count: unnamed }), action: rp(data, "unpaid") }] : []),
      { label: ctx.t("report-edit"), action: rp(data, "edit") },
      { label: ctx.t("report-cancel"), action: rp(data, "cancel") },
    ],
    title,
  );
}

/**
 * A correction typed while the preview is open ("nhầm, có mặt 5 thôi"): the draft takes the typed values
 * (the names in them written as the cell's roll writes them, as in a first report) and its preview comes
 * again, each changed value marked with the one it replaces — the report on file's for an update or a
 * correction, else the one the last preview showed. The note on names left as typed is worked out again
 * for the names the draft now holds.
 */
export async function correctDraft(ctx: BotContext, data: ReportFlowData, patch: FieldValues): Promise<void> {
  const definition = currentForm(data.form);
  const typed = await reportNamesOnRoll(ctx.db, data.orgId, ctx.today, definition, patch);
  const shown = { ...data.values };
  data.values = correctionOver(data.form, data.values, typed.values);
  if (data.source === "correction" || data.onFile) data.before ??= shown;
  else data.before = shown;
  const held = namesIn(definition, data.values);
  const asTyped = [...(data.asTyped ?? []), ...typed.asTyped].filter((name, i, all) => all.indexOf(name) === i && held.includes(name));
  if (asTyped.length > 0) data.asTyped = asTyped;
  else delete data.asTyped;
  askShareAgain(ctx, data, shown);
  return next(ctx, data);
}

/** The report on file that this one updates: when it was sent, by whom, and what sending does. */
function onFileArgs(ctx: BotContext, data: ReportFlowData): Record<string, string> {
  const sent = dayjs(data.onFile!.sentAt).tz(ctx.tz);
  return {
    form: ctx.t(`form-${data.form}`),
    period: periodLabel(ctx, data.period),
    date: formatDateVi(sent.format("YYYY-MM-DD")),
    time: sent.format("HH:mm"),
    by: data.onFile!.sentBy ?? "",
  };
}

/** The lines that open the preview of a report updating the one on file (none for a first report). */
function onFileLines(ctx: BotContext, data: ReportFlowData): string[] {
  if (!data.onFile) return [];
  const args = onFileArgs(ctx, data);
  return [ctx.t(args.by ? "report-on-file-by" : "report-on-file", args), ctx.t(data.source === "guided" ? "report-update-guided-effect" : "report-update-effect"), ""];
}

/** "Sửa mục nào?": the fields the secretary may change, one button each. */
function askEdit(ctx: BotContext, data: ReportFlowData): void {
  data.mode = "edit";
  save(ctx, data);
  const definition = currentForm(data.form);
  const byCriteria = data.criteria?.criteria && data.values.criteria_scores !== undefined;
  ctx.ask(ctx.t("report-edit-which"), [
    ...(byCriteria ? data.criteria!.criteria!.map((c) => ({ label: `${fieldLabel(ctx, `${CRIT}${c.code}`)} (${scoresOf(data)[c.code] ?? "—"}/${c.max})`, action: rp(data, "f", `${CRIT}${c.code}`) })) : []),
    ...definition.fields
      // A list may be given where the report had none (an absentee forgotten).
      .filter((f) => f.guided || data.values[f.key] !== undefined || LIST_TYPES.has(f.type))
      .filter(offeredForEdit)
      .filter((f) => !byCriteria || !DERIVED_BY_CRITERIA.has(f.key))
      .map((f) => ({ label: ctx.t(`field-${f.key}`), action: rp(data, "f", f.key) })),
    // A way back and a way out, as every question has ("huy" typed names this one).
    { label: ctx.t("report-edit-back"), action: rp(data, "view") },
    { label: ctx.t("report-cancel"), action: rp(data, "cancel") },
  ]);
}

/**
 * A button of another draft, or of this draft's screen since replaced (a field changed, another
 * question asked), or of a report already sent or cancelled: nothing is applied. The reply names the
 * screen pressed and what is open now, shown again with buttons that work; the pressed ones go.
 */
async function staleScreen(ctx: BotContext, data: ReportFlowData | null, token: ScreenToken | undefined, verb: string | undefined): Promise<void> {
  ctx.pressExpired = true;
  const screen = verb !== undefined && PREVIEW_VERBS.has(verb) ? "preview" : "question";
  const named = token?.form ? { form: ctx.t(`form-${token.form}`), period: periodLabel(ctx, token.period) } : undefined;
  const pressed = named ? ctx.t("report-stale-named", { screen, ...named }) : ctx.t("report-stale-unnamed", { screen });
  // The preview of a report just sent, pressed again: it is said to be saved, never to be sent again.
  const sent = screen === "preview" && token && token.draft !== data?.draft ? await sentFromScreen(ctx, token) : undefined;
  if (sent && named) {
    const at = dayjs(sent.sentAt).tz(ctx.tz);
    ctx.reply("report-stale-sent", { ...named, time: at.format("HH:mm"), date: formatDateVi(at.format("YYYY-MM-DD")) });
    return data ? showAgain(ctx, data) : undefined;
  }
  if (!data) {
    ctx.reply("report-stale-none", { pressed });
    return;
  }
  const open = { form: ctx.t(`form-${data.form}`), period: periodLabel(ctx, data.period) };
  const same = token !== undefined && token.draft === data.draft;
  ctx.reply(same ? "report-stale-changed" : "report-stale-other", { pressed, ...open });
  return showAgain(ctx, data);
}

/** The open report's current screen, again (its buttons carry a fresh token). */
async function showAgain(ctx: BotContext, data: ReportFlowData): Promise<void> {
  data.draft ??= newDraftId();
  save(ctx, data);
  const field = data.field ? fieldOf(data, data.field) : undefined;
  switch (data.mode) {
    case "ask":
      if (field) return ask(ctx, data, field);
      return confirm(ctx, data);
    case "edit":
      return askEdit(ctx, data);
    case "unpaid":
      return askUnpaid(ctx, data);
    case "confirm":
      return confirm(ctx, data);
  }
}

/**
 * After a command or a question answered in the middle of the guided questions: the form is kept, and
 * its open question comes again, last, with the way out (the preview, whose buttons stay valid, is left as it is).
 */
export async function resumeReport(ctx: BotContext): Promise<void> {
  const data = flowData(ctx);
  const field = data?.mode === "ask" && data.field ? fieldOf(data, data.field) : undefined;
  if (!data || !field) return;
  ctx.reply("report-resume-ask", { form: ctx.t(`form-${data.form}`), period: periodLabel(ctx, data.period) });
  ask(ctx, data, field);
}

/** Members said not to have paid and not named yet (dues only). */
function unpaidLeft(data: ReportFlowData): number {
  if (data.form !== "party-dues") return 0;
  const named = Array.isArray(data.values.unpaid_names) ? data.values.unpaid_names.length : 0;
  return Math.max(0, duesUnpaidCount(data.values) - named);
}

/** The cell's members not named yet, as choices; "done" goes back to the summary. */
async function askUnpaid(ctx: BotContext, data: ReportFlowData): Promise<void> {
  data.mode = "unpaid";
  delete data.field;
  save(ctx, data);
  const named = new Set(Array.isArray(data.values.unpaid_names) ? (data.values.unpaid_names as string[]) : []);
  const roll = (await cellMemberNames(ctx.db, data.orgId, ctx.today)).filter((m) => !named.has(m.name));
  ctx.ask(ctx.t("report-unpaid-pick", { count: unpaidLeft(data) }), [
    ...roll.map((m) => ({ label: m.name, action: rp(data, "unp", String(m.id)) })),
    { label: ctx.t("report-unpaid-done"), action: rp(data, "unpdone") },
  ]);
}

/** Adds members to `unpaid_names`; back to the summary once as many are named as have not paid. */
async function nameUnpaid(ctx: BotContext, data: ReportFlowData, names: string[]): Promise<void> {
  const list = Array.isArray(data.values.unpaid_names) ? [...(data.values.unpaid_names as string[])] : [];
  for (const n of names) if (!list.includes(n)) list.push(n);
  data.values.unpaid_names = list;
  if (unpaidLeft(data) > 0) return askUnpaid(ctx, data);
  return confirm(ctx, data);
}

/** Names typed while choosing who has not paid: each must match one member of the roll. */
async function unpaidTyped(ctx: BotContext, data: ReportFlowData, text: string): Promise<void> {
  const roll = await cellMemberNames(ctx.db, data.orgId, ctx.today);
  const found: string[] = [];
  for (const part of text.split(/\s*[,;\n]\s*/).map((s) => fold(s).replace(/^(?:d\/c|dc|dong chi)\s+/, "").trim()).filter(Boolean)) {
    const hits = roll.filter((m) => fold(m.name) === part || fold(m.name).endsWith(` ${part}`));
    if (hits.length !== 1) {
      ctx.reply("report-unpaid-not-on-roll", { name: part });
      return askUnpaid(ctx, data);
    }
    found.push(hits[0]!.name);
  }
  return nameUnpaid(ctx, data, found);
}

async function submit(ctx: BotContext, data: ReportFlowData): Promise<void> {
  const actor = ctx.requireActor();
  // The cell's share is stored apart from what it remitted, even when only the two amounts were typed.
  if (data.form === "party-dues" && data.values.retained_vnd === undefined) {
    const retained = duesRetained(data.values);
    if (retained !== undefined) data.values = { ...data.values, retained_vnd: retained };
  }
  const shown = data.values;
  let outcome: Awaited<ReturnType<typeof submitReport>>;
  try {
    outcome = await submitReport(
      ctx.db,
      actor,
      {
        orgId: data.orgId,
        form: data.form,
        period: data.period,
        values: data.values,
        source: data.source,
        ...(data.baseRevision !== undefined ? { baseRevision: data.baseRevision } : {}),
        ...(data.onFile ? { update: true } : {}),
      },
      ctx.now,
      ctx.today,
    );
  } catch (error) {
    // Sent or changed by someone else since the preview: nothing written; the preview is stale, not resent.
    if (!(error instanceof ChiboError) || error.code !== "report_changed") throw error;
    // A correction or an update of the report on file: the same change, laid over the report as it is now.
    if (data.before && (data.source === "correction" || data.onFile)) return changeOnNewVersion(ctx, { ...data, values: shown });
    ctx.clearFlow();
    ctx.reply("error-report_changed", { form: ctx.t(`form-${data.form}`), period: periodLabel(ctx, data.period) });
    return;
  }
  if (!outcome.ok) return confirm(ctx, data);
  ctx.clearFlow();
  // An org's name never changes under its id (a renamed unit is a new org): the name read at the start still holds.
  const cell = data.cellName ?? (await orgById(ctx.db, data.orgId))?.name ?? "";
  ctx.reply(outcome.created ? "report-saved" : "report-updated", {
    form: ctx.t(`form-${data.form}`),
    cell,
    period: periodLabel(ctx, data.period),
    // The first version is revision 1: the first change is "lần sửa thứ 1".
    revision: outcome.revision - 1,
  });
}

/**
 * A correction, or an update (a new report, quick or guided, for a period already sent), confirmed after
 * the report it changes changed (the deputy on another account, the office, another device): nothing was
 * saved. Said who changed it and when, each field changed since with its value then ("trước: …"), then
 * the same change laid over the report as it is now, to confirm again. What this change changed is what
 * differs from the version it was opened on (`before`); the fields worked out on sending are worked out
 * again (a cell's share of dues typed for an amount the change replaced is asked again).
 */
async function changeOnNewVersion(ctx: BotContext, data: ReportFlowData): Promise<void> {
  const before = data.before!;
  const current = await reportOnFile(ctx.db, ctx.requireActor(), data.orgId, data.form, data.period);
  if (!current || current.status === "accepted") {
    ctx.clearFlow();
    ctx.reply("error-report_changed", { form: ctx.t(`form-${data.form}`), period: periodLabel(ctx, data.period) });
    return;
  }
  ctx.pressExpired = true;
  const definition = currentForm(data.form);
  const t = (id: string) => ctx.t(id);
  const at = dayjs(current.sentAt).tz(ctx.tz);
  const when = { time: at.format("HH:mm"), date: formatDateVi(at.format("YYYY-MM-DD")) };
  // A correction is "phần sửa", an update "phần cập nhật": the words its preview used.
  const change = data.source === "correction" ? "correction" : "update";
  const lines = [current.sentBy ? ctx.t("report-correction-changed-by", { ...when, by: current.sentBy, change }) : ctx.t("report-correction-changed", { ...when, change })];
  const changed = definition.fields.filter((f) => !sameValue(current.data[f.key], before[f.key]));
  if (changed.length > 0) {
    lines.push(ctx.t("report-changed-fields"));
    for (const f of changed) lines.push(`• ${ctx.t(`field-${f.key}`)}: ${displayValue(f, current.data[f.key], t)} ${ctx.t("report-was", { value: displayValue(f, before[f.key], t) })}`);
  } else lines.push(ctx.t("report-correction-changed-same"));
  lines.push(ctx.t("report-correction-changed-next", { change }));
  ctx.replies.push({ text: lines.join("\n") });
  const worked = (key: string) => WORKED_OUT_ON_SENDING.includes(key) && data.values[key] === undefined;
  const keys = new Set([...Object.keys(data.values), ...Object.keys(before)]);
  const patch: FieldValues = {};
  for (const key of keys) if (!worked(key) && !sameValue(data.values[key], before[key])) patch[key] = data.values[key] ?? null;
  const values = correctionOver(data.form, current.data, patch);
  for (const key of WORKED_OUT_ON_SENDING) if (worked(key)) delete values[key];
  const fresh: ReportFlowData = {
    ...data,
    values,
    before: current.data,
    baseRevision: current.revision,
    ...(current.status !== "draft" ? { onFile: { sentAt: current.sentAt.toISOString(), sentBy: current.sentBy } } : {}),
    // A new draft: no button of the preview pressed can confirm this one.
    draft: newDraftId(),
  };
  const held = namesIn(definition, values);
  const asTyped = (data.asTyped ?? []).filter((name) => held.includes(name));
  if (asTyped.length > 0) fresh.asTyped = asTyped;
  else delete fresh.asTyped;
  askShareAgain(ctx, fresh, current.data);
  return next(ctx, fresh);
}

/** Free text while a report is open: the answer to the current question. */
export async function onFlowText(ctx: BotContext, text: string): Promise<void> {
  const data = flowData(ctx);
  if (!data) return;
  if (data.mode === "unpaid") return unpaidTyped(ctx, data, text);
  // "gửi báo cáo" typed under an update's preview, whose button now says "Cập nhật báo cáo": the words
  // a secretary has always typed to send still send.
  if (data.mode === "confirm" && data.onFile && SEND_WORDS.has(fold(text).replace(/[.!]+$/, "").trim())) return submit(ctx, data);
  if (data.mode !== "ask" || !data.field) {
    ctx.reply("report-use-choices");
    return confirm(ctx, data);
  }
  const field = fieldOf(data, data.field);
  if (!field) return confirm(ctx, data);
  if (LIST_TYPES.has(field.type)) return listTyped(ctx, data, field, text);
  const answer = readAnswer(field, text, ctx.now);
  if (!answer.ok) {
    // Never a loop with no way out: how to stop comes with the question again.
    ctx.replies.push({ text: `${ctx.t(`report-answer-${answer.code}`)}\n${ctx.t("report-answer-way-out")}` });
    ask(ctx, data, field);
    return;
  }
  return accept(ctx, data, field, answer.value);
}

async function accept(ctx: BotContext, data: ReportFlowData, field: FieldDefinition, value: unknown): Promise<void> {
  if (field.key.startsWith(CRIT)) return acceptCriterion(ctx, data, field, value);
  const definition = currentForm(data.form);
  // Another amount of dues: the cell's share of the old one does not stay (see duesChange).
  const trial = data.form === "party-dues" ? duesChange(data.values, { [field.key]: value }) : { ...data.values, [field.key]: value };
  // Check this one field now, so a bad value is asked again at once rather than at the end.
  const problem = validateSubmission(definition, trial, checkContext(ctx, data)).errors.find((e) => e.field === field.key);
  if (problem) {
    askAgain(ctx, data, field, problem);
    return;
  }
  const prior = data.values;
  data.values = trial;
  data.history.push(field.key);
  askShareAgain(ctx, data, prior);
  return next(ctx, data);
}

/** A criterion's score: within its maximum; once every criterion has one, the two totals are their sums. */
async function acceptCriterion(ctx: BotContext, data: ReportFlowData, field: FieldDefinition, value: unknown): Promise<void> {
  const problem = checkField(field, value, checkContext(ctx, data));
  if (problem) {
    askAgain(ctx, data, field, problem);
    return;
  }
  const scores = { ...scoresOf(data), [field.key.slice(CRIT.length)]: value as number };
  data.values.criteria_scores = scores;
  const criteria = data.criteria?.criteria ?? [];
  if (criteria.every((c) => scores[c.code] !== undefined)) {
    const sum = (group: "general" | "tasks") => roundPoints(criteria.filter((c) => c.group === group).reduce((s, c) => s + scores[c.code]!, 0));
    data.values.general_score = sum("general");
    data.values.task_score = sum("tasks");
  }
  data.history.push(field.key);
  return next(ctx, data);
}

/** The verbs of a preview's buttons (the others are a question's, the edit list's or the unpaid list's). */
const PREVIEW_VERBS = new Set(["ok", "edit", "cancel", "unpaid"]);

/**
 * Buttons and numbered choices of an open report: `rp:<verb>[:<arg>]:<token>`, applied only to the draft
 * and the screen the token names (see `rp`), then checked against the open question.
 */
export async function onFlowAction(ctx: BotContext, params: string[]): Promise<void> {
  const data = flowData(ctx);
  const token = readToken(params.at(-1));
  const [verb, arg] = token ? params.slice(0, -1) : params;
  if (!data || !token || token.draft !== data.draft || token.stamp !== stampOf(data)) return staleScreen(ctx, data, token, verb);
  const field = data.field ? fieldOf(data, data.field) : undefined;
  switch (verb) {
    case "cancel":
      ctx.clearFlow();
      // Leaving a correction or an update: the report on file is not withdrawn.
      if (data.onFile) ctx.reply("report-correction-cancelled", { form: ctx.t(`form-${data.form}`), period: periodLabel(ctx, data.period) });
      else ctx.reply("report-cancelled");
      return;
    case "ok":
      if (data.mode !== "confirm") throw new ChiboError("stale_choice");
      return submit(ctx, data);
    case "edit":
      if (data.mode !== "confirm") throw new ChiboError("stale_choice");
      return askEdit(ctx, data);
    case "unpaid":
      if (data.mode !== "confirm" || unpaidLeft(data) === 0) throw new ChiboError("stale_choice");
      return askUnpaid(ctx, data);
    case "unp": {
      // The payload names a person: only a member on this cell's roll today is taken.
      const id = Number(arg);
      if (data.mode !== "unpaid" || !Number.isInteger(id)) throw new ChiboError("stale_choice");
      const member = (await cellMemberNames(ctx.db, data.orgId, ctx.today)).find((m) => m.id === id);
      if (!member) throw new ChiboError("stale_choice");
      return nameUnpaid(ctx, data, [member.name]);
    }
    case "unpdone":
      if (data.mode !== "unpaid") throw new ChiboError("stale_choice");
      return confirm(ctx, data);
    case "view":
      if (data.mode !== "edit") throw new ChiboError("stale_choice");
      return confirm(ctx, data);
    case "f": {
      const target = arg ? fieldOf(data, arg) : undefined;
      if (data.mode !== "edit" || !target) throw new ChiboError("stale_choice");
      // Ask just that field; with the queue empty again, the summary comes back.
      data.queue = [target.key];
      return next(ctx, data);
    }
  }
  if (data.mode !== "ask" || !field) throw new ChiboError("stale_choice");
  switch (verb) {
    case "keepall": {
      // "Không thay đổi": every value as last period, straight to the summary.
      if (data.onFile || !hasPreviousValues(data)) throw new ChiboError("stale_choice");
      for (const f of currentForm(data.form).fields) {
        if (f.default === "previous" && data.defaults[f.key] !== undefined) data.values[f.key] = data.defaults[f.key];
      }
      data.queue = [];
      return next(ctx, data);
    }
    case "def": {
      const suggestion = currentValue(data, field.key);
      if (suggestion === undefined) throw new ChiboError("stale_choice");
      return accept(ctx, data, field, suggestion);
    }
    case "yes":
    case "no":
      if (field.type !== "bool") throw new ChiboError("stale_choice");
      return accept(ctx, data, field, verb === "yes");
    case "opt":
      if (field.type !== "enum" || !arg || !(field.options ?? []).includes(arg)) throw new ChiboError("stale_choice");
      return accept(ctx, data, field, arg);
    case "regular":
      // "Không có chuyên đề": the meeting was the regular one only (the plan said combined, or a word was misread).
      if (field.key !== "thematic_topic") throw new ChiboError("stale_choice");
      data.values.kind = "regular";
      delete data.values.thematic_topic;
      data.history.push(field.key);
      return next(ctx, data);
    case "none":
      // "Không ai vắng", "Không có": the list emptied.
      if (!LIST_TYPES.has(field.type)) throw new ChiboError("stale_choice");
      return setList(ctx, data, field, []);
    case "skip":
      if (field.required) throw new ChiboError("stale_choice");
      delete data.values[field.key];
      data.history.push(field.key);
      return next(ctx, data);
    case "back": {
      const previous = data.history.pop();
      if (!previous) throw new ChiboError("stale_choice");
      data.queue = [previous, field.key, ...data.queue];
      return next(ctx, data);
    }
  }
  throw new ChiboError("stale_choice");
}
