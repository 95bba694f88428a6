import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { classify, sendFailureOf } from "../../../src/channels/telegram/telegram-client.js";
import { decide, loopDelayMs } from "../../../src/channels/retry.js";
import { botLeftGroup } from "../../../src/channels/telegram/telegram-delivery.js";
import { secretMatches } from "../../../src/channels/webhook-secret.js";
import { isGroupChatId } from "../../../src/messaging/channel.js";
import { chunkText, escapeHtml, renderAll, renderTelegram } from "../../../src/channels/telegram/telegram-render.js";
import { addressedText, toEvent } from "../../../src/channels/telegram/telegram-updates.js";
import { parseTelegramHtml } from "../../fakes/telegram-api.js";

const TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const opts = { contactLabel: "Chia sẻ số điện thoại" };

function apiError(code: number, description: string, parameters: Record<string, unknown> = {}) {
  return new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: code, description, parameters }, "sendMessage", { text: "secret text" });
}

describe("telegram render", () => {
  it("escapes all text and puts the title in bold; the visible text is what was meant", () => {
    const [out] = renderTelegram({ title: "Chi bộ <Pò Lài>", text: "A < B & C > D \"q\" <b>not bold</b>" }, opts);
    expect(out?.kind).toBe("text");
    const html = out?.kind === "text" ? out.html : "";
    expect(html).toBe("<b>Chi bộ &lt;Pò Lài&gt;</b>\nA &lt; B &amp; C &gt; D &quot;q&quot; &lt;b&gt;not bold&lt;/b&gt;");
    const seen = parseTelegramHtml(html);
    expect(seen.text).toBe("Chi bộ <Pò Lài>\nA < B & C > D \"q\" <b>not bold</b>");
    expect(seen.bold).toEqual(["Chi bộ <Pò Lài>"]);
  });

  it("turns choices into an inline keyboard whose callback_data is the action id", () => {
    const [out] = renderTelegram({ text: "Chọn ngôn ngữ:", choices: [{ label: "Tiếng Việt", action: "lang:vi" }, { label: "English", action: "lang:en" }] }, opts);
    expect(out?.replyMarkup).toEqual({ inline_keyboard: [[{ text: "Tiếng Việt", callback_data: "lang:vi" }, { text: "English", callback_data: "lang:en" }]] });
    const [long] = renderTelegram({ text: "x", choices: [{ label: "Danh sách đảng viên của chi bộ", action: "cell:members:1" }, { label: "B", action: "b" }] }, opts);
    expect(long?.replyMarkup).toEqual({ inline_keyboard: [[{ text: "Danh sách đảng viên của chi bộ", callback_data: "cell:members:1" }], [{ text: "B", callback_data: "b" }]] });
  });

  it("falls back to numbered lines when an action id exceeds 64 bytes", () => {
    const [out] = renderTelegram({ text: "Chọn:", choices: [{ label: "Một", action: `x:${"a".repeat(70)}` }] }, opts);
    expect(out?.replyMarkup).toBeUndefined();
    expect(out?.kind === "text" && out.html).toBe("Chọn:\n1. Một");
  });

  it("asks for the contact with a one-time reply keyboard, and hides it afterwards", () => {
    const [ask] = renderTelegram({ text: "Chào", requestContact: true }, opts);
    expect(ask?.replyMarkup).toEqual({ keyboard: [[{ text: "Chia sẻ số điện thoại", request_contact: true }]], one_time_keyboard: true, resize_keyboard: true });
    const after = renderAll([{ text: "Đã liên kết" }, { text: "Gõ /toi" }], { ...opts, removeKeyboard: true });
    expect(after.map((o) => o.replyMarkup)).toEqual([{ remove_keyboard: true }, undefined]);
  });

  it("splits long text at line boundaries under 4096 characters, keyboard on the last piece", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i + 1}. Nguyễn Văn Người Thứ ${i + 1} (dự bị)`);
    const out = renderTelegram({ title: "Danh sách", text: lines.join("\n"), choices: [{ label: "OK", action: "ok" }] }, opts);
    expect(out.length).toBeGreaterThan(1);
    const visible = out.map((o) => (o.kind === "text" ? parseTelegramHtml(o.html).text : ""));
    for (const t of visible) expect(t.length).toBeLessThanOrEqual(4096);
    expect(visible.join("\n")).toBe(`Danh sách\n${lines.join("\n")}`);
    expect(out.slice(0, -1).every((o) => !o.replyMarkup)).toBe(true);
    expect(out.at(-1)?.replyMarkup).toBeDefined();
    expect(chunkText("a".repeat(5000), 4096).map((c) => c.length)).toEqual([4096, 904]);
  });

  it("keeps editKey on a single message and sends files with the text as caption", () => {
    expect(renderTelegram({ text: "50%", editKey: "import:1" }, opts)).toEqual([{ kind: "text", html: "50%", editKey: "import:1" }]);
    const data = new Uint8Array([1, 2, 3]);
    const [file] = renderTelegram({ text: "Biểu đồ <1>", attachment: { kind: "photo", filename: "a.png", mimeType: "image/png", data, fallbackText: "-" } }, opts);
    expect(file).toMatchObject({ kind: "photo", filename: "a.png", captionHtml: "Biểu đồ &lt;1&gt;" });
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("telegram updates", () => {
  const from = { id: 42, is_bot: false, first_name: "A", language_code: "en" };
  it("reads a private text message with its language hint and update id", () => {
    const event = toEvent({ update_id: 7, message: { message_id: 1, date: 1_700_000_000, chat: { id: 42, type: "private" }, from, text: "/start ABCDE" } });
    expect(event).toEqual({
      kind: "incoming",
      msg: { channel: "telegram", chatId: "42", userId: "42", chatType: "private", updateId: "tg:7", at: new Date(1_700_000_000_000), languageHint: "en", text: "/start ABCDE" },
    });
  });

  it("reads a button press as an action and keeps the callback query id to answer", () => {
    const event = toEvent({ update_id: 8, callback_query: { id: "q1", from, data: "lang:en", chat_instance: "c", message: { message_id: 3, date: 1, chat: { id: 42, type: "private" } } } }, { now: () => new Date(5) });
    expect(event).toMatchObject({ kind: "incoming", callbackQueryId: "q1", msg: { action: "lang:en", chatId: "42", updateId: "tg:8", at: new Date(5) } });
    expect(toEvent({ update_id: 9, callback_query: { id: "q2", from, chat_instance: "c" } })).toEqual({ kind: "callback_only", callbackQueryId: "q2" });
  });

  it("reads a shared contact with its user id, and non-text content as an attachment", () => {
    const contact = toEvent({ update_id: 10, message: { message_id: 1, date: 1, chat: { id: 42, type: "private" }, from, contact: { phone_number: "84912000111", first_name: "A", user_id: 42 } } });
    expect(contact).toMatchObject({ kind: "incoming", msg: { contact: { phone: "84912000111", userId: "42" } } });
    const photo = toEvent({ update_id: 11, message: { message_id: 1, date: 1, chat: { id: 42, type: "private" }, from, photo: [{ file_id: "x" }] } });
    expect(photo).toMatchObject({ kind: "incoming", msg: { attachment: "image" } });
    expect(toEvent({ update_id: 12, message: { message_id: 1, date: 1, chat: { id: 42, type: "private" }, from, pinned_message: {} } })).toEqual({ kind: "ignored" });
  });

  it("reads groups: strips @botname, ignores commands for other bots and pictures", () => {
    const group = { id: -100, type: "supergroup" };
    expect(toEvent({ update_id: 13, message: { message_id: 1, date: 1, chat: group, from, text: "/lienket_nhom@Chibo_Bot" } }, { botUsername: "chibo_bot" })).toMatchObject({
      kind: "incoming",
      msg: { chatType: "group", chatId: "-100", text: "/lienket_nhom" },
    });
    expect(toEvent({ update_id: 14, message: { message_id: 1, date: 1, chat: group, from, text: "/help@other_bot" } }, { botUsername: "chibo_bot" })).toEqual({ kind: "ignored" });
    expect(toEvent({ update_id: 15, message: { message_id: 1, date: 1, chat: group, from, photo: [] } })).toEqual({ kind: "ignored" });
    expect(addressedText("@chibo_bot /chibo", "chibo_bot")).toBe("/chibo");
  });

  it("reads blocking and unblocking, and drops malformed updates", () => {
    const member = (status: string) => ({ update_id: 16, my_chat_member: { chat: { id: 42, type: "private" }, from, date: 1, new_chat_member: { status } } });
    expect(toEvent(member("kicked"))).toEqual({ kind: "membership", chatId: "42", chatType: "private", present: false });
    expect(toEvent(member("member"))).toMatchObject({ present: true });
    expect(toEvent({ update_id: "x" })).toEqual({ kind: "ignored" });
    expect(toEvent({ update_id: 17, message: { message_id: 1, chat: { id: 42 } } })).toEqual({ kind: "ignored" });
  });

  it("reads a group's upgrade to a supergroup from either service message", () => {
    const inOldGroup = { update_id: 18, message: { message_id: 5, date: 1, chat: { id: -4001, type: "group", title: "Chi bộ" }, from, migrate_to_chat_id: -1004001 } };
    const inSupergroup = { update_id: 19, message: { message_id: 1, date: 1, chat: { id: -1004001, type: "supergroup", title: "Chi bộ" }, from, migrate_from_chat_id: -4001 } };
    const moved = { kind: "migrated", fromChatId: "-4001", toChatId: "-1004001" };
    expect(toEvent(inOldGroup)).toEqual(moved);
    expect(toEvent(inSupergroup)).toEqual(moved);
    // An anonymous admin's upgrade comes "from" Telegram's GroupAnonymousBot: the move still counts.
    const anonymous = { ...inOldGroup.message, from: { id: 1087968824, is_bot: true, first_name: "Group" } };
    expect(toEvent({ update_id: 20, message: anonymous })).toEqual(moved);
    // Only where Telegram puts them: the old id in a basic group, the new in a supergroup, both groups.
    expect(toEvent({ update_id: 21, message: { ...inOldGroup.message, chat: { id: -4001, type: "supergroup" } } })).toEqual({ kind: "ignored" });
    expect(toEvent({ update_id: 22, message: { ...inSupergroup.message, chat: { id: 42, type: "private" } } })).toEqual({ kind: "ignored" });
    expect(toEvent({ update_id: 23, message: { ...inOldGroup.message, migrate_to_chat_id: 77 } })).toEqual({ kind: "ignored" });
  });
});

describe("telegram error classification", () => {
  it("sorts Bot API errors into send failure kinds", () => {
    expect(classify(apiError(429, "Too Many Requests: retry after 3", { retry_after: 3 }))).toEqual({ kind: "rate_limited", retryAfterMs: 3000 });
    expect(classify(apiError(403, "Forbidden: bot was blocked by the user"))).toMatchObject({ kind: "unreachable" });
    expect(classify(apiError(403, "Forbidden: user is deactivated"))).toMatchObject({ kind: "unreachable" });
    expect(classify(apiError(400, "Bad Request: chat not found"))).toMatchObject({ kind: "unreachable" });
    expect(classify(apiError(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"))).toMatchObject({ kind: "rejected" });
    expect(classify(apiError(400, "Bad Request: message is not modified: specified new message content"))).toEqual({ kind: "not_modified" });
    expect(classify(apiError(502, "Bad Gateway"))).toMatchObject({ kind: "transient" });
    expect(classify(apiError(401, "Unauthorized"))).toMatchObject({ kind: "fatal" });
    expect(classify(apiError(409, "Conflict: terminated by other getUpdates request"))).toMatchObject({ kind: "fatal" });
    expect(sendFailureOf(apiError(401, "Unauthorized"))).toMatchObject({ kind: "transient" });
  });

  it("reads a group upgraded to a supergroup as a move to the new chat id", () => {
    const upgraded = apiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001557912345 });
    expect(classify(upgraded, TOKEN)).toEqual({ kind: "migrated", toChatId: "-1001557912345", detail: "400 Bad Request: group chat was upgraded to a supergroup chat" });
    // Without a usable new id there is nowhere to send: our request was wrong.
    expect(classify(apiError(400, "Bad Request: group chat was upgraded to a supergroup chat"), TOKEN)).toMatchObject({ kind: "rejected" });
    expect(classify(apiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: "x" }), TOKEN)).toMatchObject({ kind: "rejected" });
    // The channel follows the move itself; a caller that could not gets a refusal, never a silent skip.
    expect(sendFailureOf(upgraded, TOKEN)).toMatchObject({ kind: "rejected" });
  });

  it("never lets the token into a network error's detail", () => {
    const cause = new Error(`request to http://127.0.0.1:1/bot${TOKEN}/sendMessage failed, reason: connect ECONNREFUSED`);
    const failure = classify(new HttpError(`Network request for 'sendMessage' failed! ${cause.message}`, cause), TOKEN);
    expect(failure.kind).toBe("transient");
    expect(JSON.stringify(failure)).not.toContain(TOKEN.split(":")[1]);
  });

  it("waits retry_after on 429 and backs off with a cap otherwise", () => {
    const policy = { baseMs: 1000, rateLimitMs: 1000, maxMs: 30_000 };
    const retryDelay = (failure: { kind: string; retryAfterMs?: number }, attempt: number) => loopDelayMs(decide(failure, attempt, policy), policy);
    expect(retryDelay({ kind: "rate_limited", retryAfterMs: 35_000 }, 0)).toBe(35_000);
    expect([0, 1, 2, 5, 9].map((a) => retryDelay({ kind: "transient" }, a))).toEqual([1000, 2000, 4000, 30_000, 30_000]);
    expect(retryDelay({ kind: "rejected" }, 0)).toBe(30_000);
  });

  it("compares the webhook secret exactly", () => {
    expect(secretMatches("s3cret", "s3cret")).toBe(true);
    expect(secretMatches("s3cre", "s3cret")).toBe(false);
    expect(secretMatches(undefined, "s3cret")).toBe(false);
    expect(secretMatches("", "")).toBe(false);
  });
});

describe("telegram groups that refuse a post", () => {
  it("unlink only when the bot is out of the group, not when it merely may not post", () => {
    expect(isGroupChatId("-1001234567890")).toBe(true);
    expect(isGroupChatId("42")).toBe(false);
    for (const description of ["Forbidden: bot was kicked from the supergroup chat", "Forbidden: bot is not a member of the group chat", "Bad Request: chat not found", "Forbidden: the group chat was deleted"]) {
      const failure = classify(apiError(description.startsWith("Bad") ? 400 : 403, description), TOKEN);
      expect(failure.kind).toBe("unreachable");
      expect(botLeftGroup("detail" in failure ? failure.detail : "")).toBe(true);
    }
    const muted = classify(apiError(400, "Bad Request: not enough rights to send text messages to the chat"), TOKEN);
    expect(muted.kind).toBe("unreachable");
    expect(botLeftGroup("detail" in muted ? muted.detail : "")).toBe(false);
  });
});
