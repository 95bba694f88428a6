import { afterAll, beforeAll, expect, it } from "vitest";
import "../../src/channels/telegram/telegram-capabilities.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { linkAccount, touchAccount } from "../../src/db/chat-account.repository.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { insertConsent } from "../../src/db/privacy.repository.js";
import { PRIVACY_NOTICE_VERSION, RETENTION_TABLE } from "../../src/domain/privacy.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { checkOutboxMessage, OUTBOX_KINDS } from "../../src/messaging/outbox-message.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";
import { createInvite } from "../../src/services/link.service.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

it("has words for every kind of reminder /dulieu may list, in both languages", () => {
  const i18n = createI18n();
  for (const kind of OUTBOX_KINDS) {
    expect(i18n.has("vi", `privacy-kind-${kind.replaceAll(".", "_")}`), kind).toBe(true);
    expect(i18n.has("en", `privacy-kind-${kind.replaceAll(".", "_")}`), kind).toBe(true);
  }
});

it("the notice quotes every retention period a province may change, in both languages", () => {
  const i18n = createI18n();
  const days = Object.fromEntries(RETENTION_TABLE.map((r, i) => [r.kind, 101 + i]));
  for (const locale of ["vi", "en"] as const) {
    const text = i18n.t(locale, "privacy-notice", days);
    for (const [i, r] of RETENTION_TABLE.entries()) if (r.settable) expect(text, `${locale} ${r.kind}`).toContain(` ${101 + i} `);
  }
});

