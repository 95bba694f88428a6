import { z } from "zod";
import { ChiboError } from "../../domain/errors.js";
import { formatDateVi } from "../../domain/time.js";
import { followedUnits, householdIdByCode, householdVisits, logVisit, visitOverview } from "../../services/assignment.service.js";
import type { Choice } from "../../messaging/message.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const VISIT_FLOW = "visit";
const MAX_NOTE = 500;
/** "Hộ chưa được thăm trong N tháng": N when none is typed, and the most accepted. */
const DEFAULT_MONTHS = 3;
const MAX_MONTHS = 24;
/** Households listed (and offered to open) in the overview; the rest are counted. */
const MAX_LISTED = 20;

/** `/thamho [N]`: the latest visits to the households in reach and those not visited in N months. */
async function overview(ctx: BotContext, args: string): Promise<void> {
  const typed = args.trim();
  const months = typed ? Number(/^\d{1,2}$/.exec(typed)?.[0] ?? NaN) : DEFAULT_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    // Cut by code points: half an emoji is no text the database can store with the reply.
    ctx.reply("visits-usage", { max: MAX_MONTHS, value: Array.from(typed).slice(0, 20).join("") });
    return;
  }
  const o = await visitOverview(ctx.db, ctx.requireActor(), ctx.today, months);
  if (o.households.length === 0) {
    ctx.reply("visits-no-households");
    return;
  }
  const lines = [ctx.t("visits-recent-title", { count: o.recent.length })];
  if (o.recent.length === 0) lines.push(ctx.t("household-no-visits"));
  for (const v of o.recent) lines.push(`• ${formatDateVi(v.date)} — ${ctx.t("visits-recent-line", { visitor: v.visitor, head: v.head })}: ${v.note}`);
  lines.push("", ctx.t("visits-not-visited-title", { months, since: formatDateVi(o.since), count: o.notVisited.length, total: o.households.length }));
  for (const h of o.notVisited.slice(0, MAX_LISTED)) {
    const when = h.lastVisit ? ctx.t("assigned-last-visit", { date: formatDateVi(h.lastVisit) }) : ctx.t("assigned-no-visit");
    lines.push(`• ${h.code}: ${h.head} (${h.village}) — ${when}`);
  }
  if (o.notVisited.length > MAX_LISTED) lines.push(ctx.t("gaps-more", { count: o.notVisited.length - MAX_LISTED }));
  const choices: Choice[] = o.notVisited.slice(0, MAX_LISTED).map((h) => ({ label: ctx.t("assigned-household", { head: `${h.head} (${h.village})` }), action: `hh:${h.id}` }));
  const title = ctx.t("visits-title", { count: o.households.length });
  if (choices.length > 0) ctx.ask(`${lines.join("\n")}\n\n${ctx.t("visits-pick")}`, choices, title);
  else ctx.replies.push({ title, text: lines.join("\n") });
}

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

/**
 * `/ghinhan HỘ ghi chú` (`/visit`): log a household visit in one message, or pick a household and type the note;
 * `/thamho [N]` (`/visits`): the visits to the households in reach and those not visited in N months.
 */
export const householdFeature: Feature = {
  name: "household",
  commands: [
    {
      names: ["thamho", "visits"],
      requires: ["household.view"],
      description: "cmd-thamho",
      run: overview,
    },
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
        // No code typed: the households this person follows, one tap (or digit) each, then the note.
        const followed = (await followedUnits(ctx.db, ctx.requireActor(), ctx.today)).filter((u) => u.kind === "household");
        if (followed.length === 0) return ctx.reply("household-how");
        ctx.ask(ctx.t("household-pick"), followed.map((u) => ({ label: u.name, action: `hv:${u.id}` })));
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
