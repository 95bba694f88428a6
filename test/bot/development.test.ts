import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { planMessages } from "../../src/services/planner.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { buildReportTable } from "../../src/services/export.service.js";

const TZ = "Asia/Ho_Chi_Minh";
/** 10:00 local on a day. */
const at = (day: string) => new Date(`${day}T03:00:00Z`);

describeEngines("/phattrien: a candidate from outstanding citizen to the quarter's admissions and probation", (engine) => {
  let h: BotHarness;
  let sec: string;
  let secId: number;
  beforeAll(async () => {
    h = await botHarness(engine, { now: at("2025-07-02") });
    sec = await h.as(DEMO_SECRETARY_CODE);
    secId = (await h.db.db.selectFrom("person").select("id").where("code", "=", DEMO_SECRETARY_CODE).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => h.close());

  it("adds a candidate in chat and moves them through the awareness class, the dossier and admission", async () => {
    const added = await h.sayText(sec, "/phattrien them Lương Thị Thu, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh");
    expect(added).toContain("Đã thêm Lương Thị Thu, quần chúng ưu tú từ 02/07/2025.");
    expect(added).toContain("Nhóm: nữ, dân tộc thiểu số, đoàn viên, học sinh, sinh viên");
    expect(added).toContain("1. Ghi ngày cấp giấy chứng nhận");

    // Weeks later: the list, the candidate, the next step.
    h.clock.now = at("2025-08-20");
    expect(await h.sayText(sec, "/phattrien")).toContain("1. Lương Thị Thu — Quần chúng ưu tú (02/07/2025)");
    await h.sayText(sec, "1");
    expect(await h.sayText(sec, "1")).toContain("ngày nào?");
    const certified = await h.sayText(sec, "1"); // "Hôm nay"
    expect(certified).toContain("Đã ghi giấy chứng nhận của Lương Thị Thu ngày 20/08/2025.");
    expect(certified).toContain("Giấy chứng nhận còn giá trị đến 20/08/2030.");

    h.clock.now = at("2025-09-10");
    await h.sayText(sec, "/phattrien");
    await h.sayText(sec, "1");
    await h.sayText(sec, "1");
    expect(await h.sayText(sec, "5/9/2025")).toContain("Đã ghi hồ sơ của Lương Thị Thu hoàn thành ngày 05/09/2025.");

    h.clock.now = at("2025-09-26");
    await h.sayText(sec, "/phattrien");
    await h.sayText(sec, "1");
    await h.sayText(sec, "1");
    expect(await h.sayText(sec, "30/9/2025")).toContain("Ngày 30/09/2025 chưa đến.");
    const admitted = await h.sayText(sec, "25/9/2025");
    expect(admitted).toContain("Đã ghi kết nạp Lương Thị Thu ngày 25/09/2025");
    expect(admitted).toContain("hết dự bị ngày 25/09/2026");
    // Admitted: a probationary member of the cell.
    const person = await h.db.db
      .selectFrom("party_candidate as c")
      .innerJoin("person as p", "p.id", "c.person_id")
      .innerJoin("org as o", "o.id", "p.cell_id")
      .select(["p.full_name", "p.membership", "p.admitted_on", "o.code"])
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ full_name: "Lương Thị Thu", membership: "probationary", admitted_on: "2025-09-25", code: "DEMO-CB-POLAI" });
  });

  it("the admitted member finds the pipeline record in their own /dulieu", async () => {
    const row = await h.db.db.selectFrom("party_candidate as c").innerJoin("person as p", "p.id", "c.person_id").select("p.code").executeTakeFirstOrThrow();
    const thu = await h.as(row.code);
    const data = await h.sayText(thu, "/dulieu");
    expect(data).toContain("Hồ sơ phát triển đảng (trước khi kết nạp):");
    expect(data).toContain("Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng: 20/08/2025");
    expect(data).toContain("Quyết định kết nạp: 25/09/2025");
  });

  it("counts the admission in that quarter's admissions report, computed rather than typed", async () => {
    h.clock.now = at("2025-10-03");
    const opened = await h.sayText(sec, "/baocao ket nap");
    expect(opened).toContain("số kết nạp của quý được tính từ đó");
    expect(opened).toContain("• Số đảng viên mới kết nạp: 1");
    expect(opened).toContain("• Trong đó nữ: 1");
    expect(opened).toContain("• Trong đó dân tộc thiểu số: 1");
    expect(await h.sayText(sec, "1")).toContain("quý 3/2025");
    // The commune's export table counts it too, for the cell's row.
    const commune = (await h.db.db.selectFrom("org").select("id").where("code", "=", "DEMO-XA-TANVAN").executeTakeFirstOrThrow()).id;
    const table = await buildReportTable(h.db.db, null, "admissions", "2025-Q3", commune);
    const polai = table.rows.find((r) => r.cellName === "Chi bộ thôn Pò Lài")!;
    expect(polai.values).toMatchObject({ admitted: 1, women: 1, ethnic_minority: 1, youth_union: 1, students: 1, religious: 0, made_full: 0 });
    expect(table.rows.find((r) => r.cellName === "Chi bộ thôn Bản Chang")!.status).toBe("missing");
  });

  it("reminds the secretary once before probation ends, and never twice", async () => {
    const due = await planMessages(h.db.db, { now: new Date("2026-08-26T02:00:00Z"), tz: TZ });
    const mine = due.filter((m) => m.personId === secId && JSON.stringify(m.payload).includes("Lương Thị Thu"));
    expect(mine.map((m) => m.kind)).toEqual(["member.probation_due"]);
    expect(mine[0]!.payload).toMatchObject({ name: "Lương Thị Thu", admittedOn: "2025-09-25", endsOn: "2026-09-25" });
  });

  it("shows the commune office the pipeline by stage and group against the year's target", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "/phattrien chitieu 12 2025")).toContain("Đã đặt chỉ tiêu kết nạp năm 2025 của Đảng bộ xã Tân Văn: 12 đảng viên.");
    const summary = await h.sayText(office, "/phattrien 2025");
    expect(summary).toContain("Phát triển đảng viên năm 2025 — Đảng bộ xã Tân Văn");
    expect(summary).toContain("Đã kết nạp: 1/12 chỉ tiêu (8%)");
    expect(summary).toContain("Đảng viên dự bị: 1");
    expect(summary).toContain("dân tộc thiểu số: 1 / 0");
    expect(summary).toContain("• Chi bộ thôn Pò Lài: 1 / 0");
    expect(summary).not.toContain("Lương Thị Thu");
  });

  it("refuses the pipeline outside the tree: another commune's office, a forged candidate payload, a member", async () => {
    const candidate = (await h.db.db.selectFrom("party_candidate").select("id").executeTakeFirstOrThrow()).id;
    const otherSec = await h.as("DEMO-CB-TANHOA1-BT");
    expect(await h.sayText(otherSec, "", { text: undefined, action: `pt:v:${candidate}` })).toContain("không có quyền");
    expect(await h.sayText(otherSec, "", { text: undefined, action: `pt:s:${candidate}:full` })).toContain("không có quyền");
    const otherOffice = await h.as("DEMO-VP-KYLUA");
    const theirs = await h.sayText(otherOffice, "/phattrien 2025");
    expect(theirs).not.toContain("Pò Lài");
    expect(theirs).toContain("Đã kết nạp: 0");
    const member = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(member, "/phattrien")).toContain("không có quyền");
  });

  it("follows the certificate validity the province office sets: 36 months expires a 40-month-old certificate and reminds anew", async () => {
    h.clock.now = at("2026-02-01");
    const db = h.db.db;
    const polai = (await db.selectFrom("org").select("id").where("code", "=", "DEMO-CB-POLAI").executeTakeFirstOrThrow()).id;
    const follow = async (name: string, certificate: string) => {
      const made = new Date("2023-01-01T03:00:00Z");
      const row = await db
        .insertInto("party_candidate")
        .values({ org_id: polai, full_name: name, sex: "M", birth_year: 2001, ethnicity: "Tày", religion: null, flags: "[]", identified_on: "2022-06-01", certificate_on: certificate, dossier_on: "2023-03-10", created_by: null, created_at: made, updated_at: made })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const forty = await follow("Hoàng Văn Bốn", "2022-10-01"); // 40 months before 01/02/2026
    await follow("Nông Thị Năm", "2023-03-01"); // lapses 01/03/2026 under 36 months
    const certificateDue = async () =>
      (await planMessages(db, { now: new Date("2026-02-01T02:00:00Z"), tz: TZ })).filter((m) => m.kind === "candidate.certificate_due" && m.personId === secId).map((m) => [m.payload.name, m.payload.expiresOn]);

    // The default: 60 months.
    expect(await h.sayText(sec, "/phattrien giaychungnhan")).toContain("còn giá trị 60 tháng kể từ ngày cấp (mặc định");
    expect(await h.sayText(sec, "", { text: undefined, action: `pt:v:${forty}` })).toContain("Giấy chứng nhận còn giá trị đến 01/10/2027.");
    expect(await certificateDue()).toEqual([]);

    // Only the province office changes it, within the bounds, after confirming the old and the new value.
    expect(await h.sayText(await h.as("DEMO-VP-TANVAN"), "/phattrien giaychungnhan 36")).toContain("không có quyền");
    const province = await h.as("DEMO-VP-TINH");
    expect(await h.sayText(province, "/phattrien giaychungnhan 200")).toContain("Thời hạn 200 tháng nằm ngoài giới hạn: chọn từ 12 đến 120 tháng.");
    expect(await h.sayText(province, "/phattrien giay chung nhan 36 tháng")).toContain("từ 60 tháng thành 36 tháng?");
    expect(await h.sayText(province, "1")).toContain("Đã đổi thời hạn giấy chứng nhận từ 60 tháng thành 36 tháng.");
    const audit = await db.selectFrom("audit_log").select(["before", "after"]).where("action", "=", "setting.certificate_months").execute();
    expect(audit.map((a) => [a.before, a.after])).toEqual([[{ months: 60 }, { months: 36 }]]);
    // A button from before the change does not overwrite it unseen.
    expect(await h.sayText(province, "", { text: undefined, action: "pt:g:48:60" })).toContain("vừa được đổi thành 36 tháng");

    // Admission and reminders follow it.
    expect(await h.sayText(sec, "/phattrien giaychungnhan")).toContain("còn giá trị 36 tháng kể từ ngày cấp (Tỉnh ủy quy định");
    expect(await h.sayText(sec, "", { text: undefined, action: `pt:t:${forty}:admitted` })).toContain("chỉ còn giá trị đến 01/10/2025: chưa ghi kết nạp ngày 01/02/2026");
    expect((await db.selectFrom("party_candidate").select("admitted_on").where("id", "=", forty).executeTakeFirstOrThrow()).admitted_on).toBeNull();
    expect(await certificateDue()).toEqual([["Nông Thị Năm", "2026-03-01"]]);
  });
});
