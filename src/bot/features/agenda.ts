import { z } from "zod";
import { ChiboError } from "../../domain/errors.js";
import { formatDateVi, localDate } from "../../domain/time.js";
import type { Choice } from "../../messaging/message.js";
import {
  agendaModel,
  currentGuidance,
  guidanceOrgs,
  MAX_GUIDANCE,
  MAX_POLITICAL,
  publishGuidance,
  saveAgenda,
  savedAgenda,
  type AgendaModel,
} from "../../services/agenda.service.js";
import { orgName } from "../../services/org-lookup.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { doneAt, readStamp, screenStamp } from "../screen-stamp.js";
import { taskLine } from "../cycle/task-lines.js";
import { periodLabel } from "../report/flow.js";
import { readMonth } from "./rollup.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const AGENDA_FLOW = "chuongtrinh";
const GUIDANCE_FLOW = "dinhhuong";

/** Cells whose agenda the actor prepares: where they are secretary or deputy. */
function ledCells(ctx: BotContext): number[] {
  return [...new Set(ctx.requireActor().roles.filter((r) => r.role === "secretary" || r.role === "deputy_secretary").map((r) => r.orgId))];
}

/** The agenda's items as members read them (numbered as the model: results, guidance, tasks, topic, resolution). */
export function agendaItems(ctx: BotContext, m: AgendaModel): string[] {
  const lines: string[] = [];
  if (m.previous.length > 0) lines.push(ctx.t("agenda-previous"), ...m.previous.map((t) => `   ${taskLine(ctx, t, true)}`));
  else lines.push(ctx.t("agenda-previous-none"));
  if (m.guidance.length > 0) for (const g of m.guidance) lines.push(ctx.t("agenda-guidance", { commune: g.org, text: g.text }));
  else lines.push(ctx.t("agenda-guidance-none"));
  lines.push(m.political ? ctx.t("agenda-political", { text: m.political }) : ctx.t("agenda-political-none"));
  let n = 4;
  if (m.thematic) {
    lines.push(ctx.t("agenda-thematic", { quarter: m.thematic.quarter.replace(/^(\d{4})-Q(\d)$/, "$2/$1"), topic: m.thematic.topic ?? "none" }));
    n = 5;
  }
  lines.push(ctx.t("agenda-resolution", { n }));
  return lines;
}

function show(ctx: BotContext, m: AgendaModel): void {
  const head = [ctx.t("agenda-title", { cell: m.cellName, period: periodLabel(ctx, m.period) })];
  head.push(
    m.meeting
      ? ctx.t("agenda-meeting", { date: formatDateVi(m.meeting.date), time: m.meeting.time, place: m.meeting.place ?? ctx.t("meeting-place-unknown") })
      : ctx.t("agenda-no-meeting"),
  );
  if (m.preparedAt) head.push(ctx.t("agenda-stored", { at: formatDateVi(localDate(m.preparedAt, ctx.tz)) }));
  ctx.setFlow(AGENDA_FLOW, "political", { orgId: m.orgId, political: m.political });
  const items = agendaItems(ctx, m);
  const tail = agendaTail(m, items.join("\n"));
  ctx.ask([...head, "", ...items, "", ctx.t("agenda-ask")].join("\n"), [
    { label: ctx.t("agenda-confirm"), action: `ct:save:${tail}` },
    { label: ctx.t("report-cancel"), action: `ct:cancel:${tail}` },
  ]);
}

const agendaFlow = z.object({ orgId: z.number().int().positive(), political: z.string().max(MAX_POLITICAL).nullable() });
const SHOWN_MONTH = /^(\d{4})(0[1-9]|1[0-2])$/;

/**
 * What "Lưu chương trình" and "Hủy" carry: `<cell>:<YYYYMM>:<stamp>`, the stamp a digest of the agenda
 * as worded on the screen — the very text members get with the D-3 reminder — so a press saves that
 * text or nothing: not the political tasks typed after it, nor tasks or guidance changed since it was
 * shown, nor another cell's or month's. At most 10 + 6 + 6 bytes after `ct:save:`: well within Telegram's 64.
 */
function agendaTail(m: Pick<AgendaModel, "orgId" | "period">, text: string): string {
  return `${m.orgId}:${m.period.replace("-", "")}:${screenStamp(m.orgId, m.period, text)}`;
}

async function open(ctx: BotContext, orgId: number, political?: string | null): Promise<void> {
  const m = await agendaModel(ctx.db, ctx.requireActor(), orgId, ctx.today);
  show(ctx, political !== undefined ? { ...m, political } : m);
}

