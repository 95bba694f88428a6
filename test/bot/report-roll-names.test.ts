import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/**
 * A quick report typed without diacritics names people by their given name: those who fit one member
 * of the cell are shown and stored with the roll's full name; the others stay as typed, and the
 * preview says so. (Pò Lài's roll: Hà Văn Nam, exempt; Vi Thị Mai; Vi Văn Hùng; two Páo.)
 */
describeEngines("names in a quick report, written as the cell's roll writes them", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).orderBy("id").execute();

  secretaryOfPoLai(engine, new Date("2025-11-20T02:00:00Z"), (s) => ({ h, sec, cellId } = s));

  const REPORT =
    "bc sh cb t11: hop toi 5/11 19h30, co mat 8/10, vang 2 cld (dc Nam om, dc Pao di lam). ND: trien khai thu hoach; phong chay rung. " +
    "NQ: don ve sinh duong lang (Mai, 30/11); thu dang phi (Hung, 20/11); sua nha van hoa (truong thon, 25/11)";

  it("shows and stores an absentee and an owner who fit one member by full name; the rest as typed, said in the preview", async () => {
    const preview = await h.sayText(sec, REPORT);
    expect(preview).toContain("• Người vắng: Hà Văn Nam (om); Pao (di lam)");
    expect(preview).toContain("don ve sinh duong lang — Vi Thị Mai — 30/11/2025");
    expect(preview).toContain("thu dang phi — Vi Văn Hùng — 20/11/2025");
    // A function is no person's name: kept, and not listed as unmatched.
    expect(preview).toContain("sua nha van hoa — trưởng thôn — 25/11/2025");
    // Free text stays as typed.
    expect(preview).toContain("• Nội dung: trien khai thu hoach; phong chay rung");
    expect(preview).toContain("sẽ ghi vào biên bản đúng như đã gõ: Pao.");
    expect(preview).not.toMatch(/đúng như đã gõ:[^\n]*trưởng thôn/);

    await h.sayText(sec, "1");
    const [stored] = await reports();
    expect(stored!.data.absentees).toEqual([
      { name: "Hà Văn Nam", reason: "om", excused: true },
      { name: "Pao", reason: "di lam", excused: true },
    ]);
    expect((stored!.data.resolutions as { task: string; owner: string | null }[]).map((r) => [r.task, r.owner])).toEqual([
      ["don ve sinh duong lang", "Vi Thị Mai"],
      ["thu dang phi", "Vi Văn Hùng"],
      ["sua nha van hoa", "trưởng thôn"],
    ]);
    const tasks = await h.db.db.selectFrom("resolution_task").select(["task", "owner_text"]).where("org_id", "=", cellId).orderBy("seq").execute();
    expect(tasks.map((t) => t.owner_text)).toEqual(["Vi Thị Mai", "Vi Văn Hùng", "trưởng thôn"]);
  });

  it("says nothing of names typed as they are when every name fits one member", async () => {
    const preview = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld (dc Nam om). NQ: thu dang phi (Mai, 20/11)");
    expect(preview).toContain("• Người vắng: Hà Văn Nam (om)");
    expect(preview).toContain("thu dang phi — Vi Thị Mai — 20/11/2025");
    expect(preview).not.toContain("đúng như đã gõ");
  });

  it("shows a resent report's names as unchanged when they name the same members", async () => {
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld (dc Nam om)");
    await h.sayText(sec, "1");
    const update = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld (đ/c Hà Văn Nam om)");
    expect(update).toContain("• Người vắng: Hà Văn Nam (om)");
    expect(update).not.toContain("(trước: Nam");
  });
});
