import type { FormDefinition } from "./form-definition.js";

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
export const partyDuesForm: FormDefinition = {
  ...partyDuesFormV1,
  version: 2,
  fields: [...partyDuesFormV1.fields, { key: "remitted_vnd", type: "money", required: false, guided: false, min: 0, max: 1_000_000_000 }],
};
