import { afterAll, beforeAll, expect, it } from "vitest";
import { insertTurnRepliesMany } from "../../src/db/turn-reply.repository.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

describeEngines("a batch group's replies and conversations in one statement", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t.close());

  it("stores each turn's replies (a lone surrogate sent as U+FFFD), saves and clears conversations", async () => {
    const at = new Date("2026-12-07T01:00:00Z");
    const expiresAt = new Date("2026-12-07T02:00:00Z");
    await t.db.insertInto("conversation").values({ channel: "telegram", chat_id: "3", state: JSON.stringify({ flow: { name: "x", step: "a" } }), expires_at: expiresAt, updated_at: at }).execute();
    const ids = await insertTurnRepliesMany(
      t.db,
      [
        { channel: "telegram", chatId: "1", updateKey: "u1", replies: [{ text: "cut \uD83D" }], locale: "vi" },
        { channel: "telegram", chatId: "2", updateKey: "u2", replies: [{ text: "a" }, { text: "b", choices: [{ label: "Có", action: "rsvp:1:2026-12-10:yes" }] }] },
      ],
      [
        { channel: "telegram", chatId: "1", state: { choices: [{ label: "Có", action: "x:1" }] }, expiresAt, at },
        { channel: "telegram", chatId: "3", state: null, expiresAt, at },
      ],
    );
    expect([...ids.keys()].sort()).toEqual(["u1", "u2"]);
    const rows = await t.db.selectFrom("turn_reply").select(["id", "chat_id", "replies", "locale"]).orderBy("chat_id").execute();
    expect(rows.map((r) => [String(r.id), r.chat_id, r.replies, r.locale])).toEqual([
      [ids.get("u1"), "1", [{ text: "cut \uFFFD" }], "vi"],
      [ids.get("u2"), "2", [{ text: "a" }, { text: "b", choices: [{ label: "Có", action: "rsvp:1:2026-12-10:yes" }] }], null],
    ]);
    const conversations = await t.db.selectFrom("conversation").select(["chat_id", "state", "expires_at"]).orderBy("chat_id").execute();
    expect(conversations.map((c) => [c.chat_id, c.state, new Date(c.expires_at).toISOString()])).toEqual([["1", { choices: [{ label: "Có", action: "x:1" }] }, expiresAt.toISOString()]]);
  });

  it("writes conversations alone when no turn has replies", async () => {
    const at = new Date("2026-12-07T01:00:00Z");
    const ids = await insertTurnRepliesMany(t.db, [], [{ channel: "zalo", chatId: "9", state: { numeric: true }, expiresAt: at, at }]);
    expect(ids.size).toBe(0);
    const row = await t.db.selectFrom("conversation").select("state").where("channel", "=", "zalo").where("chat_id", "=", "9").executeTakeFirstOrThrow();
    expect(row.state).toEqual({ numeric: true });
  });

  it("deletes the rows of earlier turns whose replies all went out, with the group's new ones", async () => {
    const earlier = await insertTurnRepliesMany(t.db, [
      { channel: "telegram", chatId: "7", updateKey: "e1", replies: [{ text: "x" }] },
      { channel: "telegram", chatId: "8", updateKey: "e2", replies: [{ text: "y" }] },
    ]);
    const ids = await insertTurnRepliesMany(t.db, [{ channel: "telegram", chatId: "7", updateKey: "e3", replies: [{ text: "z" }] }], [], [earlier.get("e1") as string]);
    const left = await t.db.selectFrom("turn_reply").select("update_key").where("update_key", "in", ["e1", "e2", "e3"]).orderBy("update_key").execute();
    expect(left.map((r) => r.update_key)).toEqual(["e2", "e3"]);
    expect(ids.has("e3")).toBe(true);
  });
});
