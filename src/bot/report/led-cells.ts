import type { BotContext } from "../context.js";

/** Cells the actor leads (secretary or deputy): those they report for and keep the records of. */
export function reportingCells(ctx: BotContext): number[] {
  const actor = ctx.requireActor();
  return [...new Set(actor.roles.filter((r) => r.role === "secretary" || r.role === "deputy_secretary").map((r) => r.orgId))];
}
