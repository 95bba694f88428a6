import { afterAll, beforeAll, expect, it } from "vitest";
import { INVITE_CODE_BITS, INVITE_TTL_DAYS, LINK_FAILURE_WINDOW_MIN, LINK_MAX_FAILURES, newInviteCode, normalizeInviteCode } from "../../src/domain/invite-code.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { createInvite } from "../../src/services/link.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const DAY_MS = 24 * 60 * 60 * 1000;

it("draws invite codes with at least 48 bits and no duplicate in 100,000", () => {
  expect(INVITE_CODE_BITS).toBeGreaterThanOrEqual(48);
  const seen = new Set<string>();
  const perPosition = Array.from({ length: 10 }, () => new Map<string, number>());
  // Checked once after the loop: an expect() per code is most of the test's time.
  const notTenLong: (string | null)[] = [];
  for (let i = 0; i < 100_000; i++) {
    const code = normalizeInviteCode(newInviteCode());
    if (code?.length !== 10) {
      notTenLong.push(code);
      continue;
    }
    seen.add(code);
    [...code].forEach((ch, p) => perPosition[p]!.set(ch, (perPosition[p]!.get(ch) ?? 0) + 1));
  }
  expect(notTenLong).toEqual([]);
  expect(seen.size).toBe(100_000);
  // Every position uses the whole 30-letter alphabet about evenly (a biased source would show here).
  for (const counts of perPosition) {
    expect(counts.size).toBe(30);
    for (const n of counts.values()) expect(n).toBeGreaterThan(100_000 / 30 / 1.3);
  }
});

describeEngines("invite codes: single use, expiry, attempt limit", (engine) => {
  let h: BotHarness;
  let maiId: number;
  const linkedTo = async (userId: string) =>
    (await h.db.db.selectFrom("chat_account").select("person_id").where("platform_user_id", "=", userId).executeTakeFirst())?.person_id ?? null;

  beforeAll(async () => {
    h = await botHarness(engine);
    maiId = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
  });
  afterAll(() => h?.close());

  it("links one account only: a second account gets 'already used' and stays unlinked", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, h.clock.now);
    expect(await h.sayText("inv-first", `/lienket ${code}`)).toContain("Vi Thị Mai");
    expect(await h.sayText("inv-first", "Đồng ý")).toContain("Đã liên kết");
    expect(await h.sayText("inv-second", `/lienket ${code}`)).toContain("đã được dùng");
    expect(await linkedTo("inv-first")).toBe(maiId);
    expect(await linkedTo("inv-second")).toBeNull();
  });

  it("expires after the TTL, to the second", async () => {
    const issued = new Date(h.clock.now.getTime() - INVITE_TTL_DAYS * DAY_MS);
    const { code: stale } = await createInvite(h.db.db, maiId, null, issued);
    expect(await h.sayText("inv-late", `/lienket ${stale}`)).toContain("hết hạn");
    const { code: fresh } = await createInvite(h.db.db, maiId, null, new Date(issued.getTime() + 1000));
    expect(await h.sayText("inv-just-in-time", `/lienket ${fresh}`)).toContain("Vi Thị Mai");
    expect(await linkedTo("inv-late")).toBeNull();
  });

  it(`refuses even the right code after ${LINK_MAX_FAILURES} failures, without spending it, until the window passes`, async () => {
    const { code } = await createInvite(h.db.db, maiId, null, h.clock.now);
    for (let i = 0; i < LINK_MAX_FAILURES; i++) expect(await h.sayText("inv-guesser", "/lienket 22222-33333")).toContain("không đúng");
    expect(await h.sayText("inv-guesser", `/lienket ${code}`)).toContain("sai quá nhiều lần");
    expect(await linkedTo("inv-guesser")).toBeNull();
    const used = await h.db.db.selectFrom("invite").select("used_at").where("used_at", "is not", null).execute();
    const usedBefore = used.length;
    const later = new Date(h.clock.now.getTime() + (LINK_FAILURE_WINDOW_MIN + 1) * 60_000);
    expect(await h.sayText("inv-guesser", `/lienket ${code}`, { at: later })).toContain("Vi Thị Mai");
    expect(await h.sayText("inv-guesser", "Đồng ý", { at: later })).toContain("Đã liên kết");
    expect(await h.db.db.selectFrom("invite").select("used_at").where("used_at", "is not", null).execute()).toHaveLength(usedBefore + 1);
  });
});
