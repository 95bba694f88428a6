import { afterAll, beforeAll, expect, it } from "vitest";
import { memberCommand } from "../../src/cli/member-command.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode, holdersOf } from "../../src/db/org.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { planMessages } from "../../src/services/planner.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { capture } from "../support/cli.js";

const MAI = "DEMO-DV-POLAI-MAI";

describeEngines("chibo member post: a cell hands its secretary's post over on a date, history kept", (engine) => {
  let h: BotHarness;
  let polai: number;
  const i18n = createI18n();
  const run = async (...args: string[]) => {
    const c = capture();
    const code = await memberCommand(["post", ...args], c.io, { db: h.db.db, now: h.clock.now, tz: "Asia/Ho_Chi_Minh", t: (id, a) => i18n.t("vi", id, a) });
    return { code, stdout: c.out(), stderr: c.err() };
  };
  const posts = () =>
    h.db.db
      .selectFrom("role")
      .innerJoin("person", "person.id", "role.person_id")
      .select(["person.code", "role.role", "role.valid_from", "role.valid_to"])
      .where("role.org_id", "=", polai)
      .where("role.role", "in", ["secretary", "deputy_secretary", "cell_committee"])
      .orderBy("role.id")
      .execute();
  const audits = async () => (await h.db.db.selectFrom("audit_log").select("id").where("action", "=", "member.post").execute()).length;

  beforeAll(async () => {
    // 01/12/2025: the cell elected Vi Thị Mai secretary at its November meeting, effective 15/11.
    h = await botHarness(engine, { now: new Date("2025-12-01T03:00:00Z") });
    polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
  });
  afterAll(() => h.close());

  it("refuses in Vietnamese what the statute forbids, and a bad post or date, writing nothing", async () => {
    const before = await posts();
    const second = await run(MAI, "--post", "bi-thu", "--on", "15/11/2025");
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Chi bộ đang có bí thư Hoàng Văn Páo (${DEMO_SECRETARY_CODE}, từ 01/07/2025); mỗi chi bộ một bí thư.`);
    expect(second.stderr).toContain(`chibo member post ${DEMO_SECRETARY_CODE} --post khong --on 15/11/2025`);
    expect(second.stderr).toContain("Không ghi gì vào cơ sở dữ liệu.");

    const probationer = await h.db.db.selectFrom("person").select("code").where("cell_id", "=", polai).where("membership", "=", "probationary").orderBy("id").executeTakeFirstOrThrow();
    const probationary = await run(probationer.code, "--post", "chi-uy", "--on", "15/11/2025");
    expect(probationary.code).toBe(1);
    expect(probationary.stderr).toContain("là đảng viên dự bị: không giữ chức trong chi ủy (Điều lệ Đảng, Điều 5");

    const badPost = await run(MAI, "--post", "truong-thon", "--on", "15/11/2025");
    expect(badPost).toMatchObject({ code: 2, stdout: "" });
    expect(badPost.stderr).toContain("Chức vụ 'truong-thon' không hợp lệ; dùng: bi-thu (bí thư), pho-bi-thu (phó bí thư), chi-uy (chi ủy viên), khong");
    const future = await run(DEMO_SECRETARY_CODE, "--post", "khong", "--on", "02/12/2025");
    expect(future.stderr).toContain("Ngày 02/12/2025 chưa đến");
    const beforeJoining = await run(DEMO_SECRETARY_CODE, "--post", "khong", "--on", "01/01/2025");
    expect(beforeJoining.stderr).toContain("Ngày 01/01/2025 phải sau ngày 01/07/2025.");
    const dry = await run(DEMO_SECRETARY_CODE, "--post", "khong", "--on", "15/11/2025", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Chạy thử (--dry-run)");
    expect(await posts()).toEqual(before);
    expect(await audits()).toBe(0);
  });

  it("hands the post over on the date: the old term ends, the new one starts, both kept; the minutes' signer is the secretary of the meeting day", async () => {
    const mai = await h.as(MAI);
    const pao = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(mai, "/baocao")).toContain("không có quyền");

    const down = await run(DEMO_SECRETARY_CODE, "--post", "khong", "--on", "15/11/2025");
    expect(down.code).toBe(0);
    expect(down.stdout).toContain("Từ ngày 15/11/2025, Hoàng Văn Páo (Chi bộ thôn Pò Lài): đảng viên, không giữ chức vụ. Trước đó: bí thư.");
    const up = await run(MAI, "--post", "bi-thu", "--on", "15/11/2025");
    expect(up.code).toBe(0);
    expect(up.stdout).toContain("Từ ngày 15/11/2025, Vi Thị Mai (Chi bộ thôn Pò Lài): bí thư. Trước đó: đảng viên, không giữ chức vụ.");
    expect((await posts()).filter((p) => p.role === "secretary")).toEqual([
      { code: DEMO_SECRETARY_CODE, role: "secretary", valid_from: "2025-07-01", valid_to: "2025-11-15" },
      { code: MAI, role: "secretary", valid_from: "2025-11-15", valid_to: null },
    ]);
    // Who signs: the secretary on the meeting's day (05/11 Páo, 05/12 Mai).
    expect((await holdersOf(h.db.db, polai, "secretary", "2025-11-05")).map((s) => s.full_name)).toEqual(["Hoàng Văn Páo"]);
    expect((await holdersOf(h.db.db, polai, "secretary", "2025-11-15")).map((s) => s.full_name)).toEqual(["Vi Thị Mai"]);
    expect(await audits()).toBe(2);
    // Again: nothing changes.
    const again = await run(MAI, "--post", "bi thư", "--on", "20/11/2025");
    expect(again.stdout).toContain("Vi Thị Mai (Chi bộ thôn Pò Lài) đang là bí thư: không có gì thay đổi.");
    expect(await audits()).toBe(2);

    // The new secretary has the secretary's menu; the old one a member's.
    expect(await h.sayText(mai, "/baocao")).toContain("Đồng chí muốn gửi báo cáo nào?");
    expect(await h.sayText(pao, "/baocao")).toContain("không có quyền");
  });

  it("reminders addressed to the cell's secretary go to the new one", async () => {
    const ids = await h.db.db.selectFrom("person").select(["id", "code"]).where("code", "in", [MAI, DEMO_SECRETARY_CODE]).execute();
    const idOf = (code: string) => ids.find((p) => p.code === code)!.id;
    const due = await planMessages(h.db.db, { now: new Date("2025-12-08T07:30:00+07:00"), tz: "Asia/Ho_Chi_Minh", orgIds: [polai] });
    const toSecretary = due.filter((m) => m.kind === "report.due");
    expect(toSecretary.length).toBeGreaterThan(0);
    expect(new Set(toSecretary.map((m) => m.personId))).toEqual(new Set([idOf(MAI)]));
  });

  it("a deputy or committee member changes post the same way; a second secretary from an earlier day is refused", async () => {
    const deputy = (await posts()).find((p) => p.role === "deputy_secretary" && p.valid_to === null)!;
    const moved = await run(deputy.code, "--post", "chi-uy", "--on", "20/11/2025");
    expect(moved.stdout).toContain(": chi ủy viên. Trước đó: phó bí thư.");
    // Páo cannot be secretary again from 10/11: Mai is secretary from 15/11 on.
    const overlap = await run(DEMO_SECRETARY_CODE, "--post", "bi-thu", "--on", "10/11/2025");
    expect(overlap.stderr).toContain(`Chi bộ đang có bí thư Vi Thị Mai (${MAI}, từ 15/11/2025)`);
    expect((await posts()).filter((p) => p.code === deputy.code).map((p) => [p.role, p.valid_from, p.valid_to])).toEqual([
      ["deputy_secretary", "2025-07-01", "2025-11-20"],
      ["cell_committee", "2025-11-20", null],
    ]);
  });
});
