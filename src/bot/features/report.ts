import { ChiboError } from "../../domain/errors.js";
import type { FieldValues } from "../../domain/forms/form-definition.js";
import { isPeriodOfKind, periodOf } from "../../domain/forms/period.js";
import { currentForm, FORM_IDS, isFormId, type FormId } from "../../domain/forms/registry.js";
import { classifyMessage } from "../../domain/parse/classify.js";
import { parseCorrection, type Correction } from "../../domain/parse/correction.js";
import { namesMeetingKind } from "../../domain/parse/monthly-meeting.js";
import { formatDateVi } from "../../domain/time.js";
import { fold } from "../../domain/text/fold.js";
import { cellsNamedInReport, QuickReportReads, quickReportReads } from "../../services/report-cell.service.js";
import { reportsToCorrect } from "../../services/report.service.js";
import { continuedCells, mayReportFor } from "../../services/report-unit.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { correctDraft, flowData, onFlowAction, onFlowText, REPORT_FLOW, resumeReport, startReport, type ReportFlowData } from "../report/flow.js";
import {
  askCorrectionCell,
  CORRECTION_CELL_ACTION,
  CORRECTION_CELL_FLOW,
  correctHeldFor,
  dropHeldCorrection,
  heldCorrection,
  heldTarget,
  holdCorrection,
  startCorrection,
  targetNamed,
  type CorrectionTarget,
} from "../report/correction-cell.js";
import { periodLabel } from "../report/flow.js";
import { cellChoices, dropQuickReport, holdQuickReport, QUICK_CELL_FLOW, QUICK_MARK, takeQuickReport } from "../report/quick-cell.js";
import { z } from "zod";
import { cellsLedBy, reportingCells } from "../report/led-cells.js";
import { readQuarter } from "../../domain/records/village-record.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** Keywords that name a form after `/baocao` (folded). */
const FORM_WORDS: [RegExp, FormId][] = [
  [/\b(sh|sinh hoat|hop|thang|monthly)\b/, "monthly-meeting"],
  [/\b(thon|so lieu|village|quy)\b/, "village-quarterly"],
  [/\b(ket nap|admission)/, "admissions"],
  [/\b(dang phi|dp|dues)\b/, "party-dues"],
  [/\b(xep loai|danh gia|rating)\b/, "annual-rating"],
];


async function chooseCellThen(ctx: BotContext, form: FormId | undefined, run: (orgId: number) => Promise<void>): Promise<void> {
  const cells = reportingCells(ctx);
  if (cells.length === 0) throw new ChiboError("forbidden");
  if (cells.length === 1) return run(cells[0] as number);
  ctx.ask(ctx.t("report-pick-cell"), await cellChoices(ctx, cells, form, false));
}

function askForm(ctx: BotContext, orgId: number): void {
  ctx.ask(
    ctx.t("report-pick-form"),
    FORM_IDS.map((id) => ({ label: ctx.t(`form-${id}`), action: `rpf:${orgId}:${id}` })),
  );
}

/**
 * The form's values from a parse: keys the form holds, with the parser's nested union counts
 * (`unions.women`) flattened to the form's keys (`women_union`).
 */
export function formValues(form: FormId, fields: Record<string, unknown>): FieldValues {
  const flat: Record<string, unknown> = { ...fields };
  const unions = fields.unions as Record<string, unknown> | undefined;
  if (unions && typeof unions === "object") {
    for (const [k, v] of Object.entries(unions)) flat[`${k}_union`] = v;
  }
  const keys = new Set(currentForm(form).fields.map((f) => f.key));
  // "vắng 2" with fewer reasons given: the rest are absences whose reason is not known, never 0.
  const total = flat.absent_total;
  if (typeof total === "number" && keys.has("absent_unknown")) {
    const known = ["absent_excused", "absent_unexcused", "absent_exempt"].reduce((sum, k) => sum + (typeof flat[k] === "number" ? (flat[k] as number) : 0), 0);
    if (total > known) flat.absent_unknown = total - known;
  }
  const values: FieldValues = {};
  for (const [key, value] of Object.entries(flat)) if (keys.has(key) && value !== undefined) values[key] = value;
  return values;
}

