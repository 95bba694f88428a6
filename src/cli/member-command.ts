import { parseArgs } from "node:util";
import { readLeaveReason } from "../domain/membership.js";
import { formatDateVi, localDate } from "../domain/time.js";
import type { Command, Io } from "./command.js";
import { readPostWord } from "../domain/cell-post.js";
import { changePost, confirmMember, memberLeaves, transferMember, type MemberChangeOutcome } from "../services/member.service.js";
import { changeCommand, dateOption, refuse, type ChangeCommandContext } from "./org-command.js";

function report(io: Io, t: ChangeCommandContext["t"], outcome: MemberChangeOutcome, done: (o: Extract<MemberChangeOutcome, { ok: true }>) => string): number {
  if (!outcome.ok) return refuse(io, t, "member-change", outcome.problems);
  io.stdout.write(`${done(outcome)}\n`);
  if (outcome.dryRun) io.stdout.write(`${t("org-dry-run")}\n`);
  return 0;
}

/**
 * `chibo member transfer|leave|confirm|post …` on an open database: 0 recorded (or a dry run passed),
 * 1 refused (nothing written), 2 usage.
 *
 * @example chibo member leave HL-004 --reason "từ trần" --on 20/11/2026
 */
export async function memberCommand(args: string[], io: Io, ctx: ChangeCommandContext): Promise<number> {
  const { t } = ctx;
  const { values, positionals } = parseArgs({ args, options: MEMBER_OPTIONS, allowPositionals: true });
  const [verb, person, ...rest] = positionals;
  const usage = () => {
    io.stderr.write(`${t("member-usage")}\n`);
    return 2;
  };
  if (!person || rest.length > 0) return usage();
  const opts = { today: localDate(ctx.now, ctx.tz), now: ctx.now, dryRun: values["dry-run"] ?? false };
  const when = () => (values.on === undefined ? (usage(), null) : dateOption(io, t, values.on));
  if (verb === "transfer") {
    if (!values.to) return usage();
    const on = when();
    if (!on) return 2;
    const outcome = await transferMember(ctx.db, { person, toCell: values.to, on }, opts);
    return report(io, t, outcome, (o) => t("member-done-transfer", { on: formatDateVi(o.on), name: o.person.name, from: o.from ?? t("member-none"), to: o.to ?? "", rolesEnded: o.rolesEnded }));
  }
  if (verb === "leave") {
    if (!values.reason) return usage();
    const reason = readLeaveReason(values.reason);
    if (!reason) {
      io.stderr.write(`${t("org-bad-reason", { value: values.reason })}\n`);
      return 2;
    }
    const on = when();
    if (!on) return 2;
    const outcome = await memberLeaves(ctx.db, { person, reason, on }, opts);
    return report(io, t, outcome, (o) =>
      t("member-done-leave", { on: formatDateVi(o.on), name: o.person.name, reason: t(`member-reason-${reason}`), rolesEnded: o.rolesEnded, accounts: o.accountsUnlinked }),
    );
  }
  if (verb === "confirm") {
    const on = when();
    if (!on) return 2;
    const outcome = await confirmMember(ctx.db, { person, on }, opts);
    return report(io, t, outcome, (o) => t("member-done-confirm", { on: formatDateVi(o.on), name: o.person.name }));
  }
  if (verb === "post") {
    if (values.post === undefined) return usage();
    const post = readPostWord(values.post);
    if (post === null) {
      io.stderr.write(`${t("org-bad-post", { value: values.post })}\n`);
      return 2;
    }
    const on = when();
    if (!on) return 2;
    const outcome = await changePost(ctx.db, { person, post: post === "none" ? null : post, on }, opts);
    return report(io, t, outcome, (o) => {
      const posts = (list: readonly string[]) => (list.length === 0 ? t("member-post-none") : list.map((p) => t(`member-post-${p}`)).join(", "));
      const before = o.posts?.before ?? [];
      const after = o.posts?.after ?? [];
      const same = before.length === after.length && before.every((p) => after.includes(p));
      return same
        ? t("member-post-unchanged", { name: o.person.name, cell: o.from ?? "", post: posts(after) })
        : t("member-done-post", { on: formatDateVi(o.on), name: o.person.name, cell: o.from ?? "", post: posts(after), before: posts(before) });
    });
  }
  return usage();
}

/** `chibo member …` from the command line (or through a running `chibo start`'s admin socket). */
const MEMBER_OPTIONS = { to: { type: "string" }, reason: { type: "string" }, post: { type: "string" }, on: { type: "string" }, "dry-run": { type: "boolean" } } as const;

export const runMember: Command = changeCommand(MEMBER_OPTIONS, memberCommand);
