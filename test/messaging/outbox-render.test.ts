import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";

const i18n = createI18n();
const TZ = "Asia/Ho_Chi_Minh";
const now = new Date("2025-12-02T00:00:00Z");
const meeting = { cell: "Chi bộ thôn Pò Lài", meeting: "8:2025-12-05", date: "2025-12-05", time: "19:30", place: "Nhà văn hóa", agenda: null, kind: "regular" };

describe("group posts rendered", () => {
  it("in Vietnamese: the cell's meeting, no RSVP buttons, never a reason even if one were stored", () => {
    const render = (kind: string, extra: Record<string, unknown> = {}) => renderOutboxMessage(i18n, "vi", kind, { ...meeting, reason: "đ/c Mai ốm", ...extra }, now, TZ);
    const cases = {
      "group.meeting.reminder": render("group.meeting.reminder", { step: "d3" }),
      "group.meeting.changed": render("group.meeting.changed", { date: "2025-12-07", regularDate: "2025-12-05" }),
      "group.meeting.cancelled": render("group.meeting.cancelled"),
      "group.meeting.holiday": render("group.meeting.holiday", { holiday: "national-day" }),
    };
    expect(cases["group.meeting.reminder"][0]?.text).toBe(
      "Còn 3 ngày nữa, Chi bộ thôn Pò Lài sinh hoạt lúc 19:30 ngày 05/12/2025 tại Nhà văn hóa.\n" +
        "Các đồng chí báo có mặt hoặc vắng trong tin nhắn riêng với bot (gõ /lichhop), không trả lời trong nhóm.",
    );
    expect(cases["group.meeting.changed"][0]?.text).toContain("Chi bộ thôn Pò Lài chuyển buổi sinh hoạt ngày 05/12/2025 sang 19:30 ngày 07/12/2025 tại Nhà văn hóa.");
    expect(cases["group.meeting.cancelled"][0]?.text).toBe("Chi bộ thôn Pò Lài hủy buổi sinh hoạt ngày 05/12/2025. Chi bộ sẽ thông báo lịch mới.");
    expect(cases["group.meeting.holiday"][0]?.text).toBe(
      "Buổi sinh hoạt của Chi bộ thôn Pò Lài ngày 05/12/2025 trùng dịp Quốc khánh 2/9. Nếu đổi lịch, chi bộ sẽ thông báo tại đây và trong tin nhắn riêng.",
    );
    for (const replies of Object.values(cases)) {
      expect(replies).toHaveLength(1);
      expect(replies[0]?.choices).toBeUndefined();
      expect(replies[0]?.text).not.toMatch(/Mai|ốm|\/doilich|\{|\}/);
    }
  });

  it("in English with the same ids", () => {
    const text = renderOutboxMessage(i18n, "en", "group.meeting.reminder", meeting, now, TZ)[0]?.text ?? "";
    expect(text).toContain("Chi bộ thôn Pò Lài");
    expect(text).toContain("private chat with the bot");
  });
});
