/** What the fuzz and access tests check on every reply and on the stored state. */
import { sql } from "kysely";
import type { Reply } from "../../src/messaging/message.js";
import { createI18n, LOCALES } from "../../src/messaging/i18n.js";
import { MAX_TEXT_LENGTH } from "../../src/bot/bot.js";
import type { Db } from "../../src/db/schema.js";

const i18n = createI18n();
const KNOWN_IDS = new Set(LOCALES.flatMap((l) => i18n.ids(l)));

/** Answers that mean "refused, nothing done": after one of these, nothing that matters may have changed. */
const REFUSAL_IDS = [
  "error-forbidden",
  "error-stale_choice",
  "error-not_linked",
  "error-not_found",
  "error-invalid_input",
  "error-contact_not_own",
  "error-invite_unknown",
  "error-invite_used",
  "error-invite_expired",
  "error-invite_rate_limited",
  "error-phone_unknown",
  "error-phone_ambiguous",
  "not-understood",
];
export const REFUSALS = new Set(
  LOCALES.flatMap((l) => [...REFUSAL_IDS.map((id) => i18n.t(l, id)), i18n.t(l, "error-too-long", { max: MAX_TEXT_LENGTH })]),
);

/** Whether the replies are one plain refusal. */
export function isRefusal(replies: readonly Reply[]): boolean {
  return replies.length > 0 && replies.every((r) => REFUSALS.has(r.text));
}

// What a reply must never show (unless someone typed it and it is shown back: a self-review's comment,
// a report's notes, typed by one user and read later by another).
export const LEAKS = ["undefined", "NaN", "[object Object]", "{$", "{ $", "Error:", "TypeError", "Exception", "    at ", "ECONN", "violates", "syntax error", "relation \"", "Kysely", "pg_"];
const ID_LIKE = /(?<![\p{L}\p{N}_/.@-])[a-z][a-z0-9]*(?:-[a-z0-9_]+)+(?![\p{L}\p{N}_-])/gu;

/** Whether the leak sits in text someone typed earlier, shown back with its neighbours (a stored comment). */
function shownBack(shown: string, at: number, leak: string, typedBefore: readonly string[]): boolean {
  const withBefore = shown.slice(Math.max(0, at - 6), at + leak.length);
  const withAfter = shown.slice(at, at + leak.length + 6);
  // A comment that is nothing but the word ("NaN" typed as a self-assessment) is shown back whole, where it stands.
  const whole = (t: string) => {
    const i = t.trim().indexOf(leak);
    return i >= 0 && at - i >= 0 && shown.startsWith(t.trim(), at - i);
  };
  return typedBefore.some((t) => t.includes(withBefore) || t.includes(withAfter) || whole(t));
}

/**
 * Problems with what a user reads, as short descriptions (empty when all is well): empty replies,
 * internals (stack traces, "undefined", English exceptions), raw Fluent ids.
 */
export function replyProblems(replies: readonly Reply[], input: string, typedBefore: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const r of replies) {
    const shown = [r.title ?? "", r.text, ...(r.choices ?? []).map((c) => c.label), r.attachment?.fallbackText ?? ""].join("\n");
    if (!r.text.trim() && !r.attachment) problems.push("empty reply");
    for (const leak of LEAKS) {
      const at = shown.indexOf(leak);
      // The words around it, so a failing seed names the message to fix.
      if (at >= 0 && !input.includes(leak) && !shownBack(shown, at, leak, typedBefore)) {
        problems.push(`shows ${JSON.stringify(leak)} in …${JSON.stringify(shown.slice(Math.max(0, at - 60), at + 40))}…`);
      }
    }
    for (const m of shown.matchAll(ID_LIKE)) {
      const token = m[0];
      if (KNOWN_IDS.has(token) && !input.includes(token)) problems.push(`shows the Fluent id ${token}`);
    }
    for (const line of shown.split("\n")) {
      if (/^[a-z][a-z0-9]*(?:-[a-z0-9_]+)+$/.test(line.trim()) && !input.includes(line.trim())) problems.push(`a line is only an id: ${line.trim()}`);
    }
    for (const c of r.choices ?? []) if (!c.label.trim() || !c.action) problems.push("a choice without label or action");
  }
  return problems;
}

/**
 * A fingerprint of the state that matters: reports, assignments, household visits, account links,
 * used invites, meeting changes and answers, and the audit log's length.
 */
export async function stateChecksum(db: Db): Promise<string> {
  const { rows } = await sql<{ sum: string }>`
    select md5(coalesce(string_agg(x, '|' order by x), '')) as sum from (
      select 'r' || id || ':' || org_id || ':' || form || ':' || period || ':' || status || ':' || revision || ':' || md5(data::text) as x from report_submission
      union all select 'a' || id || ':' || cadre_id || ':' || coalesce(org_id, 0) || ':' || coalesce(household_id, 0) || ':' || coalesce(valid_to::text, '') from assignment
      union all select 'v' || md5(hv::text) from household_visit hv
      union all select 'c' || id || ':' || person_id from chat_account where person_id is not null
      union all select 'i' || id || ':' || coalesce(used_at::text, '') from invite
      union all select 'o' || md5(mo::text) from meeting_override mo
      union all select 'p' || md5(mr::text) from meeting_rsvp mr
      union all select 'l' || count(*) from audit_log
      union all select 'q' || count(*) from role
    ) t`.execute(db);
  return rows[0]?.sum ?? "";
}
