import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import type { CommandContext } from "../../src/cli/command.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { checkOutboxMessage } from "../../src/messaging/outbox-message.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";
import { planIntoOutbox, planMessages } from "../../src/services/planner.service.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { runChibo } from "../support/cli.js";
import { describeEngines } from "../support/engines.js";

const TZ = "Asia/Ho_Chi_Minh";
const i18n = createI18n();
const local = (iso: string) => new Date(`${iso}+07:00`);

/** The words of word/document.xml, tags and runs dropped, as Word shows them (entities kept as written). */
function documentText(bytes: Uint8Array): { xml: string; text: string } {
  const xml = new PizZip(bytes).file("word/document.xml")!.asText();
  const text = xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/[ \t]+/g, " ");
  return { xml, text };
}

/** `chibo …` through its entry function, on the harness's database (as inside a running chibo). */
function chibo(h: BotHarness, args: string[]) {
  const ctx: CommandContext = {
    cwd: process.cwd(),
    inRunningProcess: true,
    openApp: async () => ({ config: loadConfig({ LOG_LEVEL: "silent" }), database: h.db, outboxChanged: () => {}, close: async () => {} }) as unknown as App,
  };
  return runChibo(args, { ctx });
}

describeEngines("the cell's monthly cycle: resolution tasks, reminders, documents, agenda", (engine) => {
  let h: BotHarness;
  let dir: string;
  let secretary: string;
  let mai: string;
  let maiId: number;
  let secretaryId: number;
  let poLai: number;

  beforeAll(async () => {
    h = await botHarness(engine);
    dir = mkdtempSync(join(tmpdir(), "chibo-cycle-"));
    secretary = await h.as(DEMO_SECRETARY_CODE);
    mai = await h.as("DEMO-DV-POLAI-MAI");
    maiId = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
    secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
    poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const tasksOf = (period: string) =>
    h.db.db
      .selectFrom("resolution_task")
      .select(["id", "seq", "task", "owner_text", "owner_person_id", "due_on", "status", "note"])
      .where("org_id", "=", poLai)
      .where("period", "=", period)
      .orderBy("seq")
      .execute();

  it("turns a quick report's two resolution items into tasks with reminders; the owner marks one done; next month's preview and the resolution DOCX show them", async () => {
    // A meeting report with two resolution items (owner, due date) in one message.
    h.clock.now = local("2025-11-06T08:00:00");
    const read = await h.sayText(
      secretary,
      'bc sh cb t11: hop toi 5/11 19h30, co mat 10/11, vang 1 cld. Nghị quyết: 1. Thu đảng phí T11 xong trước 20/11 - đ/c Mai; 2. Sửa rãnh "A<&>B" đường làng trước 28/11 - trưởng thôn',
    );
    expect(read).toContain("Thu đảng phí T11");
    const saved = await h.sayText(secretary, "Gửi báo cáo");
    expect(saved).toContain("Chi bộ thôn Pò Lài");

    // Both items are tasks; "Mai" is the member Vi Thị Mai (stored by her name on the roll), "trưởng thôn" nobody in particular.
    expect(await tasksOf("2025-11")).toEqual([
      { id: expect.any(Number), seq: 1, task: "Thu đảng phí T11", owner_text: "Vi Thị Mai", owner_person_id: maiId, due_on: "2025-11-20", status: "open", note: null },
      { id: expect.any(Number), seq: 2, task: 'Sửa rãnh "A<&>B" đường làng', owner_text: "trưởng thôn", owner_person_id: null, due_on: "2025-11-28", status: "open", note: null },
    ]);

    // Three days before the first is due, Mai is reminded (outside quiet hours, once per key).
    const d3 = local("2025-11-17T08:05:00");
    const planned = (await planMessages(h.db.db, { now: d3, tz: TZ })).filter((m) => m.kind === "task.due");
    expect(planned.map((m) => [m.key.replace(/^task:\d+:/, "task:N:"), m.personId])).toEqual([[`task:N:d3:${maiId}`, maiId]]);
    const message = checkOutboxMessage("task.due", planned[0]!.payload);
    const shown = replyText(renderOutboxMessage(i18n, "vi", message, d3, TZ));
    expect(shown).toContain('Chi bộ thôn Pò Lài: việc "Thu đảng phí T11" giao đồng chí Vi Thị Mai hạn ngày 20/11/2025 (còn 3 ngày).');
    const first = await planIntoOutbox(h.db.db, { now: d3, tz: TZ });
    const again = await planIntoOutbox(h.db.db, { now: d3, tz: TZ });
    expect(first.inserted).toBeGreaterThanOrEqual(1);
    expect(again.inserted).toBe(0);
    // The item whose owner matched nobody: the cell's secretary is reminded.
    const second = (await planMessages(h.db.db, { now: local("2025-11-25T08:05:00"), tz: TZ })).filter((m) => m.kind === "task.due");
    expect(second.map((m) => m.personId)).toEqual([secretaryId]);
    // At night nothing goes out.
    expect((await planMessages(h.db.db, { now: local("2025-11-24T23:00:00"), tz: TZ })).filter((m) => m.kind === "task.due")).toEqual([]);

    // Mai marks hers done with a note; the secretary marks the other late.
    h.clock.now = local("2025-11-19T18:00:00");
    const listed = await h.say(mai, "/viec");
    expect(replyText(listed.replies)).toContain("Thu đảng phí T11");
    const [own, other] = await tasksOf("2025-11");
    expect(listed.replies.flatMap((r) => r.choices ?? []).map((c) => c.action)).toEqual([`viec:${own!.id}`]);
    await h.say(mai, "", { text: undefined, action: `viec:${own!.id}` });
    await h.say(mai, "", { text: undefined, action: `viecm:${own!.id}:done` });
    expect(await h.sayText(mai, "đã thu đủ 10/10 đồng chí")).toContain("Đã ghi: Thu đảng phí T11 — đã xong.");
    await h.say(secretary, "", { text: undefined, action: `viecm:${other!.id}:late` });
    await h.say(secretary, "", { text: undefined, action: "viecn" });
    expect((await tasksOf("2025-11")).map((t) => [t.status, t.note])).toEqual([["done", "đã thu đủ 10/10 đồng chí"], ["late", null]]);
    // A closed task is reminded no more.
    expect((await planMessages(h.db.db, { now: local("2025-11-25T08:05:00"), tz: TZ })).filter((m) => m.kind === "task.due")).toEqual([]);

    // Next month's report preview starts with the tasks' status.
    h.clock.now = local("2025-12-06T08:00:00");
    const preview = await h.say(secretary, "bc sh cb t12: hop toi 5/12 19h30, co mat 11/11");
    const december = replyText(preview.replies);
    expect(preview.replies[0]!.text.startsWith("Việc theo nghị quyết tháng 11/2025:\n")).toBe(true);
    expect(december).toContain("✅ Thu đảng phí T11 — Vi Thị Mai, hạn 20/11/2025: đã xong (đã thu đủ 10/10 đồng chí)");
    expect(december).toContain('❗ Sửa rãnh "A<&>B" đường làng — trưởng thôn, hạn 28/11/2025: chậm');
    await h.say(secretary, "/huy");

    // The resolution as a Word file, from the command line.
    const out = join(dir, "nq.docx");
    const result = await chibo(h, ["export", "resolution", "--org", "DEMO-CB-POLAI", "--period", "2025-11", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { xml, text } = documentText(readFileSync(out));
    for (const words of ["ĐẢNG BỘ XÃ TÂN VĂN", "CHI BỘ THÔN PÒ LÀI", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 11-NQ/CB", "Tân Văn, ngày 05 tháng 11 năm 2025", "NGHỊ QUYẾT", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "T/M CHI BỘ", "BÍ THƯ", "Hoàng Văn Páo"]) {
      expect(text, words).toContain(words);
    }
    // "Mai" fits one member of the roll: the document names her in full; "trưởng thôn" stays as typed.
    expect(text).toContain("1. Thu đảng phí T11; người thực hiện: Vi Thị Mai; thời hạn: 20/11/2025.");
    // What the secretary typed is text in the document, never markup.
    expect(xml).toContain("2. Sửa rãnh &quot;A&lt;&amp;&gt;B&quot; đường làng; người thực hiện: trưởng thôn; thời hạn: 28/11/2025.");
    expect(xml).not.toContain("A<&>B");
    expect(xml).not.toMatch(/\{[a-z_#/^.]+\}/);
  });

  it("writes the minutes of a guided report too: meeting, attendance, content, the resolution, the signatures", async () => {
    h.clock.now = local("2025-10-07T08:00:00");
    const values = {
      meeting_date: "2025-10-05", start_time: "19:30", kind: "combined", thematic_topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
      present: 10, members_expected: 11, absent_excused: 1, absent_unexcused: 0, cadre_present: true, duration_min: 120,
      place: "Nhà văn hóa thôn Pò Lài", content_items: ["Quán triệt nghị quyết Đảng ủy xã"], resolutions: [{ task: "Vận động tiêm phòng gia súc", owner: "bí thư", due: "2025-10-25" }],
    };
    await h.db.db.transaction().execute(async (trx) => {
      const { submitReport } = await import("../../src/services/report.service.js");
      const { loadActor } = await import("../../src/services/actor.service.js");
      const actor = await loadActor(trx, secretaryId, "2025-10-07");
      const outcome = await submitReport(trx, actor, { orgId: poLai, form: "monthly-meeting", period: "2025-10", values, source: "guided" }, h.clock.now, "2025-10-07");
      expect(outcome.ok).toBe(true);
    });
    expect((await tasksOf("2025-10")).map((t) => [t.task, t.owner_person_id])).toEqual([["Vận động tiêm phòng gia súc", secretaryId]]);
    const out = join(dir, "bb.docx");
    expect((await chibo(h, ["export", "minutes", "--org", "DEMO-CB-POLAI", "--period", "2025-10", "--out", out])).code).toBe(0);
    const { text } = documentText(readFileSync(out));
    for (const words of [
      "BIÊN BẢN", "Sinh hoạt chi bộ thường kỳ kết hợp chuyên đề tháng 10 năm 2025", "Số 10-BB/CB", "Thời gian: bắt đầu lúc 19:30, ngày 05/10/2025.",
      "Địa điểm: Nhà văn hóa thôn Pò Lài.", "Số đảng viên phải có mặt: 11; có mặt: 10; vắng mặt: 1 (có lý do: 1; không lý do: 0).",
      "Đại biểu cấp ủy cấp trên dự: có.", "Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", "- Quán triệt nghị quyết Đảng ủy xã",
      "1. Vận động tiêm phòng gia súc; người thực hiện: bí thư; thời hạn: 25/10/2025.", "Hội nghị kết thúc sau 120 phút.", "THƯ KÝ", "CHỦ TRÌ",
    ]) {
      expect(text, words).toContain(words);
    }
  });

  it("counts the minutes as the model does (roll, exempt, expected, present, absent) and names the roll's members in full, not as typed without accents", async () => {
    // Pò Lài: 11 party members on its roll, one exempt from meetings; 10 are expected to attend.
    h.clock.now = local("2025-09-08T08:00:00");
    const read = await h.sayText(secretary, "bc sh cb t9: hop toi 5/9 19h30, co mat 9/10, vang 1 cld. NQ: 1. thu dang phi truoc 20/9 - d/c vi thi mai; 2. don duong truoc 25/9 - Hoa");
    expect(read).toContain("thu dang phi");
    await h.say(secretary, "Gửi báo cáo");
    const minutes = join(dir, "bb-9.docx");
    expect((await chibo(h, ["export", "minutes", "--org", "DEMO-CB-POLAI", "--period", "2025-09", "--out", minutes])).code).toBe(0);
    const { text } = documentText(readFileSync(minutes));
    expect(text).toContain("Tổng số đảng viên của chi bộ: 11 đồng chí (chính thức: 10; dự bị: 1); miễn sinh hoạt: 1.");
    expect(text).toContain("Số đảng viên phải có mặt: 10; có mặt: 9; vắng mặt: 1 (có lý do: 1; không lý do: 0).");
    // The task's words stay as typed; the owner fitting one member is named in full; a name nobody
    // (or several) on the roll fits stays as typed.
    expect(text).toContain("1. thu dang phi; người thực hiện: Vi Thị Mai; thời hạn: 20/09/2025.");
    expect(text).toContain("2. don duong; người thực hiện: Hoa; thời hạn: 25/09/2025.");
    const resolution = join(dir, "nq-9.docx");
    expect((await chibo(h, ["export", "resolution", "--org", "DEMO-CB-POLAI", "--period", "2025-09", "--out", resolution])).code).toBe(0);
    const nq = documentText(readFileSync(resolution)).text;
    expect(nq).toContain("có mặt 9/10 đảng viên phải dự (chi bộ có 11 đảng viên, 1 đồng chí miễn sinh hoạt).");
    expect(nq).toContain("1. thu dang phi; người thực hiện: Vi Thị Mai; thời hạn: 20/09/2025.");
  });

  /** A monthly report of Pò Lài stored through the service, as the secretary's "Gửi" stores it. */
  async function storeReport(period: string, values: Record<string, unknown>): Promise<void> {
    const { submitReport } = await import("../../src/services/report.service.js");
    const { loadActor } = await import("../../src/services/actor.service.js");
    const today = `${period}-07`;
    await h.db.db.transaction().execute(async (trx) => {
      const actor = await loadActor(trx, secretaryId, today);
      const outcome = await submitReport(trx, actor, { orgId: poLai, form: "monthly-meeting", period, values, source: "quick" }, local(`${today}T08:00:00`), today);
      expect(outcome.ok).toBe(true);
    });
  }

  it("prepares the agenda from last month's tasks and the commune's guidance; members get it with the D-3 reminder", async () => {
    await storeReport("2026-01", { meeting_date: "2026-01-05", kind: "regular", present: 11, members_expected: 11, resolutions: [{ task: "Dọn vệ sinh nhà văn hóa", owner: "Mai", due: "2026-01-25" }] });
    h.clock.now = local("2026-01-20T09:00:00");
    // The commune office publishes February's guidance for every cell of the commune.
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "/dinhhuong 2/2026")).toContain("Đảng bộ xã Tân Văn chưa có định hướng nội dung sinh hoạt tháng 2/2026.");
    const publish = (r: { replies: { choices?: { label: string; action: string }[] }[] }) => r.replies.flatMap((x) => x.choices ?? []).find((c) => c.label === "Đăng định hướng")!.action;
    const first = await h.say(office, "Tuyên truyền phòng chống bão lũ");
    const preview = await h.say(office, "Tuyên truyền đón Tết an toàn, phòng chống cháy rừng");
    expect(replyText(preview.replies)).toContain("Tuyên truyền đón Tết an toàn, phòng chống cháy rừng");
    // The first text's button, pressed after the second was typed, publishes nothing and shows the second again.
    const stale = await h.say(office, "", { text: undefined, action: publish(first) });
    expect(replyText(stale.replies)).toContain("thuộc một bản xem trước cũ");
    expect(replyText(stale.replies)).toContain("Tuyên truyền đón Tết an toàn, phòng chống cháy rừng");
    expect(stale.pressed).toBe("expired");
    expect(await h.db.db.selectFrom("content_guidance").selectAll().execute()).toEqual([]);
    expect(await h.sayText(office, "", { text: undefined, action: publish(preview) })).toContain("Đã đăng định hướng nội dung sinh hoạt tháng 2/2026 cho Đảng bộ xã Tân Văn.");

    // The secretary's agenda is prefilled: last month's task with its status, the guidance; then the political tasks.
    const agenda = await h.sayText(secretary, "/chuongtrinh");
    expect(agenda).toContain("Chương trình sinh hoạt Chi bộ thôn Pò Lài tháng 2/2026");
    expect(agenda).toContain("Họp ngày 05/02/2026 lúc 19:30, tại Nhà văn hóa thôn Pò Lài.");
    expect(agenda).toContain("◻️ Dọn vệ sinh nhà văn hóa — Mai, hạn 25/01/2026: đang làm");
    expect(agenda).toContain("2. Định hướng của Đảng bộ xã Tân Văn: Tuyên truyền đón Tết an toàn, phòng chống cháy rừng");
    const political = await h.say(secretary, "Thu hoạch mía; vận động tiêm phòng gia súc");
    expect(replyText(political.replies)).toContain("3. Nhiệm vụ chính trị trong tháng: Thu hoạch mía; vận động tiêm phòng gia súc");
    const save = political.replies.flatMap((r) => r.choices ?? []).find((c) => c.label === "Lưu chương trình")!;
    expect(await h.sayText(secretary, "", { text: undefined, action: save.action })).toContain("Đã lưu chương trình sinh hoạt tháng 2/2026.");

    // Three days before the meeting every member's reminder carries it; the group copy and the last-minute ones do not.
    const d3 = (await planMessages(h.db.db, { now: local("2026-02-02T07:05:00"), tz: TZ })).filter((m) => m.kind === "meeting.reminder" && m.orgId === poLai);
    expect(d3.length).toBeGreaterThan(5);
    const shown = replyText(renderOutboxMessage(i18n, "vi", checkOutboxMessage("meeting.reminder", d3.find((m) => m.personId === maiId)!.payload), local("2026-02-02T07:05:00"), TZ));
    expect(shown).toContain("Tuyên truyền đón Tết an toàn, phòng chống cháy rừng");
    expect(shown).toContain("Thu hoạch mía; vận động tiêm phòng gia súc");
    expect(shown).toContain("Dọn vệ sinh nhà văn hóa");
    const lastMinute = (await planMessages(h.db.db, { now: local("2026-02-05T17:35:00"), tz: TZ })).filter((m) => m.kind === "meeting.reminder" && m.orgId === poLai);
    expect(lastMinute.length).toBeGreaterThan(5);
    expect(lastMinute.every((m) => m.payload.agenda === null)).toBe(true);
  });

  it("sends the documents in chat as Word files, and refuses them, the tasks and the agenda outside the person's reach", async () => {
    await storeReport("2026-03", { meeting_date: "2026-03-05", kind: "regular", present: 11, members_expected: 11, resolutions: [{ task: "Sửa cầu tràn", owner: "bí thư", due: "2026-03-30" }] });
    h.clock.now = local("2026-03-08T09:00:00");
    const offered = await h.say(secretary, "/vanban 3/2026");
    expect(offered.replies.flatMap((r) => r.choices ?? []).map((c) => c.action)).toEqual([`vb:${poLai}:2026-03:resolution`, `vb:${poLai}:2026-03:minutes`]);
    const sent = await h.say(secretary, "", { text: undefined, action: `vb:${poLai}:2026-03:resolution` });
    const file = sent.replies.find((r) => r.attachment)!.attachment!;
    expect([file.filename, file.mimeType]).toEqual(["nghi-quyet-demo-cb-polai-2026-03.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]);
    expect(documentText(file.data).text).toContain("1. Sửa cầu tràn; người thực hiện: bí thư; thời hạn: 30/03/2026.");
    // A month with no report: said so, no file.
    const none = await h.say(secretary, "", { text: undefined, action: `vb:${poLai}:2026-04:minutes` });
    expect(replyText(none.replies)).toContain("Chi bộ thôn Pò Lài chưa có báo cáo sinh hoạt tháng 4/2026");
    expect(none.replies.some((r) => r.attachment)).toBe(false);

    // Someone of another commune: every payload refused, nothing changed.
    const kylua = await h.as("DEMO-CB-TANHOA1-BT");
    const [task] = await tasksOf("2026-03");
    const forbidden = i18n.t("vi", "error-forbidden");
    for (const action of [`vb:${poLai}:2026-03:resolution`, `viec:${task!.id}`, `viecm:${task!.id}:done`, `ct:cell:${poLai}`]) {
      const result = await h.say(kylua, "", { text: undefined, action });
      expect(replyText(result.replies), action).toContain(forbidden);
      expect(result.replies.some((r) => r.attachment)).toBe(false);
    }
    // A member may mark only a task given to them.
    expect(replyText((await h.say(mai, "", { text: undefined, action: `viecm:${task!.id}:done` })).replies)).toContain(forbidden);
    expect((await tasksOf("2026-03")).map((t) => t.status)).toEqual(["open"]);
    // The cadre who follows Pò Lài sees its open tasks, and may not mark them.
    const cadre = await h.as("DEMO-CUV-KHOA");
    const seen = await h.say(cadre, "/viec");
    expect(replyText(seen.replies)).toContain("Sửa cầu tràn");
    expect(seen.replies.flatMap((r) => r.choices ?? []).some((c) => c.action === `viec:${task!.id}`)).toBe(false);
  });

  it("refuses a bad export with a clear message and writes nothing", async () => {
    const out = join(dir, "none.docx");
    const quarter = await chibo(h, ["export", "resolution", "--org", "DEMO-CB-POLAI", "--period", "2025-Q4", "--out", out]);
    expect([quarter.code, quarter.stderr]).toEqual([2, 'Kỳ "2025-Q4" không hợp lệ: biên bản, nghị quyết theo tháng (YYYY-MM).\n']);
    const missing = await chibo(h, ["export", "minutes", "--org", "DEMO-CB-BANCHANG", "--period", "2025-11", "--out", out]);
    expect([missing.code, missing.stderr]).toEqual([1, "Chi bộ thôn Bản Chang chưa có báo cáo sinh hoạt kỳ 2025-11.\n"]);
    const xlsx = await chibo(h, ["export", "resolution", "--org", "DEMO-CB-POLAI", "--period", "2025-11", "--out", join(dir, "nq.xlsx")]);
    expect(xlsx.code).toBe(2);
    const noOrg = await chibo(h, ["export", "resolution", "--org", "KHONG-CO", "--period", "2025-11", "--out", out]);
    expect([noOrg.code, noOrg.stderr]).toEqual([1, 'Không tìm thấy chi bộ "KHONG-CO".\n']);
    expect(() => readFileSync(out)).toThrow();
  });
});
