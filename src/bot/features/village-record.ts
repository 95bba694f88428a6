import { z } from "zod";
import { periodInFileName } from "../../domain/forms/file-name.js";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { defaultPeriod } from "../../domain/forms/default-period.js";
import {
  applyChanges,
  diffFigures,
  FIGURE_KEYS,
  isUnchanged,
  ORGANIZATIONS,
  readChanges,
  readQuarter,
  recentQuarters,
  type RecordChange,
  type RecordDiff,
  type VillageFigures,
  type VillageUnit,
  type Worker,
} from "../../domain/records/village-record.js";
import { fold } from "../../domain/text/fold.js";
import { orgName } from "../../services/org-lookup.service.js";
import { personName } from "../../services/person-lookup.service.js";
import { layoutProblem } from "../../export/province-layout.js";
import { villageWorkbook } from "../../export/village-workbook.js";
import { saveVillageRecord, storedVillageRecord, villageCellsAmong, villageRecordFor, villageTable } from "../../services/village-record.service.js";
import { asStored } from "../../services/village-record-store.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { doneAt, readStamp, screenStamp } from "../screen-stamp.js";
import { periodLabel } from "../report/flow.js";
import { reportingCells } from "../report/led-cells.js";

export const VILLAGE_FLOW = "village-record";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const quarterParam = z.string().regex(/^\d{4}-Q[1-4]$/);

/** What the open record conversation remembers (stored with the conversation). */
interface VillageFlowData {
  orgId: number;
  period: string;
  cellName: string;
  /** Thôn, tổ dân phố…: the head's title follows it (a flow stored before it was kept reads as a thôn). */
  unit?: VillageUnit;
  /** The quarter the starting values come from (null: none yet). */
  from: string | null;
  base: VillageFigures;
  changes: RecordChange[];
  /**
   * The revision of the quarter's own record the screen was opened on (0: none yet): "Lưu" stores
   * nothing once another was saved since. Missing in a conversation stored before it (not checked).
   */
  revision?: number;
}

function flowData(ctx: BotContext): VillageFlowData | null {
  const flow = ctx.state.flow;
  if (!flow || flow.name !== VILLAGE_FLOW) return null;
  const d = flow.data as unknown as VillageFlowData;
  return typeof d.orgId === "number" && typeof d.period === "string" && Array.isArray(d.changes) ? d : null;
}

function numberVi(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("vi-VN") : String(n).replace(".", ",");
}

/**
 * A worker on one line: `Trưởng thôn: Nông Văn Hải, nam, 1980, Tày, 12/12, làm ruộng, đảng viên`; the
 * head's title is the one of the village's kind (`Tổ trưởng tổ dân phố: …` in a tổ dân phố).
 */
export function workerLine(ctx: Pick<BotContext, "t">, w: Worker, unit: VillageUnit = "thon"): string {
  const parts = [
    w.name,
    w.sex ? ctx.t(w.sex === "F" ? "records-sex-f" : "records-sex-m") : null,
    w.birthYear !== null ? String(w.birthYear) : null,
    w.ethnicity,
    w.education,
    w.occupation,
    ctx.t(w.partyMember ? "records-party-member" : "records-not-party-member"),
  ].filter((p): p is string => p !== null && p !== "");
  return `${ctx.t(`records-role-${w.role}`, { unit })}: ${parts.join(", ")}`;
}

/** The record as lines, with what changed from `before` marked (✎) and the old value shown. */
export function recordText(ctx: Pick<BotContext, "t">, figures: VillageFigures, diff?: RecordDiff, before?: VillageFigures, unit: VillageUnit = "thon"): string {
  const lines: string[] = [];
  const mark = (changed: boolean, old: number | undefined) => (changed ? ` ✎ ${ctx.t("records-was", { value: old === undefined ? "—" : numberVi(old) })}` : "");
  for (const key of FIGURE_KEYS) {
    const v = figures[key];
    if (v === undefined && !diff?.figures.includes(key)) continue;
    lines.push(`• ${ctx.t(`records-field-${key}`)}: ${v === undefined ? "—" : numberVi(v)}${mark(Boolean(diff?.figures.includes(key)), before?.[key])}`);
  }
  const orgs = ORGANIZATIONS.filter((k) => figures.organizations[k] !== undefined || diff?.organizations.includes(k));
  if (orgs.length > 0) {
    lines.push(ctx.t("records-organizations"));
    for (const k of orgs) {
      const v = figures.organizations[k];
      lines.push(`  ${ctx.t(`records-org-${k}`)}: ${v === undefined ? "—" : numberVi(v)}${mark(Boolean(diff?.organizations.includes(k)), before?.organizations[k])}`);
    }
  }
  lines.push(ctx.t("records-workforce", { count: figures.workforce.length }));
  figures.workforce.forEach((w, i) => {
    const tag = diff?.workersAdded.includes(i) ? ` ✎ ${ctx.t("records-added")}` : diff?.workersChanged.includes(i) ? " ✎" : "";
    lines.push(`  ${i + 1}. ${workerLine(ctx, w, unit)}${tag}`);
  });
  for (const w of diff?.workersRemoved ?? []) lines.push(`  ✎ ${ctx.t("records-removed", { worker: workerLine(ctx, w, unit) })}`);
  return lines.join("\n");
}

