import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

// Issue #19.2: the guided forms take an option's words, durations in hours, ask the place and offer the counts the roll knows.
describeEngines("guided forms as a new user types them", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).orderBy("id").execute();

  secretaryOfPoLai(engine, new Date("2025-11-06T01:00:00Z"), (s) => ({ h, sec, cellId } = s));

  it("keeps a suggestion when its word is typed, reads 1 tiếng rưỡi as 90 minutes and asks the place", async () => {
    await h.sayText(sec, "/baocao");
    expect(await h.sayText(sec, "1")).toContain("Giữ: 05/11/2025");
    expect(await h.sayText(sec, "giu")).toContain("Bắt đầu lúc mấy giờ?"); // the date kept by its word, without diacritics
    expect(await h.sayText(sec, "Giữ")).toContain("thường kỳ hay chuyên đề"); // the time kept
    expect(await h.sayText(sec, "Thường kỳ")).toContain("Giữ: 10");
    expect(await h.sayText(sec, "giữ.")).toContain("Có bao nhiêu đảng viên có mặt?"); // a numeric question: the word, not a digit
    await h.sayText(sec, "9");
    await h.sayText(sec, "1");
    await h.sayText(sec, "0");
    expect(await h.sayText(sec, "có")).toContain("(ví dụ 90 phút, 1 tiếng rưỡi)");
    const place = await h.sayText(sec, "1 tiếng rưỡi");
    expect(place).toContain("Chi bộ sinh hoạt ở đâu?");
    expect(place).toContain("Giữ: Nhà văn hóa thôn Pò Lài");
    expect(await h.sayText(sec, "Nhà đồng chí Páo")).toContain("Các nội dung chính?");
    expect(await h.sayText(sec, "Phổ biến nghị quyết")).toContain("Nghị quyết của chi bộ");
    const summary = await h.sayText(sec, "bỏ qua");
    expect(summary).toContain("Địa điểm: Nhà đồng chí Páo");
    await h.sayText(sec, "gửi báo cáo");
    expect((await reports())[0]!.data).toMatchObject({ meeting_date: "2025-11-05", start_time: "19:30", members_expected: 10, present: 9, duration_min: 90, place: "Nhà đồng chí Páo" });
  });

  it("reads durations in hours and refuses what is not one, asking again", async () => {
    await h.sayText(sec, "/baocao");
    for (const answer of ["1", "1", "1", "thuong ky", "giu", "10", "0", "0", "không"]) await h.sayText(sec, answer);
    const refused = await h.sayText(sec, "lâu lắm");
    expect(refused).toContain("chưa đọc được số");
    expect(refused).toContain("kéo dài bao lâu");
    await h.sayText(sec, "2h");
    await h.sayText(sec, "giữ");
    await h.sayText(sec, "bỏ qua"); // the content
    await h.sayText(sec, "bỏ qua"); // the resolution
    await h.sayText(sec, "gửi báo cáo");
    expect((await reports())[0]!.data).toMatchObject({ duration_min: 120, place: "Nhà văn hóa thôn Pò Lài" });
  });

  it("offers the cell's roll as the village form's member counts in a first quarter", async () => {
    h.clock.now = new Date("2025-10-06T01:00:00Z");
    await h.sayText(sec, "/baocao");
    const first = await h.sayText(sec, "2");
    expect(first).toContain("Thôn có bao nhiêu hộ?");
    expect(first).not.toContain("Không thay đổi"); // nothing from last quarter to keep
    for (const answer of ["142", "618", "5,2", "bỏ qua"]) await h.sayText(sec, answer);
    // Pò Lài's roll: 11 party members, 1 probationary.
    expect(await h.sayText(sec, "bỏ qua")).toMatch(/Chi bộ có bao nhiêu đảng viên\?[\s\S]*Giữ: 11/);
    expect(await h.sayText(sec, "giữ")).toMatch(/dự bị\?[\s\S]*Giữ: 1/);
  });
});
