/**
 * An announcement to a whole province of 70,000 members in 2,000 cells: the preview's count of
 * recipients, and queuing one outbox copy per person (`sendAnnouncement`, as the "Gửi" button does,
 * inside the message's transaction). Baseline: copying the same number of rows into the outbox with
 * a plain `insert … select` over the role table, in the same run. PostgreSQL, and PGlite noted.
 */
import { sql } from "kysely";
import type { Db } from "../src/db/schema.js";
import { countRecipients } from "../src/db/announcement.repository.js";
import { loadActor } from "../src/services/actor.service.js";
import { newDraftKey, sendAnnouncement } from "../src/services/announcement.service.js";
import { median, timeMs, type Benchmark, type BenchResult } from "./harness.js";
import { measureOnBothEngines, type ProvinceEngine, type ProvinceSpec, type SeededProvince } from "./support/synthetic-province.js";

const GOAL_MS = 5000;
const RUNS = 3;
const TODAY = "2025-11-03";
const AT = new Date("2025-11-03T02:00:00Z");
const PROVINCE: ProvinceSpec = { communes: 65, cells: 2000, members: 70_000, months: 1, lastPeriod: "2025-10", lastPeriodShare: 1 };

/** Rolled back after timing, so every run starts from the same database. */
class Rollback extends Error {}

async function rolledBack(db: Db, fn: (trx: Db) => Promise<unknown>): Promise<number> {
  let ms = 0;
  await db
    .transaction()
    .execute(async (trx) => {
      ms = await timeMs(() => fn(trx));
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return ms;
}

/** The baseline: as many plain outbox rows as there are role holders, in one statement. */
async function plainCopy(trx: Db): Promise<void> {
  await sql`
    insert into outbox (dedupe_key, kind, person_id, payload, due_at, status, next_attempt_at)
    select 'plain:' || r.id, 'plain', r.person_id, '{}'::jsonb, ${AT}::timestamptz, 'skipped', ${AT}::timestamptz
    from role r where r.valid_to is null`.execute(trx);
}

async function measure(variant: ProvinceEngine, db: Db, province: SeededProvince): Promise<BenchResult> {
  const actor = await loadActor(db, province.officePersonId, TODAY);
  const send = (trx: Db) => sendAnnouncement(trx, actor, { orgId: province.provinceId, body: "Thông báo toàn tỉnh.", draftKey: newDraftKey() }, { channel: "console", chatId: "bench" }, AT, TODAY);
  const sendTimes: number[] = [];
  const plainTimes: number[] = [];
  const countTimes: number[] = [];
  let queued = 0;
  let recipients = 0;
  await rolledBack(db, send); // warm
  await rolledBack(db, plainCopy);
  for (let i = 0; i < RUNS; i++) {
    sendTimes.push(
      await rolledBack(db, async (trx) => {
        const sent = await send(trx);
        queued = sent?.queued ?? 0;
        recipients = sent?.recipients ?? 0;
      }),
    );
    plainTimes.push(await rolledBack(db, plainCopy));
    countTimes.push(await timeMs(() => countRecipients(db, province.provinceId, TODAY)));
  }
  const sendMs = median(sendTimes);
  const plainMs = median(plainTimes);
  const postgres = variant === "postgres";
  return {
    variant,
    ratio: sendMs / plainMs,
    ratioLabel: "queue an announcement ÷ plain insert … select, ms",
    baselineLabel: "the same number of outbox rows copied from the role table in one statement",
    figures: {
      "send ms": sendMs,
      "preview count ms": median(countTimes),
      "plain copy ms": plainMs,
      recipients,
      "with an account": queued,
      people: province.people,
      "seed s": province.seedSeconds,
    },
    goal: postgres ? `queue < ${GOAL_MS.toLocaleString("en")} ms` : "none (noted)",
    met: postgres ? sendMs < GOAL_MS : null,
  };
}

export const bench: Benchmark = {
  name: "announce",
  title: "an announcement to a province of 70,000: preview count and queuing one copy per person",
  run: (ctx) => measureOnBothEngines(ctx, PROVINCE, (variant, handle, province) => measure(variant, handle.db, province)),
};
