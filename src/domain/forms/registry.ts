import { admissionsForm } from "./admissions.form.js";
import { annualRatingForm, annualRatingFormV1 } from "./annual-rating.form.js";
import type { FormDefinition } from "./form-definition.js";
import { monthlyMeetingForm, monthlyMeetingFormV1 } from "./monthly-meeting.form.js";
import { partyDuesForm, partyDuesFormV1, partyDuesFormV2, partyDuesFormV3 } from "./party-dues.form.js";
import { villageQuarterlyForm, villageQuarterlyFormV1 } from "./village-quarterly.form.js";

/** Every version of every form, newest last; submissions keep the version they were made with. */
const ALL_VERSIONS: readonly FormDefinition[] = [
  monthlyMeetingFormV1,
  monthlyMeetingForm,
  villageQuarterlyFormV1,
  villageQuarterlyForm,
  admissionsForm,
  partyDuesFormV1,
  partyDuesFormV2,
  partyDuesFormV3,
  partyDuesForm,
  annualRatingFormV1,
  annualRatingForm,
];

export const FORM_IDS = ["monthly-meeting", "village-quarterly", "admissions", "party-dues", "annual-rating"] as const;
export type FormId = (typeof FORM_IDS)[number];

export function isFormId(value: unknown): value is FormId {
  return typeof value === "string" && (FORM_IDS as readonly string[]).includes(value);
}

/** The current definition of a form. */
export function currentForm(id: FormId): FormDefinition {
  const versions = ALL_VERSIONS.filter((f) => f.id === id);
  return versions[versions.length - 1] as FormDefinition;
}

/** A definition by id and version (to read an old submission). */
export function formVersion(id: string, version: number): FormDefinition | undefined {
  return ALL_VERSIONS.find((f) => f.id === id && f.version === version);
}
