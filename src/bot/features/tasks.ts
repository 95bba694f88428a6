import { z } from "zod";
import { TASK_STATUSES, type TaskStatus } from "../../domain/cycle/tasks.js";
import { ChiboError } from "../../domain/errors.js";
import { fold } from "../../domain/text/fold.js";
import type { Choice } from "../../messaging/message.js";
import { markTask, openTasksFor, taskToUpdate, type TaskView } from "../../services/resolution-task.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { taskLine } from "../cycle/task-lines.js";
import { periodLabel } from "../report/flow.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const NOTE_FLOW = "viec";
const MAX_NOTE = 300;
/** At most this many tasks are listed (and offered as choices) in one answer. */
const MAX_LISTED = 20;
const NO_NOTE = new Set(["khong", "ko", "k", "no", "none", "-"]);

function canMark(ctx: BotContext, t: TaskView): boolean {
  const actor = ctx.requireActor();
  return t.ownerPersonId === actor.personId || actor.roles.some((r) => (r.role === "secretary" || r.role === "deputy_secretary") && r.orgId === t.orgId);
}

function label(t: TaskView): string {
  return t.task.length > 40 ? `${t.task.slice(0, 39)}…` : t.task;
}

/** `/viec` (`/tasks`): my open tasks, then those of the cells I lead, sit on, follow or oversee; the ones I may mark as choices. */
async function list(ctx: BotContext): Promise<void> {
  const actor = ctx.requireActor();
  const { own, cells } = await openTasksFor(ctx.db, actor);
  if (own.length === 0 && cells.length === 0) {
    // Someone with no role that sees tasks and nothing owned: the same answer, nothing to show.
    ctx.reply("task-none");
    return;
  }
  const lines: string[] = [];
  const shown = [...own, ...cells].slice(0, MAX_LISTED);
  const ownShown = shown.filter((t) => own.includes(t));
  if (ownShown.length > 0) lines.push(ctx.t("task-own-title"), ...ownShown.map((t) => `${taskLine(ctx, t)} (${t.cellName})`));
  let head = "";
  for (const t of shown.filter((x) => !own.includes(x))) {
    if (head === "") lines.push(...(lines.length > 0 ? [""] : []), ctx.t("task-cells-title"));
    const h = `${t.orgId}:${t.period}`;
    if (h !== head) lines.push(ctx.t("task-cell-head", { cell: t.cellName, period: periodLabel(ctx, t.period) }));
    head = h;
    lines.push(taskLine(ctx, t));
  }
  const rest = own.length + cells.length - shown.length;
  if (rest > 0) lines.push(ctx.t("task-more", { count: rest }));
  const choices: Choice[] = shown.filter((t) => canMark(ctx, t)).map((t) => ({ label: label(t), action: `viec:${t.id}` }));
  if (choices.length === 0) {
    ctx.reply({ text: lines.join("\n") });
    return;
  }
  ctx.ask([...lines, "", ctx.t("task-pick")].join("\n"), choices);
}

/** Mark a task: the status first (buttons), then a short note (typed, or "không"). */
async function pick(ctx: BotContext, [rawId]: string[]): Promise<void> {
  const id = idParam.safeParse(rawId);
  if (!id.success) throw new ChiboError("stale_choice");
  const task = await taskToUpdate(ctx.db, ctx.requireActor(), id.data);
  ctx.ask(ctx.t("task-mark-ask", { task: taskLine(ctx, task) }), [
    { label: ctx.t("task-done"), action: `viecm:${task.id}:done` },
    { label: ctx.t("task-late"), action: `viecm:${task.id}:late` },
    ...(task.status !== "open" ? [{ label: ctx.t("task-reopen"), action: `viecm:${task.id}:open` }] : []),
  ]);
}

async function chooseStatus(ctx: BotContext, [rawId, rawStatus]: string[]): Promise<void> {
  const id = idParam.safeParse(rawId);
  const status = TASK_STATUSES.find((s) => s === rawStatus);
  if (!id.success || !status) throw new ChiboError("stale_choice");
  // Checked again: the buttons came from the chat, not from us.
  await taskToUpdate(ctx.db, ctx.requireActor(), id.data);
  ctx.setFlow(NOTE_FLOW, "note", { id: id.data, status });
  ctx.ask(ctx.t("task-note-ask"), [{ label: ctx.t("task-note-skip"), action: "viecn" }]);
}

const noteFlow = z.object({ id: z.number().int().positive(), status: z.enum(TASK_STATUSES) });

async function finish(ctx: BotContext, note: string | null): Promise<void> {
  const held = noteFlow.safeParse(ctx.state.flow?.data);
  if (ctx.state.flow?.name !== NOTE_FLOW || !held.success) throw new ChiboError("stale_choice");
  const task = await markTask(ctx.db, ctx.requireActor(), held.data.id, held.data.status as TaskStatus, note, ctx.now);
  ctx.clearFlow();
  ctx.reply("task-marked", { task: task.task, status: ctx.t(`task-status-${task.status}`) });
}

export const tasksFeature: Feature = {
  name: "tasks",
  commands: [
    {
      names: ["viec", "tasks"],
      // Anyone linked may own a task: a plain member sees the ones given to them.
      description: "cmd-viec",
      async run(ctx) {
        await list(ctx);
      },
    },
  ],
  actions: {
    viec: pick,
    viecm: chooseStatus,
    async viecn(ctx) {
      await finish(ctx, null);
    },
  },
  flows: {
    async [NOTE_FLOW](ctx, text) {
      const trimmed = text.trim();
      if (NO_NOTE.has(fold(trimmed))) return finish(ctx, null);
      if (trimmed.length > MAX_NOTE) {
        ctx.reply("task-note-too-long", { max: MAX_NOTE });
        return;
      }
      await finish(ctx, trimmed);
    },
  },
};
