import { afterAll, beforeAll, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { memberCommand } from "../../src/cli/member-command.js";
import { orgCommand } from "../../src/cli/org-command.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode, holdersOf, listCellMembers, predecessorsOf } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { rollupFor } from "../../src/services/rollup.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { capture } from "../support/cli.js";

describeEngines("org changes over time: merge, rename, close; member transfer, leave, confirm", (engine) => {
  let h: BotHarness;
  const i18n = createI18n();
  const run = async (command: typeof orgCommand, args: string[]) => {
    const c = capture();
    const code = await command(args, c.io, { db: h.db.db, now: h.clock.now, tz: "Asia/Ho_Chi_Minh", t: (id, a) => i18n.t("vi", id, a) });
    return { code, stdout: c.out(), stderr: c.err() };
  };
  const countOrgs = async () => (await h.db.db.selectFrom("org").select("id").execute()).length;

  beforeAll(async () => {
    // 20/11/2025: the merge below took effect on 1/11.
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
  });
  afterAll(() => h.close());

  it("refuses a bad merge with every problem named and writes nothing; a dry run writes nothing either", async () => {
    const before = await countOrgs();
    const bad = await run(orgCommand, ["merge", "DEMO-CB-POLAI", "DEMO-CB-TANHOA1", "NOPE", "--into", "DEMO-CB-BANCHANG", "--name", "X", "--on", "2025-11-01"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Không có đơn vị mã 'NOPE'.");
    const mixed = await run(orgCommand, ["merge", "DEMO-CB-POLAI", "DEMO-CB-TANHOA1", "--into", "DEMO-CB-BANCHANG", "--name", "X", "--on", "2025-12-01"]);
    expect(mixed.stderr).toContain("Ngày 01/12/2025 chưa đến");
    expect(mixed.stderr).toContain("Đơn vị 'DEMO-CB-TANHOA1' thuộc cấp trên khác");
    expect(mixed.stderr).toContain("Mã 'DEMO-CB-BANCHANG' đã có đơn vị khác dùng.");
    expect(mixed.stderr).toContain("Không ghi gì vào cơ sở dữ liệu.");
    const badDate = await run(orgCommand, ["merge", "DEMO-CB-POLAI", "DEMO-CB-DONGME", "--into", "X1", "--name", "X", "--on", "31/11/2025"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("'31/11/2025' không phải ngày hợp lệ");

    const dry = await run(orgCommand, ["merge", "DEMO-CB-POLAI", "DEMO-CB-DONGME", "--into", "DEMO-CB-POLAI-DONGME", "--name", "Chi bộ thôn Pò Lài - Đồng Mé", "--on", "01/11/2025", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Chuyển sang đơn vị mới: 21 đảng viên, 3 chức vụ, 1 lịch họp, 2 phân công, 6 hộ, 0 nhóm chat, 0 đơn vị trực thuộc; 3 chức vụ kết thúc.");
    expect(dry.stdout).toContain("Chạy thử (--dry-run)");
    expect(await countOrgs()).toBe(before);
    expect(await findOrgByCode(h.db.db, "DEMO-CB-POLAI-DONGME")).toBeUndefined();
  });

  it("merges two cells from 1/11: October's roll-up shows the two old cells, November's the merged one with members, leaders and rule carried over", async () => {
    const merge = await run(orgCommand, ["merge", "DEMO-CB-POLAI", "DEMO-CB-DONGME", "--into", "DEMO-CB-POLAI-DONGME", "--name", "Chi bộ thôn Pò Lài - Đồng Mé", "--on", "01/11/2025"]);
    expect(merge.stderr).toBe("");
    expect(merge.code).toBe(0);
    expect(merge.stdout).toContain("Sáp nhập từ ngày 01/11/2025: Chi bộ thôn Pò Lài (DEMO-CB-POLAI), Chi bộ thôn Đồng Mé (DEMO-CB-DONGME) → Chi bộ thôn Pò Lài - Đồng Mé (DEMO-CB-POLAI-DONGME).");

    const db = h.db.db;
    const merged = (await findOrgByCode(db, "DEMO-CB-POLAI-DONGME"))!;
    const polai = (await findOrgByCode(db, "DEMO-CB-POLAI"))!;
    expect(merged).toMatchObject({ valid_from: "2025-11-01", valid_to: null, parent_id: polai.parent_id });
    expect(polai.valid_to).toBe("2025-11-01");
    expect((await predecessorsOf(db, merged.id)).map((p) => p.name).sort()).toEqual(["Chi bộ thôn Pò Lài", "Chi bộ thôn Đồng Mé"]);
    expect(await listCellMembers(db, merged.id, "2025-11-20")).toHaveLength(21);
    expect(await listCellMembers(db, polai.id, "2025-10-31")).toHaveLength(11);
    expect(await listCellMembers(db, polai.id, "2025-11-01")).toHaveLength(0);
    expect((await holdersOf(db, merged.id, "secretary", "2025-11-20")).map((p) => p.full_name)).toEqual(["Hoàng Văn Páo"]);
    const dongMeSecretary = (await findPersonByCode(db, "DEMO-CB-DONGME-BT"))!;
    expect(dongMeSecretary.cell_id).toBe(merged.id);
    expect((await holdersOf(db, (await findOrgByCode(db, "DEMO-CB-DONGME"))!.id, "secretary", "2025-10-31")).map((p) => p.id)).toEqual([dongMeSecretary.id]);

    const tanVan = polai.parent_id!;
    const october = await rollupFor(db, null, tanVan, "2025-10", "2025-11-20");
    expect(october.cells.map((c) => c.name)).toEqual(expect.arrayContaining(["Chi bộ thôn Pò Lài", "Chi bộ thôn Đồng Mé"]));
    expect(october.cells.map((c) => c.name)).not.toContain("Chi bộ thôn Pò Lài - Đồng Mé");
    const november = await rollupFor(db, null, tanVan, "2025-11", "2025-11-20");
    const names = november.cells.map((c) => c.name);
    expect(names).toContain("Chi bộ thôn Pò Lài - Đồng Mé");
    expect(names).not.toContain("Chi bộ thôn Pò Lài");
    expect(names).not.toContain("Chi bộ thôn Đồng Mé");
    // Pò Lài's rule (the 5th) carried over: the report is due three days after the meeting.
    expect(november.cells.find((c) => c.name === "Chi bộ thôn Pò Lài - Đồng Mé")).toMatchObject({ due: "2025-11-08", status: "late" });

    // What the commune office reads in chat.
    const office = await h.as("DEMO-VP-TANVAN");
    const oct = await h.sayText(office, "/tonghop 10/2025");
    expect(oct).toContain("Chi bộ thôn Pò Lài —");
    expect(oct).toContain("Chi bộ thôn Đồng Mé —");
    expect(oct).not.toContain("Pò Lài - Đồng Mé");
    const nov = await h.sayText(office, "/tonghop 11/2025");
    expect(nov).toContain("Chi bộ thôn Pò Lài - Đồng Mé —");
    expect(nov).not.toContain("Chi bộ thôn Đồng Mé —");

    // The secretary now leads the merged cell.
    const pao = await h.as(DEMO_SECRETARY_CODE);
    const cell = await h.sayText(pao, "/chibo");
    expect(cell).toContain("Chi bộ thôn Pò Lài - Đồng Mé\n");
    expect(cell).toContain("Đảng viên: 21 (");
    expect(cell).toContain("Sinh hoạt thường kỳ tới: 05/12/2025 lúc 19:30");

    const again = await run(orgCommand, ["merge", "DEMO-CB-POLAI", "DEMO-CB-DONGME", "--into", "DEMO-CB-POLAI-DONGME", "--name", "Chi bộ thôn Pò Lài - Đồng Mé", "--on", "01/11/2025"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Đơn vị 'DEMO-CB-POLAI' đã kết thúc hoạt động từ 01/11/2025.");
  });

  it("renames a cell from a date: the successor keeps the code, the old name stays in history", async () => {
    const before = (await findOrgByCode(h.db.db, "DEMO-CB-NATHUA"))!;
    const renamed = await run(orgCommand, ["rename", "DEMO-CB-NATHUA", "--name", "Chi bộ thôn Nà Thưa Mới", "--on", "2025-11-10"]);
    expect(renamed.stderr).toBe("");
    expect(renamed.code).toBe(0);
    const now = (await findOrgByCode(h.db.db, "DEMO-CB-NATHUA"))!;
    expect(now).toMatchObject({ name: "Chi bộ thôn Nà Thưa Mới", valid_from: "2025-11-10" });
    expect(now.id).not.toBe(before.id);
    expect(await findOrgByCode(h.db.db, "DEMO-CB-NATHUA@2025-11-10")).toMatchObject({ id: before.id, name: "Chi bộ thôn Nà Thưa", valid_to: "2025-11-10" });
    expect(await listCellMembers(h.db.db, now.id, "2025-11-20")).toHaveLength(8);
    const same = await run(orgCommand, ["rename", "DEMO-CB-NATHUA", "--name", "chi bộ thôn  Nà Thưa mới", "--on", "2025-11-15"]);
    expect(same.stderr).toContain("trùng tên hiện tại");
  });

  it("splits a cell: the first part continues it, the second starts with its meeting rule and takes members by transfer", async () => {
    const db = h.db.db;
    const split = await run(orgCommand, ["split", "DEMO-CB-BANCHANG", "--into", "DEMO-CB-BANCHANG-A", "--name", "Chi bộ thôn Bản Chang A", "--into", "DEMO-CB-BANCHANG-B", "--name", "Chi bộ thôn Bản Chang B", "--on", "2025-11-10"]);
    expect(split.stderr).toBe("");
    expect(split.stdout).toContain("Chia tách từ ngày 10/11/2025: Chi bộ thôn Bản Chang (DEMO-CB-BANCHANG) → Chi bộ thôn Bản Chang A (DEMO-CB-BANCHANG-A), Chi bộ thôn Bản Chang B (DEMO-CB-BANCHANG-B)");
    const [a, b] = [(await findOrgByCode(db, "DEMO-CB-BANCHANG-A"))!, (await findOrgByCode(db, "DEMO-CB-BANCHANG-B"))!];
    expect(await listCellMembers(db, a.id, "2025-11-20")).toHaveLength(9);
    expect(await listCellMembers(db, b.id, "2025-11-20")).toHaveLength(0);
    expect((await predecessorsOf(db, b.id)).map((p) => p.name)).toEqual(["Chi bộ thôn Bản Chang"]);
    const mover = (await listCellMembers(db, a.id, "2025-11-20")).find((m) => m.membership === "full")!;
    const moved = await run(memberCommand, ["transfer", String(mover.id), "--to", "DEMO-CB-BANCHANG-B", "--on", "2025-11-10"]);
    expect(moved.code, moved.stderr).toBe(0);
    expect((await listCellMembers(db, b.id, "2025-11-20")).map((m) => m.id)).toEqual([mover.id]);
    const kinds = (await rollupFor(db, null, a.parent_id!, "2025-12", "2025-11-20")).cells.map((c) => c.name);
    expect(kinds).toEqual(expect.arrayContaining(["Chi bộ thôn Bản Chang A", "Chi bộ thôn Bản Chang B"]));
    expect(kinds).not.toContain("Chi bộ thôn Bản Chang");
    // Both parts keep the standing rule (the 4th).
    expect((await rollupFor(db, null, a.parent_id!, "2025-12", "2025-11-20")).cells.find((c) => c.name === "Chi bộ thôn Bản Chang B")!.due).toBe("2025-12-07");
  });

  it("moves, confirms and removes members by date, and dissolves a cell only once it is empty", async () => {
    const db = h.db.db;
    const tanHoa2 = (await findOrgByCode(db, "DEMO-CB-TANHOA2"))!;
    const closeFull = await run(orgCommand, ["close", "DEMO-CB-PHAILUONG", "--on", "2025-11-15"]);
    expect(closeFull.code).toBe(1);
    expect(closeFull.stderr).toContain("Đơn vị 'DEMO-CB-PHAILUONG' còn 8 đảng viên");

    const phaiLuong = (await findOrgByCode(db, "DEMO-CB-PHAILUONG"))!;
    const members = await listCellMembers(db, phaiLuong.id, "2025-11-20");
    const [first, ...others] = members;
    const firstCode = (await db.selectFrom("person").select("code").where("id", "=", first!.id).executeTakeFirstOrThrow()).code;
    const transfer = await run(memberCommand, ["transfer", firstCode, "--to", "DEMO-CB-TANHOA2", "--on", "2025-11-15"]);
    expect(transfer.stderr).toBe("");
    expect(transfer.stdout).toContain(`Chuyển sinh hoạt từ ngày 15/11/2025: ${first!.full_name}, Chi bộ tổ dân phố Phai Luông → Chi bộ tổ dân phố Tân Hòa 2`);
    expect((await listCellMembers(db, tanHoa2.id, "2025-11-15")).map((m) => m.id)).toContain(first!.id);
    expect((await listCellMembers(db, phaiLuong.id, "2025-11-14")).map((m) => m.id)).toContain(first!.id);
    expect((await listCellMembers(db, phaiLuong.id, "2025-11-15")).map((m) => m.id)).not.toContain(first!.id);

    const probationary = await db.selectFrom("person").select(["id", "code"]).where("membership", "=", "probationary").where("cell_id", "=", tanHoa2.id).orderBy("id").executeTakeFirstOrThrow();
    const confirm = await run(memberCommand, ["confirm", probationary.code, "--on", "2025-11-12"]);
    expect(confirm.stdout).toContain("là đảng viên chính thức từ ngày 12/11/2025");
    expect(await db.selectFrom("person").select(["membership", "full_member_on"]).where("id", "=", probationary.id).executeTakeFirstOrThrow()).toEqual({ membership: "full", full_member_on: "2025-11-12" });
    const again = await run(memberCommand, ["confirm", probationary.code, "--on", "2025-11-13"]);
    expect(again.stderr).toContain("đã là đảng viên chính thức");

    for (const m of others) {
      const code = (await db.selectFrom("person").select("code").where("id", "=", m.id).executeTakeFirstOrThrow()).code;
      const left = await run(memberCommand, ["leave", code, "--reason", "chuyen di", "--on", "2025-11-15"]);
      expect(left.code, left.stderr).toBe(0);
    }
    const person = await db.selectFrom("person").select(["left_on", "left_reason", "cell_id"]).where("id", "=", others[0]!.id).executeTakeFirstOrThrow();
    expect(person).toEqual({ left_on: "2025-11-15", left_reason: "transferred_out", cell_id: null });
    const twice = await run(memberCommand, ["leave", String(others[0]!.id), "--reason", "từ trần", "--on", "2025-11-16"]);
    expect(twice.stderr).toContain("đã ra khỏi danh sách từ 15/11/2025");
    const badReason = await run(memberCommand, ["leave", String(others[0]!.id), "--reason", "nghỉ", "--on", "2025-11-16"]);
    expect(badReason.code).toBe(2);

    const closed = await run(orgCommand, ["close", "DEMO-CB-PHAILUONG", "--on", "2025-11-15"]);
    expect(closed.stderr).toBe("");
    expect(closed.stdout).toContain("Giải thể từ ngày 15/11/2025: Chi bộ tổ dân phố Phai Luông (DEMO-CB-PHAILUONG)");
    expect((await findOrgByCode(db, "DEMO-CB-PHAILUONG"))!.valid_to).toBe("2025-11-15");
    const kyLua = phaiLuong.parent_id!;
    expect((await rollupFor(db, null, kyLua, "2025-12", "2025-11-20")).cells.map((c) => c.name)).not.toContain("Chi bộ tổ dân phố Phai Luông");
    expect((await rollupFor(db, null, kyLua, "2025-10", "2025-11-20")).cells.map((c) => c.name)).toContain("Chi bộ tổ dân phố Phai Luông");
  });
});
