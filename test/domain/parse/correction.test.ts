import { expect, it } from "vitest";
import { parseCorrection } from "../../../src/domain/parse/correction.js";
import { parseReport } from "../../../src/domain/parse/index.js";

const now = new Date("2025-12-06T01:00:00Z");

it("reads field words in a correction as a report reads them: 'phải dự' and 'tổng số' are the total", () => {
  expect(parseCorrection("sửa lại: phải dự 10, có mặt 9", { now })?.patch).toEqual({ members_expected: 10, present: 9 });
  expect(parseCorrection("sua lai: dang vien phai du 10, co mat 9", { now })?.patch).toEqual({ members_expected: 10, present: 9 });
  expect(parseCorrection("sửa lại: tổng số 10, có mặt 9", { now })?.patch).toEqual({ members_expected: 10, present: 9 });
});

it("keeps an absence count without a reason, and names a period only when the message does", () => {
  expect(parseCorrection("sửa lại: vắng 2", { now })?.patch).toEqual({ absent_total: 2 });
  expect(parseCorrection("sửa lại báo cáo tháng 11: có mặt 9", { now })).toMatchObject({ patch: { present: 9 }, period: "2025-11" });
  const yesterday = parseCorrection("sửa lại: hôm qua có mặt 24 chứ ko phải 25 nhé", { now });
  expect(yesterday).toMatchObject({ patch: { present: 24 }, previous: { present: 25 }, refers_to: "2025-12-05" });
  expect(yesterday).not.toHaveProperty("period");
});

it("takes the replaced figure for the field typed just before it, an amount for an amount", () => {
  const dues = parseCorrection("Em sửa lại báo cáo đảng phí gửi hôm qua: số tiền là 312.000đ chứ không phải 321.000đ ạ", { now });
  expect(dues).toMatchObject({ form: "party-dues", patch: { amount_vnd: 312000 }, previous: { amount_vnd: 321000 } });
  const southern = parseCorrection("Dạ chị ơi, đảng phí tháng 11 hôm qua em gõ lộn, tiền là 264k chứ hông phải 246k ạ", { now });
  expect(southern).toMatchObject({ form: "party-dues", patch: { amount_vnd: 264000 }, previous: { amount_vnd: 246000 } });
  const rating = parseCorrection("Em xin sửa báo cáo xếp loại hôm qua: HTT 18 chứ không phải 17, HT 2 ạ.", { now });
  expect(rating).toMatchObject({ form: "annual-rating", patch: { htt: 18, ht: 2 }, previous: { htt: 17 } });
});

it("takes a dues report said to have gone wrong ('… bị nhầm, số tiền đúng là …') for a correction, not a new report", () => {
  const text = "VP ơi em báo ĐP tháng 4 thôn Đồng Mới bị nhầm, số tiền đúng là 1tr250 chứ ko phải 1tr2 ạ, anh sửa giúp em";
  expect(parseReport("party-dues", text, { now })).toEqual({ ok: false, errors: ["not_a_report: correction"] });
  expect(parseCorrection(text, { now })).toMatchObject({ form: "party-dues", patch: { amount_vnd: 1250000 }, period: "2025-04" });
});

it("corrects only the kinds of absence it names, unless nobody was absent (walk 4, N4)", () => {
  expect(parseCorrection("sửa lại: Vắng không lý do: 1", { now })?.patch).toEqual({ absent_unexcused: 1, absent_total: 1 });
  expect(parseCorrection("sửa lại: vắng 2 có lý do", { now })?.patch).toEqual({ absent_excused: 2, absent_total: 2 });
  expect(parseCorrection("sửa lại: vắng 1 không có lý do", { now })?.patch).toEqual({ absent_unexcused: 1, absent_total: 1 });
  expect(parseCorrection("nham, co mat 3 thoi, khong ai vang", { now })?.patch).toEqual({ present: 3, absent_excused: 0, absent_unexcused: 0, absent_total: 0 });
});
