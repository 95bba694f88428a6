import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { subtreeIds } from "../../src/db/org.repository.js";
import { cellsAroundCells, cellsAroundEachCell } from "../../src/db/rollup.repository.js";
import type { HandleResult } from "../../src/messaging/channel.js";
import type { IncomingMessage } from "../../src/messaging/message.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/**
 * `handleMany`: a getUpdates batch handled together (waves, groups, one transaction per group) must
 * give every message the outcome `handle` would: a chat's next message sees what the one before it
 * left, a refusal changes nothing of the others', a redelivered update is recognised.
 */
describeEngines("a batch of messages handled together", (engine) => {
  let h: BotHarness;
  let secretary: string;
  let seq = 0;

  beforeAll(async () => {
    h = await botHarness(engine);
    secretary = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h.close());

  const message = (userId: string, text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
    channel: "console",
    chatId: userId,
    userId,
    chatType: "private",
    text,
    at: h.clock.now,
    updateId: `batch-${++seq}`,
    ...extra,
  });
  const handleAll = async (msgs: IncomingMessage[]): Promise<HandleResult[]> => {
    const results = await Promise.all(h.bot.handleMany(msgs));
    for (const result of results) await result.receipt?.delivered(result.replies.length);
    return results;
  };
  const storedReplies = () => h.db.db.selectFrom("turn_reply").select("id").execute();

  it("answers each message as one by one would, and stores then deletes each turn's replies", async () => {
    const cells = ["BANCHANG", "DONGME", "NATHUA"];
    const secretaries = await Promise.all(cells.map((c) => h.as(`DEMO-CB-${c}-BT`)));
    const results = await handleAll([message(secretary, "/toi"), ...secretaries.map((s) => message(s, "/toi")), message("g-1", "/ngonngu")]);
    expect(results.map((r) => r.status)).toEqual(["handled", "handled", "handled", "handled", "handled"]);
    expect(replyText(results[0]!.replies)).toContain("Bí thư — Chi bộ thôn Pò Lài");
    expect(replyText(results[1]!.replies)).toContain("Bí thư — Chi bộ thôn Bản Chang");
    expect(replyText(results[2]!.replies)).toContain("Bí thư — Chi bộ thôn Đồng Mé");
    expect(replyText(results[3]!.replies)).toContain("Bí thư — Chi bộ thôn Nà Thưa");
    const alone = await h.bot.handle(message("g-2", "/ngonngu"));
    expect(replyText(results[4]!.replies)).toBe(replyText(alone.replies));
    await alone.receipt?.delivered(alone.replies.length);
    expect(await storedReplies()).toEqual([]);
  });

  it("a /toi read ahead with its group's others shows the card /toi alone shows", async () => {
    const cells = ["BANCHANG", "DONGME"];
    const secretaries = await Promise.all(cells.map((c) => h.as(`DEMO-CB-${c}-BT`)));
    const batch = await handleAll([message(secretary, "/toi"), ...secretaries.map((s) => message(s, "/toi")), message("g-3", "/toi")]);
    for (const [i, userId] of [secretary, ...secretaries, "g-3"].entries()) {
      const alone = await h.bot.handle(message(userId, "/toi"));
      await alone.receipt?.delivered(alone.replies.length);
      expect(replyText(batch[i]!.replies)).toBe(replyText(alone.replies));
    }
  });

  it("quick reports read ahead with their group's others get the answers each gets alone", async () => {
    const cells = ["BANCHANG", "DONGME"];
    const secretaries = await Promise.all(cells.map((c) => h.as(`DEMO-CB-${c}-BT`)));
    const member = await h.as("DEMO-DV-POLAI-MAI");
    // Reports of their own cells, one naming another commune's cell, a member's report, a question that
    // runs /toi (it must not take the text's read-ahead for its card), chatter.
    const said: [string, string][] = [
      [secretaries[0]!, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld"],
      [secretaries[1]!, "Đp tháng 11: 26 đv thu đủ 26, tổng 312.000đ, đã nộp ĐUX ngày 18/11"],
      [secretary, "bc sh chi bo Na Thua t11: hop 5/11, co mat 9/10"],
      [member, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld"],
      ["g-4", "xin chào"],
    ];
    const batch = await handleAll(said.map(([userId, text]) => message(userId, text)));
    // Each again alone, once what the batch opened is cancelled.
    const cancel = async (userId: string) => {
      const result = await h.bot.handle(message(userId, "/huy"));
      await result.receipt?.delivered(result.replies.length);
    };
    for (const userId of [...secretaries, secretary]) await cancel(userId);
    for (const [i, [userId, text]] of said.entries()) {
      const alone = await h.bot.handle(message(userId, text));
      await alone.receipt?.delivered(alone.replies.length);
      expect(replyText(batch[i]!.replies)).toBe(replyText(alone.replies));
      if (secretaries.includes(userId) || userId === secretary) await cancel(userId);
    }
    expect(replyText(batch[0]!.replies)).toContain("Chi bộ thôn Bản Chang");
    // Questions answered by a command: the command reads for itself, not from the text's read-ahead.
    const asked = await handleAll([message(secretaries[0]!, "lịch họp khi nào?"), message(secretary, "bao giờ họp chi bộ?")]);
    for (const [i, userId] of [secretaries[0]!, secretary].entries()) {
      const alone = await h.bot.handle(message(userId, i === 0 ? "lịch họp khi nào?" : "bao giờ họp chi bộ?"));
      await alone.receipt?.delivered(alone.replies.length);
      expect(replyText(asked[i]!.replies)).toBe(replyText(alone.replies));
    }
    expect(replyText(asked[0]!.replies)).toContain("/lichhop");
  });

  it("the cells around each of several cells, read together, are the open cells under each one's parent", async () => {
    const today = "2025-12-01";
    const kinds = ["chi_bo_co_so", "chi_bo_truc_thuoc"] as const;
    const db = h.db.db;
    const openCells = (ids: number[]) =>
      db.selectFrom("org").select(["id", "name"]).where("id", "in", ids).where("kind", "in", kinds).where("valid_from", "<=", today)
        .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", today)])).orderBy("id").execute();
    const cells = (await db.selectFrom("org").select(["id", "parent_id"]).where("kind", "in", kinds).orderBy("id").execute());
    expect(cells.length).toBeGreaterThan(3);
    const each = await cellsAroundEachCell(db, cells.map((c) => c.id), today);
    for (const { id, parent_id } of cells) {
      const want = await openCells(parent_id === null ? [id] : [id, ...(await subtreeIds(db, parent_id))]);
      expect(each.get(id)?.map((c) => ({ id: c.id, name: c.name }))).toEqual(want);
    }
    // Several cells at once: the union of their lists, by id.
    const two = cells.slice(0, 2).map((c) => c.id);
    const union = await cellsAroundCells(db, two, today);
    expect(union.map((c) => c.id)).toEqual([...new Set(two.flatMap((id) => each.get(id)!.map((c) => c.id)))].sort((a, b) => a - b));
  });

  it("a chat's next message in the same batch sees the state its previous one left", async () => {
    const [ask, pick, after] = await handleAll([message("g-10", "/ngonngu"), message("g-11", "/ngonngu"), message("g-10", "2"), message("g-10", "/ngonngu")].filter((_, i) => i !== 1));
    expect(replyText(ask!.replies)).toContain("English");
    expect(replyText(pick!.replies)).toBe("Switched to English.");
    expect(after!.status).toBe("handled");
    const account = await h.db.db.selectFrom("chat_account").select("language").where("channel", "=", "console").where("platform_user_id", "=", "g-10").executeTakeFirstOrThrow();
    expect(account.language).toBe("en");
  });

  it("a refusal in the batch gets its own answer and changes nothing of the others' turns", async () => {
    const msgs = [message("g-20", "/ngonngu"), message("g-21", "zz", { action: "zz:1", text: undefined }), message("g-22", "/ngonngu"), message(secretary, "/toi")];
    const results = await handleAll(msgs);
    expect(results.map((r) => r.status)).toEqual(["handled", "handled", "handled", "handled"]);
    expect(replyText(results[1]!.replies)).toContain("Danh sách lựa chọn này đã hết hạn");
    expect(results[1]!.pressed).toBe("expired");
    expect(replyText(results[0]!.replies)).toContain("English");
    expect(replyText(results[2]!.replies)).toContain("English");
    expect(replyText(results[3]!.replies)).toContain("Hoàng Văn Páo");
    // The others' conversation state was kept: their "2" picks English.
    const [picked] = await handleAll([message("g-20", "2")]);
    expect(replyText(picked!.replies)).toBe("Switched to English.");
    // Every key was claimed once: the same updates again are duplicates with nothing left to send.
    const again = await handleAll(msgs);
    expect(again.map((r) => [r.status, r.replies.length])).toEqual(msgs.map(() => ["duplicate", 0]));
  });

  it("recognises a redelivered update among new ones, and sends its stored replies that never went out", async () => {
    const first = message("g-30", "/ngonngu");
    const stored = await h.bot.handle(first);
    expect(stored.status).toBe("handled");
    // Its replies never went out (no receipt): the claim has to run out before another path may send them.
    await h.db.db.updateTable("turn_reply").set({ lease_until: new Date(Date.now() - 1000) }).execute();
    const fresh = message("g-31", "/ngonngu");
    const [again, other] = await handleAll([first, fresh]);
    expect(again!.status).toBe("duplicate");
    expect(replyText(again!.replies)).toBe(replyText(stored.replies));
    expect(other!.status).toBe("handled");
    expect(await storedReplies()).toEqual([]);
  });
});
