import { describe, expect, it } from "vitest";
import { chunkText, renderAll, renderZalo, ZALO_TEXT_LIMIT } from "../../../src/channels/zalo/zalo-render.js";

describe("zalo rendering", () => {
  it("puts the title on its own line, then the text, then the choices as a numbered list", () => {
    const [message] = renderZalo({
      title: "Chi bộ thôn Pò Lài",
      text: "Đảng viên: 11",
      choices: [
        { label: "Danh sách đảng viên", action: "cell:members:4" },
        { label: "Lịch họp", action: "cell:meetings:4" },
      ],
    });
    expect(message).toEqual({ text: "CHI BỘ THÔN PÒ LÀI\nĐảng viên: 11\n1. Danh sách đảng viên\n2. Lịch họp" });
  });

  it("lists choices with dashes when the question itself takes a typed number", () => {
    const [message] = renderZalo({
      text: "Có bao nhiêu đảng viên dự họp?",
      numericAnswer: true,
      choices: [{ label: "Bỏ qua", action: "report:skip" }],
    });
    expect(message?.text).toBe("Có bao nhiêu đảng viên dự họp?\n– Bỏ qua");
  });

  it("bolds the title with text_styles only when asked, counting UTF-16 units", () => {
    const [message] = renderZalo({ title: "Thông tin của tôi", text: "Họ tên: A" }, { styles: true });
    expect(message).toEqual({ text: "Thông tin của tôi\nHọ tên: A", styles: [{ start: 0, len: 17, st: ["b"] }] });
  });

  it("says a file's fallback text instead of sending the file", () => {
    const [message] = renderZalo({
      text: "Bảng tổng hợp đã sẵn sàng.",
      attachment: { kind: "document", filename: "t.xlsx", mimeType: "application/x", data: new Uint8Array(), fallbackText: "Tải về trên Telegram." },
    });
    expect(message?.text).toBe("Bảng tổng hợp đã sẵn sàng.\nTải về trên Telegram.");
  });

  it("sends nothing for an empty reply, and each reply as its own message", () => {
    expect(renderZalo({ text: "  " })).toEqual([]);
    expect(renderAll([{ text: "một" }, { text: "hai" }]).map((m) => m.text)).toEqual(["một", "hai"]);
  });

  it("splits a long member list at line boundaries, every piece within 2000 characters", () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${i + 1}. Nguyễn Thị Xuân Hương ${i} (dự bị, miễn sinh hoạt)`);
    const messages = renderZalo({ title: "Danh sách đảng viên (150)", text: lines.join("\n") });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      expect(m.text.length).toBeGreaterThan(0);
    }
    // Nothing lost, nothing cut mid-line.
    const rejoined = messages.map((m) => m.text).join("\n").split("\n");
    expect(rejoined).toEqual(["DANH SÁCH ĐẢNG VIÊN (150)", ...lines]);
  });

  it("cuts a single over-long line at a space, and never inside a surrogate pair", () => {
    const words = Array.from({ length: 700 }, () => "chữ").join(" ");
    const pieces = chunkText(words, 2000);
    expect(pieces.every((p) => p.length <= 2000 && !p.startsWith(" ") && !p.endsWith(" "))).toBe(true);
    expect(pieces.join(" ")).toBe(words);

    const emoji = "🙂".repeat(1500); // 3000 UTF-16 units, no spaces
    const cut = chunkText(emoji, 2000);
    expect(cut.every((p) => p.length <= 2000 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
    expect(cut.join("")).toBe(emoji);
  });
});
