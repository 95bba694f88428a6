import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { probationEnd, PROBATION_NOTICE_DAYS } from "../../domain/membership.js";
import { CERTIFICATE_MONTHS_MAX, CERTIFICATE_MONTHS_MIN, CERTIFICATE_VALID_MONTHS, certificateExpiresOn, groupsOf, GROUPS, nextStep, readCandidate, stageOf, STEPS, type Candidate, type Step } from "../../domain/records/candidate.js";
import { readPastDay } from "../../domain/records/words.js";
import { classifyMessage } from "../../domain/parse/classify.js";
import { fold } from "../../domain/text/fold.js";
import { formatDateVi } from "../../domain/time.js";
import { orgName } from "../../services/org-lookup.service.js";
import {
  addCandidate,
  advanceCandidate,
  candidateFor,
  candidatesOfCell,
  certificateMonthsInForce,
  dropCandidate,
  pipelineSummary,
  setCertificateMonths,
  setDevelopmentTarget,
} from "../../services/candidate.service.js";
import { isProvinceOffice } from "../../services/retention.service.js";
import type { Choice } from "../../messaging/message.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { reportingCells } from "../report/led-cells.js";

const ADD_FLOW = "development-add";
const DATE_FLOW = "development-date";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const stepParam = z.enum(STEPS);
const monthsParam = z.coerce.number().int().min(1).max(9999);
/** `/phattrien giaychungnhan [36]`: the certificate validity in force, or the province office's change to it. */
const CERTIFICATE_WORDS = /^(giay chung nhan|giaychungnhan|chung nhan|gcn|certificate)(?:\s+(\d{1,4}))?(?:\s*thang)?$/;

function stageLine(ctx: BotContext, c: Candidate): string {
  const stage = stageOf(c);
  const day = stage === "dropped" ? c.droppedOn : c.dates[stage];
  return `${c.name} — ${ctx.t(`dev-stage-${stage}`)}${day ? ` (${formatDateVi(day)})` : ""}`;
}

async function listCell(ctx: BotContext, orgId: number): Promise<void> {
  if (!reportingCells(ctx).includes(orgId)) throw new ChiboError("forbidden");
  const list = await candidatesOfCell(ctx.db, ctx.requireActor(), orgId, ctx.now);
  const cellName = await orgName(ctx.db, orgId);
  const followed = list.filter((c) => stageOf(c) !== "dropped" && stageOf(c) !== "full");
  const lines = [ctx.t("dev-list-head", { cell: cellName ?? "", count: followed.length })];
  followed.forEach((c, i) => lines.push(`${i + 1}. ${stageLine(ctx, c)}`));
  if (followed.length === 0) lines.push(ctx.t("dev-list-empty"));
  lines.push("", ctx.t("dev-add-hint"));
  // An office clerk who also leads the agency cell: the commune's (or province's) pipeline is one digit away.
  const upper: Choice[] = [];
  for (const id of upperRoots(ctx)) upper.push({ label: ctx.t("dev-summary-of", { org: (await orgName(ctx.db, id)) ?? "" }), action: `pt:u:${id}` });
  ctx.ask(lines.join("\n"), [
    ...followed.map((c) => ({ label: c.name, action: `pt:v:${c.id}` })),
    { label: ctx.t("dev-add"), action: `pt:a:${orgId}` },
    ...upper,
  ]);
}

function candidateText(ctx: BotContext, c: Candidate, certificateMonths: number): string {
  const about = [
    c.sex ? ctx.t(c.sex === "F" ? "records-sex-f" : "records-sex-m") : null,
    c.birthYear !== null ? String(c.birthYear) : null,
    c.ethnicity,
    c.religion ? ctx.t("dev-religion", { religion: c.religion }) : null,
  ].filter(Boolean);
  const lines = [`${c.name}${about.length > 0 ? ` (${about.join(", ")})` : ""}`];
  const groups = groupsOf(c);
  if (groups.length > 0) lines.push(ctx.t("dev-groups", { groups: groups.map((g) => ctx.t(`dev-group-${g}`)).join(", ") }));
  for (const step of STEPS) {
    const day = c.dates[step];
    lines.push(`${day ? "✓" : "·"} ${ctx.t(`dev-step-${step}`)}${day ? `: ${formatDateVi(day)}` : ""}`);
  }
  if (c.dates.certificate && !c.dates.admitted) lines.push(ctx.t("dev-certificate-valid", { date: formatDateVi(certificateExpiresOn(c.dates.certificate, certificateMonths)) }));
  if (c.dates.admitted && !c.dates.full) lines.push(ctx.t("dev-probation-ends", { date: formatDateVi(probationEnd(c.dates.admitted)) }));
  if (c.droppedOn) lines.push(ctx.t("dev-dropped-on", { date: formatDateVi(c.droppedOn) }));
  return lines.join("\n");
}

