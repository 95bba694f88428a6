import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command.js";
import { linkGroupChat } from "../../src/db/cell-group-chat.repository.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { ensureConsoleAccount } from "../../src/services/console-account.service.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

describeEngines("chibo remind", (engine) => {
  let database: E2eDatabase;
  let env: Record<string, string>;
  let dir: string;
  // Every command opens its app as from a terminal, on the file's one open database.
  let ctx: CommandContext;
  const run = async (args: string[], env: Record<string, string>) => {
    const { code, stdout, stderr } = await runChibo(args, { env, ctx });
    return { code, out: stdout, err: stderr };
  };

  beforeAll(async () => {
    database = await e2eDatabase(engine, "remind");
    ({ env, dir } = database);
    ctx = await database.keepOpen();
    expect((await run(["seed", "--demo"], env)).code).toBe(0);
  });
  afterAll(() => database?.cleanup());

  it("lists the Pò Lài members and cadre at 07:00 three days before the meeting, the same keys twice, nothing at 02:00", async () => {
    const first = await run(["remind", "--at", "2025-12-02T07:00:00+07:00", "--dry-run", "--json"], env);
    expect(first.code).toBe(0);
    const rows = JSON.parse(first.out) as { person_id: number; channel: string; kind: string; key: string; due_at: string; org_id: number }[];
    const people = JSON.parse((await run(["seed", "--demo", "--json"], env)).out) as { id: number; code: string; cell: string | null }[];
    const polaiId = rows.find((r) => r.key.startsWith("meet:") && r.key.includes(":2025-12-05:") && people.find((p) => p.id === r.person_id)?.cell === "Chi bộ thôn Pò Lài")!.org_id;
    const polai = rows.filter((r) => r.kind === "meeting.reminder" && r.org_id === polaiId);
    const members = people.filter((p) => p.cell === "Chi bộ thôn Pò Lài" && !p.code.startsWith("DEMO-VP")).map((p) => p.id);
    const cadre = people.find((p) => p.code === "DEMO-CUV-KHOA")!.id;
    expect(polai.map((r) => r.person_id).sort((a, b) => a - b)).toEqual([...members, cadre].sort((a, b) => a - b));
    expect(polai.every((r) => r.channel === "unlinked" && r.due_at === "2025-12-02T00:00:00.000Z" && r.key.endsWith(`:d3:${r.person_id}`))).toBe(true);
    const second = await run(["remind", "--at", "2025-12-02T07:00", "--dry-run", "--json"], env);
    expect((JSON.parse(second.out) as { key: string }[]).map((r) => r.key)).toEqual(rows.map((r) => r.key));
    expect(JSON.parse((await run(["remind", "--at", "2025-12-03T02:00:00+07:00", "--dry-run", "--json"], env)).out)).toEqual([]);
  });

  it("plans into the outbox without --dry-run, once per key", async () => {
    const a = JSON.parse((await run(["remind", "--at", "2025-12-02T07:00:00+07:00", "--json"], env)).out) as { planned: number; inserted: number };
    const b = JSON.parse((await run(["remind", "--at", "2025-12-02T07:00:00+07:00", "--json"], env)).out) as { planned: number; inserted: number };
    expect(a.inserted).toBe(a.planned);
    expect(b).toEqual({ planned: a.planned, inserted: 0 });
    const status = JSON.parse((await run(["remind", "--status", "--json"], env)).out) as { counts: Record<string, number> };
    expect(status.counts.skipped).toBe(a.planned); // nobody in the demo is linked on a messenger
    // Without --json the office reads it in words, no JSON keys.
    const words = await run(["remind", "--status"], env);
    expect(words.code).toBe(0);
    expect(words.out).toContain(`Hàng đợi gửi tin:\n  bỏ qua: ${a.planned} tin`);
    expect(words.out).toContain("Không có tin gửi hỏng.");
    expect(words.out).not.toMatch(/[{}"]|counts|skipped/);
  });

  it("speaks to people in the dry run: names, local times, what each message says, no ids; catch-up rows marked; the real run agrees", async () => {
    const mai = await database.use(async (db) => {
      const p = (await findPersonByCode(db, "DEMO-DV-POLAI-MAI"))!;
      return { id: p.id, name: p.full_name };
    });
    // 10:00 on D-3: the 07:00 reminder is still useful after downtime, so it is a catch-up row.
    const at = "2025-12-02T10:00:00+07:00";
    const text = (await run(["remind", "--at", at, "--dry-run"], env)).out;
    const head = text.split("\n").find((l) => l.includes(mai.name))!;
    expect(head).toMatch(/^10:00 02\/12\/2025 · Vi Thị Mai\s+\[gửi bù: đến hạn từ 07:00 02\/12\/2025; (chưa liên kết tài khoản: không gửi|đã có trong hàng đợi \(bỏ qua\))\]$/);
    const body = text.split("\n")[text.split("\n").indexOf(head) + 1]!;
    expect(body).toMatch(/^ {4}Nhắc lịch sinh hoạt chi bộ: Còn 3 ngày.*Chi bộ thôn Pò Lài/);
    expect(text).not.toMatch(/\bmeet:\d+|person_id|T00:00:00/);
    expect(text).not.toContain(String(mai.id) + "  ");
    const rows = JSON.parse((await run(["remind", "--at", at, "--dry-run", "--json"], env)).out) as { person_id: number; catch_up: boolean; fate: string; key: string }[];
    const maiRow = rows.find((r) => r.person_id === mai.id && r.key.startsWith("meet:"))!;
    expect(maiRow.catch_up).toBe(true);
    // What the dry run says a real run does is what the real run then does.
    const fresh = rows.filter((r) => r.fate !== "queued").length;
    const summary = text.split("\n").find((l) => l.startsWith("Chạy thật lúc 10:00 02/12/2025 sẽ lên lịch "))!;
    expect(summary).toContain(`${rows.length} tin nhắn: ${fresh} tin mới vào hàng đợi gửi`);
    const real = JSON.parse((await run(["remind", "--at", at, "--json"], env)).out) as { planned: number; inserted: number };
    expect(real).toEqual({ planned: rows.length, inserted: fresh });
    const realText = (await run(["remind", "--at", at], env)).out;
    expect(realText).toBe(`Đã lên lịch ${rows.length} tin nhắn: 0 tin mới vào hàng đợi gửi; ${rows.length} tin đã có trong hàng đợi từ trước, không ghi lại; ${rows.length} tin không gửi được vì người nhận chưa liên kết Zalo/Telegram.\n`);
    expect((await run(["remind", "--at", "2025-12-03T02:00:00+07:00", "--dry-run"], env)).out).toBe(
      "Không có nhắc nhở nào đến hạn lúc 02:00 03/12/2025. Giờ này nằm trong giờ yên lặng mặc định (21:30–06:30): tin đến hạn được dời đến 07:00.\n",
    );
  }, 240_000);

  it("validates a settings override before storing it", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ quietHours: { start: "25:00", end: "06:30", deferTo: "07:00" } }));
    const refused = await run(["remind", "--set", bad, "--org", "DEMO-XA-TANVAN"], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("quietHours.start");
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ escalation: [{ id: "d0", dayOffset: 0, at: "08:00", to: ["secretary", "cadre"] }] }));
    const saved = await run(["remind", "--set", good, "--org", "DEMO-XA-TANVAN"], env);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.out.slice(saved.out.indexOf("{"))).escalation).toEqual([{ id: "d0", dayOffset: 0, at: "08:00", to: ["secretary", "cadre"] }]);
  });

  it("names a linked group chat where a person would be, in the list and in JSON", async () => {
    const group = "-1001234567890";
    await database.use(async (db) => {
      const cellId = (await findOrgByCode(db, "DEMO-CB-POLAI"))!.id;
      const secretaryId = (await findPersonByCode(db, DEMO_SECRETARY_CODE))!.id;
      await linkGroupChat(db, { channel: "telegram", chatId: group, cellId, linkedBy: secretaryId }, new Date());
    });
    const text = await run(["remind", "--at", "2025-12-02T07:00:00+07:00", "--dry-run"], env);
    expect(text.code).toBe(0);
    const lines = text.out.split("\n").filter((l) => l.includes("nhóm chat của"));
    expect(lines).toEqual(["07:00 02/12/2025 · nhóm chat của Chi bộ thôn Pò Lài · Telegram"]);
    expect(text.out).not.toContain(group);
    expect(text.out).not.toContain("null");
    const rows = JSON.parse((await run(["remind", "--at", "2025-12-02T07:00:00+07:00", "--dry-run", "--json"], env)).out) as Record<string, unknown>[];
    const groupRows = rows.filter((r) => r.person_id === null);
    expect(groupRows).toEqual([expect.objectContaining({ group_chat_id: group, channel: "telegram", kind: "group.meeting.reminder" })]);
    // A person's row is as before: no group field.
    expect(rows.filter((r) => r.person_id !== null).every((r) => !("group_chat_id" in r))).toBe(true);
  });

  it("says of someone linked only on the console (as /toi shows it) that the console takes no reminders, not that they are unlinked", async () => {
    const secretary = await database.use(async (db) => {
      const p = (await findPersonByCode(db, DEMO_SECRETARY_CODE))!;
      await ensureConsoleAccount(db, p.id, new Date("2025-12-04T07:00:00+07:00"));
      return { id: p.id, name: p.full_name };
    });
    const at = "2025-12-05T07:00:00+07:00";
    const rows = JSON.parse((await run(["remind", "--at", at, "--dry-run", "--json"], env)).out) as { person_id: number | null; fate: string; no_reach?: string }[];
    // (A message planned by an earlier run is "queued" instead: it says so, whoever it is for.)
    const own = rows.filter((r) => r.person_id === secretary.id && r.fate !== "queued");
    expect(own.length).toBeGreaterThan(0);
    expect(own.map((r) => [r.fate, r.no_reach])).toEqual(own.map(() => ["unlinked", "console_only"]));
    expect(rows.filter((r) => r.person_id !== secretary.id && r.no_reach === "none").length).toBeGreaterThan(0);
    const text = (await run(["remind", "--at", at, "--dry-run"], env)).out.split("\n");
    const heads = text.filter((l) => l.includes(` · ${secretary.name}  [`));
    expect(heads.filter((l) => l.includes("chỉ liên kết bảng điều khiển: không gửi được nhắc"))).toHaveLength(own.length);
    expect(heads.filter((l) => l.includes("chưa liên kết"))).toEqual([]);
    expect(text.filter((l) => !l.includes(secretary.name) && l.includes("chưa liên kết tài khoản: không gửi")).length).toBeGreaterThan(0);
  });

  it("--status gives the messages held for quiet hours their own line with when they go, apart from retries", async () => {
    const held = (key: string, at: string, error: string) => ({
      dedupe_key: key,
      kind: "meeting.reminder",
      person_id: null,
      org_id: null,
      account_id: null,
      channel: "telegram",
      chat_id: key,
      payload: "{}",
      due_at: new Date("2099-12-07T21:40:00+07:00"),
      expires_at: null,
      status: "failed" as const,
      next_attempt_at: new Date(at),
      claimed_at: null,
      sent_at: null,
      last_error: error,
    });
    await database.use((db) =>
      db
        .insertInto("outbox")
        .values([held("q-1", "2099-12-08T07:00:00+07:00", "quiet"), held("q-2", "2099-12-08T07:00:00+07:00", "quiet"), held("r-1", "2099-12-07T21:45:00+07:00", "transient")])
        .execute(),
    );
    try {
      const words = await run(["remind", "--status"], env);
      expect(words.code).toBe(0);
      expect(words.out).toContain("  đang chờ gửi lại: 1 tin\n  chờ hết giờ yên lặng ban đêm: 2 tin, sẽ gửi lúc 07:00 08/12/2099\n");
      await database.use((db) => db.deleteFrom("outbox").where("dedupe_key", "=", "r-1").execute());
      // Only held rows: no retry line at all.
      const onlyHeld = (await run(["remind", "--status"], env)).out;
      expect(onlyHeld).not.toContain("đang chờ gửi lại");
      expect(onlyHeld).toContain("  chờ hết giờ yên lặng ban đêm: 2 tin, sẽ gửi lúc 07:00 08/12/2099\n");
      const json = JSON.parse((await run(["remind", "--status", "--json"], env)).out) as { counts: Record<string, number>; held_for_quiet: unknown };
      expect(json.counts.failed).toBe(2);
      expect(json.held_for_quiet).toEqual([{ at: "2099-12-08T00:00:00.000Z", count: 2 }]);
    } finally {
      await database.use((db) => db.deleteFrom("outbox").where("dedupe_key", "in", ["q-1", "q-2", "r-1"]).execute());
    }
  });
});
