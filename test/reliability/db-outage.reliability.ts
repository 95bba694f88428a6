import pg from "pg";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot/bot.js";
import type { HandleResult } from "../../src/messaging/channel.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { silentLogger } from "../../src/log.js";
import { ensureConsoleAccount } from "../../src/services/console-account.service.js";
import { replyText } from "../support/bot-harness.js";
import { freshDatabase, type TestDatabase } from "../support/engines.js";

const i18n = createI18n();
const RESEND = /gửi lại/i;
const QUICK_REPORT = "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld";
const SAVED = "Đã lưu Báo cáo sinh hoạt chi bộ";
const WAIT_DEADLINE_MS = 15_000;
const AT = new Date("2025-11-06T01:00:00Z");

const url = process.env.TEST_DATABASE_URL;

// PostgreSQL only: PGlite has no server connections to lose.
describe.skipIf(!url)("database outage: every connection of the bot terminated during traffic [postgres]", () => {
  let db: TestDatabase;
  let bot: Bot;
  let admin: pg.Client;
  let secretaries: string[];
  let seq = 0;
  const say = (userId: string, text: string): Promise<HandleResult> =>
    bot.handle({ channel: "console", chatId: userId, userId, chatType: "private", text, at: AT, updateId: `outage-${++seq}` });

  /** The bot's server backends (its own database), and how many of them wait on a lock. */
  const backends = async () => {
    const { rows } = await admin.query<{ pid: number; waiting: boolean }>(
      "select pid, wait_event_type = 'Lock' as waiting from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [new URL(db.url as string).pathname.slice(1)],
    );
    return rows;
  };

  beforeAll(async () => {
    db = await freshDatabase("postgres", { demo: true });
    bot = createBot({ db: db.db, i18n, log: silentLogger(), features: defaultFeatures() });
    // An outside connection to the bot's database: it holds the lock and cuts the bot's connections, not its own.
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    // The seven village and residential-group secretaries, each with a report to send.
    const rows = await db.db
      .selectFrom("role")
      .innerJoin("org", "org.id", "role.org_id")
      .select("role.person_id")
      .where("role.role", "=", "secretary")
      .where("org.catchment", "=", "thon")
      .orderBy("role.person_id")
      .execute();
    secretaries = [];
    for (const r of rows) secretaries.push(await ensureConsoleAccount(db.db, r.person_id, AT));
    expect(secretaries.length).toBeGreaterThanOrEqual(7);
  });
  afterAll(async () => {
    await admin?.end();
    await db?.close();
  });

  it("keeps the writes it lost for the channel to hand in again (no reply, nobody told to resend), recovers by itself, and leaves no half-written report", async () => {
    for (const s of secretaries) expect(replyText((await say(s, QUICK_REPORT)).replies)).toContain("Gửi báo cáo");

    // Hold the reports table so the confirmations are mid-transaction, then cut every connection of the bot.
    await admin.query("begin");
    await admin.query("lock table report_submission in access exclusive mode");
    const confirmations = secretaries.map((s) => say(s, "1"));
    const deadline = Date.now() + WAIT_DEADLINE_MS;
    while (!(await backends()).some((b) => b.waiting)) {
      if (Date.now() > deadline) throw new Error("no confirmation reached the locked table");
    }
    const { rows: killed } = await admin.query<{ ok: boolean }>(
      "select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [new URL(db.url as string).pathname.slice(1)],
    );
    expect(killed.length).toBeGreaterThan(0);
    await admin.query("rollback");
    const results = await Promise.all(confirmations);

    // A cut connection is an outage, not a bug: nothing stored, nothing said (the channel holds the update).
    const lost = secretaries.filter((_, i) => results[i]!.status === "unavailable");
    expect(lost.length).toBeGreaterThan(0);
    results.forEach((r) => {
      if (r.status === "unavailable") expect(r.replies).toEqual([]);
      else expect(replyText(r.replies)).toContain(SAVED);
      expect(replyText(r.replies)).not.toMatch(RESEND);
    });

    // Recovery without a restart: the held "1" is handed in again (its choice list survived the rollback), and the next messages succeed.
    for (const s of lost) {
      const again = await say(s, "1");
      expect(again.status).toBe("handled");
      expect(replyText(again.replies)).toContain(SAVED);
    }
    for (const s of secretaries) expect((await say(s, "/toi")).status).toBe("handled");

    // Nothing half-written: each report has exactly its one submission audit row, and no audit row lacks its report.
    const reports = await db.db.selectFrom("report_submission").select(["id", "revision"]).execute();
    expect(reports).toHaveLength(secretaries.length);
    expect(reports.every((r) => r.revision === 1)).toBe(true);
    const audits = await db.db
      .selectFrom("audit_log")
      .select(["entity_id", sql<number>`count(*)::int`.as("n")])
      .where("entity", "=", "report_submission")
      .groupBy("entity_id")
      .execute();
    expect(audits.map((a) => [Number(a.entity_id), a.n]).sort()).toEqual(reports.map((r) => [r.id, 1]).sort());
  });
});
