import { afterAll, beforeAll, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

interface DemoPerson {
  id: number;
  code: string;
  name: string;
  cell: string | null;
  roles: { role: string; org: string }[];
}

describeEngines("console chat end to end (the real chibo command)", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  let env: Record<string, string>;
  let people: DemoPerson[];

  beforeAll(async () => {
    database = await e2eDatabase(engine, "e2e");
    env = database.env;
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    const seeded = await runChibo(["seed", "--demo", "--json"], { env, ctx });
    expect(seeded.code).toBe(0);
    people = JSON.parse(seeded.stdout) as DemoPerson[];
  });
  afterAll(() => database?.cleanup());

  it("seed --json lists 60+ demo people with ids, names, roles and organizations", () => {
    expect(people.length).toBeGreaterThanOrEqual(60);
    const secretaries = people.filter((p) => p.roles.some((r) => r.role === "secretary"));
    expect(secretaries.length).toBeGreaterThanOrEqual(7);
    const pao = people.find((p) => p.code === "DEMO-BT-POLAI")!;
    expect(pao).toMatchObject({ name: "Hoàng Văn Páo", cell: "Chi bộ thôn Pò Lài" });
    expect(pao.roles).toContainEqual({ role: "secretary", org_id: expect.any(Number), org: "Chi bộ thôn Pò Lài" });
    expect(people.some((p) => p.roles.some((r) => r.role === "office_staff"))).toBe(true);
  });

  it("answers a secretary piped /toi and /chibo in Vietnamese with the cell, its count and its cadre", async () => {
    const pao = people.find((p) => p.code === "DEMO-BT-POLAI")!;
    const chat = await runChibo(["chat", "--as", String(pao.id)], { env, ctx, input: "/toi\n/chibo\n" });
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain("Họ tên: Hoàng Văn Páo");
    expect(chat.stdout).toContain("CHI BỘ THÔN PÒ LÀI");
    expect(chat.stdout).toContain("Đảng viên: 11");
    expect(chat.stdout).toContain("Cấp ủy viên phụ trách: Lộc Văn Khoa");
    expect(chat.stdout).toContain("1. Danh sách đảng viên");
  });

  it("shows a member only what a member may see", async () => {
    const chat = await runChibo(["chat", "--as", "DEMO-DV-POLAI-MAI"], { env, ctx, input: "/toi\n/chibo\n1\n" });
    expect(chat.stdout).toContain("Họ tên: Vi Thị Mai");
    expect(chat.stdout).toContain("Đảng viên: 11");
    expect(chat.stdout).not.toContain("Danh sách đảng viên");
    expect(chat.stdout).toContain("đã hết hạn");
    expect(chat.stdout).not.toContain("Hoàng Văn Páo (");
  });

  it("links a new console user with an invite, refuses a wrong code and a reused one", async () => {
    const invite = await runChibo(["invite", "DEMO-DV-POLAI-MAI"], { env, ctx });
    expect(invite.code).toBe(0);
    const code = /Mã mời cho Vi Thị Mai: ([A-Z0-9-]+)/.exec(invite.stdout)?.[1];
    expect(code).toBeDefined();
    expect(invite.stdout).toContain(`start=${code}`);

    const first = await runChibo(["chat", "--guest", "zalo-like"], { env, ctx, input: `/toi\n/lienket 22222-33333\n/lienket ${code}\n1\n/toi\n` });
    expect(first.stdout).toContain("chưa được liên kết");
    expect(first.stdout).toContain("Mã mời không đúng");
    expect(first.stdout).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
    expect(first.stdout).toContain("Họ tên: Vi Thị Mai");

    const reuse = await runChibo(["chat", "--guest", "someone-else"], { env, ctx, input: `/lienket ${code}\n/toi\n` });
    expect(reuse.stdout).toContain("đã được dùng");
    expect(reuse.stdout).not.toContain("Họ tên");
  });

  it("says clearly when the person does not exist", async () => {
    const chat = await runChibo(["chat", "--as", "NOBODY"], { env, ctx, input: "/toi\n" });
    expect(chat.code).toBe(1);
    expect(chat.stderr).toContain('Không tìm thấy người "NOBODY"');
  });

  it("gives a secretary piped /moi then 1 a code and a Telegram link for a member without an account", async () => {
    const chat = await runChibo(["chat", "--as", "DEMO-BT-POLAI"], { ctx, env: { ...env, TELEGRAM_BOT_USERNAME: "chibo_demo_bot" }, input: "/moi\n1\n" });
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain("chưa liên kết tài khoản");
    const code = /Mã mời cho đồng chí .+: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(chat.stdout)?.[1];
    expect(code).toBeDefined();
    expect(chat.stdout).toContain(`https://t.me/chibo_demo_bot?start=${code}`);
  });
});
