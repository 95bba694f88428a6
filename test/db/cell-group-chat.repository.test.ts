import { afterAll, beforeAll, expect, it } from "vitest";
import { findGroupChat, linkGroupChat, moveGroupChat } from "../../src/db/cell-group-chat.repository.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { enqueueMessages, markSent, type NewOutboxMessage } from "../../src/db/outbox.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { meetingNotice } from "../support/outbox.js";

const AT = new Date("2025-12-01T00:00:00Z");

describeEngines("a linked group chat that moves to a new id (Telegram supergroup upgrade)", (engine) => {
  let t: TestDatabase;
  let cellId: number;
  let otherCellId: number;
  let secretaryId: number;

  /** A group copy of a meeting notice, keyed as the planner keys it. */
  const copy = (chatId: string, step: string): NewOutboxMessage => ({
    key: `meet:${cellId}:2025-12-05:${step}:group:telegram:${chatId}`,
    kind: "group.meeting.reminder",
    personId: null,
    orgId: cellId,
    to: { accountId: null, channel: "telegram", chatId },
    payload: meetingNotice({ cell: "Chi bộ", meeting: `${cellId}:2025-12-05`, step }),
    dueAt: AT,
    expiresAt: null,
  });
  const rowsOf = (chatId: string) =>
    t.db.selectFrom("outbox").select(["dedupe_key", "chat_id", "status"]).where("chat_id", "=", chatId).orderBy("id").execute();
  const move = (from: string, to: string) => t.db.transaction().execute((trx) => moveGroupChat(trx, "telegram", from, to));

  beforeAll(async () => {
    t = await freshDatabase(engine, { demo: true });
    cellId = (await findOrgByCode(t.db, "DEMO-CB-POLAI"))!.id;
    const other = await t.db.selectFrom("org").select("id").where("kind", "=", "chi_bo_co_so").where("id", "!=", cellId).orderBy("id").executeTakeFirstOrThrow();
    otherCellId = other.id;
    secretaryId = (await findPersonByCode(t.db, DEMO_SECRETARY_CODE))!.id;
  });
  afterAll(() => t?.close());

  it("moves the link, the rows' chat id and the group copies' keys; the planner then finds them; twice is once", async () => {
    await linkGroupChat(t.db, { channel: "telegram", chatId: "-4001", cellId, linkedBy: secretaryId }, AT);
    await enqueueMessages(t.db, [copy("-4001", "d3"), copy("-4001", "d0")]);
    const sent = await t.db.selectFrom("outbox").select("id").where("dedupe_key", "like", "%:d3:group:telegram:-4001").executeTakeFirstOrThrow();
    await markSent(t.db, sent.id, AT);
    // A person's own message is nobody's group copy: untouched.
    await enqueueMessages(t.db, [{ ...copy("42", "d0"), key: `meet:${cellId}:2025-12-05:d0:7`, to: { accountId: null, channel: "telegram", chatId: "42" } }]);

    expect(await move("-4001", "-1004001")).toEqual({ cellId, rows: 2 });
    expect(await findGroupChat(t.db, "telegram", "-4001")).toBeUndefined();
    expect(await findGroupChat(t.db, "telegram", "-1004001")).toMatchObject({ cell_id: cellId, linked_by: secretaryId });
    expect(await rowsOf("-1004001")).toEqual([
      { dedupe_key: `meet:${cellId}:2025-12-05:d3:group:telegram:-1004001`, chat_id: "-1004001", status: "sent" },
      { dedupe_key: `meet:${cellId}:2025-12-05:d0:group:telegram:-1004001`, chat_id: "-1004001", status: "pending" },
    ]);
    expect(await rowsOf("42")).toHaveLength(1);
    // The planner's next tick keys the copies by the new id: nothing is planned twice.
    expect(await enqueueMessages(t.db, [copy("-1004001", "d3"), copy("-1004001", "d0")])).toBe(0);
    // The second service message (or a refused post) moves nothing more.
    expect(await move("-4001", "-1004001")).toEqual({ cellId: null, rows: 0 });
    expect(await rowsOf("-1004001")).toHaveLength(2);
  });

  it("keeps a link already made under the new id, and withdraws the old copies planned for it there too", async () => {
    await linkGroupChat(t.db, { channel: "telegram", chatId: "-4002", cellId, linkedBy: secretaryId }, AT);
    // The secretary linked the supergroup to another cell before the upgrade was seen.
    await linkGroupChat(t.db, { channel: "telegram", chatId: "-1004002", cellId: otherCellId, linkedBy: secretaryId }, AT);
    await enqueueMessages(t.db, [copy("-4002", "d3"), copy("-4002", "d0"), copy("-4002", "h2"), copy("-1004002", "d3"), copy("-1004002", "d0")]);
    const oldD3 = await t.db.selectFrom("outbox").select("id").where("dedupe_key", "like", "%:d3:group:telegram:-4002").executeTakeFirstOrThrow();
    await markSent(t.db, oldD3.id, AT);

    expect(await move("-4002", "-1004002")).toEqual({ cellId: null, rows: 3 });
    expect(await findGroupChat(t.db, "telegram", "-4002")).toBeUndefined();
    expect(await findGroupChat(t.db, "telegram", "-1004002")).toMatchObject({ cell_id: otherCellId });
    const rows = await rowsOf("-1004002");
    expect(rows.map((r) => [r.dedupe_key.replace(/#\d+$/, "#id"), r.status])).toEqual([
      // Posted in the old group (whose history the supergroup shows): it keeps the key, and the
      // supergroup's own waiting copy is withdrawn.
      [`meet:${cellId}:2025-12-05:d3:group:telegram:-1004002`, "sent"],
      // Waiting under both ids: the old copy is withdrawn, so the group does not get it twice.
      [`meet:${cellId}:2025-12-05:d0:group:telegram:-4002#id`, "cancelled"],
      // Waiting, and no copy under the new id yet: moved.
      [`meet:${cellId}:2025-12-05:h2:group:telegram:-1004002`, "pending"],
      [`meet:${cellId}:2025-12-05:d3:group:telegram:-1004002#id`, "cancelled"],
      [`meet:${cellId}:2025-12-05:d0:group:telegram:-1004002`, "pending"],
    ]);
  });

  it("moves no link for a group that was never linked, but still moves its waiting rows", async () => {
    await enqueueMessages(t.db, [copy("-4003", "d0")]);
    expect(await move("-4003", "-1004003")).toEqual({ cellId: null, rows: 1 });
    expect(await findGroupChat(t.db, "telegram", "-1004003")).toBeUndefined();
    expect(await move("-4004", "-4004")).toEqual({ cellId: null, rows: 0 });
  });
});
