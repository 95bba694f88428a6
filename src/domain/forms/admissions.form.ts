import type { FormDefinition } from "./form-definition.js";

/** New members admitted (domain §3, HD 11-HD/BTCTW): categories overlap and are never added up. */
export const admissionsForm: FormDefinition = {
  id: "admissions",
  version: 1,
  periodKind: "quarter",
  submitter: "cell",
  dueRule: "quarter_start",
  fields: [
    { key: "admitted", type: "int", required: true, guided: true, min: 0, max: 500 },
    { key: "women", type: "int", required: false, guided: true, min: 0, max: 500 },
    { key: "ethnic_minority", type: "int", required: false, guided: true, min: 0, max: 500 },
    { key: "youth_union", type: "int", required: false, guided: true, min: 0, max: 500 },
    { key: "students", type: "int", required: false, guided: true, min: 0, max: 500 },
    { key: "religious", type: "int", required: false, guided: true, min: 0, max: 500 },
    { key: "made_full", type: "int", required: false, guided: true, min: 0, max: 500 },
    { key: "pending_full", type: "text_list", required: false, guided: false },
  ],
};
