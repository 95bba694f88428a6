import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

// Issue #19.5: after /doilich, /chibo shows the new date (also to the cadre), a cancelled meeting is not
// upcoming, a cancellation asks for the make-up date, and nobody is told before the secretary confirms.
describeEngines("meeting changes as the cell sees them", (engine) => {
  let h: BotHarness;
  let secretary: string;
  let cadre: string;
  let mai: string;
  let cellId: number;
  const overrides = () => h.db.db.selectFrom("meeting_override").select(["new_date", "new_time", "cancelled", "reason"]).where("org_id", "=", cellId).orderBy("id").execute();
  const notices = () => h.db.db.selectFrom("outbox").select("kind").where("kind", "in", ["meeting.changed", "meeting.cancelled"]).execute();

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    secretary = await h.as(DEMO_SECRETARY_CODE);
    cadre = await h.as("DEMO-CUV-KHOA");
    mai = await h.as("DEMO-DV-POLAI-MAI");
  });
  afterAll(() => h.close());

  it("changes nothing and tells nobody when the secretary keeps the date", async () => {
    expect(await h.sayText(secretary, "/doilich 7/12 19:30 lũ")).toContain("2. Không đổi");
    expect(await h.sayText(secretary, "không đổi")).toBe("Lịch sinh hoạt giữ nguyên, chưa báo cho ai.");
    expect(await overrides()).toEqual([]);
    expect(await notices()).toEqual([]);
    // The choice is gone with the flow: a late "1" confirms nothing.
    expect(await h.sayText(secretary, "1")).not.toContain("Đã đổi lịch");
    expect(await overrides()).toEqual([]);
  });

  it("shows the moved date in /chibo to the secretary and to the assigned cadre", async () => {
    await h.sayText(secretary, "/doilich 7/12 19:30 lũ");
    expect(await h.sayText(secretary, "1")).toContain("Đã đổi lịch Chi bộ thôn Pò Lài");
    const own = await h.sayText(secretary, "/chibo");
    expect(own).toContain("Sinh hoạt thường kỳ tới: 07/12/2025 lúc 19:30");
    expect(own).toContain("Đã đổi lịch (lịch thường kỳ: 05/12/2025). Lý do: lũ");
    expect(own).not.toContain("05/12/2025 lúc");
    await h.sayText(cadre, "/chibo");
    expect(await h.sayText(cadre, "Chi bộ thôn Pò Lài")).toContain("Sinh hoạt thường kỳ tới: 07/12/2025 lúc 19:30");
  });

  it("asks a cancellation for its make-up date and moves the meeting there once confirmed", async () => {
    const ask = await h.sayText(secretary, "/doilich huy mưa bão");
    expect(ask).toContain("Hủy buổi sinh hoạt ngày 07/12/2025 của Chi bộ thôn Pò Lài. Lý do: mưa bão.");
    expect(ask).toContain("Chi bộ sinh hoạt bù vào ngày nào?");
    expect(await h.sayText(secretary, "ngày mai")).toContain('Ngày "ngày" chưa đúng');
    const preview = await h.sayText(secretary, "12/12");
    expect(preview).toContain("từ 19:30 ngày 07/12/2025 sang 19:30 ngày 12/12/2025. Lý do: mưa bão.");
    expect(await overrides()).toHaveLength(1);
    expect(await h.sayText(secretary, "1")).toContain("sang 19:30 ngày 12/12/2025");
    expect((await overrides()).at(-1)).toEqual({ new_date: "2025-12-12", new_time: "19:30", cancelled: false, reason: "mưa bão" });
    expect(await h.sayText(mai, "/lichhop")).toContain("sinh hoạt lúc 19:30 ngày 12/12/2025");
  });

  it("shows a cancelled meeting as cancelled, never as upcoming", async () => {
    await h.sayText(secretary, "/doilich huy đường sạt lở");
    expect(await h.sayText(secretary, "hủy, chưa có ngày bù")).toContain("Đã hủy buổi sinh hoạt ngày 12/12/2025 của Chi bộ thôn Pò Lài.");
    const cell = await h.sayText(secretary, "/chibo");
    expect(cell).toContain("Buổi sinh hoạt ngày 12/12/2025 đã hủy. Lý do: đường sạt lở");
    expect(cell).toContain("Sinh hoạt thường kỳ tới: 05/01/2026 lúc 19:30");
    expect(cell).not.toContain("tới: 12/12/2025");
    const member = await h.sayText(mai, "/lichhop");
    expect(member).toContain("Buổi sinh hoạt ngày 12/12/2025 đã hủy");
    expect(member).toContain("sinh hoạt lúc 19:30 ngày 05/01/2026");
    expect((await notices()).filter((n) => n.kind === "meeting.cancelled").length).toBeGreaterThan(0);
  });

  it("refuses a confirmation with nothing held, and one from someone who may not change meetings", async () => {
    // A keyboard from before the buttons carried their change ("dl:ok") is refused as an old preview.
    expect(await h.sayText(secretary, "", { action: "dl:ok" })).toContain("không làm theo nút vừa bấm");
    expect(await h.sayText(mai, "", { action: "dl:ok" })).toContain("không làm theo nút vừa bấm");
    expect((await overrides()).length).toBe(3);
  });
});
