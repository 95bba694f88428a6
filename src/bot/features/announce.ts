import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { checkBody, excerpt, MAX_ANNOUNCEMENT_LENGTH } from "../../domain/announcement.js";
import { ChiboError } from "../../domain/errors.js";
import { heldUntil, isQuiet } from "../../domain/schedule/quiet-hours.js";
import { formatDateVi } from "../../domain/time.js";
import { formatTime } from "../../domain/calendar/day.js";
import { localClock } from "../../domain/schedule/local-time.js";
import { typedUnitCode } from "../../services/org-lookup.service.js";
import {
  announcementStatus,
  announcementStatuses,
  announcementTargets,
  newDraftKey,
  previewAnnouncement,
  sendAnnouncement,
  sentFromPreview,
  type AnnouncementStatus,
  type AnnouncementTarget,
  type SentAnnouncement,
} from "../../services/announcement.service.js";
import type { Actor } from "../../domain/roles.js";
import { announcementProgressKey, progressText } from "../../messaging/outbox-render.js";
import { settingsOfOrg } from "../../services/reminder-settings.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { capabilitiesOf } from "../../messaging/capabilities.js";

const FLOW = "announce";
const idParam = z.coerce.number().int().positive().max(2_147_483_647);
/** Previews replaced in this flow kept to name one whose button is pressed later ("Thông báo A: họp…"). */
const OLDER_KEPT = 3;
const OLDER_EXCERPT = 50;
const olderSchema = z.array(z.object({ k: z.string(), x: z.string() })).max(OLDER_KEPT);
const draftSchema = z.object({ orgId: z.number().int().positive(), body: z.string().optional(), draftKey: z.string().optional(), older: olderSchema.optional() });
type Draft = z.infer<typeof draftSchema>;
type Older = z.infer<typeof olderSchema>;

function requireSender(ctx: BotContext) {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "announcement.send")) throw new ChiboError("forbidden");
  return actor;
}

function draftOf(ctx: BotContext, step?: string): Draft | undefined {
  const flow = ctx.state.flow;
  if (flow?.name !== FLOW || (step !== undefined && flow.step !== step)) return undefined;
  const parsed = draftSchema.safeParse(flow.data);
  return parsed.success ? parsed.data : undefined;
}

/** The previews replaced once the open one is: the open one joins them (the newest kept). */
function replaced(draft: Draft | undefined): Older {
  const older = [...(draft?.older ?? [])];
  if (draft?.draftKey && draft.body) older.push({ k: draft.draftKey, x: excerpt(draft.body, OLDER_EXCERPT) });
  return older.slice(-OLDER_KEPT);
}

/** Ask for the text of an announcement to the org. */
function askBody(ctx: BotContext, orgId: number, orgName: string, older: Older = []) {
  ctx.setFlow(FLOW, "body", { orgId, ...(older.length > 0 ? { older } : {}) });
  ctx.reply("announce-ask-body", { org: orgName, max: MAX_ANNOUNCEMENT_LENGTH });
}

/**
 * Show what will be sent and to how many, with send / edit / cancel. Each button carries the preview's
 * draft key (`tb:send:<key>`), so "Gửi" sends the text it is under or nothing; `shown` shows the open
 * preview again with the same key, so its buttons on screen keep working.
 */
