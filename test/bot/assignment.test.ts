import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

describeEngines("assignments and household follow-up", (engine) => {
  let h: BotHarness;
  let naThua: number;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    naThua = (await findOrgByCode(h.db.db, "DEMO-CB-NATHUA"))!.id;
  });
  afterAll(() => h.close());

  it("shows a cadre the cells followed with their next meeting and last report", async () => {
    const khoa = await h.as("DEMO-CUV-KHOA");
    const text = await h.sayText(khoa, "/phutrach");
    expect(text).toContain("• Chi bộ thôn Pò Lài — họp tới 05/12/2025 lúc 19:30; chưa có báo cáo");
  });

  it("lets a member follow a household: see it, log a visit by picking it, and in one message", async () => {
    const followers = await h.db.db
      .selectFrom("assignment")
      .innerJoin("person", "person.id", "assignment.cadre_id")
      .innerJoin("household", "household.id", "assignment.household_id")
      .select(["person.code as person_code", "household.id as household_id", "household.code as household_code", "household.head_name"])
      .orderBy("assignment.id")
      .execute();
    const f = followers[0]!;
    const me = await h.as(f.person_code);
    const list = await h.sayText(me, "/phutrach");
    expect(list).toContain(`Hộ ${f.head_name}`);
    expect(list).toContain("chưa ghi nhận lần thăm nào");
    const household = await h.sayText(me, "1");
    expect(household).toContain("Chưa có lần thăm nào");
    expect(await h.sayText(me, "1")).toContain("ghi lại ngắn gọn");
    expect(await h.sayText(me, "Gia đình ổn định, con đi học đầy đủ")).toContain(`Đã ghi nhận lần thăm hộ ${f.head_name} ngày 20/11/2025`);
    expect(await h.sayText(me, `/ghinhan ${f.household_code.toLowerCase()} Đã hướng dẫn làm hồ sơ vay vốn`)).toContain("Đã ghi nhận");
    const visits = await h.db.db.selectFrom("household_visit").selectAll().where("household_id", "=", f.household_id).orderBy("id").execute();
    expect(visits.map((v) => [v.visited_on, v.note])).toEqual([
      ["2025-11-20", "Gia đình ổn định, con đi học đầy đủ"],
      ["2025-11-20", "Đã hướng dẫn làm hồ sơ vay vốn"],
    ]);
    // Someone else, not following it and not leading its cell, may neither log nor read it.
    const stranger = await h.as("DEMO-VP-KYLUA");
    expect(await h.sayText(stranger, `/ghinhan ${f.household_code} ghi bừa`)).toContain("không có quyền");
    expect(await h.sayText(stranger, "", { text: undefined, action: `hh:${f.household_id}` })).toContain("không có quyền");
    expect(await h.db.db.selectFrom("household_visit").selectAll().execute()).toHaveLength(2);
  });

  it("lists coverage gaps and lets the commune office assign and end assignments", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const gaps = await h.sayText(office, "/chuaphutrach");
    expect(gaps).toContain("Chi bộ chưa có cấp ủy viên phụ trách: 2");
    expect(gaps).toContain("• Chi bộ thôn Nà Thưa");
    expect(gaps).toContain("Hộ chưa có đảng viên theo dõi: 4");
    await h.sayText(office, "/phancong");
    await h.sayText(office, "Phân công mới");
    const people = await h.sayText(office, "Chi bộ thôn Nà Thưa");
    expect(people).toContain("Ai phụ trách Chi bộ thôn Nà Thưa?");
    expect(await h.sayText(office, "1")).toContain("phụ trách Chi bộ thôn Nà Thưa từ hôm nay");
    expect(await h.sayText(office, "/chuaphutrach")).toContain("Chi bộ chưa có cấp ủy viên phụ trách: 1");
    const audit = await h.db.db.selectFrom("audit_log").selectAll().where("action", "=", "assignment.create").execute();
    expect(audit).toHaveLength(1);

    await h.sayText(office, "/phancong");
    const list = await h.sayText(office, "Kết thúc một phân công");
    expect(list).toContain("→ Chi bộ thôn Nà Thưa");
    const line = list.split("\n").find((l) => l.includes("→ Chi bộ thôn Nà Thưa"))!;
    expect(await h.sayText(office, line.slice(0, line.indexOf(".")))).toContain("Đã kết thúc phân công");
    expect(await h.sayText(office, "/chuaphutrach")).toContain("Chi bộ chưa có cấp ủy viên phụ trách: 2");
    const ended = await h.db.db.selectFrom("assignment").selectAll().where("org_id", "=", naThua).execute();
    expect(ended).toHaveLength(1);
    expect(ended[0]!.valid_to).toBe("2025-11-20");
  });

  it("refuses assignments outside one's scope and people who cannot follow the unit", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(sec, "/phancong")).toContain("không có quyền");
    const otherOffice = await h.as("DEMO-VP-KYLUA");
    const kyLuaClerk = await h.db.db.selectFrom("person").select("id").where("code", "=", "DEMO-VP-KYLUA").executeTakeFirstOrThrow();
    expect(await h.sayText(otherOffice, "", { text: undefined, action: `pc:p:o:${naThua}:${kyLuaClerk.id}` })).toContain("không có quyền");
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "", { text: undefined, action: `pc:p:o:${naThua}:${kyLuaClerk.id}` })).toContain("chưa hợp lệ");
    expect(await h.db.db.selectFrom("assignment").selectAll().where("org_id", "=", naThua).where("valid_to", "is", null).execute()).toHaveLength(0);
  });

  it("assigns any cell or household in reach, by the menu or by its code, and shows the three levels", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    await h.sayText(office, "/phancong");
    const units = await h.sayText(office, "Phân công cho xã, chi bộ bất kỳ");
    // Pò Lài is followed already: it is not a gap, but it may still be given a second cadre.
    expect(units).toContain("Chi bộ thôn Pò Lài (Đảng bộ xã Tân Văn)");
    expect(units).not.toContain("Tân Hòa");
    const household = await h.db.db.selectFrom("household").selectAll().where("code", "=", "DEMO-HO-003").executeTakeFirstOrThrow();
    const people = await h.sayText(office, "/phancong demo-ho-003");
    expect(people).toContain(`Ai phụ trách hộ ${household.head_name} (${household.village_name})?`);
    expect(await h.sayText(office, "1")).toContain("từ hôm nay");
    const follows = await h.db.db.selectFrom("assignment").selectAll().where("household_id", "=", household.id).where("valid_to", "is", null).execute();
    expect(follows).toHaveLength(1);
    // Khoa follows Pò Lài already: assigning him again adds nothing.
    const polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    const before = await h.db.db.selectFrom("assignment").selectAll().where("org_id", "=", polai).execute();
    expect(await h.sayText(office, "/phancong DEMO-CB-POLAI")).toContain("Lộc Văn Khoa");
    expect(await h.sayText(office, "Lộc Văn Khoa")).toContain("Đồng chí Lộc Văn Khoa đã đang phụ trách Chi bộ thôn Pò Lài");
    expect(await h.db.db.selectFrom("assignment").selectAll().where("org_id", "=", polai).execute()).toEqual(before);
    expect(await h.sayText(office, "/phancong DEMO-HO-KHONGCO")).toContain('Không có đơn vị hay hộ nào mã "DEMO-HO-KHONGCO"');
    // Another commune's cell by its code is out of reach.
    expect(await h.sayText(office, "/phancong DEMO-CB-TANHOA1")).toContain("không có quyền");

    const overview = await h.sayText(office, "/phutrach");
    expect(overview).toContain("Cấp ủy viên phụ trách chi bộ, thôn (");
    expect(overview).toContain("• Lộc Văn Khoa → Chi bộ thôn Pò Lài");
    expect(overview).toContain("Đảng viên theo dõi hộ (");
  });

  it("lets the province office see and fill the commune level", async () => {
    const province = await h.as("DEMO-VP-TINH");
    const gaps = await h.sayText(province, "/chuaphutrach");
    expect(gaps).toContain("Xã, phường chưa có cán bộ tỉnh phụ trách: 2");
    expect(gaps).toContain("• Đảng bộ xã Tân Văn");
    // Province cadres are those holding committee roles in the province committee.
    const provinceId = (await findOrgByCode(h.db.db, "DEMO-TINH"))!.id;
    const cadre = await h.db.db.selectFrom("person").select("id").where("code", "=", "DEMO-VP-TINH").executeTakeFirstOrThrow();
    await h.db.db.insertInto("role").values({ person_id: cadre.id, org_id: provinceId, role: "commune_committee", valid_from: "2025-07-01" }).execute();
    expect(await h.sayText(province, "/phancong DEMO-XA-TANVAN")).toContain("1. Lăng Thị Hạnh");
    expect(await h.sayText(province, "1")).toContain("phụ trách Đảng bộ xã Tân Văn từ hôm nay");
    const followed = await h.sayText(await h.as("DEMO-VP-TINH"), "/phutrach");
    expect(followed).toContain("Xã, phường phụ trách (1):");
    expect(followed).toMatch(/• Đảng bộ xã Tân Văn — \d+ chi bộ, \d+ chi bộ chưa có cấp ủy viên phụ trách/);
    expect(await h.sayText(province, "/chuaphutrach")).toContain("Xã, phường chưa có cán bộ tỉnh phụ trách: 1");
  });
});
