import type { FieldValues, FormDefinition } from "./form-definition.js";
import { sameValue } from "./same-value.js";

/** Monthly party dues collection (domain §3, QĐ 342). */
export const partyDuesFormV1: FormDefinition = {
  id: "party-dues",
  version: 1,
  periodKind: "month",
  submitter: "cell",
  dueRule: "month_day",
  fields: [
    { key: "liable", type: "int", required: true, guided: true, min: 0, max: 2000, default: "member_count" },
    { key: "paid", type: "int", required: true, guided: true, min: 0, max: 2000 },
    { key: "amount_vnd", type: "money", required: true, guided: true, min: 0, max: 1_000_000_000 },
    { key: "remitted_date", type: "date", required: false, guided: true },
  ],
};

/** v2: the amount remitted to the commune, when a report states it apart from the amount collected. */
export const partyDuesFormV2: FormDefinition = {
  ...partyDuesFormV1,
  version: 2,
  fields: [...partyDuesFormV1.fields, { key: "remitted_vnd", type: "money", required: false, guided: false, min: 0, max: 1_000_000_000 }],
};

/**
 * v3: what the cell keeps (`retained_vnd`) apart from what it remits (asked in the guided form too),
 * and who has not paid (`unpaid_names`, chosen from the cell's roll).
 */
export const partyDuesFormV3: FormDefinition = {
  ...partyDuesFormV2,
  version: 3,
  fields: [
    ...partyDuesFormV1.fields,
    { key: "remitted_vnd", type: "money", required: false, guided: true, min: 0, max: 1_000_000_000 },
    { key: "retained_vnd", type: "money", required: false, guided: false, min: 0, max: 1_000_000_000 },
    { key: "unpaid_names", type: "text_list", required: false, guided: false },
  ],
};

/**
 * v4: whether the dues went up to the commune (`remitted`), as the report says it ("đã nộp ĐU xã 7/12"
 * with no amount, "chưa nộp"), so the roll-up tells a cell that has not remitted from one that did.
 */
export const partyDuesForm: FormDefinition = {
  ...partyDuesFormV3,
  version: 4,
  // Before the day and the amount remitted, as the spreadsheet's columns read: whether, when, how much.
  fields: partyDuesFormV3.fields.flatMap((f) => (f.key === "remitted_date" ? [{ key: "remitted", type: "bool", required: false, guided: false } as const, f] : [f])),
};

/** What a report says of the remittance: remitted (on a day when it names one) or not yet. */
export type DuesRemittance = { remitted: true; date: string | null } | { remitted: false };

/**
 * What a report says of the remittance: "chưa nộp" (also "mai nộp 5/8", a day still ahead) is not yet;
 * an amount or a day remitted, or "đã nộp" alone, is remitted; undefined when it says nothing of it.
 *
 * @example duesRemittance({ remitted: true, remitted_date: "2026-12-07" }) // { remitted: true, date: "2026-12-07" }
 */
export function duesRemittance(values: Record<string, unknown>): DuesRemittance | undefined {
  if (values.remitted === false) return { remitted: false };
  const date = typeof values.remitted_date === "string" ? values.remitted_date : null;
  if (values.remitted === true || date !== null || typeof values.remitted_vnd === "number") return { remitted: true, date };
  return undefined;
}

/** The amount the cell keeps: as stated, else what is left of the amount collected after remitting. */
export function duesRetained(values: Record<string, unknown>): number | undefined {
  if (typeof values.retained_vnd === "number") return values.retained_vnd;
  const amount = values.amount_vnd;
  const remitted = values.remitted_vnd;
  return typeof amount === "number" && typeof remitted === "number" && remitted <= amount ? amount - remitted : undefined;
}

/** The figures the cell's share is worked out from: what was collected and what went up. */
const SHARE_BASIS = ["amount_vnd", "remitted_vnd"] as const;

/**
 * A change (a correction, an edited answer) laid over a dues report's values, the cell's share following
 * it. The share held before was worked out from the amounts, or typed for them ("chi bộ giữ lại 30%"):
 * once the change gives another amount collected or remitted without stating the share itself, it no
 * longer adds up and is left out — worked out again on sending (amount − remitted), or asked again when
 * no amount remitted is known (`duesShareToAsk`). A share of nothing (0: "chi bộ không giữ lại") holds
 * whatever the amount.
 *
 * @example duesChange({ amount_vnd: 300000, remitted_vnd: 210000, retained_vnd: 90000 }, { amount_vnd: 330000 })
 * // → { amount_vnd: 330000, remitted_vnd: 210000 } (sent as 120000 kept)
 */
export function duesChange(prior: FieldValues, patch: FieldValues): FieldValues {
  const merged: FieldValues = { ...prior, ...patch };
  const share = prior.retained_vnd;
  if (typeof share !== "number" || share === 0 || patch.retained_vnd !== undefined) return merged;
  if (SHARE_BASIS.every((key) => patch[key] === undefined || sameValue(patch[key], prior[key]))) return merged;
  delete merged.retained_vnd;
  return merged;
}

/**
 * Whether the cell's share held in `prior` was left out by a change (`duesChange`) and cannot be worked
 * out again (no amount remitted): then it is asked again rather than stored stale or dropped unsaid.
 */
export function duesShareToAsk(prior: FieldValues, values: FieldValues): boolean {
  const share = prior.retained_vnd;
  return typeof share === "number" && share !== 0 && (values.retained_vnd === undefined || values.retained_vnd === null) && typeof values.remitted_vnd !== "number" && typeof values.amount_vnd === "number";
}

/** How many members the report says have not paid (liable − paid), 0 when unknown. */
export function duesUnpaidCount(values: Record<string, unknown>): number {
  const liable = values.liable;
  const paid = values.paid;
  return typeof liable === "number" && typeof paid === "number" && paid < liable ? liable - paid : 0;
}
