import { ChiboError } from "../../domain/errors.js";
import { findInviteCode, normalizeInviteCode } from "../../domain/invite-code.js";
import { checkInvite, linkByPhone } from "../../services/link.service.js";
import { personName } from "../../services/person-lookup.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { askConsentToLink } from "./privacy-consent.js";

async function redeem(ctx: BotContext, code: string): Promise<void> {
  if (ctx.msg.chatType === "group") {
    ctx.reply("link-private-only");
    return;
  }
  if (ctx.account.personId !== null) {
    ctx.reply("link-already", { name: (await personName(ctx.db, ctx.account.personId)) ?? "" });
    return;
  }
  const outcome = await checkInvite(
    ctx.db,
    { id: ctx.account.id, channel: ctx.msg.channel, platformUserId: ctx.msg.userId, personId: ctx.account.personId },
    code,
    ctx.now,
    { log: ctx.log, tz: ctx.tz },
  );
  // The code is right: the person reads the personal-data notice and accepts before it is used.
  if (outcome.ok) {
    await askConsentToLink(ctx, { via: "code", code: normalizeInviteCode(code) as string, name: outcome.fullName });
    return;
  }
  ctx.reply(`error-${outcome.reason}`);
}

/** Linking a chat account to a person: `/lienket CODE`, a deep link's `/start CODE`, a bare code, or a shared phone number. */
export const linkFeature: Feature = {
  name: "link",
  commands: [
    {
      names: ["lienket", "link"],
      description: "cmd-lienket",
      public: true,
      async run(ctx, args) {
        if (!args) {
          ctx.reply(ctx.account.personId === null ? "link-how" : "link-already-short");
          return;
        }
        // `/lienket "7PM68-VW69B".` copied with its quotes still works; what is no code is refused as typed.
        await redeem(ctx, findInviteCode(`/lienket ${args}`) ?? args);
      },
    },
    {
      names: ["start", "batdau"],
      hidden: true,
      public: true,
      async run(ctx, args) {
        if (args) {
          await redeem(ctx, findInviteCode(`/lienket ${args}`) ?? args);
          return;
        }
        if (ctx.account.personId === null) {
          ctx.replies.push({ text: ctx.t("welcome-unlinked"), requestContact: true });
        } else {
          ctx.reply("welcome-linked", { name: ctx.person?.fullName ?? "" });
        }
      },
    },
  ],
  actions: {
    async contact(ctx) {
      const contact = ctx.msg.contact;
      // A forged `contact` button carries no contact: answer it like any stale button.
      if (!contact) throw new ChiboError("stale_choice");
      // Only a contact the user shared of themselves proves the number is theirs.
      if (contact.userId === undefined || contact.userId !== ctx.msg.userId) {
        ctx.reply("error-contact_not_own");
        return;
      }
      if (ctx.account.personId !== null) {
        ctx.reply("link-already", { name: ctx.person?.fullName ?? "" });
        return;
      }
      const outcome = await linkByPhone(
        ctx.db,
        { id: ctx.account.id, channel: ctx.msg.channel, platformUserId: ctx.msg.userId, personId: ctx.account.personId },
        contact.phone,
        ctx.now,
        false,
      );
      if (outcome.ok) {
        // A plain line first: Telegram takes the "share phone" keyboard away with the first reply without buttons.
        ctx.reply("privacy-phone-received");
        await askConsentToLink(ctx, { via: "phone", phone: contact.phone, name: outcome.fullName });
      } else {
        ctx.reply(`error-${outcome.reason}`);
      }
    },
  },
  async onText(ctx, text) {
    // A code typed alone, or the whole invitation line pasted (people forward it as it came).
    const code = ctx.account.personId === null ? findInviteCode(text) : null;
    if (!code) return false;
    await redeem(ctx, code);
    return true;
  },
};
