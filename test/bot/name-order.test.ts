import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

describeEngines("people are listed in Vietnamese order", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine);
    const cell = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    for (const [code, name] of [["T-HOANG", "Hoàng Văn Sáng"], ["T-HA", "Hà Thị Lan"]] as const) {
      const p = await h.db.db
        .insertInto("person")
        .values({ code, full_name: name, sex: "M", birth_year: 1980, membership: "full", admitted_on: "2010-01-01", full_member_on: "2011-01-01", cell_id: cell })
        .returning("id")
        .executeTakeFirstOrThrow();
      await h.db.db.insertInto("role").values({ person_id: p.id, org_id: cell, role: "member", valid_from: "2025-07-01" }).execute();
    }
  });
  afterAll(() => h.close());

  it("lists Hà before Hoàng in the cell's member list", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(sec, "/chibo");
    const list = await h.sayText(sec, "1");
    expect(list).toContain("Hà Thị Lan");
    expect(list).toContain("Hoàng Văn Sáng");
    expect(list.indexOf("Hà Thị Lan")).toBeLessThan(list.indexOf("Hoàng Văn Sáng"));
  });
});