describeEngines("personal data: notice and consent, /dulieu, corrections, /huylienket, access log", (engine) => {
  let h: BotHarness;
  let maiId: number;
  let secretaryId: number;
  let otherMember: string;
  beforeAll(async () => {
    h = await botHarness(engine);
    maiId = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
    secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
    const poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    otherMember = (await h.db.db.selectFrom("person").select("full_name").where("cell_id", "=", poLai).where("id", "not in", [maiId, secretaryId]).orderBy("id").executeTakeFirstOrThrow()).full_name;
  });
  afterAll(() => h.close());

  const account = (userId: string) => h.db.db.selectFrom("chat_account").selectAll().where("platform_user_id", "=", userId).executeTakeFirstOrThrow();
  const consents = (personId: number) => h.db.db.selectFrom("privacy_consent").selectAll().where("person_id", "=", personId).orderBy("id").execute();
  const accessRows = () => h.db.db.selectFrom("access_log").selectAll().orderBy("id").execute();

  it("links nobody who does not accept the notice; a refusal stores nothing and the code still works", async () => {
    const { code } = await createInvite(h.db.db, maiId, null, h.clock.now);
    const notice = await h.sayText("pd-a", `/lienket ${code}`);
    expect(notice).toContain("Thông báo về dữ liệu cá nhân (bản 2)");
    expect(notice).toContain("bản tự đánh giá, tự xếp loại cuối năm của đồng chí; việc chi bộ giao cho đồng chí theo nghị quyết");
    expect(notice).toContain("hồ sơ phát triển đảng của đồng chí từ khi còn là quần chúng được theo dõi");
    expect(notice).toContain("Ai được xem");
    expect(notice).toContain("1. Đồng ý\n2. Không đồng ý");
    expect((await account("pd-a")).person_id).toBeNull();
    expect(await h.sayText("pd-a", "Không đồng ý")).toContain("Chưa liên kết tài khoản vì đồng chí chưa đồng ý");
    expect((await account("pd-a")).person_id).toBeNull();
    expect(await consents(maiId)).toEqual([]);
    expect(await h.sayText("pd-a", "/toi")).toContain("chưa được liên kết");
    // A stale "Đồng ý" after refusing links nothing.
    expect(await h.sayText("pd-a", "", { text: undefined, action: "consent:yes" })).toContain("hết hạn");
    expect((await account("pd-a")).person_id).toBeNull();

    await h.sayText("pd-a", `/lienket ${code}`);
    expect(await h.sayText("pd-a", "1")).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
    const linked = await account("pd-a");
    expect(linked.person_id).toBe(maiId);
    expect(await consents(maiId)).toMatchObject([{ account_id: linked.id, channel: "console", notice_version: PRIVACY_NOTICE_VERSION, decision: "accepted", at: h.clock.now }]);
  });

  it("asks the same before a Telegram deep link (/start CODE) links", async () => {
    const { code } = await createInvite(h.db.db, secretaryId, null, h.clock.now);
    const say = (text: string, action?: string) => h.say("tg-sec", text, { channel: "telegram", chatId: "tg-sec", ...(action ? { text: undefined, action } : {}) });
    const notice = await say(`/start ${code}`);
    expect(replyText(notice.replies)).toContain("Đồng chí có đồng ý để liên kết tài khoản Hoàng Văn Páo không?");
    // The question and its buttons come first; the notice in full follows.
    expect(notice.replies[0]?.text).toContain("Đồng chí có đồng ý để liên kết tài khoản Hoàng Văn Páo không?");
    expect(notice.replies[0]?.choices?.map((c) => c.action)).toEqual(["consent:yes", "consent:no"]);
    expect(notice.replies[1]?.text).toContain("Ai được xem: bí thư, phó bí thư, chi ủy chi bộ của đồng chí");
    expect((await account("tg-sec")).person_id).toBeNull();
    expect(replyText((await say("", "consent:yes")).replies)).toContain("Đã liên kết");
    expect((await account("tg-sec")).person_id).toBe(secretaryId);
    // Accepted at linking: no second notice at the next message.
    expect(replyText((await say("/toi")).replies)).not.toContain("Thông báo về dữ liệu cá nhân");
  });

  it("shows a notice the account has not seen once, before the answer; refusing keeps the link and every record", async () => {
    await h.db.db.insertInto("chat_account").values({ channel: "zalo", platform_user_id: "zl-mai", chat_id: "zl-mai", person_id: maiId, linked_at: h.clock.now }).execute();
    const zalo = (text: string) => h.sayText("zl-mai", text, { channel: "zalo", chatId: "zl-mai" });
    const first = await zalo("/toi");
    expect(first.indexOf("Nội dung thông báo đã thay đổi")).toBeGreaterThanOrEqual(0);
    expect(first.indexOf("Họ tên: Vi Thị Mai")).toBeGreaterThan(first.indexOf("Nội dung thông báo đã thay đổi"));
    const before = await h.db.db.selectFrom("meeting_rsvp").select("id").where("person_id", "=", maiId).execute();
    expect(await zalo("2")).toContain("Tài khoản vẫn đang liên kết và không có dữ liệu nào bị xóa");
    expect(await zalo("/toi")).not.toContain("Thông báo về dữ liệu cá nhân");
    expect((await account("zl-mai")).person_id).toBe(maiId);
    expect(await h.db.db.selectFrom("meeting_rsvp").select("id").where("person_id", "=", maiId).execute()).toEqual(before);
    const zaloConsents = (await consents(maiId)).filter((c) => c.channel === "zalo").map((c) => c.decision);
    expect(zaloConsents).toEqual(["shown", "refused"]);
  });

  it("shows a secretary who accepted the first notice the new version once, before the answer to their message, whose own list still answers", async () => {
    await h.db.db.insertInto("chat_account").values({ channel: "zalo", platform_user_id: "zl-sec", chat_id: "zl-sec", person_id: secretaryId, linked_at: h.clock.now }).execute();
    const linked = await account("zl-sec");
    await insertConsent(h.db.db, { personId: secretaryId, accountId: linked.id, channel: "zalo", noticeVersion: 1, decision: "accepted", at: h.clock.now });
    const zalo = (text: string) => h.sayText("zl-sec", text, { channel: "zalo", chatId: "zl-sec" });
    const answer = await h.sayText(await h.as(DEMO_SECRETARY_CODE), "/chibo");
    const first = await zalo("/chibo");
    expect(first).toContain("Thông báo về dữ liệu cá nhân (bản 2)");
    expect(first).toContain("Nội dung thông báo đã thay đổi");
    expect(first.endsWith(answer)).toBe(true);
    // Digits choose from the last list, the answer's; the notice is not shown again.
    const members = await zalo("1");
    expect(members).toContain(otherMember);
    expect(members).not.toContain("Thông báo về dữ liệu cá nhân");
    // Its words still answer the notice.
    expect(await zalo("Đồng ý")).toContain("Đã ghi nhận đồng chí đồng ý (bản 2)");
    expect(await zalo("Đồng ý")).not.toContain("Đã ghi nhận");
    const rows = (await consents(secretaryId)).filter((c) => c.account_id === linked.id).map((c) => [c.notice_version, c.decision]);
    expect(rows).toEqual([[1, "accepted"], [2, "shown"], [2, "accepted"]]);
  });

  it("/dulieu shows the person's own profile, roles and records and nobody else's; no file on Zalo or the console", async () => {
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    const text = await h.sayText(mai, "/dulieu");
    expect(text).toContain("Dữ liệu của đồng chí trong chibo");
    expect(text).toContain("Họ tên: Vi Thị Mai");
    expect(text).toContain("Chức vụ:");
    expect(text).toContain("Đảng viên — Chi bộ thôn Pò Lài");
    expect(text).toContain("Yêu cầu sửa");
    expect(text).toContain("không gửi được tệp");
    expect(text).not.toContain(otherMember);
    // Only her own records; the secretary is named only where he viewed details naming her.
    expect(text.split("Những lần người khác xem")[0]).not.toContain("Hoàng Văn Páo");
  });

  it("/dulieu on Telegram sends the same data as an XLSX file", async () => {
    const result = await h.say("tg-sec", "/dulieu", { channel: "telegram", chatId: "tg-sec" });
    const file = result.replies.find((r) => r.attachment)?.attachment;
    expect(file?.filename).toBe(`du-lieu-${DEMO_SECRETARY_CODE}.xlsx`);
    expect(Buffer.from(file!.data).subarray(0, 2).toString()).toBe("PK");
    expect(replyText(result.replies)).toContain("Bí thư — Chi bộ thôn Pò Lài");
  });

  it("/dulieu lists the households the person follows, as /toi counts them, and its Excel copy holds them with every channel in words", async () => {
    const d = h.db.db;
    const poLai = (await findOrgByCode(d, "DEMO-CB-POLAI"))!.id;
    const household = await d.selectFrom("household").select(["id", "code", "head_name", "village_name"]).where("org_id", "=", poLai).orderBy("id").executeTakeFirstOrThrow();
    await d.insertInto("assignment").values({ cadre_id: secretaryId, org_id: null, household_id: household.id, duties: "Theo dõi, giúp đỡ hộ", valid_from: "2025-07-01" }).execute();
    const consoleSecretary = await h.as(DEMO_SECRETARY_CODE);
    const text = await h.sayText(consoleSecretary, "/dulieu");
    expect(text).toContain("Đồng chí được phân công phụ trách (");
    expect(text).toContain(`• hộ ${household.head_name} (${household.code}), ${household.village_name} — từ 01/07/2025`);
    expect(text).toContain("• Bảng điều khiển, liên kết");

    const result = await h.say("tg-sec", "/dulieu", { channel: "telegram", chatId: "tg-sec" });
    const file = result.replies.find((r) => r.attachment)?.attachment;
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file!.data) as never);
    const rows = (name: string) => (book.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1).map(String));
    expect(rows("Phụ trách")).toContainEqual([`hộ ${household.head_name} (${household.code}), ${household.village_name}`, "Theo dõi, giúp đỡ hộ", "01/07/2025", ""]);
    const channels = rows("Tài khoản chat").slice(1).map((r) => r[0]);
    expect(channels).toContain("Bảng điều khiển");
    expect(channels).toContain("Telegram");
    expect(channels).not.toContain("console");
    expect(channels).not.toContain("telegram");
    expect(rows("Hồ sơ")).toContainEqual(["Miễn sinh hoạt", "không"]);
  });

  it("/dulieu's Excel copy writes a phone number as plain text, and a channel linked twice is one line in chat and in the file", async () => {
    const d = h.db.db;
    await d.updateTable("person").set({ phone: "+84987100012" }).where("id", "=", secretaryId).execute();
    // A guest link on the console besides the secretary's own console account: the same channel twice.
    const consoleSecretary = await h.as(DEMO_SECRETARY_CODE);
    const guest = await touchAccount(d, { channel: "console", platformUserId: "guest-sec-2", chatId: "guest-sec-2" }, h.clock.now);
    await linkAccount(d, guest.id, secretaryId, h.clock.now);
    const text = await h.sayText(consoleSecretary, "/dulieu");
    expect(text).toContain("Số điện thoại: +84987100012");
    expect(text.match(/• Bảng điều khiển, liên kết/g)).toHaveLength(1);
    expect(text).toMatch(/• Bảng điều khiển, liên kết \d\d\/\d\d\/\d{4} \(2 liên kết\)/);

    const result = await h.say("tg-sec", "/dulieu", { channel: "telegram", chatId: "tg-sec" });
    const file = result.replies.find((r) => r.attachment)?.attachment;
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file!.data) as never);
    const profile = book.getWorksheet("Hồ sơ")!;
    let phone: import("exceljs").Cell | undefined;
    profile.eachRow((row) => {
      if (row.getCell(1).value === "Số điện thoại") phone = row.getCell(2);
    });
    expect(phone?.value).toBe("+84987100012");
    expect(phone?.type).toBe(ExcelJS.ValueType.String);
    const accounts = (book.getWorksheet("Tài khoản chat")!.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(accounts[0]).toEqual(["Kênh", "Liên kết", "Lần cuối", "Số liên kết"]);
    const consoleRows = accounts.filter((r) => r[0] === "Bảng điều khiển");
    expect(consoleRows).toHaveLength(1);
    expect(consoleRows[0]![3]).toBe(2);
    expect(accounts.filter((r) => r[0] === "Telegram")[0]![3]).toBe(1);
  });

  it("/dulieu names each kind of reminder in words and lists the resolution tasks given to the person", async () => {
    const d = h.db.db;
    const poLai = (await findOrgByCode(d, "DEMO-CB-POLAI"))!.id;
    const sent = (key: string, kind: string) => ({ dedupe_key: key, kind, person_id: maiId, org_id: poLai, account_id: null, channel: "zalo", chat_id: null, payload: "{}", due_at: h.clock.now, expires_at: null, status: "sent" as const, next_attempt_at: h.clock.now, claimed_at: null, sent_at: h.clock.now, last_error: null });
    await d.insertInto("outbox").values([sent("pd-r1", "meeting.reminder"), sent("pd-r2", "meeting.reminder"), sent("pd-r3", "task.due")]).execute();
    const task = (period: string, name: string, status: "open" | "done", due: string) => ({ org_id: poLai, period, seq: 1, task: name, owner_text: "Mai", owner_person_id: maiId, due_on: due, status, created_at: h.clock.now });
    await d.insertInto("resolution_task").values([task("2025-10", "Dọn vệ sinh nhà văn hóa", "done", "2025-10-20"), task("2025-11", "Thu đảng phí quý IV", "open", "2025-11-30")]).execute();
    const text = await h.sayText(await h.as("DEMO-DV-POLAI-MAI"), "/dulieu");
    expect(text).toContain("• Nhắc lịch sinh hoạt chi bộ: 2");
    expect(text).toContain("• Nhắc việc được giao sắp đến hạn: 1");
    expect(text).not.toContain("meeting.reminder");
    expect(text).not.toContain("task.due");
    expect(text).toContain("Việc được giao cho đồng chí theo nghị quyết chi bộ (2):");
    expect(text).toContain("• tháng 11/2025, Chi bộ thôn Pò Lài: Thu đảng phí quý IV — đang làm (hạn 30/11/2025)");
    expect(text).toContain("• tháng 10/2025, Chi bộ thôn Pò Lài: Dọn vệ sinh nhà văn hóa — đã xong (hạn 20/10/2025)");
    expect(text).not.toContain(otherMember);
  });

  it("a correction request goes to the cell secretary, who sees the record and how to fix it; closing with nothing changed asks what was done; the member is told how it ended", async () => {
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    await h.sayText(mai, "/dulieu");
    expect(await h.sayText(mai, "Yêu cầu sửa")).toContain("gõ nội dung cần sửa");
    expect(await h.sayText(mai, "Năm sinh đúng là 1990")).toContain("Đã gửi yêu cầu sửa #");
    const request = async () => h.db.db.selectFrom("correction_request").selectAll().where("person_id", "=", maiId).orderBy("id", "desc").executeTakeFirstOrThrow();
    const { id } = await request();
    const office = await h.as("DEMO-VP-TANVAN");
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    const list = await h.sayText(secretary, "/yeucausua");
    expect(list).toContain("Vi Thị Mai");
    expect(list).toContain("Năm sinh đúng là 1990");
    expect(await h.sayText(office, "/yeucausua")).toContain("Vi Thị Mai");
    expect(await h.sayText(mai, "/yeucausua")).toContain("không có quyền");
    const birth = (await h.db.db.selectFrom("person").select("birth_year").where("id", "=", maiId).executeTakeFirstOrThrow()).birth_year;

    // "Xử lý": the record now, unchanged since the request, and who changes it.
    const shown = await h.sayText(secretary, "1");
    expect(shown).toContain(`Yêu cầu #${id} của đồng chí Vi Thị Mai`);
    expect(shown).toContain(`Năm sinh: ${birth}`);
    expect(shown).toContain("Hồ sơ chưa thay đổi gì từ khi gửi yêu cầu.");
    expect(shown).toContain("Hồ sơ đảng viên do văn phòng Đảng ủy xã Tân Văn sửa");
    // "Đã sửa xong" with nothing changed does not close it: the secretary says what was done.
    expect(await h.sayText(secretary, "", { text: undefined, action: `pd:fixed:${id}` })).toContain("Đồng chí gõ một câu báo cho đồng chí Vi Thị Mai đã sửa gì");
    expect((await request()).status).toBe("open");
    const closed = await h.sayText(secretary, "Đã báo văn phòng xã sửa năm sinh thành 1990 trong danh sách đảng viên");
    expect(closed).toContain(`Đã xong yêu cầu #${id}: đã sửa — Đã báo văn phòng xã sửa năm sinh thành 1990`);
    expect(await request()).toMatchObject({ status: "done", done_by: secretaryId, answer: "Đã báo văn phòng xã sửa năm sinh thành 1990 trong danh sách đảng viên" });
    // The member is told how it ended, in a message and in /dulieu.
    const told = await h.db.db.selectFrom("outbox").select(["kind", "person_id", "payload"]).where("dedupe_key", "=", `correction:${id}:answered`).executeTakeFirstOrThrow();
    expect(told).toMatchObject({ kind: "correction.answered", person_id: maiId });
    const message = replyText(renderOutboxMessage(createI18n(), "vi", checkOutboxMessage(told.kind, told.payload), h.clock.now, "Asia/Ho_Chi_Minh"));
    expect(message).toContain(`Yêu cầu sửa #${id} của đồng chí ("Năm sinh đúng là 1990"): đã sửa.`);
    expect(message).toContain("Đã báo văn phòng xã sửa năm sinh thành 1990");
    expect(await h.sayText(mai, "/dulieu")).toContain(`#${id} (`);
    expect(await h.sayText(mai, "/dulieu")).toContain("đã sửa — Đã báo văn phòng xã sửa năm sinh thành 1990");
  });

  it("the office sees what changed in the record since the request and closes it with that; a request not corrected says why", async () => {
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    const office = await h.as("DEMO-VP-TANVAN");
    const ask = async (text: string) => {
      await h.sayText(mai, "/dulieu");
      await h.sayText(mai, "Yêu cầu sửa");
      await h.sayText(mai, text);
      return (await h.db.db.selectFrom("correction_request").select("id").where("person_id", "=", maiId).orderBy("id", "desc").executeTakeFirstOrThrow()).id;
    };
    const before = (await h.db.db.selectFrom("person").select("birth_year").where("id", "=", maiId).executeTakeFirstOrThrow()).birth_year;
    const first = await ask("Năm sinh đúng là 1990");
    // The office corrects the roll (as `chibo import people` does).
    await h.db.db.updateTable("person").set({ birth_year: 1990 }).where("id", "=", maiId).execute();
    const shown = await h.sayText(office, "", { text: undefined, action: `pd:done:${first}` });
    expect(shown).toContain(`Đã thay đổi từ khi gửi yêu cầu: Năm sinh: ${before} → 1990.`);
    expect(shown).toContain("chibo import people");
    expect(await h.sayText(office, "", { text: undefined, action: `pd:fixed:${first}` })).toContain(`Đã xong yêu cầu #${first}: đã sửa — Năm sinh: ${before} → 1990.`);

    const second = await ask("Dân tộc của tôi là Nùng");
    await h.sayText(office, "", { text: undefined, action: `pd:done:${second}` });
    expect(await h.sayText(office, "", { text: undefined, action: `pd:declined:${second}` })).toContain("Đồng chí gõ lý do không sửa");
    expect(await h.sayText(office, "Lý lịch đảng viên ghi dân tộc Tày")).toContain(`Đã xong yêu cầu #${second}: không sửa — Lý lịch đảng viên ghi dân tộc Tày.`);
    const row = await h.db.db.selectFrom("correction_request").selectAll().where("id", "=", second).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "declined", answer: "Lý lịch đảng viên ghi dân tộc Tày" });
    expect(await h.sayText(mai, "/dulieu")).toContain("không sửa — Lý lịch đảng viên ghi dân tộc Tày");
    await h.db.db.updateTable("person").set({ birth_year: before }).where("id", "=", maiId).execute();
  });

  it("records a secretary's view of the member list and absentees, not a member viewing their own data; the commune office lists it", async () => {
    const before = (await accessRows()).length;
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    await h.sayText(mai, "/toi");
    await h.sayText(mai, "/dulieu");
    await h.sayText(mai, "/chibo");
    expect((await accessRows()).length).toBe(before);

    const secretary = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(secretary, "/chibo");
    expect(await h.sayText(secretary, "1")).toContain(otherMember);
    const rows = await accessRows();
    expect(rows.length).toBe(before + 1);
    const poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    expect(rows.at(-1)).toMatchObject({ viewer_person_id: secretaryId, what: "cell.members", org_id: poLai, at: h.clock.now });
    expect(Number(rows.at(-1)!.people_count)).toBeGreaterThan(0);

    const office = await h.as("DEMO-VP-TANVAN");
    const log = await h.sayText(office, "/nhatkytruycap");
    expect(log).toContain("Nhật ký xem thông tin cá nhân");
    expect(log).toContain("Hoàng Văn Páo: xem danh sách đảng viên, Chi bộ thôn Pò Lài");
    expect(await h.sayText(secretary, "/nhatkytruycap")).toContain("không có quyền");
    expect(await h.sayText(mai, "/nhatkytruycap")).toContain("không có quyền");
    // The other commune's office sees none of it.
    const ward = await h.db.db.selectFrom("role").innerJoin("org", "org.id", "role.org_id").select("role.person_id").where("org.code", "=", "DEMO-PHUONG-KYLUA").where("role.role", "=", "office_staff").executeTakeFirst();
    if (ward) {
      const code = (await h.db.db.selectFrom("person").select("code").where("id", "=", ward.person_id).executeTakeFirstOrThrow()).code;
      expect(await h.sayText(await h.as(code), "/nhatkytruycap")).not.toContain("Hoàng Văn Páo");
    }
  });

  it("records /moi's list of people not yet linked and the member list a secretary answers for in /diemdanh", async () => {
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    const poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    const before = (await accessRows()).length;
    expect(await h.sayText(secretary, "/moi")).toContain(otherMember);
    const invited = (await accessRows()).slice(before);
    expect(invited).toMatchObject([{ viewer_person_id: secretaryId, what: "invite.list", org_id: poLai, at: h.clock.now }]);
    expect(Number(invited[0]!.people_count)).toBeGreaterThan(0);

    await h.sayText(secretary, "/huy");
    const attendance = await h.say(secretary, "/diemdanh");
    const proxy = attendance.replies.flatMap((r) => r.choices ?? []).findIndex((c) => c.action.endsWith(":list"));
    expect(proxy).toBeGreaterThanOrEqual(0);
    const picker = await h.sayText(secretary, String(proxy + 1));
    expect(picker).toContain(otherMember);
    const proxyRows = (await accessRows()).filter((r) => r.what === "meeting.proxy_list");
    expect(proxyRows).toMatchObject([{ viewer_person_id: secretaryId, org_id: poLai, at: h.clock.now }]);
    expect(Number(proxyRows[0]!.people_count)).toBeGreaterThan(0);

    const log = await h.sayText(await h.as("DEMO-VP-TANVAN"), "/nhatkytruycap");
    expect(log).toContain("Hoàng Văn Páo: xem danh sách người chưa liên kết tài khoản (mời liên kết), Chi bộ thôn Pò Lài");
    expect(log).toContain("Hoàng Văn Páo: xem danh sách báo dự họp để ghi hộ, Chi bộ thôn Pò Lài");
  });

  it("/luutru shows the retention table; only the province office changes a settable period, within bounds", async () => {
    const province = await h.as("DEMO-VP-TINH");
    const commune = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(commune, "/luutru")).toContain("Nhật ký xem thông tin cá nhân: 365 ngày (tỉnh chọn từ 180 đến 1.825; mã accessLog)");
    expect(await h.sayText(commune, "/luutru accessLog 730")).toContain("không có quyền");
    expect(await h.sayText(province, "/luutru accessLog 20")).toContain("ngoài giới hạn");
    expect(await h.sayText(province, "/luutru inboundUpdates 30")).toContain("cố định");
    const saved = await h.sayText(province, "/luutru accessLog 730");
    expect(saved).toContain("Đã đặt thời gian lưu giữ accessLog: 730 ngày");
    expect(saved).toContain("mỗi người đã liên kết tài khoản sẽ được xem lại thông báo một lần");
    expect(saved).toContain("Nhật ký xem thông tin cá nhân: 730 ngày");
    const stored = await h.db.db.selectFrom("app_setting").select("value").where("key", "=", "retention").executeTakeFirstOrThrow();
    expect(stored.value).toEqual({ accessLog: 730 });
  });

  it("the notice quotes the retention periods in force, the province's own choice included", async () => {
    const other = (await h.db.db.selectFrom("person").select("id").where("full_name", "=", otherMember).executeTakeFirstOrThrow()).id;
    const { code } = await createInvite(h.db.db, other, null, h.clock.now);
    // The province chose 730 days for the access log above; reminders keep the table's 90.
    const notice = await h.sayText("pd-new", `/lienket ${code}`);
    expect(notice).toContain("tin nhắc xóa sau 90 ngày; nhật ký xem xóa sau 730 ngày");
    expect(await h.sayText("pd-new", "Không đồng ý")).toContain("Chưa liên kết tài khoản");
  });

  it("a changed period is a new revision of the notice: each linked account sees it once more (bản 2.1), before its answer; the same days again are not", async () => {
    // The province chose 730 days for the access log above; the secretary accepted 2 when linking.
    const say = (text: string) => h.sayText("tg-sec", text, { channel: "telegram", chatId: "tg-sec" });
    const first = await say("/toi");
    expect(first).toContain("Thông báo về dữ liệu cá nhân (bản 2.1)");
    expect(first).toContain("nhật ký xem xóa sau 730 ngày");
    expect(first.indexOf("Họ tên: Hoàng Văn Páo")).toBeGreaterThan(first.indexOf("Nội dung thông báo đã thay đổi"));
    expect(await say("Đồng ý")).toContain("Đã ghi nhận đồng chí đồng ý (bản 2.1)");
    expect(await say("/toi")).not.toContain("Thông báo về dữ liệu cá nhân");
    const stored = (await consents(secretaryId)).filter((c) => c.channel === "telegram").map((c) => [c.notice_version, c.periods_revision, c.decision]);
    expect(stored).toEqual([[2, 0, "accepted"], [2, 1, "shown"], [2, 1, "accepted"]]);

    const province = await h.as("DEMO-VP-TINH");
    expect(await h.sayText(province, "/luutru accessLog 730")).not.toContain("xem lại thông báo");
    expect(await say("/toi")).not.toContain("Thông báo về dữ liệu cá nhân");
    // Words typed before the notice was shown do not answer it; typed after, they do.
    expect(await h.sayText(province, "/luutru accessLog 700")).toContain("xem lại thông báo");
    const typedFirst = await say("Đồng ý");
    expect(typedFirst).toContain("Thông báo về dữ liệu cá nhân (bản 2.2)");
    expect(typedFirst).not.toContain("Đã ghi nhận");
    expect(await say("Đồng ý")).toContain("Đã ghi nhận đồng chí đồng ý (bản 2.2)");
    const audit = await h.db.db.selectFrom("audit_log").select(["entity_id", "before", "after"]).where("action", "=", "retention.set").orderBy("id").execute();
    expect(audit).toEqual([
      { entity_id: "accessLog", before: { days: 365 }, after: { days: 730, noticeRevision: 1 } },
      { entity_id: "accessLog", before: { days: 730 }, after: { days: 700, noticeRevision: 2 } },
    ]);
  });

  it("/huylienket unlinks this chat account only after confirming, forgets its chat and state, keeps the person's records", async () => {
    const say = (text: string) => h.sayText("tg-sec", text, { channel: "telegram", chatId: "tg-sec" });
    expect(await say("/huylienket")).toContain("Hủy liên kết tài khoản chat này với đồng chí Hoàng Văn Páo?");
    expect(await say("Thôi")).toContain("Không thay đổi gì");
    expect((await account("tg-sec")).person_id).toBe(secretaryId);
    await say("/huylienket");
    const done = await say("1");
    expect(done).toContain("Đã hủy liên kết");
    expect(done).toContain("vẫn được chi bộ và đảng ủy lưu giữ");
    const after = await account("tg-sec");
    expect(after).toMatchObject({ person_id: null, chat_id: "", reachable: false });
    expect(await h.db.db.selectFrom("conversation").select("chat_id").where("channel", "=", "telegram").where("chat_id", "=", "tg-sec").execute()).toEqual([]);
    expect(await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE)).toMatchObject({ id: secretaryId, full_name: "Hoàng Văn Páo" });
    expect(await say("/toi")).toContain("chưa được liên kết");
  });
});
