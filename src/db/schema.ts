import type { Kysely, Transaction } from "kysely";
import type { AnnouncementTable } from "./announcement.table.js";
import type { AppSettingTable, AuditLogTable } from "./audit.table.js";
import type { PersonChannelPrefTable } from "./channel-pref.table.js";
import type {
  ChatAccountTable,
  ConversationTable,
  InboundUpdateTable,
  InviteTable,
  LinkAttemptTable,
} from "./chat.table.js";
import type { LinkLimitTable } from "./link-limit.table.js";
import type { MeetingRuleTable, OrgPredecessorTable, OrgTable } from "./org.table.js";
import type { AssignmentTable, HouseholdTable, PersonTable, RoleTable } from "./person.table.js";
import type { ReportSubmissionTable } from "./report.table.js";
import type { HouseholdVisitTable } from "./household.table.js";
import type { OutboxTable } from "./outbox.table.js";
import type { AccessLogTable, CorrectionRequestTable, PrivacyConsentTable } from "./privacy.table.js";
import type { CellGroupChatTable, TelegramProgressMessageTable } from "./telegram.table.js";
import type { MeetingOverrideTable, MeetingRsvpTable, SchedulerRunTable } from "./schedule.table.js";
import type { InboxUpdateTable, TurnReplyTable } from "./turn-reply.table.js";
import type { DevelopmentTargetTable, PartyCandidateTable, VillageRecordTable } from "./records.table.js";
import type { ServedFileTable } from "./served-file.table.js";
import type { ReminderSettingVersionTable } from "./reminder-settings.table.js";
import type { ContentGuidanceTable, MeetingAgendaTable, ResolutionTaskTable } from "./cycle.table.js";
import type { CriteriaTableTable, MemberSelfReviewTable, RatingDecisionTable } from "./rating.table.js";

/** Every table chibo owns, keyed by its SQL name. */
export interface Database {
  org: OrgTable;
  org_predecessor: OrgPredecessorTable;
  meeting_rule: MeetingRuleTable;
  person: PersonTable;
  role: RoleTable;
  household: HouseholdTable;
  assignment: AssignmentTable;
  chat_account: ChatAccountTable;
  invite: InviteTable;
  link_attempt: LinkAttemptTable;
  link_limit: LinkLimitTable;
  conversation: ConversationTable;
  inbound_update: InboundUpdateTable;
  audit_log: AuditLogTable;
  app_setting: AppSettingTable;
  reminder_setting_version: ReminderSettingVersionTable;
  person_channel_pref: PersonChannelPrefTable;
  report_submission: ReportSubmissionTable;
  household_visit: HouseholdVisitTable;
  meeting_override: MeetingOverrideTable;
  meeting_rsvp: MeetingRsvpTable;
  outbox: OutboxTable;
  scheduler_run: SchedulerRunTable;
  cell_group_chat: CellGroupChatTable;
  telegram_progress_message: TelegramProgressMessageTable;
  announcement: AnnouncementTable;
  privacy_consent: PrivacyConsentTable;
  access_log: AccessLogTable;
  correction_request: CorrectionRequestTable;
  turn_reply: TurnReplyTable;
  inbox_update: InboxUpdateTable;
  village_record: VillageRecordTable;
  party_candidate: PartyCandidateTable;
  development_target: DevelopmentTargetTable;
  served_file: ServedFileTable;
  resolution_task: ResolutionTaskTable;
  meeting_agenda: MeetingAgendaTable;
  content_guidance: ContentGuidanceTable;
  criteria_table: CriteriaTableTable;
  rating_decision: RatingDecisionTable;
  member_self_review: MemberSelfReviewTable;
}

/** A database handle or an open transaction: repositories take either, the caller owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