function current(data: VillageFlowData): VillageFigures {
  return applyChanges(data.base, data.changes);
}

/** Show the record being edited and what may be done next. */
function show(ctx: BotContext, data: VillageFlowData): void {
  ctx.setFlow(VILLAGE_FLOW, "edit", data as unknown as Record<string, unknown>);
  const figures = current(data);
  const changed = data.changes.length > 0;
  const head = ctx.t("records-head", { cell: data.cellName, period: periodLabel(ctx, data.period) });
  const from = data.from === null ? ctx.t("records-from-none") : data.from === data.period ? ctx.t("records-from-same") : ctx.t("records-from", { period: periodLabel(ctx, data.from) });
  const body = recordText(ctx, figures, changed ? diffFigures(data.base, figures) : undefined, data.base, data.unit ?? "thon");
  const tail = recordTail(data);
  const choices = [];
  if (changed) choices.push({ label: ctx.t("records-save"), action: `vr:save:${tail}` });
  else if (data.from !== null) choices.push({ label: ctx.t("records-keep"), action: `vr:keep:${tail}` });
  choices.push({ label: ctx.t("report-cancel"), action: `vr:cancel:${tail}` });
  ctx.ask([head, from, "", body, "", ctx.t(changed ? "records-more-hint" : "records-change-hint")].join("\n"), choices);
}

/**
 * What a record screen's "Lưu", "Không thay đổi" and "Hủy" carry: `<cell>:<YYYY-Qn>:<stamp>`, the stamp a
 * digest of the figures the screen would store (as they read back once stored), so a press stores those
 * or nothing — not the changes typed after it, nor another village's or quarter's. At most
 * 10 + 7 + 6 bytes after `vr:cancel:`: well within Telegram's 64.
 */
function recordTail(data: VillageFlowData): string {
  return `${data.orgId}:${data.period}:${recordStamp(data.orgId, data.period, current(data))}`;
}

function recordStamp(orgId: number, period: string, figures: VillageFigures): string {
  return screenStamp(orgId, period, asStored(figures));
}

/**
 * The village cells the actor leads (an office clerk who is also secretary of the commune's agency
 * cell keeps no village record there, and sees the office's view).
 */
async function villageCells(ctx: BotContext): Promise<number[]> {
  return villageCellsAmong(ctx.db, reportingCells(ctx));
}

async function open(ctx: BotContext, orgId: number, period: string): Promise<void> {
  if (!(await villageCells(ctx)).includes(orgId)) throw new ChiboError("forbidden");
  const view = await villageRecordFor(ctx.db, ctx.requireActor(), orgId, period, ctx.now);
  show(ctx, { orgId, period, cellName: view.cellName, unit: view.unit, from: view.from, base: view.figures, changes: [], revision: view.revision });
}

function askQuarter(ctx: BotContext, orgId: number): void {
  const suggested = defaultPeriod("quarter", ctx.today);
  const quarters = [suggested, ...recentQuarters(ctx.today).filter((q) => q !== suggested)];
  ctx.ask(ctx.t("records-pick-quarter"), quarters.map((q) => ({ label: periodLabel(ctx, q), action: `vr:q:${orgId}:${q}` })));
}

