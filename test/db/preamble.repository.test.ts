import { afterAll, beforeAll, expect, it } from "vitest";
import { touchAccount } from "../../src/db/chat-account.repository.js";
import { saveConversation } from "../../src/db/conversation.repository.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findPersonByCode, heldOn } from "../../src/db/person.repository.js";
import { openInbound, openInboundMany, type InboundKey } from "../../src/db/preamble.repository.js";
import { insertConsent, NOTICE_REVISION_SETTING, sawNotice } from "../../src/db/privacy.repository.js";
import { putSetting } from "../../src/db/setting.repository.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

const AT = new Date("2025-12-05T03:00:00Z");
const TODAY = "2025-12-05";

describeEngines("the preamble of an incoming message, in one statement", (engine) => {
  let t: TestDatabase;
  let secretary: { id: number; full_name: string; cell_id: number | null };

  const key = (over: Partial<InboundKey> = {}): InboundKey => ({
    channel: "telegram",
    platformUserId: "501",
    chatId: "501",
    at: AT,
    privateChat: true,
    today: TODAY,
    ...over,
  });
  const open = (k: InboundKey) => t.db.transaction().execute((trx) => openInbound(trx, k));
  const accountRow = (channel: string, platformUserId: string) =>
    t.db
      .selectFrom("chat_account")
      .select(["chat_id", "person_id", "language", "reachable", "linked_at", "last_seen_at"])
      .where("channel", "=", channel)
      .where("platform_user_id", "=", platformUserId)
      .executeTakeFirst();

  beforeAll(async () => {
    t = await freshDatabase(engine, { demo: true });
    secretary = (await findPersonByCode(t.db, DEMO_SECRETARY_CODE))!;
  });
  afterAll(() => t?.close());

  it("keeps the account as touchAccount does, message by message (group first, then private, then group)", async () => {
    const steps: { chatId: string; privateChat: boolean; minutes: number }[] = [
      { chatId: "-900", privateChat: false, minutes: 0 },
      { chatId: "-900", privateChat: false, minutes: 1 },
      { chatId: "777", privateChat: true, minutes: 2 },
      { chatId: "-901", privateChat: false, minutes: 3 },
      { chatId: "778", privateChat: true, minutes: 4 },
    ];
    for (const [i, step] of steps.entries()) {
      const at = new Date(AT.getTime() + step.minutes * 60_000);
      await touchAccount(t.db, { channel: "zalo", platformUserId: "777", chatId: step.chatId }, at, step.privateChat);
      const opened = await open(key({ channel: "fake", platformUserId: "777", chatId: step.chatId, at, privateChat: step.privateChat, updateKey: `k${i}` }));
      expect(opened?.account.personId).toBeNull();
      expect(await accountRow("fake", "777")).toEqual(await accountRow("zalo", "777"));
    }
    expect(await accountRow("fake", "777")).toMatchObject({ chat_id: "778", reachable: true });
  });

  it("a first sighting in a group stays unreachable", async () => {
    await open(key({ platformUserId: "640", chatId: "-640", privateChat: false, updateKey: "g1" }));
    expect(await accountRow("telegram", "640")).toMatchObject({ chat_id: "-640", reachable: false });
  });

  it("claims the update key once: a redelivery returns nothing and changes nothing", async () => {
    const first = await open(key({ platformUserId: "502", chatId: "502", updateKey: "dup-1" }));
    expect(first).toBeDefined();
    const before = await accountRow("telegram", "502");
    const later = new Date(AT.getTime() + 3_600_000);
    expect(await open(key({ platformUserId: "502", chatId: "other", at: later, updateKey: "dup-1" }))).toBeUndefined();
    expect(await accountRow("telegram", "502")).toEqual(before);
    // Nor is an account created for a sender first seen on a redelivered key.
    expect(await open(key({ platformUserId: "503", chatId: "503", updateKey: "dup-1" }))).toBeUndefined();
    expect(await accountRow("telegram", "503")).toBeUndefined();
    const keys = await t.db.selectFrom("inbound_update").select("update_key").where("update_key", "=", "dup-1").execute();
    expect(keys).toHaveLength(1);
  });

  it("without an update key, claims nothing and opens every time", async () => {
    const before = await t.db.selectFrom("inbound_update").select("update_key").execute();
    expect(await open(key({ channel: "console", platformUserId: "c1", chatId: "c1" }))).toBeDefined();
    expect(await open(key({ channel: "console", platformUserId: "c1", chatId: "c1" }))).toBeDefined();
    expect(await t.db.selectFrom("inbound_update").select("update_key").execute()).toHaveLength(before.length);
  });

  it("reads the linked person with the roles and assignments in force today, as heldOn does", async () => {
    const orgId = secretary.cell_id!;
    await t.db
      .insertInto("role")
      .values([
        { person_id: secretary.id, org_id: orgId, role: "deputy_secretary", valid_from: "2025-01-01", valid_to: TODAY }, // ended today
        { person_id: secretary.id, org_id: orgId, role: "cell_committee", valid_from: "2025-12-06", valid_to: null }, // starts tomorrow
        { person_id: secretary.id, org_id: orgId, role: "cell_committee", valid_from: TODAY, valid_to: "2025-12-06" }, // today only
      ])
      .execute();
    await t.db
      .insertInto("assignment")
      .values([
        { cadre_id: secretary.id, org_id: orgId, household_id: null, duties: "theo dõi", valid_from: "2025-01-01", valid_to: null },
        { cadre_id: secretary.id, org_id: orgId, household_id: null, duties: "cũ", valid_from: "2025-01-01", valid_to: "2025-06-01" },
      ])
      .execute();
    await t.db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: "600", chat_id: "600", person_id: secretary.id, language: "en" }).execute();

    const opened = await open(key({ platformUserId: "600", chatId: "600", updateKey: "p1" }));
    const held = await heldOn(t.db, secretary.id, TODAY);
    const sorted = <T,>(list: T[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(opened?.account).toMatchObject({ personId: secretary.id, language: "en" });
    expect(opened?.person).toMatchObject({ id: secretary.id, fullName: secretary.full_name, cellId: secretary.cell_id });
    expect(sorted(opened!.person!.roles)).toEqual(sorted(held.roles));
    expect(sorted(opened!.person!.assignments)).toEqual(sorted(held.assignments));
    expect(opened!.person!.roles).toContainEqual({ role: "cell_committee", orgId });
    expect(opened!.person!.roles).not.toContainEqual({ role: "deputy_secretary", orgId });
    expect(opened!.person!.assignments).toEqual([{ orgId, householdId: null }]);
    // An unlinked sender has no person.
    expect((await open(key({ platformUserId: "601", chatId: "601", updateKey: "p2" })))?.person).toBeNull();
  });

  it("reads whether the account saw the personal-data notice in force (version and revision), when asked", async () => {
    const first = await open(key({ platformUserId: "800", chatId: "800", updateKey: "n1", noticeVersion: 2 }));
    expect(first?.account.noticeSeen).toBe(false);
    await insertConsent(t.db, { personId: secretary.id, accountId: first!.account.id, channel: "telegram", noticeVersion: 1, decision: "shown", at: AT });
    expect((await open(key({ platformUserId: "800", chatId: "800", updateKey: "n2", noticeVersion: 2 })))?.account.noticeSeen).toBe(false);
    await insertConsent(t.db, { personId: secretary.id, accountId: first!.account.id, channel: "telegram", noticeVersion: 2, decision: "shown", at: AT });
    expect((await open(key({ platformUserId: "800", chatId: "800", updateKey: "n3", noticeVersion: 2 })))?.account.noticeSeen).toBe(true);
    // A changed retention period is a new revision of the same version: seen again only once shown again.
    await putSetting(t.db, NOTICE_REVISION_SETTING, 1);
    expect((await open(key({ platformUserId: "800", chatId: "800", updateKey: "n4", noticeVersion: 2 })))?.account.noticeSeen).toBe(false);
    expect(await sawNotice(t.db, first!.account.id, 2)).toBe(false);
    await insertConsent(t.db, { personId: secretary.id, accountId: first!.account.id, channel: "telegram", noticeVersion: 2, periodsRevision: 1, decision: "shown", at: AT });
    expect((await open(key({ platformUserId: "800", chatId: "800", updateKey: "n5", noticeVersion: 2 })))?.account.noticeSeen).toBe(true);
    expect(await sawNotice(t.db, first!.account.id, 2)).toBe(true);
    // Not asked: not read.
    expect((await open(key({ platformUserId: "800", chatId: "800", updateKey: "n6" })))?.account.noticeSeen).toBeUndefined();
    await putSetting(t.db, NOTICE_REVISION_SETTING, 0);
  });

  it("reads the chat's conversation, saying whether it expired", async () => {
    expect((await open(key({ platformUserId: "700", chatId: "700", updateKey: "c1" })))?.conversation).toBeUndefined();
    await saveConversation(t.db, "telegram", "700", { flow: { name: "report" }, choices: [] }, new Date(AT.getTime() + 60_000), AT);
    const live = await open(key({ platformUserId: "700", chatId: "700", updateKey: "c2" }));
    expect(live?.conversation).toEqual({ state: { flow: { name: "report" }, choices: [] }, expired: false });
    const atExpiry = await open(key({ platformUserId: "700", chatId: "700", updateKey: "c3", at: new Date(AT.getTime() + 60_000) }));
    expect(atExpiry?.conversation?.expired).toBe(true);
  });

  it("opens several messages in one statement as openInbound opens each: the same accounts, reads, and claims", async () => {
    // The same senders, one message each, through openInbound on channel "one" and openInboundMany on "many".
    for (const channel of ["one", "many"]) {
      const linked = await t.db.insertInto("chat_account").values({ channel, platform_user_id: "900", chat_id: "900", person_id: secretary.id, language: "en" }).returning("id").executeTakeFirstOrThrow();
      await insertConsent(t.db, { personId: secretary.id, accountId: linked.id, channel, noticeVersion: 2, decision: "shown", at: AT });
      await saveConversation(t.db, channel, "900", { choices: [] }, new Date(AT.getTime() + 60_000), AT);
    }
    const keys = (channel: string, round: number): InboundKey[] => [
      key({ channel, platformUserId: "900", chatId: "900", updateKey: `m${round}-1`, noticeVersion: 2 }),
      key({ channel, platformUserId: "901", chatId: "-9901", privateChat: false, updateKey: `m${round}-2`, noticeVersion: 2 }),
      key({ channel, platformUserId: "902", chatId: "902", updateKey: `m${round}-3`, noticeVersion: 2 }),
    ];
    const one = [];
    for (const k of keys("one", 1)) one.push(await open(k));
    const many = await t.db.transaction().execute((trx) => openInboundMany(trx, keys("many", 1)));
    const comparable = (p: Awaited<ReturnType<typeof open>>) => p && { ...p, account: { ...p.account, id: 0 } };
    expect(many.map(comparable)).toEqual(one.map(comparable));
    expect(many[0]).toMatchObject({ account: { personId: secretary.id, language: "en", noticeSeen: true }, person: { id: secretary.id }, conversation: { expired: false } });
    // Later: the group sender writes in private, the private one in a group; the first key comes again.
    const later = new Date(AT.getTime() + 60_000);
    const round2 = (channel: string): InboundKey[] => [
      key({ channel, platformUserId: "900", chatId: "900", updateKey: `m1-1`, at: later }),
      key({ channel, platformUserId: "901", chatId: "901", updateKey: `m2-2`, at: later }),
      key({ channel, platformUserId: "902", chatId: "-9902", privateChat: false, updateKey: `m2-3`, at: later }),
    ];
    const oneAgain = [];
    for (const k of round2("one")) oneAgain.push(await open(k));
    const manyAgain = await t.db.transaction().execute((trx) => openInboundMany(trx, round2("many")));
    expect(manyAgain[0]).toBeUndefined();
    expect(manyAgain.map(comparable)).toEqual(oneAgain.map(comparable));
    for (const user of ["900", "901", "902"]) expect(await accountRow("many", user)).toEqual(await accountRow("one", user));
  });
});
