import type { Actor } from "../../domain/roles.js";
import type { BotContext } from "../context.js";

/** Cells the actor leads (secretary or deputy): those they report for and keep the records of. */
export function reportingCells(ctx: BotContext): number[] {
  return cellsLedBy(ctx.requireActor());
}

/** `reportingCells` of an actor. */
export function cellsLedBy(actor: Actor): number[] {
  return [...new Set(actor.roles.filter((r) => r.role === "secretary" || r.role === "deputy_secretary").map((r) => r.orgId))];
}
