import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { assign, assignableByCode, assignableUnits, candidatesFor, coverageGaps, householdLabel, managedAssignments, unassign } from "../../services/assignment.service.js";
import { orgName } from "../../services/org-lookup.service.js";
import { personName } from "../../services/person-lookup.service.js";
import type { Actor } from "../../domain/roles.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Choice } from "../../messaging/message.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const MAX_CHOICES = 20;

function requireManager(ctx: BotContext) {
  const actor = ctx.requireActor();
  if (!mayEver(actor, "assignment.manage")) throw new ChiboError("forbidden");
  return actor;
}

async function gapsText(ctx: BotContext) {
  const gaps = await coverageGaps(ctx.db, requireManager(ctx), ctx.today);
  const lines: string[] = [];
  // A commune office has no communes below it: the province level shows only where there are some.
  if (gaps.communes.length > 0) {
    lines.push(ctx.t("gaps-communes", { count: gaps.communes.length }));
    for (const c of gaps.communes) lines.push(`• ${c.name}`);
    lines.push("");
  }
  lines.push(ctx.t("gaps-cells", { count: gaps.cells.length }));
  for (const c of gaps.cells) lines.push(`• ${c.name}${c.parent_name ? ` (${c.parent_name})` : ""}`);
  lines.push("", ctx.t("gaps-households", { count: gaps.households.length }));
  for (const h of gaps.households.slice(0, 30)) lines.push(`• ${h.code}: ${h.head_name} (${h.village_name})`);
  if (gaps.households.length > 30) lines.push(ctx.t("gaps-more", { count: gaps.households.length - 30 }));
  return { gaps, text: lines.join("\n") };
}

/** Who may follow a target, as choices; a reply when nobody may. */
async function askPerson(ctx: BotContext, actor: Actor, kind: "o" | "h", id: number, targetName: string) {
  const target = kind === "o" ? { orgId: id, householdId: null } : { orgId: null, householdId: id };
  const people = await candidatesFor(ctx.db, actor, target, ctx.today);
  if (people.length === 0) {
    ctx.reply("assign-no-candidates");
    return;
  }
  ctx.ask(
    ctx.t("assign-pick-person", { target: targetName }),
    people.slice(0, MAX_CHOICES).map((p) => ({ label: p.full_name, action: `pc:p:${kind}:${id}:${p.id}` })),
  );
}

/** `/phancong` (`/assign`): assign cadres to cells and members to households, or end an assignment; `/chuaphutrach` (`/gaps`). */
/** A code to show in "/phancong MÃ": one of the office's own cells (or communes), never a made-up one; "none" when it has none. */
function byCodeExample(units: readonly { code: string; level: string }[]): string {
  return (units.find((u) => u.level === "cell") ?? units[0])?.code ?? "none";
}