/** Absence counts. */
const ABSENCE_KEYS = ["absent_excused", "absent_unexcused", "absent_exempt", "absent_unknown"];

/**
 * The absence counts a correction settles besides those it states: a plain total ("vắng 2", its reasons
 * unknown) restates every count, so the others on file go; a kind stated ("vắng không lý do 1") replaces
 * only the count of absences whose reason was not known, and the other kinds stay as they were.
 * Cleared as null (not undefined), so the clearing survives the stored conversation and shows as "—".
 */
function settledAbsences(patch: FieldValues, reports: { data: FieldValues }[]): void {
  if (!ABSENCE_KEYS.some((k) => patch[k] !== undefined)) return;
  const settled = patch.absent_unknown !== undefined ? ABSENCE_KEYS : ["absent_unknown"];
  for (const k of settled) if (patch[k] === undefined && correctedReportsHave(reports, k)) patch[k] = null;
}

/**
 * "sửa lại: có mặt 24 chứ ko phải 25": apply to the report the sender means. The reports open to
 * change are each led cell's latest one not accepted yet and any the office reopened; a period named
 * in the message ("tháng 11", "hôm qua") picks among them; when more than one is left the sender is
 * asked which (cell and period on each choice), the values kept meanwhile.
 */
async function correct(ctx: BotContext, correction: Correction | undefined): Promise<void> {
  const form: FormId = correction && isFormId(correction.form) ? correction.form : "monthly-meeting";
  let open: Awaited<ReturnType<typeof reportsToCorrect>>;
  try {
    // The cells a merge or rename closed are corrected by the leaders of the cell that continues them.
    const led = reportingCells(ctx);
    open = await reportsToCorrect(ctx.db, ctx.requireActor(), [...led, ...(await continuedCells(ctx.db, led))], form);
  } catch (error) {
    if (!(error instanceof ChiboError) || error.code !== "not_found") throw error;
    ctx.reply("report-correction-none");
    return;
  }
  const patch = formValues(form, (correction?.patch ?? {}) as Record<string, unknown>);
  if (Object.keys(patch).length === 0) {
    ctx.reply("report-correction-unclear");
    return;
  }
  settledAbsences(patch, open);
  const named = correction?.period ?? correction?.refers_to?.slice(0, 7);
  if (named !== undefined) {
    const same = open.filter((r) => r.period === named);
    if (same.length === 0) {
      ctx.reply("report-correction-no-period", { period: periodLabel(ctx, named) });
      return;
    }
    open = same;
  }
  if (open.length > 1) {
    await holdCorrection(ctx, { form, patch, targets: open.map((r) => ({ orgId: r.orgId, period: r.period })) });
    return;
  }
  await startCorrection(ctx, open[0]!, patch);
}

function correctedReportsHave(reports: { data: FieldValues }[], key: string): boolean {
  return reports.some((r) => r.data[key] !== undefined && r.data[key] !== null);
}

/** The report chosen for a held correction: refused unless the sender leads its cell (payloads are not trusted). */
async function chooseCorrectionTarget(ctx: BotContext, target: CorrectionTarget): Promise<void> {
  if (!(await mayReportFor(ctx.db, ctx.requireActor(), target.orgId))) throw new ChiboError("forbidden");
  await correctHeldFor(ctx, target);
}

function periodFor(form: FormId, fields: Record<string, unknown>, values: FieldValues): string | undefined {
  const kind = currentForm(form).periodKind;
  if (typeof fields.period === "string" && isPeriodOfKind(kind, fields.period)) return fields.period;
  if (kind === "month" && typeof values.meeting_date === "string") return periodOf("month", values.meeting_date);
  return undefined;
}

