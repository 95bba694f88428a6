import type { FormDefinition } from "./form-definition.js";

/** The monthly cell meeting report as first made (reports sent with it are read with it). */
export const monthlyMeetingFormV1: FormDefinition = {
  id: "monthly-meeting",
  version: 1,
  periodKind: "month",
  submitter: "cell",
  dueRule: "after_meeting",
  fields: [
    { key: "meeting_date", type: "date", required: true, guided: true, default: "scheduled_date" },
    { key: "start_time", type: "time", required: false, guided: true, default: "scheduled_time" },
    { key: "kind", type: "enum", required: true, guided: true, options: ["regular", "thematic", "combined"] },
    { key: "members_expected", type: "int", required: true, guided: true, min: 1, max: 2000, default: "member_count" },
    { key: "present", type: "int", required: true, guided: true, min: 0, max: 2000 },
    { key: "absent_excused", type: "int", required: false, guided: true, min: 0, max: 2000 },
    { key: "absent_unexcused", type: "int", required: false, guided: true, min: 0, max: 2000 },
    { key: "absent_exempt", type: "int", required: false, guided: false, min: 0, max: 2000 },
    { key: "cadre_present", type: "bool", required: false, guided: true },
    { key: "duration_min", type: "int", required: false, guided: true, min: 10, max: 600 },
    { key: "place", type: "text", required: false, guided: false, default: "scheduled_place" },
    { key: "thematic_topic", type: "text", required: false, guided: true },
    { key: "presenter", type: "text", required: false, guided: false },
    { key: "absentees", type: "absentees", required: false, guided: false },
    { key: "content_items", type: "text_list", required: false, guided: true },
    { key: "resolutions", type: "resolutions", required: false, guided: false },
  ],
};

/**
 * The monthly cell meeting report (domain §2; DESIGN.md parse contract keys). Version 2 adds
 * `absent_unknown`: absences whose reason was not said ("vắng 2"), shown as such, never as 0.
 * The guided report also asks for the resolution (what, who, by when): its items become tasks;
 * and the place (a notice states time and place, domain §2), offering the rule's; the kind suggested
 * is the one the cell's rule plans for the month (combined in its thematic month).
 */
export const monthlyMeetingForm: FormDefinition = {
  ...monthlyMeetingFormV1,
  version: 2,
  fields: monthlyMeetingFormV1.fields.flatMap((f) =>
    f.key === "absent_exempt"
      ? [f, { key: "absent_unknown", type: "int", required: false, guided: false, min: 0, max: 2000 }]
      : f.key === "resolutions" || f.key === "place"
        ? [{ ...f, guided: true }]
        : f.key === "kind"
          ? [{ ...f, default: "planned_kind" as const }]
          : [f],
  ),
};
