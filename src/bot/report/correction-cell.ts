import { ChiboError } from "../../domain/errors.js";
import type { FieldValues } from "../../domain/forms/form-definition.js";
import { isFormId, type FormId } from "../../domain/forms/registry.js";
import { correctionOver } from "../../domain/forms/report-update.js";
import { fold } from "../../domain/text/fold.js";
import { orgById } from "../../services/org-lookup.service.js";
import { reportToCorrect, type CorrectableReport } from "../../services/report.service.js";
import type { BotContext } from "../context.js";
import type { Choice } from "../../messaging/message.js";
import { periodLabel, startReport } from "./flow.js";

/**
 * A correction that could change more than one report (two cells, or a reopened month beside the
 * latest one) waits here (in the stored conversation) while the sender chooses, so the values read
 * are not lost.
 */
export const CORRECTION_CELL_FLOW = "report-correct-cell";

/** The button of a report to correct: `rcc:<orgId>:<period>` (`rcc:<orgId>` when the cell has one). */
export const CORRECTION_CELL_ACTION = "rcc";

export interface CorrectionTarget {
  orgId: number;
  period: string;
}

export interface HeldCorrection {
  form: FormId;
  patch: FieldValues;
  /** The reports offered: each cell with the period of the report the correction would change. */
  targets: CorrectionTarget[];
}

/**
 * Show a report's values with the correction applied, the old values beside the changed ones, to
 * confirm. An empty patch opens the report as it is (a reopened report's "Sửa" button).
 */
export async function startCorrection(ctx: BotContext, report: CorrectableReport, patch: FieldValues): Promise<void> {
  if (!isFormId(report.form)) throw new ChiboError("not_found");
  const before = report.data;
  await startReport(ctx, report.orgId, report.form, { values: correctionOver(report.form, before, patch), period: report.period, source: "correction", before });
}

async function targetLabels(ctx: BotContext, held: HeldCorrection): Promise<{ target: CorrectionTarget; cell: string }[]> {
  const out: { target: CorrectionTarget; cell: string }[] = [];
  for (const target of held.targets) {
    const org = await orgById(ctx.db, target.orgId);
    out.push({ target, cell: org?.name ?? String(target.orgId) });
  }
  return out;
}

/** Ask which report the held correction is for: `Cell — tháng 11/2025` per choice. */
export async function askCorrectionCell(ctx: BotContext, held: HeldCorrection): Promise<void> {
  const choices: Choice[] = (await targetLabels(ctx, held)).map(({ target, cell }) => ({
    label: ctx.t("report-correct-cell-choice", { cell, period: periodLabel(ctx, target.period) }),
    action: `${CORRECTION_CELL_ACTION}:${target.orgId}:${target.period}`,
  }));
  const oneCell = new Set(held.targets.map((t) => t.orgId)).size === 1;
  ctx.ask(ctx.t(oneCell ? "report-correct-pick-period" : "report-correct-pick-cell"), choices);
}

/** Keep a correction's values and ask which of its targets it is for. */
export async function holdCorrection(ctx: BotContext, held: HeldCorrection): Promise<void> {
  ctx.setFlow(CORRECTION_CELL_FLOW, "pick", { ...held });
  await askCorrectionCell(ctx, held);
}

/** The correction held in the conversation, or null when there is none (or it is unreadable). */
export function heldCorrection(ctx: BotContext): HeldCorrection | null {
  const flow = ctx.state.flow;
  if (!flow || flow.name !== CORRECTION_CELL_FLOW) return null;
  const data = flow.data as Partial<HeldCorrection>;
  if (!isFormId(data.form) || !data.patch || typeof data.patch !== "object" || !Array.isArray(data.targets)) return null;
  const targets = data.targets.filter((t): t is CorrectionTarget => !!t && typeof t.orgId === "number" && typeof t.period === "string");
  return { form: data.form, patch: data.patch, targets };
}

/** The held target whose cell name `text` is (typed with or without diacritics), when that names one report. */
export async function targetNamed(ctx: BotContext, held: HeldCorrection, text: string): Promise<CorrectionTarget | undefined> {
  const typed = fold(text.trim());
  const named = (await targetLabels(ctx, held)).filter(({ cell }) => fold(cell) === typed);
  return named.length === 1 ? named[0]!.target : undefined;
}

/**
 * The held target a choice names: `period` given, or the cell's only one. Undefined when the choice
 * names none of them (a forged or stale payload).
 */
export function heldTarget(held: HeldCorrection, orgId: number, period: string | undefined): CorrectionTarget | undefined {
  const ofCell = held.targets.filter((t) => t.orgId === orgId && (period === undefined || t.period === period));
  return ofCell.length === 1 ? ofCell[0] : undefined;
}

/**
 * Apply the held correction to the chosen report. The caller has checked that the actor leads the
 * cell; the report is read again (with `report.submit` re-checked) and must still be open to change.
 */
export async function correctHeldFor(ctx: BotContext, target: CorrectionTarget): Promise<void> {
  const held = heldCorrection(ctx);
  if (!held || !held.targets.some((t) => t.orgId === target.orgId && t.period === target.period)) throw new ChiboError("stale_choice");
  const report = await reportToCorrect(ctx.db, ctx.requireActor(), target.orgId, held.form, target.period);
  ctx.clearFlow();
  await startCorrection(ctx, report, held.patch);
}

/** Drop a held correction that a later choice (a guided `/baocao`) made stale. */
export function dropHeldCorrection(ctx: BotContext): void {
  if (ctx.state.flow?.name === CORRECTION_CELL_FLOW) ctx.clearFlow();
}
