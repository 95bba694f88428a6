import { afterAll, beforeAll, expect, it } from "vitest";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

describeEngines("/xembaocao for an assigned cadre", (engine) => {
  let h: BotHarness;
  let polai: number;
  let tanhoa: number;
  beforeAll(async () => {
    h = await botHarness(engine);
    polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    tanhoa = (await findOrgByCode(h.db.db, "DEMO-CB-TANHOA1"))!.id;
    // A report of Pò Lài to find in the list.
    const sec = await h.as("DEMO-BT-POLAI");
    await h.sayText(sec, "Họp chi bộ 5/11, 10/11 dự, 1 vắng có lý do");
    await h.sayText(sec, "1");
  });
  afterAll(() => h.close());

  it("lists the reports of the cell they follow, not of their own cell", async () => {
    const khoa = await h.as("DEMO-CUV-KHOA");
    const person = (await findPersonByCode(h.db.db, "DEMO-CUV-KHOA"))!;
    const followed = await h.db.db.selectFrom("assignment").innerJoin("org", "org.id", "assignment.org_id").select(["org.id", "org.name"]).where("assignment.cadre_id", "=", person.id).execute();
    expect(followed.map((f) => f.id)).toEqual([polai]);
    // Khoa is a member of the commune's agency cell: that is not what he follows.
    const list = await h.sayText(khoa, "/xembaocao");
    expect(list).toContain("1. Báo cáo sinh hoạt chi bộ — tháng 11/2025");
    expect(list).not.toContain("Chi bộ cơ quan");
    expect(list).not.toContain("không có quyền");
  });

  it("offers every cell of a commune they follow, and lists the reports of the one picked", async () => {
    const db = h.db.db;
    const person = (await findPersonByCode(db, "DEMO-CUV-KHOA"))!;
    const tanVan = (await findOrgByCode(db, "DEMO-XA-TANVAN"))!.id;
    await db.insertInto("assignment").values({ cadre_id: person.id, org_id: tanVan, household_id: null, duties: "Theo dõi cả xã", valid_from: "2025-07-01" }).execute();
    const khoa = await h.as("DEMO-CUV-KHOA");
    const pick = await h.sayText(khoa, "/xembaocao");
    expect(pick).toContain("Chọn chi bộ");
    const cells = await db.selectFrom("org").select("name").where("parent_id", "=", tanVan).where("valid_to", "is", null).execute();
    for (const c of cells) expect(pick).toContain(c.name);
    expect(pick).not.toContain("Tân Hòa");
    const list = await h.sayText(khoa, "", { text: undefined, action: `rl:${polai}` });
    expect(list).toContain("1. Báo cáo sinh hoạt chi bộ — tháng 11/2025");
    await db.deleteFrom("assignment").where("cadre_id", "=", person.id).where("org_id", "=", tanVan).execute();
  });

  it("refuses a forged pick of a cell they do not follow", async () => {
    const khoa = await h.as("DEMO-CUV-KHOA");
    expect(await h.sayText(khoa, "", { text: undefined, action: `rl:${tanhoa}` })).toContain("không có quyền");
  });
});
