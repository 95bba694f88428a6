import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import type { FakeChat, FakeTelegramApi } from "../fakes/telegram-api.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { eventually } from "../support/eventually.js";
import { telegramStack, type TelegramStack } from "../support/telegram-stack.js";

const TOKEN = "777003:GROUP-migrate-token_abcdefghijk";
const SECRETARY = { id: 7_200_001, firstName: "Bí thư" };
/** Two basic groups of the cell, each upgraded to a supergroup during the test. */
const QUIET: FakeChat = { id: -4_100, type: "group", title: "Chi bộ Pò Lài" };
const QUIET_NEW = -1_004_100;
const LOUD: FakeChat = { id: -4_200, type: "group", title: "Chi bộ Pò Lài — thông báo" };
const LOUD_NEW = -1_004_200;

/**
 * A linked group upgraded to a supergroup keeps getting the cell's notices, over HTTP through the real
 * bot, planner, sender and Telegram channel against a fake Bot API: whether the bot saw the upgrade's
 * service message or only learns of it from a refused post, the notice lands once in the supergroup
 * and the link follows it.
 */
describeEngines("a linked Telegram group upgraded to a supergroup, end to end", (engine) => {
  let database: TestDatabase;
  let stack: TelegramStack;
  let fake: FakeTelegramApi;
  let cellId: number;
  const planAt = (local: string) => stack.planAt(local);
  const links = async () => (await database.db.selectFrom("cell_group_chat").select("chat_id").execute()).map((r) => r.chat_id).sort();
  const postsIn = (chatId: number, text: string) => fake.sent.filter((s) => s.chatId === String(chatId) && s.text.includes(text));
  const groupRows = (chatId: number) =>
    database.db.selectFrom("outbox").select(["dedupe_key", "status"]).where("chat_id", "=", String(chatId)).orderBy("id").execute();

  beforeAll(async () => {
    database = await freshDatabase(engine, { demo: true });
    const db = database.db;
    cellId = (await findOrgByCode(db, "DEMO-CB-POLAI"))!.id;
    const secretaryId = (await findPersonByCode(db, DEMO_SECRETARY_CODE))!.id;
    await db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: String(SECRETARY.id), chat_id: String(SECRETARY.id), person_id: secretaryId }).execute();
    stack = await telegramStack(db, engine, {
      token: TOKEN,
      fakeLimits: { perChatPerSecond: 20, globalPerSecond: 100 },
    });
    fake = stack.fake;
    for (const group of [QUIET, LOUD]) {
      const mark = fake.sent.length;
      fake.enqueue(fake.textUpdate(SECRETARY, "/lienket_nhom", group));
      await fake.waitForSent((s) => s.chatId === String(group.id) && s.text.startsWith("Đã liên kết nhóm này"), mark);
    }
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.close();
  });

  it("an upgrade the bot never heard of: the refused post is sent to the supergroup, which keeps the link", async () => {
    // Upgraded while the bot was away: its service messages are never delivered.
    fake.migrateGroup(SECRETARY, QUIET, QUIET_NEW);
    await planAt("2025-12-02T07:00");
    await fake.waitForSent((s) => s.chatId === String(QUIET_NEW) && s.text.includes("Còn 3 ngày nữa"));
    const refused = fake.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === String(QUIET.id) && c.status === 400);
    expect(refused).toHaveLength(1);
    const rows = await eventually(async () => {
      const found = await groupRows(QUIET_NEW);
      return found.length > 0 && found.every((r) => r.status === "sent") ? found : undefined;
    });
    expect(rows).toEqual([{ dedupe_key: `meet:${cellId}:2025-12-05:d3:group:telegram:${QUIET_NEW}`, status: "sent" }]);
    expect(await links()).toEqual([String(QUIET_NEW), String(LOUD.id)].sort());
    // Planned again (the next tick, another instance): the supergroup's copy is already there.
    expect((await planAt("2025-12-02T07:00")).inserted).toBe(0);
    await eventually(async () => ((await groupRows(LOUD.id)).every((r) => r.status === "sent") ? true : undefined));
    expect(postsIn(QUIET_NEW, "Còn 3 ngày nữa")).toHaveLength(1);
    expect(postsIn(LOUD.id, "Còn 3 ngày nữa")).toHaveLength(1);
  });

  it("an upgrade announced by its service messages: the link moves at once and the next notice goes to the supergroup", async () => {
    const mark = fake.calls.length;
    for (const update of fake.migrateGroup(SECRETARY, LOUD, LOUD_NEW)) fake.enqueue(update);
    await eventually(async () => ((await links()).includes(String(LOUD_NEW)) ? true : undefined));
    expect(await links()).toEqual([String(LOUD_NEW), String(QUIET_NEW)].sort());
    await planAt("2025-12-05T07:00");
    await fake.waitForSent((s) => s.chatId === String(LOUD_NEW) && s.text.includes("Hôm nay"), 0);
    await fake.waitForSent((s) => s.chatId === String(QUIET_NEW) && s.text.includes("Hôm nay"), 0);
    // Nothing was tried at either old id.
    const atOld = fake.calls.slice(mark).filter((c) => c.method === "sendMessage" && [String(LOUD.id), String(QUIET.id)].includes(String(c.payload.chat_id)));
    expect(atOld).toEqual([]);
    // The group's earlier post moved with it: the key names the supergroup, so it is never planned again.
    expect((await groupRows(LOUD_NEW)).map((r) => r.dedupe_key)).toContain(`meet:${cellId}:2025-12-05:d3:group:telegram:${LOUD_NEW}`);
    expect((await planAt("2025-12-05T07:00")).inserted).toBe(0);
  });
});
