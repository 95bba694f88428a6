import type { DefaultSource, FormDefinition } from "./form-definition.js";

/** The quarterly village / residential-group data (domain §4). Last quarter's values are offered as defaults. */
export const villageQuarterlyFormV1: FormDefinition = {
  id: "village-quarterly",
  version: 1,
  periodKind: "quarter",
  submitter: "cell",
  dueRule: "quarter_start",
  fields: [
    { key: "households", type: "int", required: true, guided: true, min: 1, max: 20000, default: "previous" },
    { key: "population", type: "int", required: true, guided: true, min: 1, max: 100000, default: "previous" },
    { key: "area_km2", type: "decimal", required: false, guided: true, min: 0, max: 5000, default: "previous" },
    { key: "poor_households", type: "int", required: false, guided: true, min: 0, max: 20000, default: "previous" },
    { key: "members", type: "int", required: true, guided: true, min: 0, max: 2000, default: "previous" },
    { key: "probationary", type: "int", required: false, guided: true, min: 0, max: 2000, default: "previous" },
    { key: "women_union", type: "int", required: false, guided: true, min: 0, max: 100000, default: "previous" },
    { key: "farmers_union", type: "int", required: false, guided: true, min: 0, max: 100000, default: "previous" },
    { key: "veterans_union", type: "int", required: false, guided: true, min: 0, max: 100000, default: "previous" },
    { key: "youth_union", type: "int", required: false, guided: true, min: 0, max: 100000, default: "previous" },
    { key: "secretary_is_village_head", type: "bool", required: false, guided: true, default: "previous" },
  ],
};

/** Counts the cell's roll knows, offered when last quarter gave none. */
const ROLL_FALLBACK: Record<string, DefaultSource> = { members: "cell_members", probationary: "cell_probationary" };

/**
 * v2: near-poor households (hộ cận nghèo), read from quick reports and kept from quarter to quarter;
 * the members and probationary members counted from the cell's roll when last quarter gave none.
 */
export const villageQuarterlyForm: FormDefinition = {
  ...villageQuarterlyFormV1,
  version: 2,
  fields: [
    ...villageQuarterlyFormV1.fields.map((f) => (ROLL_FALLBACK[f.key] ? { ...f, fallback: ROLL_FALLBACK[f.key] } : f)),
    { key: "near_poor_households", type: "int", required: false, guided: false, min: 0, max: 20000, default: "previous" },
  ],
};
