import { findOrgById } from "../../db/org.repository.js";
import { accountsOfPerson } from "../../db/chat-account.repository.js";
import { findPersonById } from "../../db/person.repository.js";
import { formatDateVi } from "../../domain/time.js";
import type { Feature } from "../feature.js";

/** `/toi` (`/me`): who the bot thinks I am — only my own data. */
export const meFeature: Feature = {
  name: "me",
  commands: [
    {
      names: ["toi", "me"],
      description: "cmd-toi",
      async run(ctx) {
        const actor = ctx.requireActor();
        const person = await findPersonById(ctx.db, actor.personId);
        if (!person) return;
        const cell = person.cell_id !== null ? await findOrgById(ctx.db, person.cell_id) : undefined;
        const lines = [ctx.t("me-name", { name: person.full_name })];
        if (person.membership) {
          lines.push(ctx.t(`membership-${person.membership}`));
          if (person.admitted_on) lines.push(ctx.t("me-admitted", { date: formatDateVi(person.admitted_on) }));
        }
        if (cell) lines.push(ctx.t("me-cell", { cell: cell.name }));
        if (person.exempt) lines.push(ctx.t("me-exempt"));
        if (person.temp_attached) lines.push(ctx.t("me-temp-attached"));
        const roles = [];
        for (const held of actor.roles) {
          if (held.role === "member") continue;
          const org = await findOrgById(ctx.db, held.orgId);
          roles.push(`• ${ctx.t(`role-${held.role}`)} — ${org?.name ?? "?"}`);
        }
        if (roles.length > 0) lines.push(ctx.t("me-roles"), ...roles);
        if (actor.assignments.length > 0) lines.push(ctx.t("me-assignments", { count: actor.assignments.length }));
        const accounts = await accountsOfPerson(ctx.db, person.id);
        lines.push(ctx.t("me-channels", { channels: [...new Set(accounts.map((a) => ctx.t(`channel-${a.channel}`)))].join(", ") }));
        ctx.replies.push({ title: ctx.t("me-title"), text: lines.join("\n") });
      },
    },
  ],
};
