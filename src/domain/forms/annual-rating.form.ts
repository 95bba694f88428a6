import type { FormDefinition } from "./form-definition.js";

/**
 * The annual review and rating of a cell and its members (domain §5, QĐ 366-QĐ/TW and HD 43-HD/BTCTW):
 * the cell's self score on the 100-point table (30 general + 70 task results), the committee's score,
 * and the members' levels as counts.
 */
export const annualRatingFormV1: FormDefinition = {
  id: "annual-rating",
  version: 1,
  periodKind: "year",
  submitter: "cell",
  dueRule: "year_end",
  fields: [
    { key: "general_score", type: "decimal", required: true, guided: true, min: 0, max: 30 },
    { key: "task_score", type: "decimal", required: true, guided: true, min: 0, max: 70 },
    { key: "tasks_exceeded_30pct", type: "bool", required: false, guided: true },
    { key: "disciplined_subunit", type: "bool", required: false, guided: true },
    { key: "committee_score", type: "decimal", required: false, guided: false, min: 0, max: 100 },
    { key: "htxs", type: "int", required: true, guided: true, min: 0, max: 2000 },
    { key: "htt", type: "int", required: true, guided: true, min: 0, max: 2000 },
    { key: "ht", type: "int", required: true, guided: true, min: 0, max: 2000 },
    { key: "kht", type: "int", required: true, guided: true, min: 0, max: 2000 },
    { key: "unrated", type: "int", required: false, guided: true, min: 0, max: 2000 },
    { key: "cell_self_level", type: "enum", required: false, guided: false, options: ["HTXS", "HTT", "HT", "KHT"] },
  ],
};

/**
 * Version 2: scored criterion by criterion on the organization's imported table (`criteria_scores`,
 * the table's `kind/year/vN` in `criteria_table`); the two totals are then the sums, and their maxima
 * are the table's (checked against it, not fixed here).
 */
export const annualRatingForm: FormDefinition = {
  ...annualRatingFormV1,
  version: 2,
  fields: [
    ...annualRatingFormV1.fields.map((f) => (f.key === "general_score" || f.key === "task_score" ? { ...f, max: 100 } : f)),
    { key: "criteria_scores", type: "scores", required: false, guided: false },
    { key: "criteria_table", type: "text", required: false, guided: false },
  ],
};
