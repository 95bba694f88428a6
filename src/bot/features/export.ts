import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { exportFileName } from "../../domain/forms/file-name.js";
import { currentForm, FORM_IDS, isFormId, type FormId } from "../../domain/forms/registry.js";
import { isPeriodOfKind, periodParts } from "../../domain/forms/period.js";
import { formForPeriodKind, readRollupRequest } from "../../domain/rollup-request.js";
import { orgById } from "../../services/org-lookup.service.js";
import { layoutProblem } from "../../export/province-layout.js";
import { rollupWorkbook } from "../../export/rollup-workbook.js";
import { defaultRollupPeriod, rollupForExport } from "../../services/rollup.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { periodLabel } from "../report/flow.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** Orgs whose reports this person may export: the subtrees of their office or standing-committee roles. */
function exportRoots(ctx: BotContext): number[] {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "data.export")) throw new ChiboError("forbidden");
  return [...new Set(actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing").map((r) => r.orgId))];
}

async function send(ctx: BotContext, orgId: number, form: FormId, period: string): Promise<void> {
  const { rollup, heading } = await rollupForExport(ctx.db, ctx.requireActor(), orgId, form, period, ctx.today, ctx.tz);
  const t = (id: string, args?: Record<string, string | number>) => ctx.t(id, args);
  // The report an office files, in the province's layout.
  let data: Uint8Array;
  try {
    data = await rollupWorkbook(rollup, { t, today: ctx.today, heading });
  } catch (error) {
    // The office's own layout cannot be filled: say which file and what to fix.
    const problem = layoutProblem(error, t);
    if (problem === undefined) throw error;
    ctx.reply({ text: problem });
    return;
  }
  const reported = rollup.cells.filter((c) => c.status === "reported" || c.status === "accepted").length;
  const org = await orgById(ctx.db, orgId);
  const filename = exportFileName(form, period);
  ctx.replies.push({
    text: ctx.t("export-ready", { form: ctx.t(`form-${form}`), period: periodLabel(ctx, period), org: org?.name ?? "", reported, total: rollup.cells.filter((c) => c.status !== "untracked").length }),
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
        // The form by its words, the period in words ("quý 3/2026" is a quarter, not March).
        const request = readRollupRequest(args, ctx.today);
        if (!request) {
          ctx.reply("export-bad-request");
          return;
        }
        const form: FormId = request.form ?? (request.period ? formForPeriodKind(periodParts(request.period).kind) : "monthly-meeting");
        const kind = currentForm(form).periodKind;
        if (request.period && !isPeriodOfKind(kind, request.period)) {
          ctx.reply(`rollup-bad-period-${kind}`, { form: ctx.t(`form-${form}`) });
          return;
        }
        // No period typed: the one /tonghop opens on (the latest past its deadline), not a month nobody has reported yet.
        const periodOf = (id: number) => (request.period ? Promise.resolve(request.period) : defaultRollupPeriod(ctx.db, ctx.requireActor(), id, form, ctx.today));
        if (roots.length === 1) return send(ctx, roots[0] as number, form, await periodOf(roots[0] as number));
        const choices = [];
        for (const id of roots) {
          const org = await orgById(ctx.db, id);
          choices.push({ label: org?.name ?? String(id), action: `xu:${id}:${FORM_IDS.indexOf(form)}:${await periodOf(id)}` });
        }
        ctx.ask(ctx.t("export-pick-org"), choices);
      },
    },
  ],
  actions: {
    async xu(ctx, [rawId, rawForm, period]) {
      const id = idParam.safeParse(rawId);
      const form = FORM_IDS[Number(rawForm)];
      if (!id.success || !isFormId(form) || !period || !isPeriodOfKind(currentForm(form).periodKind, period)) throw new ChiboError("stale_choice");
      exportRoots(ctx);
      return send(ctx, id.data, form, period);
    },
  },
};