async function preview(ctx: BotContext, orgId: number, text: string, shown?: { draftKey: string; older: Older }) {
  const actor = requireSender(ctx);
  const checked = checkBody(text);
  const p = await previewAnnouncement(ctx.db, actor, orgId, ctx.today);
  const older = shown?.older ?? replaced(draftOf(ctx));
  if (!checked.ok) {
    ctx.setFlow(FLOW, "body", { orgId, ...(older.length > 0 ? { older } : {}) });
    ctx.reply(checked.problem === "empty" ? "announce-body-empty" : "announce-body-too-long", { max: MAX_ANNOUNCEMENT_LENGTH, length: checked.length });
    return;
  }
  const { counts } = p;
  const lines = [
    ctx.t("announce-preview-to", { org: p.orgName, cells: counts.cells }),
    ctx.t("announce-preview-count", { total: counts.total, reachable: counts.reachable, unlinked: counts.total - counts.reachable }),
  ];
  const { quietHours } = await settingsOfOrg(ctx.db, orgId, ctx.today);
  if (isQuiet(ctx.now, quietHours, ctx.tz)) lines.push(ctx.t("announce-preview-quiet", { from: quietHours.deferTo }));
  lines.push("", ctx.t("announce-preview-body"), "", checked.body, "");
  // The console (the demo, an administrator trying it) never delivers: it may still send, to see
  // what each recipient would get and the delivery stats; a messenger with nobody to reach stops here.
  const onConsole = ctx.msg.channel === CONSOLE;
  if (counts.reachable === 0 && onConsole) lines.push(ctx.t("announce-console-try"), "");
  if (counts.reachable === 0 && !onConsole) {
    ctx.clearFlow();
    lines.push(ctx.t("announce-nobody"));
    ctx.replies.push({ title: ctx.t("announce-preview-title"), text: lines.join("\n") });
    return;
  }
  lines.push(ctx.t("announce-preview-ask"));
  const draftKey = shown?.draftKey ?? newDraftKey();
  ctx.setFlow(FLOW, "confirm", { orgId, body: checked.body, draftKey, ...(older.length > 0 ? { older } : {}) });
  ctx.ask(
    lines.join("\n"),
    [
      { label: ctx.t("announce-send"), action: `tb:send:${draftKey}` },
      { label: ctx.t("announce-edit"), action: `tb:edit:${draftKey}` },
      { label: ctx.t("announce-cancel"), action: `tb:cancel:${draftKey}` },
    ],
    ctx.t("announce-preview-title"),
  );
}

/** Where to send: the units in reach; with no text yet, also the delivery of earlier announcements. */
function askTarget(ctx: BotContext, targets: AnnouncementTarget[], text: string) {
  ctx.clearFlow();
  if (text) ctx.setFlow(FLOW, "target", { orgId: targets[0]!.id, body: text });
  ctx.ask(
    ctx.t(text ? "announce-pick-target" : "announce-menu"),
    [
      ...targets.map((t) => ({ label: ctx.t("announce-to", { org: t.name }), action: `tb:to:${t.id}` })),
      ...(text ? [] : [{ label: ctx.t("announce-status-button"), action: "tb:list" }]),
    ],
    ctx.t("announce-title"),
  );
}

function statusLines(ctx: BotContext, s: AnnouncementStatus): string {
  const day = formatDateVi(localClock(s.createdAt, ctx.tz).date);
  return [
    ctx.t("announce-status-line", { date: day, org: s.orgName, excerpt: excerpt(s.body) }),
    `   ${progressText((id, args) => ctx.t(id, args), s.recipients, s.counts, s.counts.pending === 0)}`,
  ].join("\n");
}

/** The open preview (its text and key), if the flow is at it. */
function openPreview(ctx: BotContext): (Draft & { body: string; draftKey: string }) | undefined {
  const draft = draftOf(ctx, "confirm");
  return draft?.body && draft.draftKey ? { ...draft, body: draft.body, draftKey: draft.draftKey } : undefined;
}

/**
 * A button of a preview that is not the open one (a new text typed since, or the announcement sent or
 * cancelled): nothing is sent. The reply names the preview pressed by its text when it is remembered,
 * says so when its announcement already went, and shows the open preview again; the pressed keyboard
 * goes without being marked as chosen.
 */
