import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { LINK_FAILURE_WINDOW_MIN, LINK_MAX_FAILURES } from "../../src/domain/invite-code.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { newInviteCode } from "../../src/domain/invite-code.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { checkOutboxMessage } from "../../src/messaging/outbox-message.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";
import { createInvite, LINK_MAX_FAILURES_SLOWED, SHARED_LINK_LIMITS } from "../../src/services/link.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const MINUTE = 60_000;

describeEngines("invite codes: failure limits per account and across accounts", (engine) => {
  let h: BotHarness;
  let maiId: number;
  let start: Date;
  const linkedTo = async (userId: string) =>
    (await h.db.db.selectFrom("chat_account").select("person_id").where("platform_user_id", "=", userId).executeTakeFirst())?.person_id ?? null;
  const limitAudits = () => h.db.db.selectFrom("audit_log").selectAll().where("action", "=", "invite.rate_limit").where("at", ">=", start).orderBy("id").execute();
  /** A random code: wrong, with odds of about 1 in 10^14 against. */
  const randomCode = () => newInviteCode();
  /** A wrong code of a fresh shape each time: guessers do not repeat themselves. */
  let guess = 0;
  const wrongCode = () => `${String(22222 + (guess % 7)).replace(/[01]/g, "2")}-${String(33333 + guess++).replace(/[01]/g, "3")}`;

  beforeAll(async () => {
    h = await botHarness(engine);
    maiId = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.db.db.deleteFrom("link_limit").execute();
    await h.db.db.deleteFrom("link_attempt").execute();
    await h.db.db.deleteFrom("outbox").execute();
    start = new Date(h.clock.now.getTime() + 7 * 24 * 60 * MINUTE);
    h.clock.now = start;
  });

  it("a burst of wrong codes from many accounts, each under its own limit, never stops a right code", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, start);
    // A training session: eight secretaries mistype four times each, more than a platform-wide block once allowed.
    let wrong = 0;
    for (let a = 0; a < 8; a++) {
      for (let i = 0; i < LINK_MAX_FAILURES - 1; i++) if ((await h.sayText(`trainee-${a}`, `/lienket ${randomCode()}`)).includes("Mã mời không đúng")) wrong++;
    }
    expect(wrong).toBe(8 * (LINK_MAX_FAILURES - 1));
    // The ninth types the right code: the personal-data notice, then the link.
    expect(await h.sayText("newcomer", `/lienket ${code}`)).toContain("Đồng ý");
    expect(await h.sayText("newcomer", "Đồng ý")).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
    expect(await linkedTo("newcomer")).toBe(maiId);
    expect(await limitAudits()).toEqual([]);
  });

  it("still locks the one account that makes too many wrong guesses, even for a right code", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, start);
    for (let i = 0; i < LINK_MAX_FAILURES; i++) expect(await h.sayText("guesser", `/lienket ${randomCode()}`)).toContain("Mã mời không đúng");
    expect(await h.sayText("guesser", `/lienket ${code}`)).toContain("nhập sai quá nhiều lần");
    expect(await linkedTo("guesser")).toBeNull();
    // Another account is not held up by it.
    expect(await h.sayText("other", `/lienket ${code}`)).toContain("Đồng ý");
  });

  it("past the platform's alert threshold: the province office is told, guessing is slowed, right codes still link", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, start);
    // The province clerk reads the alert on Telegram.
    const clerkId = (await findPersonByCode(h.db.db, "DEMO-VP-TINH"))!.id;
    const clerkCode = (await createInvite(h.db.db, clerkId, null, start)).code;
    const telegram = { channel: "telegram", chatId: "clerk-tg" } as const;
    await h.sayText("clerk-tg", `/lienket ${clerkCode}`, telegram);
    expect(await h.sayText("clerk-tg", "1", telegram)).toContain("Lăng Thị Hạnh");

    for (let i = 0; i < SHARED_LINK_LIMITS.platform; i++) {
      expect(await h.sayText(`bot-${Math.floor(i / (LINK_MAX_FAILURES - 1))}`, `/lienket ${randomCode()}`)).toContain("Mã mời không đúng");
    }
    // The office's audit log: scope and platform, no account, no code.
    const [entry] = await limitAudits();
    expect(entry).toMatchObject({ actor_person_id: null, entity: "link_limit", entity_id: "platform:console" });
    expect(entry!.after).toMatchObject({ scope: "platform", channel: "console", failures: SHARED_LINK_LIMITS.platform, strike: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/bot-|slowed-newcomer/);
    // The office's chat: one alert, to the province clerk's Telegram.
    const alerts = await h.db.db.selectFrom("outbox").selectAll().where("kind", "=", "link.alert").execute();
    expect(alerts.map((a) => [a.person_id, a.channel, a.status])).toEqual([[clerkId, "telegram", "pending"]]);
    const [alert] = renderOutboxMessage(createI18n(), "vi", checkOutboxMessage("link.alert", alerts[0]!.payload), h.clock.now, "Asia/Ho_Chi_Minh");
    expect(alert!.text).toContain(`có ${SHARED_LINK_LIMITS.platform} lần nhập mã mời sai trên Bảng điều khiển`);
    expect(alert!.text).toContain(`chỉ được nhập sai ${LINK_MAX_FAILURES_SLOWED} lần`);

    // Slowed: a fresh account is stopped after LINK_MAX_FAILURES_SLOWED wrong codes, not LINK_MAX_FAILURES.
    for (let i = 0; i < LINK_MAX_FAILURES_SLOWED; i++) expect(await h.sayText("late-guesser", `/lienket ${randomCode()}`)).toContain("Mã mời không đúng");
    expect(await h.sayText("late-guesser", `/lienket ${randomCode()}`)).toContain("nhập sai quá nhiều lần");
    // A member with the right code links as usual.
    expect(await h.sayText("slowed-newcomer", `/lienket ${code}`)).toContain("Đồng ý");
    expect(await h.sayText("slowed-newcomer", "1")).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
    expect(await linkedTo("slowed-newcomer")).toBe(maiId);

    // After the slow-down, each account has its full LINK_MAX_FAILURES again.
    h.clock.now = new Date(start.getTime() + (LINK_FAILURE_WINDOW_MIN + 1) * MINUTE);
    for (let i = 0; i < LINK_MAX_FAILURES; i++) expect(await h.sayText("after", `/lienket ${randomCode()}`)).toContain("Mã mời không đúng");
  });

  it("used and expired codes retried are not counted as guesses against the platform", async () => {
    const used = await createInvite(h.db.db, maiId, null, start);
    await h.sayText("first", `/lienket ${used.code}`);
    await h.sayText("first", "1");
    for (let a = 0; a < 3; a++) for (let i = 0; i < 3; i++) expect(await h.sayText(`retry-${a}`, `/lienket ${used.code}`)).toContain("đã được dùng");
    const counted = await h.db.db.selectFrom("link_limit").select(["bucket", "failures"]).where("bucket", "=", "platform:console").executeTakeFirst();
    expect(counted?.failures ?? 0).toBe(0);
  });

  it("limits guesses completing the same first half of a code across accounts sooner", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, start);
    const half = code.slice(0, 5);
    const others = ["22222", "33333", "44444", "55555", "66666", "77777", "88888", "99999", "AAAAA", "CCCCC", "DDDDD", "EEEEE"];
    let busy = 0;
    for (let i = 0; i < SHARED_LINK_LIMITS.source + 2; i++) {
      const reply = await h.sayText(`half-${Math.floor(i / LINK_MAX_FAILURES)}`, `/lienket ${half}-${others[i]!}`);
      if (reply.includes("Mã mời này đang tạm khóa")) busy++;
    }
    expect(busy).toBe(2);
    expect((await limitAudits()).map((a) => a.entity_id)).toEqual(["source:console"]);
    // Another code's guesses on the same platform are not held up by it.
    expect(await h.sayText("other-half", `/lienket ${wrongCode()}`)).toContain("không đúng");
  });
});
