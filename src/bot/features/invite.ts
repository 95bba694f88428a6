import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { formatDateVi, localDate } from "../../domain/time.js";
import { recordAccess } from "../../services/access-log.service.js";
import { inviteesFor, inviteGroup, inviteOne, telegramLink, zaloHow, type InviteGroup } from "../../services/onboarding.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Choice } from "../../messaging/message.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
/** A numbered list longer than this is hard to read on a phone: the rest are reached through "Tất cả". */
const MAX_LISTED = 30;
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function requireInviter(ctx: BotContext) {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "invite.create")) throw new ChiboError("forbidden");
  return actor;
}

function roleLabel(ctx: BotContext, role: string): string {
  return ctx.t(`invite-role-${role === "secretary" || role === "deputy_secretary" ? role : "member"}`);
}


/** The invitation's Zalo line: where to find the bot (as configured), then what to send it. */
function zaloLine(ctx: BotContext, code: string): string {
  const [id, args] = zaloHow(ctx.zaloBot, code);
  return ctx.t(id, args);
}

function groupHeading(ctx: BotContext, g: InviteGroup): string {
  return ctx.t(g.kind === "members" ? "invite-list-members" : "invite-list-secretaries", { org: g.orgName, count: g.people.length });
}

/** `/moi` (`/invite`): the people of my cell (or my commune's secretaries) without an account, a code for one, or a sheet for all. */
export const inviteFeature: Feature = {
  name: "invite",
  commands: [
    {
      names: ["moi", "invite"],
      requires: ["invite.create"],
      description: "cmd-moi",
      async run(ctx) {
        const actor = requireInviter(ctx);
        const groups = await inviteesFor(ctx.db, actor, ctx.today);
        if (groups.length === 0) {
          ctx.reply("invite-none");
          return;
        }
        const lines: string[] = [];
        const people: Choice[] = [];
        const all: Choice[] = [];
        for (const g of groups) {
          lines.push(groupHeading(ctx, g));
          const before = people.length;
          const shown: number[] = [];
          for (const p of g.people) {
            if (people.length >= MAX_LISTED) continue;
            shown.push(p.personId);
            people.push({ label: g.kind === "members" ? p.name : `${p.name} — ${roleLabel(ctx, p.role)} ${p.cellName}`, action: `moi:p:${p.personId}` });
          }
          // The names shown are a view of other people's details, logged as the member list is.
          await recordAccess(ctx.db, actor, { what: "invite.list", orgId: g.orgId, peopleCount: people.length - before, subjectIds: shown }, ctx.now);
          all.push({ label: groups.length === 1 ? ctx.t("invite-all") : `${ctx.t("invite-all")} — ${g.orgName}`, action: `moi:all:${g.orgId}` });
        }
        const total = groups.reduce((n, g) => n + g.people.length, 0);
        if (total > people.length) lines.push(ctx.t("invite-more", { count: total - people.length }));
        lines.push("", ctx.t("invite-pick"));
        ctx.ask(lines.join("\n"), [...people, ...all], ctx.t("invite-title"));
      },
    },
  ],
  actions: {
    async moi(ctx, [verb, rawId]) {
      const actor = requireInviter(ctx);
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      if (verb === "p") {
        const outcome = await inviteOne(ctx.db, actor, id.data, ctx.now, ctx.today);
        if (!outcome.ok) {
          ctx.reply(outcome.reason === "linked" ? "invite-already-linked" : "invite-not-in-list");
          return;
        }
        const { name, code, expiresAt } = outcome.invite;
        const date = formatDateVi(localDate(expiresAt, ctx.tz));
        // The Telegram link only where the bot has a Telegram name: a Zalo-only province gets no dead "t.me/<tên_bot>" link.
        const direct = telegramLink(ctx.botName, code);
        const zalo = zaloLine(ctx, code);
        ctx.reply({ text: [ctx.t("invite-one", { name, code, date }), zalo, ...(direct ? [ctx.t("invite-one-telegram", { link: direct })] : [])].join("\n") });
        ctx.replies.push({
          title: ctx.t("invite-forward-title"),
          text: direct ? ctx.t("invite-forward", { name, code, date, link: direct, zalo }) : ctx.t("invite-forward-zalo", { name, code, date, zalo }),
        });
        return;
      }
      if (verb === "all") {
        const { group, invites } = await inviteGroup(ctx.db, actor, id.data, ctx.now, ctx.today);
        if (invites.length === 0) {
          ctx.reply("invite-none");
          return;
        }
        const date = formatDateVi(localDate(invites[0]!.expiresAt, ctx.tz));
        await recordAccess(ctx.db, actor, { what: "invite.list", orgId: group.orgId, subjectIds: invites.map((inv) => inv.personId) }, ctx.now);
        if (!ctx.files) {
          // No files on this channel: say so, and give the same codes as text to copy out.
          const lines = invites.map((inv, i) => `${i + 1}. ${inv.name}${group.kind === "secretaries" ? ` (${inv.cellName})` : ""} — ${inv.code}${ctx.botName ? ` — ${telegramLink(ctx.botName, inv.code)}` : ""}`);
          ctx.replies.push({ title: ctx.t("invite-title"), text: [ctx.t("invite-sheet-no-files", { count: invites.length, date }), zaloLine(ctx, ctx.t("invite-code-placeholder")), "", ...lines].join("\n") });
          return;
        }
        // exceljs and the QR encoder load only when a sheet is made.
        const { inviteSheetXlsx } = await import("../../export/invite-sheet.js");
        const data = await inviteSheetXlsx(
          {
            title: ctx.t("invite-sheet-title", { org: group.orgName }),
            expiresOn: localDate(invites[0]!.expiresAt, ctx.tz),
            zalo: zaloLine(ctx, ctx.t("invite-code-placeholder")),
            rows: invites.map((inv) => ({
              name: group.kind === "secretaries" ? `${inv.name} (${inv.cellName})` : inv.name,
              role: roleLabel(ctx, inv.role),
              code: inv.code,
              link: telegramLink(ctx.botName, inv.code),
            })),
          },
          (key, args) => ctx.t(key, args),
        );
        ctx.replies.push({
          text: ctx.t(ctx.botName ? "invite-sheet-caption" : "invite-sheet-caption-zalo", { org: group.orgName, count: invites.length, date, zalo: zaloLine(ctx, ctx.t("invite-code-placeholder")) }),
          attachment: { kind: "document", filename: "phieu-moi.xlsx", mimeType: XLSX_MIME, data, fallbackText: ctx.t("invite-sheet-no-files", { count: invites.length, date }) },
        });
        return;
      }
      throw new ChiboError("stale_choice");
    },
  },
};
