import { fold } from "../../domain/text/fold.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { isLocale, type Locale } from "../../messaging/i18n.js";

function pick(arg: string): Locale | null {
  const word = fold(arg.trim());
  if (["vi", "viet", "tieng viet", "vietnamese"].includes(word)) return "vi";
  if (["en", "anh", "tieng anh", "english"].includes(word)) return "en";
  return null;
}

function set(ctx: BotContext, locale: Locale): void {
  ctx.locale = locale;
  ctx.reply("language-set");
}

/** `/ngonngu` (`/language`): Vietnamese or English, remembered per account. */
export const languageFeature: Feature = {
  name: "language",
  commands: [
    {
      names: ["ngonngu", "language", "lang"],
      description: "cmd-ngonngu",
      public: true,
      async run(ctx, args) {
        const chosen = args ? pick(args) : null;
        if (chosen) return set(ctx, chosen);
        ctx.ask(ctx.t("language-ask"), [
          { label: "Tiếng Việt", action: "lang:vi" },
          { label: "English", action: "lang:en" },
        ]);
      },
    },
  ],
  actions: {
    async lang(ctx, [code]) {
      if (!isLocale(code)) {
        ctx.reply("error-stale_choice");
        return;
      }
      set(ctx, code);
    },
  },
};
