import { afterAll, beforeAll, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { orgCommand } from "../../src/cli/org-command.js";
import { findOrgByCode, holdersOf } from "../../src/db/org.repository.js";
import { rollupFor } from "../../src/services/rollup.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { settingsSinceAlways } from "../support/reminder-settings.js";

describeEngines("a merge of communes: their cells move under the new commune, past roll-ups follow the predecessors", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
  });
  afterAll(() => h.close());

  it("re-creates the cells under the merged commune and shows the old ones for October from the new commune", async () => {
    const i18n = createI18n();
    let out = "";
    let err = "";
    // Tân Văn's own deadline (20 days after the meeting) goes to the merged commune with its history.
    const tanVan = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    await settingsSinceAlways(h.db.db, tanVan, { reports: [{ form: "monthly-meeting", frequency: "monthly", due: { kind: "after_meeting", days: 20 } }] });
    const io = { stdin: process.stdin, stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } } as never;
    const code = await orgCommand(
      ["merge", "DEMO-XA-TANVAN", "DEMO-PHUONG-KYLUA", "--into", "DEMO-XA-TANVAN-KYLUA", "--name", "Đảng bộ xã Tân Văn - Kỳ Lừa", "--on", "2025-11-01"],
      io,
      { db: h.db.db, now: h.clock.now, tz: "Asia/Ho_Chi_Minh", t: (id, a) => i18n.t("vi", id, a) },
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("đơn vị trực thuộc");
    const db = h.db.db;
    const merged = (await findOrgByCode(db, "DEMO-XA-TANVAN-KYLUA"))!;
    const polai = (await findOrgByCode(db, "DEMO-CB-POLAI"))!;
    expect(polai).toMatchObject({ parent_id: merged.id, valid_from: "2025-11-01", name: "Chi bộ thôn Pò Lài" });
    expect(await findOrgByCode(db, "DEMO-CB-POLAI@2025-11-01")).toMatchObject({ valid_to: "2025-11-01" });
    // Both offices carry over to the merged commune; the secretary keeps leading the re-created cell.
    expect((await holdersOf(db, merged.id, "office_staff", "2025-11-20")).map((p) => p.full_name).sort()).toEqual(["Chu Thị Dung", "Nông Thị Thảo"]);
    expect((await holdersOf(db, polai.id, "secretary", "2025-11-20")).map((p) => p.full_name)).toEqual(["Hoàng Văn Páo"]);

    const november = await rollupFor(db, null, merged.id, "2025-11", "2025-11-20");
    expect(november.cells.filter((c) => c.name === "Chi bộ thôn Pò Lài").map((c) => [c.parentId, c.due])).toEqual([[merged.id, "2025-11-25"]]);
    const carried = await db.selectFrom("reminder_setting_version").select(["valid_from", "source"]).where("org_id", "=", merged.id).execute();
    expect(carried).toEqual([{ valid_from: "1900-01-01", source: "org_change" }]);
    const october = await rollupFor(db, null, merged.id, "2025-10", "2025-11-20");
    const parents = new Set(october.cells.map((c) => c.parentName));
    expect(parents).toEqual(new Set(["Đảng bộ xã Tân Văn", "Đảng bộ phường Kỳ Lừa"]));
    expect(october.cells).toHaveLength(9);
    // The merged commune's office sees October through its own role.
    const office = await h.as("DEMO-VP-TANVAN");
    const text = await h.sayText(office, "/tonghop 10/2025");
    expect(text).toContain("Đảng bộ xã Tân Văn");
    expect(text).toContain("Đảng bộ phường Kỳ Lừa");
    // …and drills into an old commune: the history of what it took over stays readable to it.
    const oldTanVan = (await findOrgByCode(db, "DEMO-XA-TANVAN"))!;
    const drill = await h.sayText(office, "", { text: undefined, action: `tong:${oldTanVan.id}:2025-10` } as never);
    expect(drill).toContain("Chi bộ thôn Pò Lài —");
    expect(drill).not.toContain("Tân Hòa");
    // The province office reads it through its own reach.
    const province = await h.as("DEMO-VP-TINH");
    expect(await h.sayText(province, "", { text: undefined, action: `tong:${oldTanVan.id}:2025-10` } as never)).toContain("Chi bộ thôn Pò Lài —");
  });
});
