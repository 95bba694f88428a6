import type { Feature } from "../feature.js";
import { announceFeature } from "./announce.js";
import { assignedFeature } from "./assigned.js";
import { assignmentFeature } from "./assignment.js";
import { householdFeature } from "./household.js";
import { inviteFeature } from "./invite.js";
import { cancelFeature } from "./cancel.js";
import { cellFeature } from "./cell.js";
import { channelChoiceFeature } from "./channel-choice.js";
import { exportFeature } from "./export.js";
import { groupLinkFeature } from "./group-link.js";
import { helpFeature } from "./help.js";
import { questionsFeature } from "./questions.js";
import { languageFeature } from "./language.js";
import { linkFeature } from "./link.js";
import { meFeature } from "./me.js";
import { meetingFeature } from "./meeting.js";
import { rsvpFeature } from "./rsvp.js";
import { reportHistoryFeature } from "./report-history.js";
import { reportReviewFeature } from "./report-review.js";
import { reportFeature } from "./report.js";
import { rollupFeature } from "./rollup.js";
import { villageRecordFeature } from "./village-record.js";
import { developmentFeature } from "./development.js";
import { goLiveFeature } from "./go-live.js";
import { historyFeature } from "./history.js";
import { ratingFeature } from "./rating.js";
import { consentFeature } from "./privacy-consent.js";
import { privacyFeature } from "./privacy.js";
import { agendaFeature } from "./agenda.js";
import { documentsFeature } from "./documents.js";
import { tasksFeature } from "./tasks.js";

/** Every feature, in the order they are tried; the "not understood" answer is the router's last word. */
export function defaultFeatures(): Feature[] {
  const features: Feature[] = [];
  // Help lists commands in this order: what people use most first.
  const help = helpFeature(() => features.flatMap((f) => f.commands ?? []));
  features.push(
    meFeature,
    cellFeature,
    meetingFeature,
    rsvpFeature,
    reportFeature,
    reportReviewFeature,
    reportHistoryFeature,
    tasksFeature,
    agendaFeature,
    documentsFeature,
    rollupFeature,
    historyFeature,
    ratingFeature,
    exportFeature,
    villageRecordFeature,
    developmentFeature,
    announceFeature,
    assignedFeature,
    householdFeature,
    assignmentFeature,
    linkFeature,
    consentFeature,
    privacyFeature,
    goLiveFeature,
    inviteFeature,
    groupLinkFeature,
    channelChoiceFeature,
    languageFeature,
    cancelFeature,
    help,
    // Read last: free text no command, flow or report took.
    questionsFeature(() => features.flatMap((f) => f.commands ?? [])),
  );
  return features;
}
