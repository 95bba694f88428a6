/**
 * A province for the fan-out benchmark: cells that all meet on the same evening, every member linked
 * on Telegram, every report already in, so that one planning pass at 07:00 three days before yields
 * exactly one meeting reminder per member (`cells × membersPerCell` messages) and nothing else.
 * Written with batch inserts, deterministic.
 */
import type { Db } from "../../src/db/schema.js";
import { inBatches, pad, seedOrgTree, VALID_FROM } from "./seed-tree.js";

export interface FanoutSpec {
  communes: number;
  cells: number;
  /** Everyone in a cell is a member; the first is also its secretary, the second its deputy. */
  membersPerCell: number;
  /** The day of the month every cell meets (at 19:30). */
  meetingDay: number;
  /** The month whose meeting is reminded (`YYYY-MM`); the months before it have their reports in. */
  month: string;
}

export interface FanoutProvince {
  cellIds: number[];
  people: number;
  /** Telegram chat id of each person, in the order written. */
  chatIds: string[];
}

/** Telegram private chat ids are the users' ids: positive integers. */
const FIRST_CHAT_ID = 700_000_000;
const MONTHLY_FORMS = ["monthly-meeting", "party-dues"];
const QUARTERLY_FORMS = ["village-quarterly", "admissions"];


function previousMonths(month: string, count: number): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, k) => {
    const index = y * 12 + (m - 1) - (k + 1);
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`;
  });
}

function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Write the province into an empty, migrated database.
 *
 * @example await fanoutProvince(db, { communes: 20, cells: 400, membersPerCell: 25, meetingDay: 20, month: "2025-11" })
 */
export async function fanoutProvince(db: Db, spec: FanoutSpec): Promise<FanoutProvince> {
  const { cellIds } = await seedOrgTree(db, {
    prefix: "FAN",
    place: "Phát Tin",
    communes: spec.communes,
    cells: spec.cells,
    meeting: () => ({ day: spec.meetingDay, time: "19:30" }),
  });

  const people = cellIds.flatMap((cellId, c) =>
    Array.from({ length: spec.membersPerCell }, (_, m) => {
      const i = c * spec.membersPerCell + m;
      return {
        cellId,
        m,
        row: {
          code: `FAN-DV-${pad(c, 5)}-${pad(m, 3)}`,
          full_name: `Người Phát Tin ${i}`,
          sex: i % 2 ? "F" : "M",
          birth_year: 1950 + (i % 50),
          ethnicity: "Kinh",
          phone: `+849${pad(20_000_000 + i, 8)}`,
          membership: "full",
          admitted_on: "2010-05-19",
          full_member_on: "2011-05-19",
          exempt: false,
          temp_attached: false,
          cell_id: cellId,
        },
      };
    }),
  );
  const personIds: number[] = [];
  await inBatches(people, async (batch) => {
    for (const r of await db.insertInto("person").values(batch.map((p) => p.row)).returning("id").execute()) personIds.push(r.id);
  });
  const roles: { person_id: number; org_id: number; role: string; valid_from: string }[] = [];
  const seen = new Date("2025-11-01T00:00:00Z");
  const chatIds: string[] = [];
  const accounts = people.map((p, i) => {
    const id = personIds[i] as number;
    roles.push({ person_id: id, org_id: p.cellId, role: "member", valid_from: VALID_FROM });
    if (p.m === 0) roles.push({ person_id: id, org_id: p.cellId, role: "secretary", valid_from: VALID_FROM });
    if (p.m === 1) roles.push({ person_id: id, org_id: p.cellId, role: "deputy_secretary", valid_from: VALID_FROM });
    const chatId = String(FIRST_CHAT_ID + i);
    chatIds.push(chatId);
    return { channel: "telegram", platform_user_id: chatId, chat_id: chatId, person_id: id, linked_at: seen, last_seen_at: seen };
  });
  await inBatches(roles, (batch) => db.insertInto("role").values(batch).execute());
  await inBatches(accounts, (batch) => db.insertInto("chat_account").values(batch).execute());

  // Every report of the last year is in, and the quarter's thematic meeting was held (reported with
  // last month's meeting): the secretaries are owed no deadline or thematic reminder.
  const months = previousMonths(spec.month, 12);
  const quarters = [...new Set(months.map(quarterOf))];
  const thematicMonth = months.find((p) => quarterOf(p) === quarterOf(spec.month));
  const submittedAt = new Date(`${months[0]}-25T12:00:00Z`);
  const reports = cellIds.flatMap((cellId) => [
    ...months.flatMap((period) =>
      MONTHLY_FORMS.map((form) => ({ form, period, data: form === "monthly-meeting" ? { kind: period === thematicMonth ? "thematic" : "regular" } : {}, cellId })),
    ),
    ...quarters.flatMap((period) => QUARTERLY_FORMS.map((form) => ({ form, period, data: {}, cellId }))),
    // A thematic meeting reported for this quarter even when the month is its first.
    ...(thematicMonth ? [] : [{ form: "thematic-meeting", period: spec.month, data: {}, cellId }]),
  ]);
  await inBatches(reports, (batch) =>
    db
      .insertInto("report_submission")
      .values(
        batch.map((r) => ({
          org_id: r.cellId,
          form: r.form,
          period: r.period,
          status: "accepted" as const,
          data: JSON.stringify(r.data),
          submitted_by: null,
          submitted_at: submittedAt,
          form_version: 1,
          accepted_by: null,
          accepted_at: submittedAt,
          source: "quick",
        })),
      )
      .execute(),
  );
  return { cellIds, people: people.length, chatIds };
}