async function save(ctx: BotContext, data: VillageFlowData): Promise<void> {
  const figures = current(data);
  let outcome: Awaited<ReturnType<typeof saveVillageRecord>>;
  try {
    outcome = await saveVillageRecord(ctx.db, ctx.requireActor(), data.orgId, data.period, figures, ctx.now, ctx.today, data.revision);
  } catch (error) {
    if (error instanceof ChiboError && error.code === "record_changed") return savedMeanwhile(ctx, data);
    throw error;
  }
  ctx.clearFlow();
  const changes = diffFigures(data.base, figures);
  const count = changes.figures.length + changes.organizations.length + changes.workersAdded.length + changes.workersChanged.length + changes.workersRemoved.length;
  ctx.reply(isUnchanged(changes) || data.from === null ? "records-saved" : "records-saved-changes", { cell: data.cellName, period: periodLabel(ctx, data.period), count });
  if (outcome.reportLocked) ctx.reply("records-report-locked");
}

/**
 * "Lưu" (or "Không thay đổi") pressed after someone else saved the quarter's record (the deputy, a
 * report, an import) since the screen was opened: nothing was stored. Said who saved it and when, what
 * differs from the values the screen started from, then the record as stored now with this person's own
 * changes laid over it (marked ✎, "trước: …" the stored value), to save again or cancel.
 */
async function savedMeanwhile(ctx: BotContext, data: VillageFlowData): Promise<void> {
  ctx.pressExpired = true;
  const stored = await storedVillageRecord(ctx.db, ctx.requireActor(), data.orgId, data.period);
  if (!stored) return open(ctx, data.orgId, data.period);
  const unit = data.unit ?? "thon";
  const args = { cell: data.cellName, period: periodLabel(ctx, data.period), ...doneAt(stored.at, ctx.tz) };
  const by = stored.by === null ? undefined : await personName(ctx.db, stored.by);
  const lines = [by ? ctx.t("records-changed-by", { ...args, by }) : ctx.t("records-changed", args)];
  const theirs = diffFigures(data.base, stored.figures);
  if (isUnchanged(theirs)) lines.push(ctx.t("records-changed-same"));
  else lines.push(ctx.t("report-changed-fields"), ...diffLines(ctx, data.base, stored.figures, theirs, unit));
  lines.push(ctx.t("records-changed-next"));
  ctx.reply({ text: lines.join("\n") });
  // This person's own changes (what differs from the values their screen started from), over the stored record.
  const mine = current(data);
  const own = diffFigures(data.base, mine);
  const target: VillageFigures = { ...stored.figures, organizations: { ...stored.figures.organizations } };
  for (const key of own.figures) {
    if (mine[key] === undefined) delete target[key];
    else target[key] = mine[key];
  }
  for (const key of own.organizations) {
    if (mine.organizations[key] === undefined) delete target.organizations[key];
    else target.organizations[key] = mine.organizations[key];
  }
  if (own.workersAdded.length + own.workersChanged.length + own.workersRemoved.length > 0) target.workforce = mine.workforce;
  show(ctx, { ...data, from: data.period, base: stored.figures, changes: rebase(stored.figures, target), revision: stored.revision });
}

/** What differs between two versions of a record, a line each: `• Số hộ: 142 (trước: 140)`, the workers added, changed, removed. */
function diffLines(ctx: BotContext, before: VillageFigures, after: VillageFigures, diff: RecordDiff, unit: VillageUnit): string[] {
  const value = (v: number | undefined) => (v === undefined ? "—" : numberVi(v));
  return [
    ...diff.figures.map((k) => `• ${ctx.t(`records-field-${k}`)}: ${value(after[k])} ${ctx.t("records-was", { value: value(before[k]) })}`),
    ...diff.organizations.map((k) => `• ${ctx.t(`records-org-${k}`)}: ${value(after.organizations[k])} ${ctx.t("records-was", { value: value(before.organizations[k]) })}`),
    ...diff.workersAdded.map((i) => `• ${workerLine(ctx, after.workforce[i]!, unit)} ${ctx.t("records-added")}`),
    ...diff.workersChanged.filter((i) => !diff.workersAdded.includes(i)).map((i) => `• ${workerLine(ctx, after.workforce[i]!, unit)} ✎`),
    ...diff.workersRemoved.map((w) => `• ${ctx.t("records-removed", { worker: workerLine(ctx, w, unit) })}`),
  ];
}

/**
 * `vr:<save|keep|cancel>:<cell>:<YYYY-Qn>:<stamp>` (see `recordTail`): acted on only while the record
 * open in the chat is the one the pressed screen showed, and its button is one that screen had. Otherwise
 * nothing is stored, no report filed, nothing dropped: the reply names the screen pressed and shows the
 * open one again, or, to a second press of the button that stored it, says it is stored and when.
 */
