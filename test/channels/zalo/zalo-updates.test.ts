import { describe, expect, it } from "vitest";
import { decodeEvents, stripMention, toIncoming, updateIdOf } from "../../../src/channels/zalo/zalo-updates.js";

const message = {
  message_id: "2d758cb5e222177a4e35",
  date: 1750316131602,
  from: { id: "6ede9afa66b88fe6d6a9", display_name: "Ted", is_bot: false },
  chat: { id: "6ede9afa66b88fe6d6a9", chat_type: "PRIVATE" },
  text: "/toi",
};
const event = { event_name: "message.text.received", message };

describe("zalo update decoding", () => {
  it("unwraps {ok:true,result}, accepts a flat event, an array, and reads null / {} / [] as nothing", () => {
    expect(decodeEvents({ ok: true, result: event })).toHaveLength(1);
    expect(decodeEvents(event)).toHaveLength(1);
    expect(decodeEvents([event, { ...event, message: { ...message, message_id: "b" } }])).toHaveLength(2);
    expect(decodeEvents({ ok: true, result: [event] })).toHaveLength(1);
    expect(decodeEvents(null)).toEqual([]);
    expect(decodeEvents({})).toEqual([]);
    expect(decodeEvents({ ok: true, result: {} })).toEqual([]);
    expect(decodeEvents({ ok: true, result: null })).toEqual([]);
    expect(decodeEvents("garbage")).toEqual([]);
  });

  it("turns a text event into the neutral message with string ids and a stable update id", () => {
    const [decoded] = decodeEvents({ ok: true, result: event });
    const msg = toIncoming(decoded!);
    expect(msg).toEqual({
      channel: "zalo",
      chatId: "6ede9afa66b88fe6d6a9",
      userId: "6ede9afa66b88fe6d6a9",
      chatType: "private",
      text: "/toi",
      updateId: "zalo:message.text.received:2d758cb5e222177a4e35",
      at: new Date(1750316131602),
    });
    expect(updateIdOf(decoded!)).toBe(msg?.updateId);
  });

  it("keeps numeric ids as strings, never numbers", () => {
    const [decoded] = decodeEvents({ event_name: "message.text.received", message: { ...message, from: { id: 123456789 }, chat: { id: 987654321 } } });
    const msg = toIncoming(decoded!);
    expect(msg?.userId).toBe("123456789");
    expect(msg?.chatId).toBe("987654321");
  });

  it("reads the date in milliseconds, or in seconds when the value is small", () => {
    const ms = toIncoming(decodeEvents({ ...event, message: { ...message, date: 1750316131602 } })[0]!);
    const s = toIncoming(decodeEvents({ ...event, message: { ...message, date: 1750316131 } })[0]!);
    expect(ms?.at.toISOString()).toBe("2025-06-19T06:55:31.602Z");
    expect(s?.at.toISOString()).toBe("2025-06-19T06:55:31.000Z");
    const now = new Date("2026-01-01T00:00:00Z");
    const missing = toIncoming(decodeEvents({ ...event, message: { ...message, date: undefined } })[0]!, { now: () => now });
    expect(missing?.at).toEqual(now);
  });

  it("makes image, sticker, voice and unsupported events attachments, and ignores unknown events and bots", () => {
    for (const [name, kind] of [
      ["message.image.received", "image"],
      ["message.sticker.received", "sticker"],
      ["message.voice.received", "voice"],
      ["message.unsupported.received", "unsupported"],
    ] as const) {
      const msg = toIncoming(decodeEvents({ event_name: name, message: { ...message, text: undefined, photo_url: "https://x/y.jpg" } })[0]!);
      expect(msg?.attachment).toBe(kind);
      expect(msg?.text).toBeUndefined();
    }
    expect(toIncoming(decodeEvents({ event_name: "message.location.received", message })[0]!)).toBeNull();
    expect(toIncoming(decodeEvents({ ...event, message: { ...message, from: { id: "b", is_bot: true } } })[0]!)).toBeNull();
  });

  it("drops malformed events (no message id, no sender)", () => {
    expect(decodeEvents({ event_name: "message.text.received", message: { text: "hi" } })).toEqual([]);
    expect(decodeEvents({ ok: true, result: { event_name: 5, message } })).toEqual([]);
  });

  it("strips a leading @botname in groups only", () => {
    const group = { ...message, chat: { id: "g1", chat_type: "GROUP" }, text: "@Trợ lý chi bộ /trogiup" };
    const inGroup = toIncoming(decodeEvents({ ...event, message: group })[0]!, { botNames: ["Trợ lý chi bộ"] });
    expect(inGroup).toMatchObject({ chatType: "group", chatId: "g1", text: "/trogiup" });
    const inPrivate = toIncoming(decodeEvents({ ...event, message: { ...message, text: "@Trợ lý chi bộ /trogiup" } })[0]!, { botNames: ["Trợ lý chi bộ"] });
    expect(inPrivate?.text).toBe("@Trợ lý chi bộ /trogiup");
    expect(stripMention("@chibo_bot /toi", [])).toBe("/toi");
    expect(stripMention("@someone hello there", [])).toBe("@someone hello there");
  });
});