async function showCandidate(ctx: BotContext, id: number): Promise<void> {
  const c = await candidateFor(ctx.db, ctx.requireActor(), id, "candidate.manage");
  const next = nextStep(c);
  const choices = [];
  if (next) choices.push({ label: ctx.t(`dev-do-${next}`), action: `pt:s:${c.id}:${next}` });
  if (!c.droppedOn && !c.dates.admitted) choices.push({ label: ctx.t("dev-drop"), action: `pt:d:${c.id}` });
  choices.push({ label: ctx.t("dev-back"), action: `pt:l:${c.orgId}` });
  ctx.ask(candidateText(ctx, c, await certificateMonthsInForce(ctx.db)), choices);
}

async function add(ctx: BotContext, orgId: number, text: string): Promise<void> {
  const year = Number(ctx.today.slice(0, 4));
  const input = readCandidate(text, year);
  if (typeof input === "string") {
    ctx.setFlow(ADD_FLOW, "text", { orgId });
    // Name the item not understood ("giáo viên"), so the secretary knows what to leave out.
    const [name, ...items] = text.split(",").map((p) => p.trim());
    const part = input === "part" ? (items.find((item) => readCandidate(`${name}, ${item}`, year) === "part") ?? "") : "";
    ctx.reply(`dev-bad-${input}`, { part: part.slice(0, 60) });
    ctx.reply("dev-add-ask");
    return;
  }
  ctx.clearFlow();
  const id = await addCandidate(ctx.db, ctx.requireActor(), orgId, input, ctx.today, ctx.now);
  ctx.reply("dev-added", { name: input.name, date: formatDateVi(ctx.today) });
  await showCandidate(ctx, id);
}

async function advance(ctx: BotContext, id: number, step: Step, on: string): Promise<void> {
  const outcome = await advanceCandidate(ctx.db, ctx.requireActor(), id, step, on, ctx.today, ctx.now);
  if (!outcome.ok) {
    const c = await candidateFor(ctx.db, ctx.requireActor(), id, "candidate.manage");
    const args = {
      date: formatDateVi(on),
      expires: c.dates.certificate ? formatDateVi(certificateExpiresOn(c.dates.certificate, await certificateMonthsInForce(ctx.db))) : "",
      ends: c.dates.admitted ? formatDateVi(probationEnd(c.dates.admitted)) : "",
    };
    ctx.setFlow(DATE_FLOW, "date", { id, step });
    ctx.reply(`dev-problem-${outcome.problem}`, args);
    return;
  }
  ctx.clearFlow();
  const c = await candidateFor(ctx.db, ctx.requireActor(), id, "candidate.manage");
  ctx.reply(`dev-done-${step}`, { name: c.name, date: formatDateVi(on), ends: c.dates.admitted ? formatDateVi(probationEnd(c.dates.admitted)) : "", days: PROBATION_NOTICE_DAYS });
  await showCandidate(ctx, id);
}

/** The pipeline under the office's org for a year, against the target: counts only. */
async function summary(ctx: BotContext, rootId: number, year: string): Promise<void> {
  const s = await pipelineSummary(ctx.db, ctx.requireActor(), rootId, year, ctx.today);
  const k = s.counts;
  const lines = [ctx.t("dev-summary-head", { org: s.orgName, year })];
  lines.push(
    s.target === null
      ? ctx.t("dev-summary-admitted", { admitted: k.admittedInYear })
      : ctx.t("dev-summary-target", { admitted: k.admittedInYear, target: s.target, percent: s.target > 0 ? Math.round((100 * k.admittedInYear) / s.target) : 0 }),
  );
  lines.push(ctx.t("dev-summary-stages"));
  for (const stage of ["identified", "certificate", "dossier", "admitted", "full"] as const) lines.push(`  ${ctx.t(`dev-stage-${stage}`)}: ${k.byStage[stage]}`);
  lines.push(ctx.t("dev-summary-groups"));
  for (const g of GROUPS) lines.push(`  ${ctx.t(`dev-group-${g}`)}: ${k.admittedByGroup[g]} / ${k.pendingByGroup[g]}`);
  if (s.parts.length > 0) {
    lines.push(ctx.t("dev-summary-parts"));
    for (const p of s.parts) lines.push(`  • ${p.name}: ${ctx.t("dev-summary-part", { admitted: p.admitted, pending: p.pending })}`);
  }
  ctx.reply({ text: lines.join("\n") });
}

/**
 * The certificate validity: shown to whoever uses `/phattrien`; a number from the province office asks
 * to confirm the change, naming the value in force and the new one (the button carries both, so a
 * change made meanwhile is not overwritten unseen).
 */
