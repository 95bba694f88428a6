import { z } from "zod";
import { isMeetingDocument, type MeetingDocument } from "../../domain/cycle/documents.js";
import { ChiboError } from "../../domain/errors.js";
import { isPeriodOfKind } from "../../domain/forms/period.js";
import { DOCX_MIME, renderMeetingDocx, templateProblem } from "../../export/meeting-docx.js";
import { cellsOfActor } from "../../services/cell.service.js";
import { latestMeetingPeriod, meetingDocumentData } from "../../services/meeting-document.service.js";
import { recordReportView } from "../../services/report-names.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { periodLabel } from "../report/flow.js";
import { readMonth } from "./rollup.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** The file names an office keeps: bien-ban-<cell>-<period>.docx, nghi-quyet-<cell>-<period>.docx. */
const FILE_PREFIX: Record<MeetingDocument, string> = { minutes: "bien-ban", resolution: "nghi-quyet" };

/** Offer the two documents of a cell's month (the latest reported month when none was typed). */
async function offer(ctx: BotContext, orgId: number, typed: string | null): Promise<void> {
  const period = typed ?? (await latestMeetingPeriod(ctx.db, orgId)) ?? ctx.today.slice(0, 7);
  // The access check and the "no report yet" answer come before any choice is offered.
  const cell = await documentData(ctx, orgId, period);
  if (!cell) return;
  ctx.ask(ctx.t("doc-pick", { cell: cell.cellName, period: periodLabel(ctx, period) }), [
    { label: ctx.t("doc-resolution"), action: `vb:${orgId}:${period}:resolution` },
    { label: ctx.t("doc-minutes"), action: `vb:${orgId}:${period}:minutes` },
  ]);
}

/** The document's data, or the "no report for that month" answer (null). Refuses a cell out of reach. */
async function documentData(ctx: BotContext, orgId: number, period: string) {
  const found = await meetingDocumentData(ctx.db, ctx.requireActor(), orgId, period, ctx.today, (id, args) => ctx.tVi(id, args));
  if (found.data) return { ...found, data: found.data };
  ctx.reply("doc-no-report", { cell: found.cellName, period: periodLabel(ctx, period) });
  return null;
}

async function send(ctx: BotContext, orgId: number, period: string, document: MeetingDocument): Promise<void> {
  const found = await documentData(ctx, orgId, period);
  if (!found) return;
  let data: Uint8Array;
  try {
    data = await renderMeetingDocx(document, found.data);
  } catch (error) {
    // The office's own template cannot be filled: say which file and where it is broken.
    const problem = templateProblem(error, (id, args) => ctx.t(id, args));
    if (problem === undefined) throw error;
    ctx.reply({ text: problem });
    return;
  }
  // The minutes name the absentees and their reasons, the resolution the tasks' owners: a document sent is a view of them.
  if (found.reportId !== null) await recordReportView(ctx.db, ctx.requireActor(), found.reportId, ctx.today, ctx.now);
  const doc = ctx.t(document === "minutes" ? "doc-minutes" : "doc-resolution");
  ctx.replies.push({
    text: ctx.t("doc-ready", { doc, cell: found.cellName, period: periodLabel(ctx, period) }),
    attachment: {
      kind: "document",
      filename: `${FILE_PREFIX[document]}-${found.cellCode.toLowerCase()}-${period}.docx`,
      mimeType: DOCX_MIME,
      data,
      fallbackText: ctx.t("doc-fallback", { doc: document, org: found.cellCode, period }),
    },
  });
}

/** `/vanban [tháng]` (`/documents`): the minutes and the resolution of a cell's monthly meeting as Word files. */
export const documentsFeature: Feature = {
  name: "documents",
  commands: [
    {
      names: ["vanban", "documents"],
      requires: ["report.view"],
      description: "cmd-vanban",
      async run(ctx, args) {
        const actor = ctx.requireActor();
        const typed = args.trim() ? readMonth(args, ctx.today) : null;
        if (args.trim() && !typed) {
          ctx.reply("doc-bad-month");
          return;
        }
        const cells = await cellsOfActor(ctx.db, actor);
        if (cells.length === 0) throw new ChiboError("forbidden");
        if (cells.length === 1) return offer(ctx, (cells[0] as { id: number }).id, typed);
        ctx.ask(
          ctx.t("doc-pick-cell"),
          cells.slice(0, 20).map((c) => ({ label: c.name, action: `vbc:${c.id}:${typed ?? ""}` })),
        );
      },
    },
  ],
  actions: {
    async vbc(ctx, [rawId, rawPeriod]) {
      const id = idParam.safeParse(rawId);
      if (!id.success || (rawPeriod && !isPeriodOfKind("month", rawPeriod))) throw new ChiboError("stale_choice");
      return offer(ctx, id.data, rawPeriod || null);
    },
    async vb(ctx, [rawId, period, document]) {
      const id = idParam.safeParse(rawId);
      if (!id.success || !period || !isPeriodOfKind("month", period) || !isMeetingDocument(document)) throw new ChiboError("stale_choice");
      return send(ctx, id.data, period, document);
    },
  },
};