/** Reports by chat: `/baocao` guided forms, one-message quick reports, corrections. */
export const reportFeature: Feature = {
  name: "report",
  commands: [
    {
      names: ["baocao", "report"],
      requires: ["report.submit"],
      description: "cmd-baocao",
      async run(ctx, args) {
        const word = fold(args);
        const form = FORM_WORDS.find(([re]) => re.test(word))?.[1];
        // "/baocao thon quy 2/2025": a quarterly form for the quarter named, not only the one just ended.
        const quarter = form && currentForm(form).periodKind === "quarter" ? readQuarter(args, ctx.today) : undefined;
        await chooseCellThen(ctx, form, async (orgId) => {
          if (form) return startReport(ctx, orgId, form, { source: "guided", ...(quarter ? { period: quarter } : {}) });
          askForm(ctx, orgId);
        });
      },
    },
  ],
  actions: {
    rp: onFlowAction,
    async rpc(ctx, [rawId, form, mark]) {
      const id = idParam.safeParse(rawId);
      // A held quick report may be for a cell closed by a merge, chosen by the leader of the cell that continues it.
      if (!id.success || !(reportingCells(ctx).includes(id.data) || (mark === QUICK_MARK && (await mayReportFor(ctx.db, ctx.requireActor(), id.data))))) throw new ChiboError("stale_choice");
      if (mark === QUICK_MARK) {
        // The quick report held while the cell was chosen: its values, shown back for that cell.
        const held = takeQuickReport(ctx, form);
        if (!held) throw new ChiboError("stale_choice");
        return startReport(ctx, id.data, held.form, {
          values: held.values,
          source: "quick",
          ...(held.period ? { period: held.period } : {}),
          ...(held.keepPrevious ? { keepPrevious: true } : {}),
          ...(held.assumed ? { assumed: held.assumed } : {}),
        });
      }
      dropQuickReport(ctx);
      dropHeldCorrection(ctx);
      if (isFormId(form)) return startReport(ctx, id.data, form, { source: "guided" });
      askForm(ctx, id.data);
    },
    async [CORRECTION_CELL_ACTION](ctx, [rawId, period]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      if (!(await mayReportFor(ctx.db, ctx.requireActor(), id.data))) throw new ChiboError("forbidden");
      const held = heldCorrection(ctx);
      const target = held ? heldTarget(held, id.data, period) : undefined;
      if (!target) throw new ChiboError("stale_choice");
      return chooseCorrectionTarget(ctx, target);
    },
    async rpf(ctx, [rawId, form]) {
      const id = idParam.safeParse(rawId);
      if (!id.success || !isFormId(form)) throw new ChiboError("stale_choice");
      if (!reportingCells(ctx).includes(id.data)) throw new ChiboError("forbidden");
      return startReport(ctx, id.data, form, { source: "guided" });
    },
  },
  flows: {
    async [REPORT_FLOW](ctx, text) {
      // A whole new report typed while a report waits for its confirmation takes its place (as while the quick
      // report's cell is asked), the one left unsent named first; anything else answers the open question.
      const data = flowData(ctx);
      // "ai chưa nộp báo cáo?" in the middle of the questions: answered as anywhere, then the question again.
      if (data?.mode === "ask" && asksSomething(ctx, text)) return "pass";
      // "nhầm, có mặt 5 thôi" under the preview: that draft changes, and its preview comes again.
      const patch = data?.mode === "confirm" ? draftCorrection(ctx, data, text) : undefined;
      if (data && patch) return correctDraft(ctx, data, patch);
      // The same under a correction's or an update's preview: the new report is never dropped, and the
      // report on file is said to stay as it is.
      if (data?.mode === "confirm" && wholeReport(ctx, text)) {
        const held = ctx.state.flow as NonNullable<typeof ctx.state.flow>;
        ctx.clearFlow();
        const updating = data.source === "correction" || data.onFile !== undefined;
        ctx.reply(updating ? "report-correction-replaced" : "report-unsent-replaced", { form: ctx.t(`form-${data.form}`), period: periodLabel(ctx, data.period) });
        if (await readQuickReport(ctx, text)) return;
        ctx.setFlow(held.name, held.step, held.data);
      }
      return onFlowText(ctx, text);
    },
    async [QUICK_CELL_FLOW](ctx, text) {
      // A new report replaces the held one; anything else gets the cell question again.
      const held = ctx.state.flow as NonNullable<typeof ctx.state.flow>;
      ctx.clearFlow();
      if (await readQuickReport(ctx, text)) return;
      ctx.setFlow(held.name, held.step, held.data);
      ctx.reply("report-use-choices");
      const form = isFormId(held.data.form) ? held.data.form : undefined;
      ctx.ask(ctx.t("report-pick-cell"), await cellChoices(ctx, reportingCells(ctx), form, true));
    },
    async [CORRECTION_CELL_FLOW](ctx, text) {
      // The cell typed by name; a new correction or report replaces the held one; anything else asks again.
      const held = heldCorrection(ctx);
      const named = held ? await targetNamed(ctx, held, text) : undefined;
      if (named !== undefined) return chooseCorrectionTarget(ctx, named);
      const flow = ctx.state.flow as NonNullable<typeof ctx.state.flow>;
      ctx.clearFlow();
      if (await readQuickReport(ctx, text)) return;
      if (!held) {
        ctx.reply("not-understood");
        return;
      }
      ctx.setFlow(flow.name, flow.step, flow.data);
      ctx.reply("report-use-choices");
      await askCorrectionCell(ctx, held);
    },
  },
  resume: { [REPORT_FLOW]: resumeReport },
  onText: readQuickReport,
  // A batch group's texts from secretaries: the cells they may name and their cells' rules, read together.
  textReadAhead: (db, texts) => quickReportReads(db, texts.map(({ actor, today }) => ({ led: cellsLedBy(actor), today }))),
};