async function refuseOlderPreview(ctx: BotContext, actor: Actor, verb: string, key: string | undefined): Promise<void> {
  ctx.pressExpired = true;
  const draft = draftOf(ctx);
  const open = openPreview(ctx);
  const named = key === undefined ? undefined : draft?.older?.find((o) => o.k === key)?.x;
  const pressed = named ? ctx.t("announce-stale-named", { excerpt: named }) : ctx.t("announce-stale-unnamed");
  const sent = verb === "send" && key ? await sentFromPreview(ctx.db, actor, key) : undefined;
  if (sent) {
    const at = localClock(sent.createdAt, ctx.tz);
    ctx.reply("announce-stale-sent", { time: formatTime(at.minutes), day: formatDateVi(at.date), org: sent.orgName });
  } else if (open) ctx.reply("announce-stale-other", { pressed });
  else if (draft && ctx.state.flow?.step === "body") ctx.reply("announce-stale-typing", { pressed });
  else ctx.reply("announce-stale-none", { pressed });
  if (open) await preview(ctx, open.orgId, open.body, { draftKey: open.draftKey, older: open.older ?? [] });
}

/** Console accounts never receive notices (`NOT_FOR_NOTICES`): an author there is shown what would be delivered. */
const CONSOLE = "console";

/**
 * On the console, after "Gửi": the copy each recipient gets, as their chat shows it, and the
 * delivery as it stands (progress, then the stats once nothing waits), so the demo shows it all.
 */
async function showOnConsole(ctx: BotContext, actor: Actor, sent: SentAnnouncement, body: string): Promise<void> {
  ctx.replies.push({ title: ctx.t("announce-console-copy-title", { count: sent.queued }), text: `${ctx.t("announce-heading", { org: sent.from })}\n${body}` });
  const status = await announcementStatus(ctx.db, actor, sent.id);
  const done = status.counts.pending === 0;
  const { counts } = status;
  const text = done
    ? ctx.t("announce-stats", { org: status.orgName, total: status.recipients, sent: counts.sent, unreachable: counts.unreachable, unlinked: counts.unlinked, pending: counts.pending })
    : progressText((id, args) => ctx.t(id, args), status.recipients, counts, false);
  ctx.replies.push({ title: ctx.t(done ? "announce-stats-title" : "announce-progress-title"), text });
}

/**
 * `/thongbao` (`/announce`): a commune or the province sends a message to everyone in its subtree.
 * Pick where, type the text, see a preview with the number of recipients, confirm; the copies go
 * out through the reminders outbox and the author watches one message count up, then gets the stats.
 */