async function certificateMonths(ctx: BotContext, wanted: number | undefined): Promise<void> {
  const inForce = await certificateMonthsInForce(ctx.db);
  const bounds = { min: CERTIFICATE_MONTHS_MIN, max: CERTIFICATE_MONTHS_MAX };
  if (wanted === undefined) {
    ctx.reply(inForce === CERTIFICATE_VALID_MONTHS ? "dev-certificate-months-default" : "dev-certificate-months", { months: inForce, default: CERTIFICATE_VALID_MONTHS });
    ctx.reply("dev-certificate-months-how", bounds);
    return;
  }
  if (!(await isProvinceOffice(ctx.db, ctx.requireActor()))) throw new ChiboError("forbidden");
  if (wanted < CERTIFICATE_MONTHS_MIN || wanted > CERTIFICATE_MONTHS_MAX) {
    ctx.reply("dev-certificate-months-out-of-range", { ...bounds, months: wanted });
    return;
  }
  if (wanted === inForce) {
    ctx.reply("dev-certificate-months-same", { months: inForce });
    return;
  }
  ctx.ask(ctx.t("dev-certificate-months-confirm", { before: inForce, after: wanted }), [
    { label: ctx.t("dev-certificate-months-yes", { months: wanted }), action: `pt:g:${wanted}:${inForce}` },
    { label: ctx.t("dev-certificate-months-keep", { months: inForce }), action: `pt:g:${inForce}:${inForce}` },
  ]);
}

