/**
 * The people behind the inbound benchmark: cells of a commune-level province, each with its members,
 * a meeting rule and a year of accepted reports, of whom the secretary and three members chat with the
 * bot on Telegram (linked accounts, numeric user ids as Telegram gives them). One more cell, outside
 * the benchmark's users, is kept for a secretary who tries the quick-report texts beforehand.
 * Written with batch inserts, deterministic.
 */
import type { Db } from "../../src/db/schema.js";
import { inBatches, pad, seedOrgTree, VALID_FROM } from "./seed-tree.js";
import { PRIVACY_NOTICE_VERSION } from "../../src/domain/privacy.js";

export interface InboundSpec {
  communes: number;
  /** Cells whose users send the traffic. */
  cells: number;
  /** People in each cell: the first is its secretary, the second its deputy. */
  membersPerCell: number;
  /** Ordinary members per cell (after the secretary) linked on Telegram. */
  linkedMembersPerCell: number;
  /** The month in progress (`YYYY-MM`); the twelve before it have their reports accepted. */
  month: string;
}

export interface InboundUser {
  /** Telegram user id, which is also the private chat's id. */
  telegramId: number;
  personId: number;
  cellId: number;
  role: "secretary" | "member";
}

export interface InboundProvince {
  users: InboundUser[];
  /** A secretary of a cell of their own, outside `users`, linked on Telegram. */
  trial: InboundUser;
  people: number;
}

/** Telegram user ids of the benchmark's users start here (positive, as private chats' ids are). */
const FIRST_TELEGRAM_ID = 810_000_000;
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Nông", "Lộc", "Hà", "Lương"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hoa", "Khoa", "Lan", "Mai", "Nam", "Sáng", "Tâm"];

function previousMonths(month: string, count: number): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, k) => {
    const index = y * 12 + (m - 1) - (k + 1);
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`;
  });
}

/**
 * Write the province into an empty, migrated database.
 *
 * @example await inboundProvince(db, { communes: 10, cells: 250, membersPerCell: 20, linkedMembersPerCell: 3, month: "2026-11" })
 */
export async function inboundProvince(db: Db, spec: InboundSpec): Promise<InboundProvince> {
  // The benchmark's cells, then the trial cell.
  const { cellIds } = await seedOrgTree(db, {
    prefix: "INB",
    place: "Hộp Thư",
    communes: spec.communes,
    cells: spec.cells + 1,
    meeting: (i) => ({ day: 1 + (i % 27), time: i % 3 === 0 ? "19:00" : "19:30" }),
  });

  const people = cellIds.flatMap((cellId, c) =>
    Array.from({ length: spec.membersPerCell }, (_, m) => {
      const i = c * spec.membersPerCell + m;
      return {
        c,
        cellId,
        m,
        row: {
          code: `INB-DV-${pad(c, 5)}-${pad(m, 3)}`,
          full_name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 1) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
          sex: i % 2 ? "F" : "M",
          birth_year: 1950 + (i % 50),
          ethnicity: i % 3 ? "Tày" : "Kinh",
          phone: `+849${pad(30_000_000 + i, 8)}`,
          membership: i % 11 === 0 ? "probationary" : "full",
          admitted_on: "2010-05-19",
          full_member_on: i % 11 === 0 ? null : "2011-05-19",
          exempt: i % 40 === 39,
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
  const accounts: { channel: string; platform_user_id: string; chat_id: string; person_id: number; linked_at: Date; last_seen_at: Date }[] = [];
  const users: InboundUser[] = [];
  const seen = new Date(`${spec.month}-01T00:00:00Z`);
  people.forEach((p, i) => {
    const id = personIds[i] as number;
    roles.push({ person_id: id, org_id: p.cellId, role: "member", valid_from: VALID_FROM });
    if (p.m === 0) roles.push({ person_id: id, org_id: p.cellId, role: "secretary", valid_from: VALID_FROM });
    if (p.m === 1) roles.push({ person_id: id, org_id: p.cellId, role: "deputy_secretary", valid_from: VALID_FROM });
    // The secretary and members 2.. on Telegram; the deputy and the rest elsewhere or nowhere.
    const linked = p.m === 0 || (p.m >= 2 && p.m < 2 + spec.linkedMembersPerCell);
    if (!linked) return;
    const telegramId = FIRST_TELEGRAM_ID + i;
    users.push({ telegramId, personId: id, cellId: p.cellId, role: p.m === 0 ? "secretary" : "member" });
    accounts.push({ channel: "telegram", platform_user_id: String(telegramId), chat_id: String(telegramId), person_id: id, linked_at: seen, last_seen_at: seen });
  });
  await inBatches(roles, (batch) => db.insertInto("role").values(batch).execute());
  await inBatches(accounts, (batch) => db.insertInto("chat_account").values(batch).execute());
  // Everyone linked has accepted the current personal-data notice (as linking requires), so no first message gets it.
  const linkedAccounts = await db.selectFrom("chat_account").select(["id", "person_id", "channel"]).where("person_id", "is not", null).execute();
  const consents = linkedAccounts.map((a) => ({ person_id: a.person_id as number, account_id: a.id, channel: a.channel, notice_version: PRIVACY_NOTICE_VERSION, decision: "accepted" as const, at: seen }));
  await inBatches(consents, (batch) => db.insertInto("privacy_consent").values(batch).execute());

  // A year of accepted monthly reports: "as last month" suggestions have something to offer.
  const months = previousMonths(spec.month, 12);
  const reports = cellIds.flatMap((cellId, c) =>
    months.flatMap((period) => {
      const expected = spec.membersPerCell;
      const excused = c % 3;
      const day = 1 + (c % 27);
      const submittedAt = new Date(`${period}-${pad(Math.min(day + 2, 28), 2)}T12:00:00Z`);
      const base = { org_id: cellId, period, status: "accepted" as const, submitted_by: null, submitted_at: submittedAt, form_version: 1, accepted_by: null, accepted_at: submittedAt, source: "quick" };
      return [
        {
          ...base,
          form: "monthly-meeting",
          data: JSON.stringify({
            meeting_date: `${period}-${pad(day, 2)}`,
            start_time: "19:30",
            present: expected - excused,
            members_expected: expected,
            absent_excused: excused,
            absent_unexcused: 0,
            kind: Number(period.slice(5, 7)) % 3 === 0 ? "thematic" : "regular",
            cadre_present: true,
            duration_min: 90,
            content_items: ["Đánh giá kết quả tháng", "Phương hướng tháng tới"],
          }),
        },
        { ...base, form: "party-dues", data: JSON.stringify({ period, liable: expected, paid: expected - excused, amount_vnd: 12_000 * expected }) },
      ];
    }),
  );
  await inBatches(reports, (batch) => db.insertInto("report_submission").values(batch).execute());

  const trial = users.find((u) => u.cellId === cellIds[cellIds.length - 1] && u.role === "secretary");
  if (!trial) throw new Error("the trial cell has no secretary on Telegram");
  return { users: users.filter((u) => u !== trial && u.cellId !== trial.cellId), trial, people: people.length };
}