/** The agenda open in this chat as it would be saved now (its model read again, the political tasks as typed); undefined when none is. */
async function openAgenda(ctx: BotContext): Promise<{ model: AgendaModel; text: string } | undefined> {
  const held = ctx.state.flow?.name === AGENDA_FLOW ? agendaFlow.safeParse(ctx.state.flow.data).data : undefined;
  if (!held) return undefined;
  const model = { ...(await agendaModel(ctx.db, ctx.requireActor(), held.orgId, ctx.today)), political: held.political };
  return { model, text: agendaItems(ctx, model).join("\n") };
}

/**
 * `ct:save:<cell>:<YYYYMM>:<stamp>` and `ct:cancel:…` (see `agendaTail`): acted on only while the agenda
 * open in the chat, worded again now, is the one the pressed screen showed. Otherwise nothing is saved
 * or dropped: the reply names the screen pressed and shows the open one again, or, to a second press of
 * the "Lưu" that saved it, says it is saved and when. The pressed screen's keyboard goes unmarked.
 */
async function pressAgenda(ctx: BotContext, verb: "save" | "cancel", [rawId, rawMonth, rawStamp]: readonly (string | undefined)[]): Promise<void> {
  const actor = ctx.requireActor();
  const id = idParam.safeParse(rawId).data;
  const month = SHOWN_MONTH.exec(rawMonth ?? "");
  const period = month ? `${month[1]}-${month[2]}` : undefined;
  const stamp = readStamp(rawStamp);
  // The pressed cell is checked (secretary or deputy of it, now) before anything of it is read or named.
  const pressedCell = id === undefined ? undefined : (await agendaModel(ctx.db, actor, id, ctx.today)).cellName;
  const pressed = id !== undefined && period !== undefined && stamp !== undefined ? `${id}:${rawMonth}:${stamp}` : undefined;
  const open = await openAgenda(ctx);
  if (open && pressed !== undefined && agendaTail(open.model, open.text) === pressed) {
    ctx.clearFlow();
    if (verb === "cancel") {
      ctx.reply("report-cancelled");
      return;
    }
    await saveAgenda(ctx.db, actor, open.model.orgId, open.model.period, open.model.political, open.text, ctx.now);
    ctx.reply("agenda-saved", { period: periodLabel(ctx, open.model.period) });
    return;
  }
  ctx.pressExpired = true;
  const named = pressedCell !== undefined && period !== undefined ? { cell: pressedCell, period: periodLabel(ctx, period) } : undefined;
  const saved = verb === "save" && pressed !== undefined ? await savedAgenda(ctx.db, actor, id!, period!) : undefined;
  if (named && saved && agendaTail({ orgId: id!, period: period! }, saved.text) === pressed) {
    // A second tap on the "Lưu" that saved it: say it is saved, not that nothing was.
    ctx.reply("agenda-stale-saved", { ...named, ...doneAt(saved.preparedAt, ctx.tz) });
  } else {
    ctx.reply(open ? "agenda-stale-other" : "agenda-stale-none", { pressed: named ? ctx.t("agenda-stale-named", named) : ctx.t("agenda-stale-unnamed") });
  }
  if (open) show(ctx, open.model);
}

/** The month a guidance is for: typed ("/dinhhuong 12/2025"), else this month. */
function guidancePeriod(ctx: BotContext, args: string): string | null {
  const month = /^\s*(?:t|thang|tháng)?\s*\d{1,2}(?:\s*[/-]\s*\d{4})?\b/i.exec(args);
  return month ? readMonth(month[0], ctx.today) : ctx.today.slice(0, 7);
}

async function askGuidance(ctx: BotContext, orgId: number, period: string): Promise<void> {
  const current = await currentGuidance(ctx.db, ctx.requireActor(), orgId, period);
  const lines = [
    current.text ? `${ctx.t("guidance-title", { period: periodLabel(ctx, period), org: current.org })}\n${current.text}` : ctx.t("guidance-none", { org: current.org, period: periodLabel(ctx, period) }),
    "",
    ctx.t("guidance-ask", { period: periodLabel(ctx, period), org: current.org }),
  ];
  ctx.setFlow(GUIDANCE_FLOW, "text", { orgId, period });
  ctx.ask(lines.join("\n"), [{ label: ctx.t("report-cancel"), action: "dh:cancel" }]);
}

const guidanceFlow = z.object({ orgId: z.number().int().positive(), period: z.string().regex(/^\d{4}-\d{2}$/), text: z.string().max(MAX_GUIDANCE).optional() });
type HeldGuidance = z.infer<typeof guidanceFlow>;

/** "Đăng định hướng" carries a digest of the text it is under (`dh:ok:<stamp>`): an older preview's publishes nothing. */
function guidanceStamp(held: HeldGuidance & { text: string }): string {
  return screenStamp(held.orgId, held.period, held.text);
}

