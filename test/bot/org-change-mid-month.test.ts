import { afterAll, beforeAll, expect, it } from "vitest";
import { orgCommand } from "../../src/cli/org-command.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { buildReportTable } from "../../src/services/export.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** Captured stdout and stderr of an in-process command. */
function capture() {
  let stdout = "";
  let stderr = "";
  const io = {
    stdin: process.stdin,
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
  };
  return { io, out: () => stdout, err: () => stderr };
}

// Units that change in the middle of a month (08/12/2025): November belongs to the units as they were.
describeEngines("org changes in the middle of a month: reports, buttons, reminders, roll-ups", (engine) => {
  let h: BotHarness;
  const i18n = createI18n();
  const org = async (args: string[]) => {
    const c = capture();
    const code = await orgCommand(args, c.io, { db: h.db.db, now: h.clock.now, tz: "Asia/Ho_Chi_Minh", t: (id, a) => i18n.t("vi", id, a) });
    return { code, stdout: c.out(), stderr: c.err() };
  };

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-12-08T01:00:00Z") });
  });
  afterAll(() => h.close());

  it("/dulieu shows the last day a role was held, not the first day without it", async () => {
    const renamed = await org(["rename", "DEMO-CB-NATHUA", "--name", "Chi bộ thôn Nà Thưa Mới", "--on", "08/12/2025"]);
    expect(renamed.code).toBe(0);
    const text = await h.sayText(await h.as("DEMO-CB-NATHUA-BT"), "/dulieu");
    expect(text).toMatch(/Bí thư — Chi bộ thôn Nà Thưa \(từ \d\d\/\d\d\/\d{4} đến 07\/12\/2025\)/);
    expect(text).toMatch(/Bí thư — Chi bộ thôn Nà Thưa Mới \(từ 08\/12\/2025\)/);
    expect((await findOrgByCode(h.db.db, "DEMO-CB-NATHUA"))!.name).toBe("Chi bộ thôn Nà Thưa Mới");
  });

  it("in the month of a merge, /tonghop and the export list the new cell and not the closed ones; the month before lists the old ones", async () => {
    const merged = await org(["merge", "DEMO-CB-POLAI", "DEMO-CB-DONGME", "--into", "DEMO-CB-POLAI-DONGME", "--name", "Chi bộ thôn Pò Lài - Đồng Mé", "--on", "08/12/2025"]);
    expect(merged.stderr).toBe("");
    const office = await h.as("DEMO-VP-TANVAN");
    const december = await h.sayText(office, "/tonghop sinh hoat thang 12/2025");
    expect(december).toContain("Chi bộ thôn Pò Lài - Đồng Mé");
    expect(december).toContain("Chi bộ thôn Nà Thưa Mới");
    expect(december).not.toMatch(/Chi bộ thôn Pò Lài —|Chi bộ thôn Đồng Mé|Chi bộ thôn Nà Thưa —/);
    const november = await h.sayText(office, "/tonghop sinh hoat thang 11/2025");
    expect(november).toMatch(/Chi bộ thôn Pò Lài —/);
    expect(november).toContain("Chi bộ thôn Đồng Mé");
    expect(november).not.toContain("Chi bộ thôn Pò Lài - Đồng Mé");
    expect(november).not.toContain("Nà Thưa Mới");
    const commune = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    const cellsOf = async (period: string) => (await buildReportTable(h.db.db, null, "monthly-meeting", period, commune)).rows.map((r) => r.cellName).filter((n) => n.includes("thôn"));
    expect(await cellsOf("2025-12")).toEqual(["Chi bộ thôn Bản Chang", "Chi bộ thôn Nà Thưa Mới", "Chi bộ thôn Pò Lài - Đồng Mé"]);
    expect(await cellsOf("2025-11")).toEqual(["Chi bộ thôn Bản Chang", "Chi bộ thôn Đồng Mé", "Chi bộ thôn Nà Thưa", "Chi bộ thôn Pò Lài"]);
  });
});