/**
 * The values a text typed under a report's preview corrects in it: a correction ("sửa lại: có mặt 5",
 * "nhầm, có mặt 5 thôi") or a few fields of the same form naming no period or date ("có mặt 5", "à nhầm
 * vắng 2 có lý do"), of the preview's form and period. Undefined for anything else (a question, a whole
 * report, another period's correction), which the preview answers as before.
 */
function draftCorrection(ctx: BotContext, data: ReportFlowData, text: string): FieldValues | undefined {
  const c = classifyMessage(text, { now: ctx.now });
  let correction: Correction | null | undefined;
  if (c.kind === "correction") correction = c.correction;
  else if (c.kind === data.form && c.report?.ok) {
    const fields = c.report.fields as Record<string, unknown>;
    if (fields.period === undefined && fields.meeting_date === undefined) correction = parseCorrection(text, { now: ctx.now });
  }
  if (!correction || correction.form !== data.form) return undefined;
  const named = correction.period ?? correction.refers_to?.slice(0, 7);
  if (named !== undefined && named !== data.period) return undefined;
  const patch = formValues(data.form, correction.patch as Record<string, unknown>);
  if (Object.keys(patch).length === 0) return undefined;
  // As a correction of a report sent: stated absences replace the counts they settle.
  settledAbsences(patch, [{ data: data.values }]);
  return patch;
}

/** A question typed instead of an answer: it ends with "?", or opens with a question word and reads as no report. */
function asksSomething(ctx: BotContext, text: string): boolean {
  if (/\?\s*$/.test(text)) return true;
  return RE_ASKS.test(fold(text)) && classifyMessage(text, { now: ctx.now }).kind === "chatter";
}

