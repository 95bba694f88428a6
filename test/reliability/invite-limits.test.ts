import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { LINK_FAILURE_WINDOW_MIN, LINK_MAX_FAILURES } from "../../src/domain/invite-code.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { createInvite, SHARED_LINK_LIMITS } from "../../src/services/link.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const MINUTE = 60_000;

describeEngines("invite codes: failure limits across accounts", (engine) => {
  let h: BotHarness;
  let maiId: number;
  let start: Date;
  const linkedTo = async (userId: string) =>
    (await h.db.db.selectFrom("chat_account").select("person_id").where("platform_user_id", "=", userId).executeTakeFirst())?.person_id ?? null;
  const limitAudits = () => h.db.db.selectFrom("audit_log").selectAll().where("action", "=", "invite.rate_limit").where("at", ">=", start).orderBy("id").execute();
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
    start = new Date(h.clock.now.getTime() + 7 * 24 * 60 * MINUTE);
    h.clock.now = start;
  });

  it("stops fresh accounts guessing together once the platform's limit is reached, then backs off longer", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, start);
    const accounts = Math.ceil(SHARED_LINK_LIMITS.platform / LINK_MAX_FAILURES) + 1;
    let refusedAsBusy = 0;
    let wrong = 0;
    for (let a = 0; a < accounts; a++) {
      for (let i = 0; i < LINK_MAX_FAILURES; i++) {
        const reply = await h.sayText(`guesser-${a}`, `/lienket ${wrongCode()}`);
        if (reply.includes("tạm ngừng nhận mã mời")) refusedAsBusy++;
        else if (reply.includes("không đúng")) wrong++;
      }
    }
    // No account passed its own limit, yet only the platform's limit of guesses was checked.
    expect(wrong).toBe(SHARED_LINK_LIMITS.platform);
    expect(refusedAsBusy).toBe(accounts * LINK_MAX_FAILURES - SHARED_LINK_LIMITS.platform);

    // The right code is refused during the block, and not spent.
    expect(await h.sayText("newcomer", `/lienket ${code}`)).toContain("tạm ngừng nhận mã mời");
    expect(await linkedTo("newcomer")).toBeNull();

    // The office sees it in the audit log: scope and platform, no account, no code.
    const [entry] = await limitAudits();
    expect(entry).toMatchObject({ actor_person_id: null, entity: "link_limit", entity_id: "platform:console" });
    expect(entry!.after).toMatchObject({ scope: "platform", channel: "console", strike: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/guesser|newcomer|2222/);

    // After the window the code works; a second block on the same platform lasts twice as long.
    h.clock.now = new Date(start.getTime() + (LINK_FAILURE_WINDOW_MIN + 1) * MINUTE);
    for (let i = 0; i < SHARED_LINK_LIMITS.platform; i++) await h.sayText(`second-wave-${Math.floor(i / LINK_MAX_FAILURES)}`, `/lienket ${wrongCode()}`);
    const second = (await limitAudits()).at(-1)!;
    expect(second.after).toMatchObject({ scope: "platform", strike: 2 });
    const blockedFor = new Date((second.after as { blockedUntil: string }).blockedUntil).getTime() - h.clock.now.getTime();
    expect(blockedFor).toBe(2 * LINK_FAILURE_WINDOW_MIN * MINUTE);
    h.clock.now = new Date(h.clock.now.getTime() + (LINK_FAILURE_WINDOW_MIN + 1) * MINUTE);
    expect(await h.sayText("newcomer", `/lienket ${code}`)).toContain("tạm ngừng nhận mã mời");
    h.clock.now = new Date(h.clock.now.getTime() + LINK_FAILURE_WINDOW_MIN * MINUTE);
    // The code is right: the personal-data notice comes first, and only its acceptance links the account.
    expect(await h.sayText("newcomer", `/lienket ${code}`)).toContain("Đồng ý");
    expect(await linkedTo("newcomer")).toBeNull();
    expect(await h.sayText("newcomer", "Đồng ý")).toContain("Vi Thị Mai");
    expect(await linkedTo("newcomer")).toBe(maiId);
  });

  it("limits guesses completing the same first half of a code across accounts sooner", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, start);
    const half = code.slice(0, 5);
    const others = ["22222", "33333", "44444", "55555", "66666", "77777", "88888", "99999", "AAAAA", "CCCCC", "DDDDD", "EEEEE"];
    let busy = 0;
    for (let i = 0; i < SHARED_LINK_LIMITS.source + 2; i++) {
      const reply = await h.sayText(`half-${Math.floor(i / LINK_MAX_FAILURES)}`, `/lienket ${half}-${others[i]!}`);
      if (reply.includes("tạm ngừng nhận mã mời")) busy++;
    }
    expect(busy).toBe(2);
    expect((await limitAudits()).map((a) => a.entity_id)).toEqual(["source:console"]);
    // Another code's guesses on the same platform are not held up by it.
    expect(await h.sayText("other-half", `/lienket ${wrongCode()}`)).toContain("không đúng");
  });
});
