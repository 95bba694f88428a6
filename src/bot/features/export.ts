import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { defaultPeriod } from "../../domain/forms/default-period.js";
import { currentForm, FORM_IDS, isFormId, type FormId } from "../../domain/forms/registry.js";
import { fold } from "../../domain/text/fold.js";
import { orgById } from "../../services/org-lookup.service.js";
import { reportXlsx } from "../../export/report-workbook.js";
import { buildReportTable } from "../../services/export.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { periodLabel } from "../report/flow.js";
import { readMonth } from "./rollup.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** Orgs whose reports this person may export: the subtrees of their office or standing-committee roles. */
function exportRoots(ctx: BotContext): number[] {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "data.export")) throw new ChiboError("forbidden");
  return [...new Set(actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing").map((r) => r.orgId))];
}

async function send(ctx: BotContext, orgId: number, form: FormId, period: string): Promise<void> {
  const table = await buildReportTable(ctx.db, ctx.requireActor(), form, period, orgId);
  // Offices keep Vietnamese files whatever language they chat in.
  const t = (id: string, args?: Record<string, string | number>) => ctx.t(id, args);
  const data = await reportXlsx(table, t, ctx.today);
  const reported = table.rows.filter((r) => r.status !== "missing").length;
  const org = await orgById(ctx.db, orgId);
  const filename = `${form}-${period}.xlsx`;
  ctx.replies.push({
    text: ctx.t("export-ready", { form: ctx.t(`form-${form}`), period: periodLabel(ctx, period), org: org?.name ?? "", reported, total: table.rows.length }),
    attachment: {
      kind: "document",
      filename,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      data,
      fallbackText: ctx.t("export-fallback", { form, period, org: org?.code ?? "" }),
    },
  });
}

/** `/xuat [mẫu] [kỳ]` (`/export`): the period's reports of my commune or province as an Excel file. */
export const exportFeature: Feature = {
  name: "export",
  commands: [
    {
      names: ["xuat", "export"],
      requires: ["data.export"],
      description: "cmd-xuat",
      async run(ctx, args) {
        const roots = exportRoots(ctx);
        const words = fold(args);
        const form: FormId =
          /\b(thon|so lieu|village)\b/.test(words) ? "village-quarterly"
          : /\b(ket nap|admission)/.test(words) ? "admissions"
          : /\b(dang phi|dues)\b/.test(words) ? "party-dues"
          : /\b(xep loai|rating)\b/.test(words) ? "annual-rating"
          : "monthly-meeting";
        const kind = currentForm(form).periodKind;
        const periodText = args.replace(/^[^\d]*/, "");
        const period = kind === "month" ? readMonth(periodText, ctx.today) : defaultPeriod(kind, ctx.today);
        if (!period) {
          ctx.reply("rollup-bad-month");
          return;
        }
        if (roots.length === 1) return send(ctx, roots[0] as number, form, period);
        const choices = [];
        for (const id of roots) {
          const org = await orgById(ctx.db, id);
          choices.push({ label: org?.name ?? String(id), action: `xu:${id}:${FORM_IDS.indexOf(form)}:${period}` });
        }
        ctx.ask(ctx.t("export-pick-org"), choices);
      },
    },
  ],
  actions: {
    async xu(ctx, [rawId, rawForm, period]) {
      const id = idParam.safeParse(rawId);
      const form = FORM_IDS[Number(rawForm)];
      if (!id.success || !isFormId(form) || !period) throw new ChiboError("stale_choice");
      exportRoots(ctx);
      return send(ctx, id.data, form, period);
    },
  },
};
