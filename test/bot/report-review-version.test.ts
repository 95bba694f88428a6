import { beforeEach, expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { replyText } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** The action of the choice labelled `label` in a turn's replies. */
function actionOf(replies: { choices?: { label: string; action: string }[] }[], label: string): string {
  const action = replies.flatMap((r) => r.choices ?? []).find((c) => c.label === label)?.action;
  expect(action, JSON.stringify(replies)).toBeDefined();
  return action!;
}

describeEngines("the office decides on the version of a report it read", (engine) => {
  let h: BotHarness;
  let sec: string;
  let office: string;
  let cellId: number;
  const stored = async () => (await h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).execute())[0]!;

  // 08:00 in Hà Nội, the morning after a 5/11 meeting
  secretaryOfPoLai(engine, new Date("2025-11-06T01:00:00Z"), (s) => ({ h, sec, cellId } = s));
  beforeEach(async () => {
    office = await h.as("DEMO-VP-TANVAN");
    await h.sayText(office, "/huy");
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
  });

  it("accepts nothing when the cell corrected the report after the card was shown (numbered choices), says what changed, and accepts the new card", async () => {
    await h.sayText(office, "/duyet");
    const card = await h.sayText(office, "1");
    expect(card).toContain("Số đảng viên có mặt: 10");
    expect(card).toContain("1. Duyệt báo cáo");

    // The secretary corrects the report while the office reads it.
    await h.sayText(sec, "sửa lại: có mặt 9, vắng 1 có lý do");
    expect(await h.sayText(sec, "1")).toContain("lần sửa thứ 1");

    const answer = await h.sayText(office, "1");
    expect(answer).toContain("Chưa duyệt: sau khi đồng chí mở xem, chi bộ đã sửa báo cáo này (đ/c Hoàng Văn Páo, lúc 08:00 ngày 06/11/2025)");
    expect(answer).toContain("Những mục đã thay đổi:\n• Số đảng viên có mặt: 9 (trước: 10)\n• Vắng có lý do: 1 (trước: 0)");
    expect(answer).not.toContain("Báo cáo đã khóa");
    // The report as it is now, with a fresh choice.
    expect(answer).toContain("• Số đảng viên có mặt: 9");
    expect(answer).toContain("Số lần gửi và sửa: 2");
    expect(answer).toContain("1. Duyệt báo cáo");
    expect(await stored()).toMatchObject({ status: "submitted", revision: 2 });
    const audits = await h.db.db.selectFrom("audit_log").select("action").where("entity", "=", "report_submission").orderBy("id").execute();
    expect(audits.map((a) => a.action)).toEqual(["report.submit", "report.correct"]);

    // The card just shown is the version on file: it is accepted.
    expect(await h.sayText(office, "1")).toContain("Báo cáo đã khóa");
    expect(await stored()).toMatchObject({ status: "accepted", revision: 2 });
    expect((await stored()).data).toMatchObject({ present: 9, absent_excused: 1 });
  });

  it("says a report changed and changed back is the version the office read, and accepts it on the card shown again", async () => {
    const report = await stored();
    const card = await h.say(office, "", { text: undefined, action: `rv:${report.id}` });
    const accept = actionOf(card.replies, "Duyệt báo cáo");

    // 1 → 2 → 3: the start time changed, then changed back to what the office read.
    await h.sayText(sec, "sửa lại: họp lúc 20h");
    await h.sayText(sec, "1");
    await h.sayText(sec, "sửa lại: họp lúc 19h30");
    await h.sayText(sec, "1");
    expect(await stored()).toMatchObject({ revision: 3, status: "submitted" });

    const answer = await h.say(office, "", { text: undefined, action: accept });
    const text = replyText(answer.replies);
    expect(text).toContain("Chưa duyệt: sau khi đồng chí mở xem, chi bộ đã sửa báo cáo này");
    expect(text).toContain("Báo cáo đã được sửa rồi đổi lại: nội dung nay giống hệt bản đồng chí đã đọc.");
    expect(text).not.toContain("Những mục đã thay đổi");
    expect((await stored()).status).toBe("submitted");
    expect(replyText((await h.say(office, "", { text: undefined, action: actionOf(answer.replies, "Duyệt báo cáo") })).replies)).toContain("Báo cáo đã khóa");
    expect(await stored()).toMatchObject({ status: "accepted", revision: 3 });
  });

  it("takes the buttons off a pressed card that is out of date without marking it chosen, and a fresh press is chosen", async () => {
    const report = await stored();
    const card = await h.say(office, "", { text: undefined, action: `rv:${report.id}` });
    const accept = actionOf(card.replies, "Duyệt báo cáo");
    expect(accept).toBe(`ra:${report.id}:accept:1`);
    expect(Buffer.byteLength(accept)).toBeLessThanOrEqual(64);

    await h.sayText(sec, "sửa lại: có mặt 8");
    await h.sayText(sec, "1");

    const stale = await h.say(office, "", { text: undefined, action: accept });
    expect(stale.pressed).toBe("expired");
    expect(replyText(stale.replies)).toContain("• Số đảng viên có mặt: 8 (trước: 10)");
    expect((await stored()).status).toBe("submitted");

    const fresh = await h.say(office, "", { text: undefined, action: actionOf(stale.replies, "Duyệt báo cáo") });
    expect(fresh.pressed).toBe("chosen");
    expect(replyText(fresh.replies)).toContain("Báo cáo đã khóa");
    expect(await stored()).toMatchObject({ status: "accepted", revision: 2 });
  });

  it("decides nothing on a button that names no version (an older keyboard) and shows the report again", async () => {
    const report = await stored();
    const answer = await h.sayText(office, "", { text: undefined, action: `ra:${report.id}:accept` });
    expect(answer).toContain("Chưa duyệt: nút này thuộc một bản báo cáo đã cũ.");
    expect(answer).toContain("• Số đảng viên có mặt: 10");
    expect(answer).toContain("1. Duyệt báo cáo");
    expect((await stored()).status).toBe("submitted");
    expect(await h.sayText(office, "1")).toContain("Báo cáo đã khóa");
  });

  it("does not reopen a report accepted again after a correction from an older card", async () => {
    const report = await stored();
    await h.sayText(office, "", { text: undefined, action: `ra:${report.id}:accept:1` });
    const accepted = await h.say(office, "", { text: undefined, action: `rv:${report.id}` });
    const reopenOld = actionOf(accepted.replies, "Mở lại để sửa");
    // Reopened from this card, corrected by the cell, accepted again.
    await h.say(office, "", { text: undefined, action: reopenOld });
    await h.sayText(sec, "sửa lại: có mặt 9, vắng 1 có lý do");
    await h.sayText(sec, "1");
    await h.sayText(office, "", { text: undefined, action: `ra:${report.id}:accept:2` });
    expect(await stored()).toMatchObject({ status: "accepted", revision: 2 });

    const answer = await h.sayText(office, "", { text: undefined, action: reopenOld });
    expect(answer).toContain("Chưa mở lại: sau khi đồng chí mở xem, chi bộ đã sửa báo cáo này");
    expect(answer).toContain("• Số đảng viên có mặt: 9 (trước: 10)");
    expect(answer).toContain("1. Mở lại để sửa");
    expect((await stored()).status).toBe("accepted");
  });

  it("still refuses a version-naming press from someone who may not decide", async () => {
    const report = await stored();
    expect(await h.sayText(sec, "", { text: undefined, action: `ra:${report.id}:accept:1` })).toContain("không có quyền");
    const otherOffice = await h.as("DEMO-VP-KYLUA");
    // A wrong version tells nothing of the report to an office of another commune.
    const refused = await h.sayText(otherOffice, "", { text: undefined, action: `ra:${report.id}:accept:7` });
    expect(refused).toContain("không có quyền");
    expect(refused).not.toContain("Số đảng viên");
    expect((await stored()).status).toBe("submitted");
  });
});
