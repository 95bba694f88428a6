import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { usableCommands } from "../../src/bot/features/help.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { loadActor } from "../../src/services/actor.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

// Issue #19.14: common questions typed as sentences get the command that answers them (for the
// person's role), anything else the closest commands; a report typed as one message stays a report.
describeEngines("questions typed as sentences", (engine) => {
  let h: BotHarness;
  let secretary: string;
  let mai: string;
  let office: string;

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    secretary = await h.as(DEMO_SECRETARY_CODE);
    mai = await h.as("DEMO-DV-POLAI-MAI");
    office = await h.as("DEMO-VP-TANVAN");
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    for (const who of [secretary, mai, office]) await h.sayText(who, "/huy");
  });

  it("answers when the meeting is, with or without diacritics", async () => {
    for (const question of ["lịch họp tháng này khi nào?", "lich hop thang nay khi nao", "Bao giờ chi bộ họp ạ?"]) {
      const text = await h.sayText(mai, question);
      expect(text).toContain("(Câu hỏi này được trả lời bằng lệnh /lichhop.)");
      expect(text).toContain("Chi bộ thôn Pò Lài: sinh hoạt lúc 19:30 ngày 05/12/2025.");
    }
  });

  it("answers how many members the cell has", async () => {
    for (const question of ["chi bộ mình bao nhiêu đảng viên?", "chi bo minh bao nhieu dang vien"]) {
      const text = await h.sayText(mai, question);
      expect(text).toContain("lệnh /chibo");
      expect(text).toContain("Đảng viên: 11 (10 chính thức, 1 dự bị; 1 miễn sinh hoạt)");
    }
  });

  it("answers who has not reported by the person's role", async () => {
    const fromOffice = await h.sayText(office, "ai chưa nộp báo cáo?");
    expect(fromOffice).toContain("lệnh /tonghop");
    const fromSecretary = await h.sayText(secretary, "ai chua nop bao cao");
    expect(fromSecretary).toContain("lệnh /xembaocao");
    expect(fromSecretary).not.toContain("/tonghop");
    // A member may use neither: no command is run, nothing is refused.
    const fromMember = await h.sayText(mai, "ai chưa nộp báo cáo?");
    expect(fromMember).not.toContain("lệnh /");
    expect(fromMember).not.toContain("không có quyền");
    // Nor is a command that would refuse them suggested instead.
    expect(fromMember).not.toContain("/xembaocao");
    expect(fromMember).not.toContain("/tonghop");
  });

  it("offers a plain member no command that would refuse them, for any question about reports", async () => {
    for (const question of ["ai chưa nộp báo cáo?", "lịch sử sửa báo cáo", "xem báo cáo của chi bộ"]) {
      const text = await h.sayText(mai, question);
      expect(text, question).not.toContain("/lichsu");
      expect(text, question).not.toContain("không có quyền");
      // Every command offered answers the member when they follow it.
      for (const [, name] of text.matchAll(/^\/([a-z_]+) — /gm)) {
        const answer = await h.sayText(mai, `/${name}`);
        expect(answer, `/${name} after "${question}"`).not.toContain("không có quyền");
        await h.sayText(mai, "/huy");
      }
    }
  });

  it("lists to a plain member only commands that answer them: none that /trogiup and suggestions offer refuses", async () => {
    // The rule behind every suggestion: a command that would refuse a role declares what it requires.
    const person = await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI");
    const actor = await loadActor(h.db.db, person!.id, "2025-12-01");
    const offered = usableCommands({ actor, msg: { chatType: "private" } } as never, h.bot.commands.all).map((c) => c.names[0]!);
    expect(offered).not.toContain("lichsu");
    // (/huylienket would unlink the account this test speaks through.)
    for (const name of offered.filter((n) => n !== "huylienket")) {
      const answer = await h.sayText(mai, `/${name}`);
      expect(answer, `/${name}`).not.toContain("không có quyền");
      await h.sayText(mai, "/huy");
    }
  });

  it("answers a member asking for their personal data with /dulieu, and never offers them the office's commands", async () => {
    for (const question of ["toi muon xem du lieu ca nhan cua minh", "Tôi muốn xem dữ liệu cá nhân của mình"]) {
      const text = await h.sayText(mai, question);
      expect(text).toContain("lệnh /dulieu");
      expect(text).toContain("Họ tên: Vi Thị Mai");
      expect(text).not.toContain("/nhatkytruycap");
      expect(text).not.toContain("/luutru");
    }
    // Words of the office's commands, typed by a member: none of them is suggested.
    const suggested = await h.sayText(mai, "nhật ký truy cập, thời gian lưu giữ, yêu cầu sửa đang chờ xử lý");
    for (const command of ["/nhatkytruycap", "/luutru", "/yeucausua"]) expect(suggested).not.toContain(command);
    // The office still has them offered.
    expect(await h.sayText(office, "nhật ký truy cập thông tin cá nhân")).toContain("/nhatkytruycap");
  });

  it("suggests the closest commands instead of 'Tôi chưa hiểu'", async () => {
    const text = await h.sayText(secretary, "tôi muốn đổi ngôn ngữ sang tiếng Anh");
    expect(text).toContain("Tôi chưa hiểu tin nhắn này. Có thể đồng chí cần:");
    expect(text).toContain("/ngonngu — ");
    expect(text).toContain("Gõ /trogiup để xem tất cả các lệnh.");
    // Nothing in common with any command: the plain answer.
    expect(await h.sayText(secretary, "xin chào")).toContain("Tôi chưa hiểu tin nhắn này. Gõ /trogiup");
  });

  it("keeps a quick report a report", async () => {
    const text = await h.sayText(secretary, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld");
    expect(text).toContain("Tôi hiểu như sau");
    expect(text).toContain("1. Gửi báo cáo");
    expect(text).not.toContain("lệnh /");
    expect(await h.sayText(secretary, "1")).toContain("Đã lưu Báo cáo sinh hoạt chi bộ");
  });
});