export const announceFeature: Feature = {
  name: "announce",
  commands: [
    {
      names: ["thongbao", "announce"],
      description: "cmd-thongbao",
      requires: ["announcement.send"],
      async run(ctx, args) {
        const actor = requireSender(ctx);
        const text = args.trim();
        const targets = await announcementTargets(ctx.db, actor, ctx.today);
        if (targets.length === 0) throw new ChiboError("forbidden");
        // `/thongbao MÃ-ĐƠN-VỊ [nội dung]`: straight to that unit, and to the preview when the text came too.
        const [, code = "", rest = ""] = /^(\S+)\s*([\s\S]*)$/.exec(text) ?? [];
        const byCode = code ? await typedUnitCode(ctx.db, code) : null;
        if (byCode === "unknown") {
          ctx.reply("unit-code-unknown", { code: code.slice(0, 40) });
          return;
        }
        if (byCode) {
          await previewAnnouncement(ctx.db, actor, byCode.id, ctx.today);
          if (rest.trim()) await preview(ctx, byCode.id, rest);
          else askBody(ctx, byCode.id, byCode.name);
          return;
        }
        if (text && targets.length === 1) {
          await preview(ctx, targets[0]!.id, text);
          return;
        }
        askTarget(ctx, targets, text);
      },
    },
  ],
  actions: {
    async tb(ctx, [verb, param]) {
      const actor = requireSender(ctx);
      switch (verb) {
        case "to": {
          const orgId = idParam.safeParse(param);
          if (!orgId.success) throw new ChiboError("stale_choice");
          const p = await previewAnnouncement(ctx.db, actor, orgId.data, ctx.today);
          const pending = draftOf(ctx, "target");
          if (pending?.body) {
            await preview(ctx, orgId.data, pending.body);
            return;
          }
          askBody(ctx, orgId.data, p.orgName);
          return;
        }
        case "send": {
          const draft = openPreview(ctx);
          if (!draft || param !== draft.draftKey) return refuseOlderPreview(ctx, actor, verb, param);
          const sent = await sendAnnouncement(ctx.db, actor, { orgId: draft.orgId, body: draft.body, draftKey: draft.draftKey }, { channel: ctx.msg.channel, chatId: ctx.msg.chatId }, ctx.now, ctx.today);
          ctx.clearFlow();
          if (!sent) throw new ChiboError("stale_choice");
          ctx.outboxWritten = true;
          // Where the channel edits, this very message counts up and ends with what happened:
          // no other message is promised.
          const edits = capabilitiesOf(ctx.msg.channel).edits;
          // In quiet hours the sender holds the copies (the same rule, `heldUntil`): say when they go, not that they are going.
          const { quietHours } = await settingsOfOrg(ctx.db, draft.orgId, ctx.today);
          const held = heldUntil(ctx.now, { dueAt: ctx.now, attempts: 0 }, quietHours, ctx.tz);
          const at = held ? localClock(held, ctx.tz) : undefined;
          const started = at
            ? ctx.t("announce-held", { total: sent.recipients, queued: sent.queued, time: formatTime(at.minutes), day: formatDateVi(at.date) })
            : ctx.t("announce-started", { total: sent.recipients, queued: sent.queued });
          ctx.replies.push({
            title: ctx.t(at ? "announce-held-title" : "announce-started-title"),
            text: [started, ctx.t(edits ? "announce-started-edits" : "announce-started-later")].join("\n"),
            choices: [{ label: ctx.t("announce-refresh"), action: `tb:st:${sent.id}` }],
            ...(edits ? { editKey: announcementProgressKey(sent.id) } : {}),
          });
          if (ctx.msg.channel === CONSOLE) await showOnConsole(ctx, actor, sent, draft.body);
          return;
        }
        case "edit": {
          const draft = openPreview(ctx);
          if (!draft || param !== draft.draftKey) return refuseOlderPreview(ctx, actor, verb, param);
          const p = await previewAnnouncement(ctx.db, actor, draft.orgId, ctx.today);
          askBody(ctx, draft.orgId, p.orgName, replaced(draft));
          return;
        }
        case "cancel": {
          const draft = openPreview(ctx);
          if (!draft || param !== draft.draftKey) return refuseOlderPreview(ctx, actor, verb, param);
          ctx.clearFlow();
          ctx.reply("announce-cancelled");
          return;
        }
        case "list": {
          const list = await announcementStatuses(ctx.db, actor);
          if (list.length === 0) {
            ctx.reply("announce-none-yet");
            return;
          }
          ctx.replies.push({ title: ctx.t("announce-status-title"), text: list.map((s) => statusLines(ctx, s)).join("\n") });
          return;
        }
        case "st": {
          const id = idParam.safeParse(param);
          if (!id.success) throw new ChiboError("stale_choice");
          const s = await announcementStatus(ctx.db, actor, id.data);
          ctx.replies.push({ title: ctx.t("announce-status-title"), text: statusLines(ctx, s) });
          return;
        }
        default:
          throw new ChiboError("stale_choice");
      }
    },
  },
  flows: {
    async [FLOW](ctx, text) {
      const draft = draftOf(ctx);
      if (!draft) {
        ctx.clearFlow();
        throw new ChiboError("stale_choice");
      }
      if (ctx.state.flow?.step === "target") {
        // A new text while the unit is still to be picked: keep it, ask again.
        const targets = await announcementTargets(ctx.db, requireSender(ctx), ctx.today);
        askTarget(ctx, targets, text);
        return;
      }
      // The body asked for, or a new one typed over the preview.
      await preview(ctx, draft.orgId, text);
    },
  },
};