async function pressRecord(ctx: BotContext, verb: "save" | "keep" | "cancel", rawId: string | undefined, rawPeriod: string | undefined, rawStamp: string | undefined): Promise<void> {
  const id = idParam.safeParse(rawId).data;
  const period = quarterParam.safeParse(rawPeriod).data;
  const stamp = readStamp(rawStamp);
  // The pressed village is checked (the actor leads it, now) before anything of it is read or named.
  if (id !== undefined && !(await villageCells(ctx)).includes(id)) throw new ChiboError("forbidden");
  const data = flowData(ctx);
  const pressed = id !== undefined && period !== undefined && stamp !== undefined ? `${id}:${period}:${stamp}` : undefined;
  const offered = data && (verb === "cancel" || (verb === "save" ? data.changes.length > 0 : data.changes.length === 0 && data.from !== null));
  if (data && offered && pressed !== undefined && recordTail(data) === pressed) {
    if (verb !== "cancel") return save(ctx, data);
    ctx.clearFlow();
    ctx.reply("records-cancelled");
    return;
  }
  ctx.pressExpired = true;
  const named = id !== undefined && period !== undefined ? { cell: (await orgName(ctx.db, id)) ?? String(id), period: periodLabel(ctx, period) } : undefined;
  const stored = verb !== "cancel" && pressed !== undefined ? await storedVillageRecord(ctx.db, ctx.requireActor(), id!, period!) : undefined;
  if (named && stored && recordStamp(id!, period!, stored.figures) === stamp) {
    // A second tap on the button that stored it: say it is stored, not that nothing was.
    ctx.reply("records-stale-saved", { ...named, ...doneAt(stored.at, ctx.tz) });
  } else {
    ctx.reply(data ? "records-stale-other" : "records-stale-none", { pressed: named ? ctx.t("records-stale-named", named) : ctx.t("records-stale-unnamed") });
  }
  if (data) show(ctx, data);
}

/** The villages of the office's commune (or province) for a quarter: a line each and the Excel file. */
async function sendTable(ctx: BotContext, rootId: number, period: string): Promise<void> {
  const table = await villageTable(ctx.db, ctx.requireActor(), rootId, period, ctx.now);
  const lines = [ctx.t("records-table-head", { org: table.orgName, period: periodLabel(ctx, period), done: table.rows.filter((r) => r.figures).length, total: table.rows.length })];
  for (const r of table.rows) {
    if (!r.figures) {
      lines.push(`• ${r.cellName}: ${ctx.t("records-table-missing")}`);
      continue;
    }
    const changed = r.diff.figures.length + r.diff.organizations.length + r.diff.workersAdded.length + r.diff.workersChanged.length + r.diff.workersRemoved.length;
    lines.push(`• ${r.cellName}: ${ctx.t("records-table-line", { population: r.figures.population ?? 0, households: r.figures.households ?? 0, changed })}`);
  }
  let data: Uint8Array;
  try {
    data = await villageWorkbook(table, { t: (id, args) => ctx.t(id, args), today: ctx.today });
  } catch (error) {
    // An office's own layout it cannot be filled: say which file and what to fix.
    const problem = layoutProblem(error, (id, args) => ctx.t(id, args));
    if (problem === undefined) throw error;
    lines.push("", problem);
    ctx.reply({ text: lines.join("\n") });
    return;
  }
  ctx.replies.push({
    text: lines.join("\n"),
    attachment: {
      kind: "document",
      filename: `ho-so-thon-${periodInFileName(period)}.xlsx`,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      data,
      fallbackText: ctx.t("records-table-fallback", { period }),
    },
  });
}

