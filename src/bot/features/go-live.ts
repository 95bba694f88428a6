import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { isIsoDate, readDate } from "../../domain/org-change.js";
import { formatDateVi } from "../../domain/time.js";
import { chooseGoLiveDate, goLiveDate } from "../../services/go-live.service.js";
import { isProvinceOffice } from "../../services/retention.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

/** A day in a button: `YYYY-MM-DD`, or `none` for "no go-live date set". */
function dayParam(raw: string | undefined): string | null | undefined {
  if (raw === "none") return null;
  return raw !== undefined && isIsoDate(raw) ? raw : undefined;
}

/**
 * `/ngaytheodoi`: the day the province started using chibo (months before it are "chưa theo dõi");
 * `/ngaytheodoi 01/10/2026` lets the province office move it, after a confirmation naming the day in
 * force and the new one (the button carries both, so a change made meanwhile is not overwritten unseen).
 */
async function goLive(ctx: BotContext, args: string): Promise<void> {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "rollup.view")) throw new ChiboError("forbidden");
  const inForce = await goLiveDate(ctx.db);
  const typed = args.trim();
  if (!typed) {
    ctx.reply(inForce ? "golive-is" : "golive-unset", { date: inForce ? formatDateVi(inForce) : "" });
    ctx.reply("golive-how");
    return;
  }
  if (!(await isProvinceOffice(ctx.db, actor))) throw new ChiboError("forbidden");
  const wanted = readDate(typed);
  if (!wanted) {
    ctx.reply("golive-bad-date", { value: typed.slice(0, 32) });
    return;
  }
  if (wanted > ctx.today) {
    ctx.reply("golive-future", { date: formatDateVi(wanted) });
    return;
  }
  if (wanted === inForce) {
    ctx.reply("golive-same", { date: formatDateVi(wanted) });
    return;
  }
  const shown = inForce ?? "none";
  ctx.ask(ctx.t(inForce ? "golive-confirm" : "golive-confirm-first", { before: inForce ? formatDateVi(inForce) : "", after: formatDateVi(wanted) }), [
    { label: ctx.t("golive-yes", { date: formatDateVi(wanted) }), action: `gld:s:${wanted}:${shown}` },
    { label: ctx.t("golive-keep"), action: "gld:k" },
  ]);
}

export const goLiveFeature: Feature = {
  name: "go-live",
  commands: [{ names: ["ngaytheodoi", "golive"], requires: ["rollup.view"], description: "cmd-ngaytheodoi", run: (ctx, args) => goLive(ctx, args) }],
  actions: {
    async gld(ctx, [verb, rawDate, rawShown]) {
      const actor = ctx.requireActor();
      if (verb === "k") {
        if (!(await isProvinceOffice(ctx.db, actor))) throw new ChiboError("forbidden");
        ctx.reply("golive-kept");
        return;
      }
      const [date, shown] = [dayParam(rawDate), dayParam(rawShown)];
      if (verb !== "s" || !date || shown === undefined) throw new ChiboError("stale_choice");
      const outcome = await chooseGoLiveDate(ctx.db, actor, date, shown, ctx.today, ctx.now);
      if (!outcome.ok) {
        if (outcome.problem === "future") ctx.reply("golive-future", { date: formatDateVi(date) });
        else ctx.reply("golive-changed", { date: outcome.inForce ? formatDateVi(outcome.inForce) : "—" });
        return;
      }
      ctx.reply("golive-set", { date: formatDateVi(outcome.after) });
    },
  },
};
