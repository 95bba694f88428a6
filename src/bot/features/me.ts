import { profileCard, profileCards, type ProfileCard } from "../../services/person-lookup.service.js";
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
        const person = (ctx.readAhead as ProfileCard | undefined) ?? (await profileCard(ctx.db, actor.personId, actor.roles.map((r) => r.orgId)));
        if (!person) return;
        const cell = person.cellName;
        const lines = [ctx.t("me-name", { name: person.fullName })];
        if (person.membership) {
          lines.push(ctx.t(`membership-${person.membership}`));
          if (person.admittedOn) lines.push(ctx.t("me-admitted", { date: formatDateVi(person.admittedOn) }));
        }
        if (cell) lines.push(ctx.t("me-cell", { cell }));
        if (person.exempt) lines.push(ctx.t("me-exempt"));
        if (person.tempAttached) lines.push(ctx.t("me-temp-attached"));
        const roles = [];
        for (const held of actor.roles) {
          if (held.role === "member") continue;
          roles.push(`• ${ctx.t(`role-${held.role}`)} — ${person.orgNames.get(held.orgId) ?? "?"}`);
        }
        if (roles.length > 0) lines.push(ctx.t("me-roles"), ...roles);
        if (actor.assignments.length > 0) lines.push(ctx.t("me-assignments", { count: actor.assignments.length }));
        lines.push(ctx.t("me-channels", { channels: person.channels.map((c) => ctx.t(`channel-${c}`)).join(", ") }));
        // The console is linked but takes no reminders (`NOT_FOR_NOTICES`): say so, as `remind --dry-run` does.
        if (!person.channels.some((c) => c !== "console")) lines.push(ctx.t("me-console-only"));
        ctx.replies.push({ title: ctx.t("me-title"), text: lines.join("\n") });
      },
      readAhead: (db, actors) => profileCards(db, actors.map((a) => ({ personId: a.personId, orgIds: a.roles.map((r) => r.orgId) }))),
    },
  ],
};
