import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

// Issue #19.6: a household is named as one when assigned; its visits are seen by the cell's secretary,
// the assigned cadre and the office (along the tree), with the households not visited in N months.
describeEngines("household visits along the tree", (engine) => {
  let h: BotHarness;
  let follower: string;
  let head: string;

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    const row = await h.db.db
      .selectFrom("assignment")
      .innerJoin("person", "person.id", "assignment.cadre_id")
      .innerJoin("household", "household.id", "assignment.household_id")
      .select(["person.code", "household.head_name"])
      .where("household.code", "=", "DEMO-HO-001")
      .executeTakeFirstOrThrow();
    follower = await h.as(row.code);
    head = row.head_name;
    expect(await h.sayText(follower, "/ghinhan DEMO-HO-001 Gia đình ổn định, con đi học đầy đủ")).toContain("Đã ghi nhận");
  });
  afterAll(() => h.close());

  it("shows the visit to the cell's secretary, the assigned cadre and the commune office", async () => {
    for (const code of [DEMO_SECRETARY_CODE, "DEMO-CUV-KHOA", "DEMO-VP-TANVAN"]) {
      const text = await h.sayText(await h.as(code), "/thamho");
      expect(text).toContain("Các lần thăm gần đây:");
      expect(text).toMatch(new RegExp(`• 20/11/2025 — .+ thăm hộ ${head}: Gia đình ổn định, con đi học đầy đủ`));
      expect(text).toContain("Hộ chưa được thăm trong 3 tháng (từ 20/08/2025)");
      expect(text).not.toContain(`DEMO-HO-001: ${head}`); // visited: not in the list of those not visited
    }
    const secretary = await h.sayText(await h.as(DEMO_SECRETARY_CODE), "/thamho");
    expect(secretary).toContain("Hộ chưa được thăm trong 3 tháng (từ 20/08/2025): 2/3 hộ");
    expect(secretary).toContain("• DEMO-HO-003:");
    expect(secretary).not.toContain("DEMO-HO-004"); // another cell's household
  });

  it("keeps it from those outside the tree: another commune's office, a plain member", async () => {
    const other = await h.sayText(await h.as("DEMO-VP-KYLUA"), "/thamho");
    expect(other).not.toContain(head);
    expect(other).not.toContain("Gia đình ổn định");
    expect(await h.sayText(await h.as("DEMO-DV-POLAI-MAI"), "/thamho")).toContain("không có quyền");
  });

  it("lists a household not visited in N months and opens its visits from the list", async () => {
    h.clock.now = new Date("2026-03-25T03:00:00Z");
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(secretary, "/thamho 3")).toContain(`• DEMO-HO-001: ${head} (thôn Pò Lài) — thăm lần cuối 20/11/2025`);
    expect(await h.sayText(secretary, "/thamho 6")).toContain("Hộ chưa được thăm trong 6 tháng (từ 25/09/2025): 2/3 hộ");
    expect(await h.sayText(secretary, "/thamho abc")).toContain('Số tháng "abc" chưa đúng');
    await h.sayText(secretary, "/thamho");
    const opened = await h.sayText(secretary, `Hộ ${head} (thôn Pò Lài)`);
    expect(opened).toContain("• 20/11/2025 — ");
    expect(opened).toContain("Gia đình ổn định");
  });

  it("names a household as one when the office assigns it", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const ask = await h.sayText(office, "/phancong DEMO-HO-003");
    const household = await h.db.db.selectFrom("household").select("head_name").where("code", "=", "DEMO-HO-003").executeTakeFirstOrThrow();
    expect(ask).toContain(`Ai phụ trách hộ ${household.head_name} (thôn Pò Lài)?`);
    expect(await h.sayText(office, "1")).toMatch(new RegExp(`^Đã phân công đồng chí .+ phụ trách hộ ${household.head_name} \\(thôn Pò Lài\\) từ hôm nay\\.$`));
  });
});
