import { z } from "zod";
import { ChiboError } from "../../domain/errors.js";
import { formatDateVi } from "../../domain/time.js";
import { householdIdByCode, householdVisits, logVisit } from "../../services/assignment.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const VISIT_FLOW = "visit";
const MAX_NOTE = 500;

async function show(ctx: BotContext, householdId: number): Promise<void> {
  const { household, visits } = await householdVisits(ctx.db, ctx.requireActor(), householdId);
  const lines = visits.length
    ? visits.map((v) => `• ${formatDateVi(v.visited_on)} — ${v.visitor}: ${v.note}`)
    : [ctx.t("household-no-visits")];
  ctx.ask(lines.join("\n"), [{ label: ctx.t("household-log-button"), action: `hv:${household.id}` }], ctx.t("household-title", { head: household.head_name, village: household.village_name }));
}

async function save(ctx: BotContext, householdId: number, note: string): Promise<void> {
  const trimmed = note.trim();
  if (!trimmed) {
    ctx.reply("household-note-empty");
    return;
  }
  if (trimmed.length > MAX_NOTE) {
    ctx.reply("household-note-too-long", { max: MAX_NOTE });
    return;
  }
  const { household } = await logVisit(ctx.db, ctx.requireActor(), householdId, trimmed, ctx.now, ctx.today);
  ctx.clearFlow();
  ctx.reply("household-logged", { head: household.head_name, date: formatDateVi(ctx.today) });
}

/** `/ghinhan HỘ ghi chú` (`/visit`): log a household visit in one message, or pick a household and type the note. */
export const householdFeature: Feature = {
  name: "household",
  commands: [
    {
      names: ["ghinhan", "visit"],
      requires: ["household.log_visit"],
      description: "cmd-ghinhan",
      async run(ctx, args) {
        ctx.requireActor();
        const match = /^(\S+)\s+([\s\S]+)$/.exec(args);
        if (match) {
          const household = await householdIdByCode(ctx.db, (match[1] as string).toUpperCase());
          if (household === undefined) throw new ChiboError("not_found");
          return save(ctx, household, match[2] as string);
        }
        ctx.reply("household-how");
      },
    },
  ],
  actions: {
    async hh(ctx, [rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      return show(ctx, id.data);
    },
    async hv(ctx, [rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      // Check now, so nobody types a note only to be refused.
      await householdVisits(ctx.db, ctx.requireActor(), id.data);
      ctx.setFlow(VISIT_FLOW, "note", { householdId: id.data });
      ctx.reply("household-ask-note");
    },
  },
  flows: {
    async [VISIT_FLOW](ctx, text) {
      const householdId = idParam.safeParse(ctx.state.flow?.data.householdId);
      if (!householdId.success) {
        ctx.clearFlow();
        throw new ChiboError("stale_choice");
      }
      return save(ctx, householdId.data, text);
    },
  },
};