/** The text typed, shown to confirm; its button is bound to it. */
async function confirmGuidance(ctx: BotContext, held: HeldGuidance & { text: string }): Promise<void> {
  const current = await currentGuidance(ctx.db, ctx.requireActor(), held.orgId, held.period);
  ctx.setFlow(GUIDANCE_FLOW, "confirm", held);
  ctx.ask(ctx.t("guidance-confirm-ask", { org: current.org, text: held.text }), [
    { label: ctx.t("guidance-publish"), action: `dh:ok:${guidanceStamp(held)}` },
    { label: ctx.t("report-cancel"), action: "dh:cancel" },
  ]);
}

/** `/chuongtrinh` (`/agenda`) for the cell's leaders; `/dinhhuong` (`/guidance`) for the commune office. */
export const agendaFeature: Feature = {
  name: "agenda",
  commands: [
    {
      names: ["chuongtrinh", "agenda"],
      requires: ["meeting.manage"],
      description: "cmd-chuongtrinh",
      async run(ctx) {
        const cells = ledCells(ctx);
        if (cells.length === 0) throw new ChiboError("forbidden");
        if (cells.length === 1) return open(ctx, cells[0] as number);
        const choices: Choice[] = [];
        for (const id of cells) choices.push({ label: (await orgName(ctx.db, id)) ?? String(id), action: `ct:cell:${id}` });
        ctx.ask(ctx.t("report-pick-cell"), choices);
      },
    },
    {
      names: ["dinhhuong", "guidance"],
      requires: ["guidance.publish"],
      description: "cmd-dinhhuong",
      async run(ctx, args) {
        const orgs = guidanceOrgs(ctx.requireActor());
        if (orgs.length === 0) throw new ChiboError("forbidden");
        const period = guidancePeriod(ctx, args);
        if (!period) {
          ctx.reply("rollup-bad-month");
          return;
        }
        if (orgs.length === 1) return askGuidance(ctx, orgs[0] as number, period);
        const choices: Choice[] = [];
        for (const id of orgs) choices.push({ label: (await orgName(ctx.db, id)) ?? String(id), action: `dh:org:${id}:${period}` });
        ctx.ask(ctx.t("guidance-pick-org"), choices);
      },
    },
  ],
  actions: {
    async ct(ctx, [verb, ...params]) {
      if (verb === "save" || verb === "cancel") return pressAgenda(ctx, verb, params);
      const id = idParam.safeParse(params[0]);
      if (verb !== "cell" || !id.success) throw new ChiboError("stale_choice");
      return open(ctx, id.data);
    },
    async dh(ctx, [verb, rawId, period]) {
      if (verb === "cancel") {
        ctx.clearFlow();
        ctx.reply("report-cancelled");
        return;
      }
      if (verb === "org") {
        const id = idParam.safeParse(rawId);
        if (!id.success || !period || !/^\d{4}-\d{2}$/.test(period)) throw new ChiboError("stale_choice");
        return askGuidance(ctx, id.data, period);
      }
      if (verb === "ok") {
        const held = ctx.state.flow?.name === GUIDANCE_FLOW ? guidanceFlow.safeParse(ctx.state.flow.data).data : undefined;
        const open = held?.text ? { ...held, text: held.text } : undefined;
        if (!open || readStamp(rawId) !== guidanceStamp(open)) {
          // An older preview's button (another text typed since, or published already): nothing is published.
          ctx.pressExpired = true;
          ctx.reply(open ? "guidance-stale-other" : "guidance-stale-none");
          if (open) await confirmGuidance(ctx, open);
          return;
        }
        const org = await publishGuidance(ctx.db, ctx.requireActor(), open.orgId, open.period, open.text, ctx.now);
        ctx.clearFlow();
        ctx.reply("guidance-published", { period: periodLabel(ctx, open.period), org });
        return;
      }
      throw new ChiboError("stale_choice");
    },
  },
  flows: {
    async [AGENDA_FLOW](ctx, text) {
      const held = agendaFlow.safeParse(ctx.state.flow?.data);
      if (!held.success) throw new ChiboError("stale_choice");
      const political = text.trim();
      if (political.length > MAX_POLITICAL) {
        ctx.reply("agenda-too-long", { max: MAX_POLITICAL });
        return;
      }
      await open(ctx, held.data.orgId, political || null);
    },
    async [GUIDANCE_FLOW](ctx, text) {
      const held = guidanceFlow.safeParse(ctx.state.flow?.data);
      if (!held.success) throw new ChiboError("stale_choice");
      const guidance = text.trim();
      if (guidance.length > MAX_GUIDANCE) {
        ctx.reply("agenda-too-long", { max: MAX_GUIDANCE });
        return;
      }
      if (!guidance) return askGuidance(ctx, held.data.orgId, held.data.period);
      await confirmGuidance(ctx, { ...held.data, text: guidance });
    },
  },
};
