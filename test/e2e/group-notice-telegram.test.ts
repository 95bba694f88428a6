import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import type { FakeTelegramApi } from "../fakes/telegram-api.js";
import { telegramStack, type TelegramStack } from "../support/telegram-stack.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { eventually } from "../support/eventually.js";

const TOKEN = "777002:GROUP-notice-token_abcdefghijklm";
const GROUP = { id: -1009876543210, type: "supergroup" as const, title: "Chi bộ Pò Lài" };
const SECRETARY = { id: 7_100_001, firstName: "Bí thư" };

/**
 * A cell's meeting reminder reaches its linked Telegram group once, over HTTP: the secretary links
 * the group with /lienket_nhom, the planner writes the outbox, the real sender delivers through the
 * real Telegram channel to a fake Bot API; a group that removed the bot is unlinked, not retried.
 */
describeEngines("meeting notices in a linked Telegram group, end to end", (engine) => {
  let database: TestDatabase;
  let stack: TelegramStack;
  let fake: FakeTelegramApi;
  let cellId: number;
  let names: string[];
  let members: string[];
  const planAt = (local: string) => stack.planAt(local);
  const groupRows = () => database.db.selectFrom("outbox").select(["dedupe_key", "status", "last_error"]).where("chat_id", "=", String(GROUP.id)).orderBy("id").execute();

  beforeAll(async () => {
    database = await freshDatabase(engine, { demo: true });
    const db = database.db;
    cellId = (await findOrgByCode(db, "DEMO-CB-POLAI"))!.id;
    const secretaryId = (await findPersonByCode(db, DEMO_SECRETARY_CODE))!.id;
    const people = await db.selectFrom("person").select(["id", "full_name"]).where("cell_id", "=", cellId).execute();
    names = people.map((p) => p.full_name);
    members = [];
    for (const p of people) {
      const userId = p.id === secretaryId ? String(SECRETARY.id) : String(8_100_000 + p.id);
      await db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: userId, chat_id: userId, person_id: p.id }).execute();
      members.push(userId);
    }
    stack = await telegramStack(db, engine, {
      token: TOKEN,
      fakeLimits: { perChatPerSecond: 20, globalPerSecond: 100 },
    });
    fake = stack.fake;
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.close();
  });

  it("the secretary links the group; the D-3 reminder reaches the group once, with no names and no buttons", async () => {
    let mark = fake.sent.length;
    fake.enqueue(fake.textUpdate(SECRETARY, "/lienket_nhom", GROUP));
    await fake.waitForSent((s) => s.chatId === String(GROUP.id) && s.text.startsWith("Đã liên kết nhóm này với Chi bộ thôn Pò Lài"), mark);

    mark = fake.sent.length;
    await planAt("2025-12-02T07:00");
    const post = await fake.waitForSent((s) => s.chatId === String(GROUP.id) && s.text.includes("Còn 3 ngày nữa"), mark);
    expect(post.text).toBe(
      "Nhắc lịch sinh hoạt chi bộ\n" +
        "Còn 3 ngày nữa, Chi bộ thôn Pò Lài sinh hoạt lúc 19:30 ngày 05/12/2025 tại Nhà văn hóa thôn Pò Lài.\n" +
        "Các đồng chí báo có mặt hoặc vắng trong tin nhắn riêng với bot (gõ /lichhop), không trả lời trong nhóm.",
    );
    expect(post.replyMarkup).toBeUndefined();
    for (const name of names) expect(post.text).not.toContain(name);
    // Every member gets their own reminder, with the RSVP buttons, in their private chat.
    for (const chatId of members) {
      const own = await fake.waitForSent((s) => s.chatId === chatId && s.text.includes("Còn 3 ngày nữa"), mark);
      expect(own.replyMarkup?.inline_keyboard?.flat().map((b) => b.callback_data)).toEqual([`rsvp:${cellId}:2025-12-05:yes`, `rsvp:${cellId}:2025-12-05:no`]);
    }
    // Planned again (another instance, a restart): nothing new, and the group got it once.
    expect((await planAt("2025-12-02T07:00")).inserted).toBe(0);
    const rows = await eventually(async () => {
      const found = await groupRows();
      return found.every((r) => r.status === "sent") ? found : undefined;
    });
    expect(rows).toEqual([{ dedupe_key: `meet:${cellId}:2025-12-05:d3:group:telegram:${GROUP.id}`, status: "sent", last_error: null }]);
    expect(fake.sent.filter((s) => s.chatId === String(GROUP.id) && s.text.includes("Còn 3 ngày nữa"))).toHaveLength(1);
  });

  it("a group that removed the bot is unlinked at the first refused post, and gets nothing more", async () => {
    fake.blocked.add(String(GROUP.id));
    const mark = fake.calls.length;
    await planAt("2025-12-05T07:00");
    await fake.waitForCall((c) => c.method === "sendMessage" && c.status === 403 && c.payload.chat_id === String(GROUP.id), mark);
    const row = await eventually(async () => (await groupRows()).find((r) => r.dedupe_key.includes(":d0:") && r.status !== "pending" && r.status !== "sending"));
    expect(row).toMatchObject({ status: "skipped", last_error: "unreachable" });
    await eventually(async () => ((await database.db.selectFrom("cell_group_chat").select("chat_id").execute()).length === 0 ? true : undefined));
    // The next step is planned for the members only.
    await planAt("2025-12-05T17:30");
    const keys = (await groupRows()).map((r) => r.dedupe_key);
    expect(keys.some((k) => k.includes(":h2:"))).toBe(false);
    expect(fake.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === String(GROUP.id) && c.status === 403)).toHaveLength(1);
    // The members' accounts are untouched by the group's refusal.
    const unreachable = await database.db.selectFrom("chat_account").select("id").where("reachable", "=", false).execute();
    expect(unreachable).toEqual([]);
  });
});