export const assignmentFeature: Feature = {
  name: "assignment",
  commands: [
    {
      names: ["phancong", "assign"],
      requires: ["assignment.manage"],
      description: "cmd-phancong",
      async run(ctx, args) {
        const actor = requireManager(ctx);
        // "/phancong MÃ": any commune, cell or household in reach, by its code.
        const code = args.trim().split(/\s+/)[0];
        if (code) {
          const target = await assignableByCode(ctx.db, actor, code.toUpperCase(), ctx.today);
          if (!target) {
            ctx.reply("assign-unknown-code", { code: code.slice(0, 40) });
            return;
          }
          const name = target.householdId !== null ? ctx.t("assign-household-target", { label: target.name }) : target.name;
          await askPerson(ctx, actor, target.orgId !== null ? "o" : "h", (target.orgId ?? target.householdId) as number, name);
          return;
        }
        ctx.ask(ctx.t("assign-what"), [
          { label: ctx.t("assign-new"), action: "pc:new" },
          { label: ctx.t("assign-any"), action: "pc:any" },
          { label: ctx.t("assign-end"), action: "pc:list" },
        ]);
      },
    },
    {
      names: ["chuaphutrach", "gaps"],
      requires: ["assignment.manage"],
      description: "cmd-chuaphutrach",
      async run(ctx) {
        const { text } = await gapsText(ctx);
        ctx.replies.push({ title: ctx.t("gaps-title"), text });
      },
    },
  ],
  actions: {
    async pc(ctx, [verb, a, b, c]) {
      const actor = requireManager(ctx);
      if (verb === "new") {
        const { gaps, text } = await gapsText(ctx);
        const choices: Choice[] = [
          ...gaps.communes.map((c) => ({ label: c.name, action: `pc:t:o:${c.id}` })),
          ...gaps.cells.map((cell) => ({ label: cell.name, action: `pc:t:o:${cell.id}` })),
          ...gaps.households.map((h) => ({ label: `${h.head_name} (${h.village_name})`, action: `pc:t:h:${h.id}` })),
        ].slice(0, MAX_CHOICES);
        if (choices.length === 0) {
          ctx.reply("gaps-none");
          ctx.reply("assign-by-code", { example: byCodeExample(await assignableUnits(ctx.db, actor, ctx.today)) });
          return;
        }
        ctx.ask(`${text}\n\n${ctx.t("assign-pick-target")}`, choices, ctx.t("gaps-title"));
        return;
      }
      if (verb === "t" || verb === "p") {
        const id = idParam.safeParse(b);
        if ((a !== "o" && a !== "h") || !id.success) throw new ChiboError("stale_choice");
        const target = a === "o" ? { orgId: id.data, householdId: null } : { orgId: null, householdId: id.data };
        const label = a === "o" ? await orgName(ctx.db, id.data) : await householdLabel(ctx.db, id.data);
        // "phụ trách hộ Hoàng Văn Sáng (thôn Pò Lài)": a household is named as one, not as its head alone.
        const targetName = a === "h" && label ? ctx.t("assign-household-target", { label }) : label;
        if (verb === "t") return askPerson(ctx, actor, a, id.data, targetName ?? "");
        const person = idParam.safeParse(c);
        if (!person.success) throw new ChiboError("stale_choice");
        const { created } = await assign(ctx.db, actor, { cadreId: person.data, ...target }, ctx.now, ctx.today);
        const who = await personName(ctx.db, person.data);
        ctx.reply(created ? "assign-done" : "assign-already", { person: who ?? "", target: targetName ?? "" });
        return;
      }
      if (verb === "any") {
        const units = await assignableUnits(ctx.db, actor, ctx.today);
        if (units.length === 0) {
          ctx.reply("assign-by-code", { example: "none" });
          return;
        }
        ctx.ask(
          `${ctx.t("assign-pick-unit")}\n${ctx.t("assign-by-code", { example: byCodeExample(units) })}`,
          units.slice(0, MAX_CHOICES).map((u) => ({ label: u.parent_name && u.level === "cell" ? `${u.name} (${u.parent_name})` : u.name, action: `pc:t:o:${u.id}` })),
        );
        return;
      }
      if (verb === "list") {
        const rows = await managedAssignments(ctx.db, actor, ctx.today);
        if (rows.length === 0) {
          ctx.reply("assign-none-active");
          return;
        }
        ctx.ask(
          ctx.t("assign-pick-end"),
          rows.slice(0, MAX_CHOICES).map((r) => ({ label: `${r.cadre_name} → ${r.org_name ?? ctx.t("assigned-household", { head: r.head_name ?? "?" })}`, action: `pc:e:${r.id}` })),
        );
        return;
      }
      if (verb === "e") {
        const id = idParam.safeParse(a);
        if (!id.success) throw new ChiboError("stale_choice");
        await unassign(ctx.db, actor, id.data, ctx.now, ctx.today);
        ctx.reply("assign-ended");
        return;
      }
      throw new ChiboError("stale_choice");
    },
  },
};