/** Words that open a question ("ai chưa nộp…", "khi nào họp…", "lịch họp…"), folded. */
const RE_ASKS = /^(?:cho (?:toi|em) hoi|ai|khi nao|bao gio|lam sao|the nao|tai sao|o dau|lich (?:hop|sinh hoat)|xem)\b/;

/** A message that reads as a whole report of a form (three fields or more), no correction of one. */
function wholeReport(ctx: BotContext, text: string): boolean {
  const c = classifyMessage(text, { now: ctx.now });
  return isFormId(c.kind) && c.report?.ok === true && Object.keys(c.report.fields).length >= 3;
}

/** Free text that may be a report, a correction, a notice…; false when it is none of these. */
async function readQuickReport(ctx: BotContext, text: string): Promise<boolean> {
  if (!ctx.actor) return false;
  const leads = reportingCells(ctx).length > 0;
  const c = classifyMessage(text, { now: ctx.now });
  switch (c.kind) {
    case "correction":
      if (!leads) throw new ChiboError("forbidden");
      await correct(ctx, c.correction);
      return true;
    case "meeting-notice":
      ctx.reply("report-notice-hint");
      return true;
    case "postponement": {
      const to = c.postponement?.postponed_to;
      ctx.reply(to ? "report-postpone-hint" : "report-postpone-hint-nodate", { date: to ? formatDateVi(to) : "" });
      return true;
    }
    case "attendance-issue":
    case "admission-proposal":
      // Removal and admission proposals are sensitive (domain §7): not stored from chat.
      ctx.reply("report-sensitive-not-stored");
      return true;
    case "chatter":
      return false;
  }
  const report = c.report;
  if (!report?.ok || !isFormId(c.kind)) return false;
  if (!leads) {
    ctx.reply("report-only-secretary");
    return true;
  }
  const form = c.kind;
  const fields = report.fields as Record<string, unknown>;
  const values = formValues(form, fields);
  const period = periodFor(form, fields, values);
  // "bc sh t12: …" names no kind: the parser's "regular" is assumed, and yields to the cell's plan for the month.
  const assumed: FieldValues = {};
  if (form === "monthly-meeting" && values.kind === "regular" && !namesMeetingKind(text)) {
    assumed.kind = values.kind;
    delete values.kind;
  }
  const held = { form, values, ...(period ? { period } : {}), ...(fields.unchanged === true ? { keepPrevious: true } : {}), ...(assumed.kind !== undefined ? { assumed } : {}) };
  let cells = reportingCells(ctx);
  // Read with the batch group's other texts (for these cells and this day), or read here.
  const ahead = ctx.readAhead instanceof QuickReportReads && ctx.readAhead.today === ctx.today && sameCells(ctx.readAhead.led, cells) ? ctx.readAhead : undefined;
  // "bc … chi bo Na Thua" from the secretary of Pò Lài: never filed silently under Pò Lài.
  const { named, led: ledNames } = await cellsNamedInReport(ctx.db, text, cells, ctx.today, ahead);
  if (named.length > 0) {
    const led = named.filter((c) => cells.includes(c.id));
    if (led.length === 0) {
      ctx.reply("report-names-other-cell", { cell: named[0]!.name });
      await holdQuickReport(ctx, cells, held);
      return true;
    }
    cells = led.map((c) => c.id);
  }
  if (cells.length > 1) {
    await holdQuickReport(ctx, cells, held);
    return true;
  }
  const keepPrevious = fields.unchanged === true;
  const cell = cells[0] as number;
  const cellName = ledNames.get(cell);
  const ruleToday = ahead?.rules.get(cell);
  await startReport(ctx, cell, form, {
    values,
    source: "quick",
    ...(period ? { period } : {}),
    ...(keepPrevious ? { keepPrevious } : {}),
    ...(cellName !== undefined ? { cellName } : {}),
    ...(ruleToday !== undefined ? { ruleToday } : {}),
    ...(held.assumed ? { assumed: held.assumed } : {}),
  });
  return true;
}

const sameCells = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export { flowData };
