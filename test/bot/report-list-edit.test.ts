import { beforeEach, expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** The numbered choice whose line holds `text`. */
function choiceOf(reply: string, text: string): string {
  const line = reply.split("\n").find((l) => /^\d+\. /.test(l) && l.includes(text));
  expect(line, reply).toBeDefined();
  return /^(\d+)\./.exec(line!)![1]!;
}

/**
 * A saved report's absentees and resolution changed from the preview's "Sửa một mục", typed again whole
 * in one message, read as a report reads them, the names matched to the roll. (Pò Lài's roll: Hà Văn
 * Nam, Vi Thị Mai, Vi Văn Hùng, two Páo.)
 */
describeEngines("a saved report's absentees and resolution are changed from the preview's field list", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  // 08/12/2025 09:00 local.
  secretaryOfPoLai(engine, new Date("2025-12-08T02:00:00Z"), (s) => ({ h, sec, cellId } = s));
  const stored = async () => (await h.db.db.selectFrom("report_submission").select(["data", "revision"]).where("org_id", "=", cellId).execute())[0]!;

  /** The saved report opened for correction from /xembaocao, then "Sửa một mục", then the field named. */
  async function editField(label: string): Promise<string> {
    const list = await h.sayText(sec, "/xembaocao");
    const view = await h.sayText(sec, choiceOf(list, "tháng 12/2025"));
    const preview = await h.sayText(sec, choiceOf(view, "Sửa báo cáo"));
    const fields = await h.sayText(sec, choiceOf(preview, "Sửa một mục"));
    return h.sayText(sec, choiceOf(fields, label));
  }

  beforeEach(async () => {
    await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 9/10, vang 1 cld (dc Nam om). NQ: thu dang phi truoc 20/12 - dc Mai");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
    expect((await stored()).data).toMatchObject({ absent_excused: 1, absentees: [expect.objectContaining({ name: "Hà Văn Nam", excused: true })] });
  });

  it("replaces a wrong absentee, the name matched to the roll and the counts following the list", async () => {
    const asked = await editField("Người vắng");
    expect(asked).toContain("Người vắng đang ghi:\n1. Hà Văn Nam (om, có lý do)");
    expect(asked).toContain("Không ai vắng thì gõ: không ai vắng");
    expect(asked).toContain("Giữ nguyên");

    const preview = await h.sayText(sec, "mai (không lý do)");
    expect(preview).toContain("• Người vắng: Vi Thị Mai (không lý do) (trước: Hà Văn Nam (om))");
    expect(preview).toContain("• Vắng có lý do: 0 (trước: 1)");
    expect(preview).toContain("• Vắng không lý do: 1");
    expect(await h.sayText(sec, "Cập nhật báo cáo")).toContain("lần sửa thứ 1");
    const { data, revision } = await stored();
    expect(revision).toBe(2);
    expect(data).toMatchObject({ absent_excused: 0, absent_unexcused: 1, present: 9 });
    expect(data.absentees).toEqual([expect.objectContaining({ name: "Vi Thị Mai", excused: false })]);
  });

  it("changes nothing on a list it cannot read, and empties it on 'không ai vắng'", async () => {
    await editField("Người vắng");
    const refused = await h.sayText(sec, "123");
    expect(refused).toContain("Tôi chưa đọc được tên người vắng ở: 123. Chưa thay đổi gì.");
    expect(refused).toContain("Người vắng đang ghi:\n1. Hà Văn Nam (om, có lý do)");

    const preview = await h.sayText(sec, "không ai vắng");
    expect(preview).toContain("• Người vắng: — (trước: Hà Văn Nam (om))");
    expect(preview).toContain("• Vắng có lý do: 0 (trước: 1)");
    await h.sayText(sec, "Cập nhật báo cáo");
    const { data } = await stored();
    expect(data.absentees).toBeUndefined();
    expect(data).toMatchObject({ absent_excused: 0 });
  });

  it("replaces the resolution with the list typed, owners matched to the roll and due dates read", async () => {
    const asked = await editField("Nghị quyết");
    expect(asked).toContain("Nghị quyết đang ghi:\n1. thu dang phi - đ/c Vi Thị Mai - hạn 20/12/2025");
    expect(asked).toContain("Không có nghị quyết thì gõ: không có");

    const preview = await h.sayText(sec, "1. Thu đảng phí - đ/c Mai - hạn 25/12/2025\n2. Sửa rãnh đường làng - đ/c Hùng - hạn 30/12/2025");
    expect(preview).toContain("• Nghị quyết: Thu đảng phí — Vi Thị Mai — 25/12/2025; Sửa rãnh đường làng — Vi Văn Hùng — 30/12/2025 (trước: thu dang phi — Vi Thị Mai — 20/12/2025)");
    await h.sayText(sec, "Cập nhật báo cáo");
    expect((await stored()).data.resolutions).toEqual([
      expect.objectContaining({ task: "Thu đảng phí", owner: "Vi Thị Mai", due: "2025-12-25" }),
      expect.objectContaining({ task: "Sửa rãnh đường làng", owner: "Vi Văn Hùng", due: "2025-12-30" }),
    ]);
  });

  it("keeps the list as it is on 'Giữ nguyên', or 'giữ' typed as any other question is answered", async () => {
    for (const keep of ["Giữ nguyên", "giữ"]) {
      await h.sayText(sec, "/huy");
      await editField("Nghị quyết");
      const preview = await h.sayText(sec, keep);
      expect(preview).toContain("• Nghị quyết: thu dang phi — Vi Thị Mai — 20/12/2025\n");
      expect(preview).not.toContain("(trước:");
    }
  });
});
