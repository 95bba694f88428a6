import type { Feature } from "../feature.js";

/** `/huy` (`/cancel`): leave whatever form or question is open. */
export const cancelFeature: Feature = {
  name: "cancel",
  commands: [
    {
      names: ["huy", "cancel"],
      description: "cmd-huy",
      public: true,
      async run(ctx) {
        const had = ctx.state.flow !== undefined || (ctx.state.choices?.length ?? 0) > 0;
        ctx.clearFlow();
        ctx.reply(had ? "cancel-done" : "cancel-nothing");
      },
    },
  ],
};