/** Orgs whose pipeline the person sees as an office or committee: where those roles are held. */
function upperRoots(ctx: BotContext): number[] {
  const actor = ctx.requireActor();
  return [...new Set(actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing" || r.role === "commune_committee").map((r) => r.orgId))];
}

/**
 * `/phattrien` (`/development`): the party-development pipeline. A secretary lists the cell's
 * candidates, adds one (`/phattrien them Lương Thị Thu, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh`)
 * and records each step with its day; the office and committee see the pipeline by stage and group
 * against the year's target (`/phattrien chitieu 40` sets it); `/phattrien giaychungnhan` shows the
 * certificate validity in force, which the province office changes (`/phattrien giaychungnhan 36`).
 */
export const developmentFeature: Feature = {
  name: "development",
  commands: [
    {
      names: ["phattrien", "development"],
      requires: ["candidate.view", "rollup.view"],
      description: "cmd-phattrien",
      async run(ctx, args) {
        const actor = ctx.requireActor();
        const words = fold(args).replace(/\s+/g, " ").trim();
        const certificate = CERTIFICATE_WORDS.exec(words);
        if (certificate) return certificateMonths(ctx, certificate[2] === undefined ? undefined : Number(certificate[2]));
        const target = /^(chi tieu|chitieu|target)\s+(\d{1,6})(?:\s+(\d{4}))?$/.exec(words);
        if (target) {
          const roots = actor.roles.filter((r) => r.role === "office_staff").map((r) => r.orgId);
          if (roots.length === 0) throw new ChiboError("forbidden");
          const year = Number(target[3] ?? ctx.today.slice(0, 4));
          await setDevelopmentTarget(ctx.db, actor, roots[0]!, year, Number(target[2]), ctx.now);
          ctx.reply("dev-target-set", { org: (await orgName(ctx.db, roots[0]!)) ?? "", year: String(year), target: Number(target[2]) });
          return;
        }
        // A year or "tổng hợp" asks for the pipeline of the committee or office one belongs to (an office
        // clerk may also lead the commune's agency cell, whose own list is the answer without them).
        const wantsSummary = /^(\d{4}|tong hop|tonghop|summary)(\s+\d{4})?$/.test(words) && upperRoots(ctx).length > 0;
        const cells = wantsSummary ? [] : reportingCells(ctx);
        const addText = /^(them|add)\b/.test(words) ? args.replace(/^\S+\s*:?\s*/, "") : undefined;
        if (cells.length > 0) {
          if (addText !== undefined) {
            if (cells.length > 1) {
              ctx.setFlow(ADD_FLOW, "cell", { text: addText });
              const choices = [];
              for (const id of cells) choices.push({ label: (await orgName(ctx.db, id)) ?? String(id), action: `pt:a:${id}` });
              ctx.ask(ctx.t("report-pick-cell"), choices);
              return;
            }
            if (!addText) {
              ctx.setFlow(ADD_FLOW, "text", { orgId: cells[0]! });
              ctx.reply("dev-add-ask");
              return;
            }
            return add(ctx, cells[0]!, addText);
          }
          if (cells.length === 1) return listCell(ctx, cells[0]!);
          const choices = [];
          for (const id of cells) choices.push({ label: (await orgName(ctx.db, id)) ?? String(id), action: `pt:l:${id}` });
          ctx.ask(ctx.t("report-pick-cell"), choices);
          return;
        }
        if (!mayEver(actor, "rollup.view") && !mayEver(actor, "candidate.view")) throw new ChiboError("forbidden");
        const roots = upperRoots(ctx);
        if (roots.length === 0) throw new ChiboError("forbidden");
        const year = /(\d{4})/.exec(words)?.[1] ?? ctx.today.slice(0, 4);
        for (const id of roots) await summary(ctx, id, year);
      },
    },
  ],
  actions: {
    async pt(ctx, [verb, rawId, rawStep]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      switch (verb) {
        case "g": {
          // The certificate validity: months chosen, from the value shown when asked.
          const [months, expected] = [monthsParam.safeParse(rawId), monthsParam.safeParse(rawStep)];
          if (!months.success || !expected.success) throw new ChiboError("stale_choice");
          const outcome = await setCertificateMonths(ctx.db, ctx.requireActor(), months.data, expected.data, ctx.now);
          if (!outcome.ok) {
            const shown = outcome.problem === "changed" ? outcome.inForce : months.data;
            ctx.reply(`dev-certificate-months-${outcome.problem === "changed" ? "changed" : "out-of-range"}`, { months: shown, min: CERTIFICATE_MONTHS_MIN, max: CERTIFICATE_MONTHS_MAX });
            return;
          }
          ctx.reply(outcome.before === outcome.after ? "dev-certificate-months-kept" : "dev-certificate-months-set", { before: outcome.before, after: outcome.after });
          return;
        }
        case "l":
          return listCell(ctx, id.data);
        case "u":
          // The summary re-checks the roll-up (or candidate) access to the unit the payload names.
          return summary(ctx, id.data, ctx.today.slice(0, 4));
        case "a": {
          if (!reportingCells(ctx).includes(id.data)) throw new ChiboError("forbidden");
          const held = ctx.state.flow?.name === ADD_FLOW ? (ctx.state.flow.data as { text?: unknown }) : undefined;
          if (typeof held?.text === "string" && held.text) return add(ctx, id.data, held.text);
          ctx.setFlow(ADD_FLOW, "text", { orgId: id.data });
          ctx.reply("dev-add-ask");
          return;
        }
        case "v":
          ctx.clearFlow();
          return showCandidate(ctx, id.data);
        case "s": {
          const step = stepParam.safeParse(rawStep);
          if (!step.success) throw new ChiboError("stale_choice");
          const c = await candidateFor(ctx.db, ctx.requireActor(), id.data, "candidate.manage");
          if (nextStep(c) !== step.data) throw new ChiboError("stale_choice");
          ctx.setFlow(DATE_FLOW, "date", { id: id.data, step: step.data });
          ctx.ask(ctx.t("dev-ask-date", { step: ctx.t(`dev-step-${step.data}`), name: c.name }), [
            { label: ctx.t("dev-today"), action: `pt:t:${id.data}:${step.data}` },
            { label: ctx.t("report-cancel"), action: `pt:v:${id.data}` },
          ]);
          return;
        }
        case "t": {
          const step = stepParam.safeParse(rawStep);
          if (!step.success) throw new ChiboError("stale_choice");
          return advance(ctx, id.data, step.data, ctx.today);
        }
        case "d":
          await dropCandidate(ctx.db, ctx.requireActor(), id.data, ctx.today, ctx.now);
          ctx.reply("dev-dropped");
          return showCandidate(ctx, id.data);
      }
      throw new ChiboError("stale_choice");
    },
  },
  flows: {
    async [ADD_FLOW](ctx, text) {
      const data = ctx.state.flow?.data as { orgId?: unknown } | undefined;
      const orgId = idParam.safeParse(data?.orgId);
      if (!orgId.success || !reportingCells(ctx).includes(orgId.data)) {
        ctx.clearFlow();
        ctx.reply("report-use-choices");
        return;
      }
      // A report or a correction typed while the bot waits for a name goes to the report, not into the list.
      const kind = classifyMessage(text, { now: ctx.now }).kind;
      if (kind !== "chatter" && kind !== "meeting-notice") {
        ctx.clearFlow();
        return "pass";
      }
      return add(ctx, orgId.data, text);
    },
    async [DATE_FLOW](ctx, text) {
      const data = ctx.state.flow?.data as { id?: unknown; step?: unknown } | undefined;
      const id = idParam.safeParse(data?.id);
      const step = stepParam.safeParse(data?.step);
      if (!id.success || !step.success) {
        ctx.clearFlow();
        return;
      }
      const on = readPastDay(text, ctx.now);
      if (!on) {
        ctx.reply("dev-bad-date");
        return;
      }
      return advance(ctx, id.data, step.data, on);
    },
  },
};
