import type { Generated } from "kysely";
import type { TaskStatus } from "../domain/cycle/tasks.js";

/** One item of a cell's monthly resolution, followed as a task until done (or marked late). */
export interface ResolutionTaskTable {
  id: Generated<number>;
  org_id: number;
  /** The period of the meeting whose resolution holds it (`YYYY-MM`). */
  period: string;
  /** Its place in the resolution (1, 2, …). */
  seq: number;
  task: string;
  /** The owner as the report named them ("Mai", "trưởng thôn"). */
  owner_text: string | null;
  /** The member that name was matched to, when exactly one matched: they are reminded. */
  owner_person_id: number | null;
  /** `YYYY-MM-DD`. */
  due_on: string | null;
  status: Generated<TaskStatus>;
  note: string | null;
  updated_by: number | null;
  updated_at: Date | null;
  created_at: Date;
}

/** The agenda a secretary prepared for a month's meeting (`/chuongtrinh`). */
export interface MeetingAgendaTable {
  org_id: number;
  period: string;
  /** The month's political tasks the secretary added. */
  political_tasks: string | null;
  /** The whole agenda as the members read it with the reminder. */
  text: string;
  prepared_by: number | null;
  prepared_at: Date;
}

/** The month's guidance on the meetings' content ("định hướng nội dung sinh hoạt") a commune publishes. */
export interface ContentGuidanceTable {
  org_id: number;
  period: string;
  text: string;
  published_by: number | null;
  published_at: Date;
}
