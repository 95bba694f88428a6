import type { FieldValues } from "../../domain/forms/form-definition.js";
import { isFormId, type FormId } from "../../domain/forms/registry.js";
import { orgById } from "../../services/org-lookup.service.js";
import type { BotContext } from "../context.js";
import type { Choice } from "../../messaging/message.js";

/**
 * A quick report from someone who leads several cells waits here (in the stored conversation)
 * while they choose the cell, so the values read from the message are not lost.
 */
export const QUICK_CELL_FLOW = "report-cell";

/** The marker on a cell choice that takes the held quick report. */
export const QUICK_MARK = "q";

export interface HeldQuickReport {
  form: FormId;
  values: FieldValues;
  period?: string;
  /** The report said "không thay đổi": unstated fields take last period's values. */
  keepPrevious?: boolean;
  /** Values the parser assumed rather than read (`StartOptions.assumed`). */
  assumed?: FieldValues;
}

/** The cell choices `rpc:<id>:<form|->[:q]`, labelled with the cells' names. */
export async function cellChoices(ctx: BotContext, cells: readonly number[], form: FormId | undefined, quick: boolean): Promise<Choice[]> {
  const choices: Choice[] = [];
  for (const id of cells) {
    const org = await orgById(ctx.db, id);
    choices.push({ label: org?.name ?? String(id), action: `rpc:${id}:${form ?? "-"}${quick ? `:${QUICK_MARK}` : ""}` });
  }
  return choices;
}

/** Keep a quick report's values and ask which of `cells` it is for. */
export async function holdQuickReport(ctx: BotContext, cells: readonly number[], held: HeldQuickReport): Promise<void> {
  ctx.setFlow(QUICK_CELL_FLOW, "pick", { ...held });
  ctx.ask(ctx.t("report-pick-cell"), await cellChoices(ctx, cells, held.form, true));
}

/** The held quick report for `form`, removed from the conversation; null when there is none. */
export function takeQuickReport(ctx: BotContext, form: string | undefined): HeldQuickReport | null {
  const flow = ctx.state.flow;
  if (!flow || flow.name !== QUICK_CELL_FLOW) return null;
  ctx.clearFlow();
  const data = flow.data as Partial<HeldQuickReport>;
  if (!isFormId(data.form) || data.form !== form || !data.values || typeof data.values !== "object") return null;
  return {
    form: data.form,
    values: data.values,
    ...(typeof data.period === "string" ? { period: data.period } : {}),
    ...(data.keepPrevious === true ? { keepPrevious: true } : {}),
    ...(data.assumed && typeof data.assumed === "object" ? { assumed: data.assumed } : {}),
  };
}

/** Drop a held quick report that a later choice (a guided `/baocao`) made stale. */
export function dropQuickReport(ctx: BotContext): void {
  if (ctx.state.flow?.name === QUICK_CELL_FLOW) ctx.clearFlow();
}
