import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { checkOutboxMessage, OutboxPayloadError } from "../../src/messaging/outbox-message.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";

const i18n = createI18n();
const TZ = "Asia/Ho_Chi_Minh";
const now = new Date("2025-12-02T00:00:00Z");
const meeting = { cell: "Chi bộ thôn Pò Lài", meeting: "8:2025-12-05", date: "2025-12-05", time: "19:30", place: "Nhà văn hóa", agenda: null, kind: "regular" };

describe("group posts rendered", () => {
  it("in Vietnamese: the cell's meeting, no RSVP buttons, never a reason even if one were stored", () => {
    const render = (kind: string, extra: Record<string, unknown> = {}) => renderOutboxMessage(i18n, "vi", checkOutboxMessage(kind, { ...meeting, reason: "đ/c Mai ốm", ...extra }), now, TZ);
    const cases = {
      "group.meeting.reminder": render("group.meeting.reminder", { step: "d3" }),
      "group.meeting.changed": render("group.meeting.changed", { date: "2025-12-07", regularDate: "2025-12-05" }),
      "group.meeting.cancelled": render("group.meeting.cancelled", { regularDate: "2025-12-05" }),
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
    const text = renderOutboxMessage(i18n, "en", checkOutboxMessage("group.meeting.reminder", { ...meeting, step: "d3" }), now, TZ)[0]?.text ?? "";
    expect(text).toContain("Chi bộ thôn Pò Lài");
    expect(text).toContain("private chat with the bot");
  });
});

describe("outbox payloads, one schema per kind", () => {
  it("keeps what a kind holds and drops what it does not (a reason never reaches a group post)", () => {
    expect(checkOutboxMessage("group.meeting.changed", { ...meeting, regularDate: "2025-12-05", reason: "đ/c Mai ốm" }).payload).not.toHaveProperty("reason");
    expect(checkOutboxMessage("meeting.thematic", { cell: "Chi bộ 1", quarter: "2025-Q4" })).toEqual({ kind: "meeting.thematic", payload: { cell: "Chi bộ 1", quarter: "2025-Q4" } });
  });

  it("refuses an unknown kind and a payload of the wrong shape, naming fields, never values", () => {
    expect(() => checkOutboxMessage("test", { text: "x" })).toThrow(/unknown kind/);
    expect(() => checkOutboxMessage("report.digest", { commune: "Xã Hạnh Phúc", count: -1 })).toThrow(OutboxPayloadError);
    const error = (() => {
      try {
        checkOutboxMessage("announcement", { announcement: 1, from: "Đảng ủy xã", text: 42 });
      } catch (e) {
        return e as OutboxPayloadError;
      }
    })();
    expect(error?.problems.join(" ")).toContain("text");
    expect(error?.message).not.toContain("Đảng ủy");
  });
});
