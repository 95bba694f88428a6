import type { TaskStatus } from "../../domain/cycle/tasks.js";
import { formatDateVi } from "../../domain/time.js";
import type { BotContext } from "../context.js";

const MARK: Record<TaskStatus, string> = { open: "◻️", done: "✅", late: "❗" };

/** A task as one line: its status mark, what, who, by when, and the note once marked. */
export function taskLine(
  ctx: Pick<BotContext, "t">,
  task: { task: string; owner: string | null; dueOn?: string | null; due?: string | null; status: TaskStatus; note: string | null },
  withStatus = false,
): string {
  const due = task.dueOn ?? task.due ?? null;
  const line = ctx.t("task-line", { mark: MARK[task.status], task: task.task, owner: task.owner ?? "none", due: due ? formatDateVi(due) : "none" });
  const status = withStatus ? `${line}: ${ctx.t(`task-status-${task.status}`)}` : line;
  return task.note ? ctx.t("task-line-note", { line: status, note: task.note }) : status;
}

/** "Việc theo nghị quyết tháng 10/2025:" and one line per task with its status: what next month starts with. */
export function previousTaskBlock(ctx: Pick<BotContext, "t">, periodText: string, tasks: readonly Parameters<typeof taskLine>[1][]): string[] {
  if (tasks.length === 0) return [];
  return [ctx.t("task-prev-title", { period: periodText }), ...tasks.map((t) => taskLine(ctx, t, true))];
}
