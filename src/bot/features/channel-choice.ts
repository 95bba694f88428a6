import { chooseReminderChannel, linkedMessengers, reminderChannels } from "../../services/channel-pref.service.js";
import { fold } from "../../domain/text/fold.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { clip } from "../../domain/text/clip.js";

const AUTO = "auto";
const AUTO_WORDS = new Set(["auto", "tudong", "tu dong", "gan nhat", "mac dinh"]);

function channelName(ctx: BotContext, channel: string): string {
  return ctx.t(`channel-${channel}`);
}

async function choose(ctx: BotContext, personId: number, channel: string): Promise<void> {
  await chooseReminderChannel(ctx.db, personId, channel === AUTO ? null : channel, ctx.now);
  if (channel === AUTO) ctx.reply("channel-set-auto");
  else ctx.reply("channel-set", { channel: channelName(ctx, channel) });
}

/**
 * `/kenh` (`/channel`): someone linked on several messengers chooses where reminders go
 * (default: the one used last). `/kenh zalo` chooses directly; without an argument the choices are
 * listed (buttons on Telegram, a numbered list on Zalo).
 */
export const channelChoiceFeature: Feature = {
  name: "channel-choice",
  commands: [
    {
      names: ["kenh", "channel"],
      description: "cmd-kenh",
      async run(ctx, args) {
        const actor = ctx.requireActor();
        const { linked: channels, chosen: preference, current } = await reminderChannels(ctx.db, actor.personId);
        if (args) {
          const word = fold(args.trim());
          const picked = AUTO_WORDS.has(word) ? AUTO : channels.find((c) => c === word || fold(channelName(ctx, c)) === word);
          if (!picked) {
            ctx.reply("channel-unknown", { name: clip(args.trim(), 32) });
            return;
          }
          return choose(ctx, actor.personId, picked);
        }
        if (channels.length === 0) {
          ctx.reply("channel-none");
          return;
        }
        const status = !current
          ? ctx.t("channel-current-unreachable")
          : ctx.t(preference === current ? "channel-current-chosen" : "channel-current-auto", {
              channel: channelName(ctx, current),
            });
        if (channels.length === 1) {
          ctx.reply({ text: [status, ctx.t("channel-only-one", { channel: channelName(ctx, channels[0] as string) })].join("\n") });
          return;
        }
        ctx.ask(`${status}\n${ctx.t("channel-ask")}`, [
          ...channels.map((c) => ({ label: channelName(ctx, c), action: `kenh:${c}` })),
          { label: ctx.t("channel-auto-label"), action: `kenh:${AUTO}` },
        ]);
      },
    },
  ],
  actions: {
    async kenh(ctx, [param]) {
      const actor = ctx.requireActor();
      const channels = await linkedMessengers(ctx.db, actor.personId);
      // A stored choice may name a channel unlinked since: re-check, never trust the payload.
      if (param !== AUTO && !channels.includes(param ?? "")) {
        ctx.reply("error-stale_choice");
        return;
      }
      await choose(ctx, actor.personId, param as string);
    },
  },
};