/** Orgs whose villages the person sees as an office: where they are office staff or on the standing committee. */
function officeRoots(ctx: BotContext): number[] {
  const actor = ctx.requireActor();
  return [...new Set(actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing").map((r) => r.orgId))];
}

/**
 * `/hosothon [quý 3/2025]` (`/village`): the village record. A secretary picks the quarter, sees last
 * quarter's values, keeps them in one tap ("không thay đổi") or types only what changed; the office
 * sees its villages for the quarter with the changes counted, and the Excel file with them marked.
 */
export const villageRecordFeature: Feature = {
  name: "village-record",
  commands: [
    {
      names: ["hosothon", "village"],
      requires: ["records.view"],
      description: "cmd-hosothon",
      async run(ctx, args) {
        const actor = ctx.requireActor();
        const named = args ? readQuarter(args, ctx.today) : undefined;
        if (args && !named) {
          ctx.reply("records-bad-quarter");
          return;
        }
        const cells = await villageCells(ctx);
        if (cells.length > 0) {
          if (cells.length > 1) {
            const choices = [];
            for (const id of cells) choices.push({ label: (await orgName(ctx.db, id)) ?? String(id), action: `vr:c:${id}:${named ?? "-"}` });
            ctx.ask(ctx.t("report-pick-cell"), choices);
            return;
          }
          if (named) return open(ctx, cells[0]!, named);
          return askQuarter(ctx, cells[0]!);
        }
        if (!mayEver(actor, "records.view")) throw new ChiboError("forbidden");
        const roots = officeRoots(ctx);
        if (roots.length === 0) throw new ChiboError("forbidden");
        const period = named ?? defaultPeriod("quarter", ctx.today);
        if (roots.length === 1) return sendTable(ctx, roots[0]!, period);
        const choices = [];
        for (const id of roots) choices.push({ label: (await orgName(ctx.db, id)) ?? String(id), action: `vr:o:${id}:${period}` });
        ctx.ask(ctx.t("export-pick-org"), choices);
      },
    },
  ],
  actions: {
    async vr(ctx, [verb, rawId, rawPeriod, rawStamp]) {
      if (verb === "c" || verb === "q" || verb === "o") {
        const id = idParam.safeParse(rawId);
        if (!id.success) throw new ChiboError("stale_choice");
        const period = quarterParam.safeParse(rawPeriod);
        if (verb === "o") {
          // Any org in the person's reach: the service checks `records.view` on it.
          if (!period.success) throw new ChiboError("stale_choice");
          return sendTable(ctx, id.data, period.data);
        }
        if (!(await villageCells(ctx)).includes(id.data)) throw new ChiboError("forbidden");
        if (period.success) return open(ctx, id.data, period.data);
        return askQuarter(ctx, id.data);
      }
      if (verb === "save" || verb === "keep" || verb === "cancel") return pressRecord(ctx, verb, rawId, rawPeriod, rawStamp);
      throw new ChiboError("stale_choice");
    },
  },
  flows: {
    async [VILLAGE_FLOW](ctx, text) {
      const data = flowData(ctx);
      if (!data) return;
      const words = fold(text).replace(/[.!]+$/, "").trim();
      if (/^(khong thay doi|giu nguyen|nhu cu|unchanged)$/.test(words) && data.changes.length === 0 && data.from !== null) return save(ctx, data);
      if (/^(luu|xong|gui|save)$/.test(words) && data.changes.length > 0) return save(ctx, data);
      const read = readChanges(text, Number(ctx.today.slice(0, 4)), current(data).workforce.length);
      if (read.problems.length > 0 || read.changes.length === 0) {
        const lines = read.problems.map((p) => `⚠ ${ctx.t(`records-bad-${p.code}`, { line: p.line })}`);
        ctx.reply({ text: [ctx.t("records-not-read"), ...lines, "", ctx.t("records-change-hint")].join("\n") });
        return;
      }
      // Worker numbers refer to the list as shown now: fold the earlier changes in first.
      const shown = current(data);
      const merged = applyChanges(shown, read.changes);
      data.changes = rebase(data.base, merged);
      show(ctx, data);
    },
  },
};

/**
 * The changes that take `base` to `target`, as one list the stored conversation keeps: figures and
 * organizations that differ, then the workforce replaced by the target's (removals first, then the list).
 */
function rebase(base: VillageFigures, target: VillageFigures): RecordChange[] {
  const out: RecordChange[] = [];
  for (const key of FIGURE_KEYS) if (target[key] !== undefined && target[key] !== base[key]) out.push({ kind: "figure", key, value: target[key]! });
  for (const key of ORGANIZATIONS) {
    const v = target.organizations[key];
    if (v !== undefined && v !== base.organizations[key]) out.push({ kind: "organization", key, value: v });
  }
  const sameList = JSON.stringify(base.workforce) === JSON.stringify(target.workforce);
  if (!sameList) {
    base.workforce.forEach((_, index) => out.push({ kind: "remove_worker", index }));
    for (const worker of target.workforce) out.push({ kind: "add_worker", worker });
  }
  return out;
}
