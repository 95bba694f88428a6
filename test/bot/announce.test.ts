import { afterAll, beforeAll, expect, it } from "vitest";
import { findOrgByCode, subtreeIds } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const BODY = "Kính mời các đồng chí dự hội nghị quán triệt Nghị quyết lúc 8:00 ngày 05/12 tại hội trường xã.";

describeEngines("announcements (/thongbao)", (engine) => {
  let h: BotHarness;
  let tanVan: number;
  let kyLua: number;
  /** Everyone holding a role in Tân Văn or under it today, by plain reading of the role table. */
  let people: number[];
  let unlinked: number;
  let twoChannels: number;

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    tanVan = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    kyLua = (await findOrgByCode(h.db.db, "DEMO-PHUONG-KYLUA"))!.id;
    const orgs = await subtreeIds(h.db.db, tanVan);
    const roles = await h.db.db.selectFrom("role").select(["person_id", "valid_from", "valid_to"]).where("org_id", "in", orgs).execute();
    people = [...new Set(roles.filter((r) => r.valid_from <= "2025-11-20" && (r.valid_to === null || r.valid_to > "2025-11-20")).map((r) => r.person_id))].sort((a, b) => a - b);
    // Everyone on Telegram but one (no account at all); one person also on Zalo, which they chose.
    unlinked = people[people.length - 1]!;
    twoChannels = people[0]!;
    for (const id of people.slice(0, -1)) {
      await h.db.db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: `${1000 + id}`, chat_id: `${1000 + id}`, person_id: id }).execute();
    }
    await h.db.db.insertInto("chat_account").values({ channel: "zalo", platform_user_id: `z${twoChannels}`, chat_id: `z${twoChannels}`, person_id: twoChannels }).execute();
    await h.db.db.insertInto("person_channel_pref").values({ person_id: twoChannels, channel: "zalo", updated_at: new Date("2025-11-01T00:00:00Z") }).execute();
  });
  afterAll(() => h.close());

  const outboxCopies = () => h.db.db.selectFrom("outbox").selectAll().where("kind", "=", "announcement").orderBy("person_id").execute();

  it("a unit code outside the office's commune says 'không có quyền', an unknown one 'không tìm thấy'; neither becomes the announcement's text", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const forbidden = await h.sayText(office, "/thongbao DEMO-CB-TANHOA1 Họp chi bộ tối nay");
    expect(forbidden).toBe("Đồng chí không có quyền xem hoặc thay đổi nội dung này.");
    const unknown = await h.sayText(office, "/thongbao DEMO-CB-XYZ Họp chi bộ tối nay");
    expect(unknown).toBe('Không tìm thấy đơn vị nào có mã "DEMO-CB-XYZ". Kiểm tra lại mã (văn phòng đảng ủy có danh sách mã đơn vị).');
    // Words of a message that merely look like a code are its text.
    expect(await h.sayText(office, "/thongbao COVID-19: tiêm nhắc lại")).toContain("Đồng chí gửi thông báo này tới đâu?");
    await h.sayText(office, "/huy");
    expect(await outboxCopies()).toEqual([]);
  });

  it("previews with the number of recipients, sends one copy per person on the channel they chose, and refuses a second press", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const menu = await h.sayText(office, "/thongbao");
    expect(menu).toContain("1. Gửi tới Đảng bộ xã Tân Văn");
    expect(menu).toContain("Gửi tới Chi bộ thôn Pò Lài");
    expect(menu).not.toContain("Kỳ Lừa");
    expect(await h.sayText(office, "1")).toContain("gõ nội dung thông báo gửi tới Đảng bộ xã Tân Văn");
    const preview = await h.sayText(office, BODY);
    expect(preview).toContain("Gửi tới: Đảng bộ xã Tân Văn (5 chi bộ)");
    expect(preview).toContain(`Người nhận: ${people.length} người; ${people.length - 1} người nhận được qua Zalo/Telegram, 1 người chưa liên kết tài khoản`);
    expect(preview).toContain(BODY);
    expect(await outboxCopies()).toHaveLength(0); // a preview sends nothing

    const started = await h.sayText(office, "1");
    expect(started).toContain(`Thông báo đang được gửi tới ${people.length - 1} người có tài khoản Zalo/Telegram (trong ${people.length} người nhận).`);
    expect(started).toContain("1. Xem tình hình");

    const copies = await outboxCopies();
    expect(copies.map((c) => c.person_id)).toEqual(people);
    const byPerson = new Map(copies.map((c) => [c.person_id, c]));
    expect(byPerson.get(twoChannels)).toMatchObject({ channel: "zalo", chat_id: `z${twoChannels}`, status: "pending" });
    expect(byPerson.get(unlinked)).toMatchObject({ channel: null, status: "skipped", last_error: "unlinked" });
    expect(byPerson.get(people[1]!)).toMatchObject({ channel: "telegram", chat_id: `${1000 + people[1]!}`, status: "pending" });
    expect(copies[0]?.payload).toMatchObject({ from: "Đảng bộ xã Tân Văn", text: BODY });

    const announcement = await h.db.db.selectFrom("announcement").selectAll().executeTakeFirstOrThrow();
    expect(announcement).toMatchObject({ org_id: tanVan, body: BODY, recipients: people.length, status: "sending", origin_channel: "console" });
    const audit = await h.db.db.selectFrom("audit_log").selectAll().where("entity", "=", "announcement").execute();
    expect(audit).toHaveLength(1);

    // Pressing "Gửi" again (a keyboard from before the buttons carried their draft, or its digit) sends nothing more.
    expect(await h.sayText(office, "", { text: undefined, action: "tb:send" })).toContain("không có gì được gửi thêm");
    expect(await h.sayText(office, "1")).not.toContain("Thông báo đang được gửi");
    expect(await outboxCopies()).toHaveLength(people.length);

    // The status view counts from the outbox.
    await h.sayText(office, "/thongbao");
    const status = await h.sayText(office, "Tình hình các thông báo đã gửi");
    expect(status).toContain(`Đảng bộ xã Tân Văn: "Kính mời các đồng chí dự hội nghị quán triệt Nghị quyết lúc…"`);
    expect(status).toContain(`Đã gửi 0/${people.length}, không gửi được 1, còn chờ ${people.length - 1}.`);
  });

  it("takes the text with the command, edits and cancels, and stores nothing until sent", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const before = (await outboxCopies()).length;
    const ask = await h.sayText(office, `/thongbao ${BODY}`);
    expect(ask).toContain("Đã nhận nội dung. Đồng chí gửi thông báo này tới đâu?");
    const preview = await h.sayText(office, "Gửi tới Chi bộ thôn Pò Lài");
    expect(preview).toContain("Gửi tới: Chi bộ thôn Pò Lài (1 chi bộ)");
    expect(preview).toContain(BODY);
    // Typing over the preview replaces the text.
    expect(await h.sayText(office, "Họp chi bộ dời sang 19:30 ngày 06/12.")).toContain("Họp chi bộ dời sang 19:30 ngày 06/12.");
    expect(await h.sayText(office, "Hủy")).toContain("Đã hủy, chưa gửi thông báo nào.");
    expect(await h.sayText(office, "", { text: undefined, action: "tb:send" })).toContain("không có gì được gửi thêm");
    expect((await outboxCopies()).length).toBe(before);
    expect(await h.db.db.selectFrom("announcement").select("id").execute()).toHaveLength(1);
  });

  it("refuses an empty or too long text with a clear reply", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    await h.sayText(office, "/thongbao DEMO-CB-POLAI");
    expect(await h.sayText(office, "   ")).toContain("Nội dung thông báo đang trống");
    const long = "Nội dung rất dài. ".repeat(120);
    expect(await h.sayText(office, long)).toContain("Nội dung dài 2.159 ký tự, quá mức 1.800 ký tự");
    expect(await h.sayText(office, "/huy")).toBeTruthy();
    expect(await h.db.db.selectFrom("announcement").select("id").execute()).toHaveLength(1);
  });

  it("says when sending will start if the preview is made during quiet hours", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const day = h.clock.now;
    h.clock.now = new Date("2025-11-20T15:30:00Z"); // 22:30 in Vietnam
    try {
      await h.sayText(office, "/thongbao DEMO-CB-POLAI");
      expect(await h.sayText(office, BODY)).toContain("Đang trong giờ nghỉ: thông báo sẽ bắt đầu gửi lúc 07:00.");
      await h.sayText(office, "/huy");
    } finally {
      h.clock.now = day;
    }
  });

  it("sent during quiet hours, says when the copies go rather than that they are going", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const day = h.clock.now;
    h.clock.now = new Date("2025-11-20T15:30:00Z"); // 22:30 in Vietnam
    const before = (await h.db.db.selectFrom("announcement").select("id").execute()).map((a) => a.id);
    try {
      await h.sayText(office, "/thongbao DEMO-CB-POLAI");
      await h.sayText(office, BODY);
      const held = await h.sayText(office, "1");
      expect(held).toContain("Đã xếp lịch gửi thông báo");
      expect(held).toMatch(/Bây giờ là giờ yên lặng nên chưa gửi ngay: thông báo tới \d+ người có tài khoản Zalo\/Telegram \(trong \d+ người nhận\) sẽ gửi lúc 07:00 ngày 21\/11\/2025\./);
      expect(held).not.toContain("đang được gửi");
    } finally {
      h.clock.now = day;
      // The copies stay out of the other tests' counts.
      const mine = h.db.db.selectFrom("announcement").select("id").where("id", "not in", before.length > 0 ? before : [0]);
      await h.db.db.deleteFrom("outbox").where("announcement_id", "in", mine).execute();
      await h.db.db.deleteFrom("announcement").where("id", "not in", before.length > 0 ? before : [0]).execute();
    }
  });

  it("keeps everyone within their reach: other communes, secretaries and forged buttons are refused", async () => {
    const other = await h.as("DEMO-VP-KYLUA");
    const menu = await h.sayText(other, "/thongbao");
    expect(menu).toContain("Gửi tới Đảng bộ phường Kỳ Lừa");
    expect(menu).not.toContain("Tân Văn");
    // A forged button aimed at Tân Văn, and a code outside the reach.
    expect(await h.sayText(other, "", { text: undefined, action: `tb:to:${tanVan}` })).toContain("không có quyền");
    expect(await h.sayText(other, "/thongbao DEMO-CB-POLAI")).toContain("không có quyền");
    // The status of Tân Văn's announcement is not theirs to see either.
    const id = (await h.db.db.selectFrom("announcement").select("id").executeTakeFirstOrThrow()).id;
    expect(await h.sayText(other, "", { text: undefined, action: `tb:st:${id}` })).toContain("không có quyền");
    expect(await h.sayText(other, "", { text: undefined, action: "tb:list" })).toContain("Chưa có thông báo nào");
    // A cell secretary may not announce at all.
    const secretary = await h.as("DEMO-BT-POLAI");
    expect(await h.sayText(secretary, "/thongbao")).toContain("không có quyền");
    expect(await h.sayText(secretary, "", { text: undefined, action: `tb:to:${kyLua}` })).toContain("không có quyền");
    expect(await h.db.db.selectFrom("announcement").select("id").execute()).toHaveLength(1);
  });

  it("lets the province office send to the province or one commune", async () => {
    const province = await h.as("DEMO-VP-TINH");
    const menu = await h.sayText(province, "/thongbao");
    expect(menu).toContain("1. Gửi tới Đảng bộ tỉnh Mẫu Sơn");
    expect(menu).toContain("Gửi tới Đảng bộ xã Tân Văn");
    expect(menu).toContain("Gửi tới Đảng bộ phường Kỳ Lừa");
  });

  it("speaks English to those who chose it", async () => {
    const office = await h.as("DEMO-VP-KYLUA");
    await h.sayText(office, "/ngonngu en");
    const menu = await h.sayText(office, "/announce");
    expect(menu).toContain("Send to Đảng bộ phường Kỳ Lừa");
    await h.sayText(office, "/cancel");
    await h.sayText(office, "/language vi");
  });

  it("names the author's unit as sender, not the cell it goes to", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    await h.sayText(office, "/thongbao");
    await h.sayText(office, "Gửi tới Chi bộ thôn Pò Lài");
    expect(await h.sayText(office, "Chi bộ thôn Pò Lài họp bất thường tối 06/12.")).toContain("Gửi tới: Chi bộ thôn Pò Lài (1 chi bộ)");
    await h.sayText(office, "1");
    const announcement = await h.db.db.selectFrom("announcement").select("id").where("org_id", "=", polai).executeTakeFirstOrThrow();
    const copies = await h.db.db.selectFrom("outbox").select("payload").where("kind", "=", "announcement").where("announcement_id", "=", announcement.id).execute();
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) expect(c.payload).toMatchObject({ from: "Đảng bộ xã Tân Văn", text: "Chi bộ thôn Pò Lài họp bất thường tối 06/12." });
  });

  it("takes the unit code and the text together and goes straight to the preview", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const before = (await outboxCopies()).length;
    const preview = await h.sayText(office, "/thongbao demo-cb-polai Họp chi bộ dời sang 19:30 ngày 06/12.");
    expect(preview).not.toContain("tới đâu");
    expect(preview).toContain("Gửi tới: Chi bộ thôn Pò Lài (1 chi bộ)");
    expect(preview).toContain("Họp chi bộ dời sang 19:30 ngày 06/12.");
    expect(preview).not.toContain("demo-cb-polai");
    expect(await h.sayText(office, "Hủy")).toContain("Đã hủy, chưa gửi thông báo nào.");
    // Outside the reach, the code with a text is refused all the same.
    const other = await h.as("DEMO-VP-KYLUA");
    expect(await h.sayText(other, "/thongbao DEMO-CB-POLAI Họp chi bộ.")).toContain("không có quyền");
    expect((await outboxCopies()).length).toBe(before);
  });
});
