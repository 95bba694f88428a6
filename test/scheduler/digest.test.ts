import { afterAll, beforeAll, expect, it } from "vitest";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { clearSettings, settingsSinceAlways } from "../support/reminder-settings.js";
import { digestCharts } from "../../src/bot/digest-chart.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { planIntoOutbox, planMessages, type RoutedMessage } from "../../src/services/planner.service.js";
import { addDays } from "../../src/domain/schedule/local-time.js";
import { REPORTING_COLORS } from "../../src/charts/reporting-chart.js";
import { rollupFor } from "../../src/services/rollup.service.js";
import { decodePng, rgb } from "../charts/png.js";
import { describeEngines } from "../support/engines.js";
import { demoCell, FakeChannel, testSender, vn, type DemoCell } from "./support.js";

const TZ = "Asia/Ho_Chi_Minh";
const MM = "monthly-meeting";

describeEngines("digests after a reporting deadline", (engine) => {
  let d: DemoCell;
  let tanVan: number;
  let province: number;
  let officeTanVan: number;
  let officeKyLua: number;
  let provinceClerk: number;
  let polai: number;
  let polaiSecretary: number;
  /** Cadre → the Tân Văn cells they follow. */
  let followers: Map<number, number[]>;
  /** Every digest about December's meeting reports, planned tick by tick (each morning 08:00, `since` the previous). */
  let planned: { at: string; messages: RoutedMessage[] }[];

  const digestsOf = (ms: readonly RoutedMessage[]) => ms.filter((m) => m.kind.startsWith("digest.") && m.payload.form === MM && m.payload.period === "2025-12");

  beforeAll(async () => {
    d = await demoCell(engine);
    const db = d.db.db;
    tanVan = (await findOrgByCode(db, "DEMO-XA-TANVAN"))!.id;
    province = (await findOrgByCode(db, "DEMO-TINH"))?.id ?? (await db.selectFrom("org").select("id").where("kind", "=", "dang_bo_tinh").executeTakeFirstOrThrow()).id;
    officeTanVan = (await findPersonByCode(db, "DEMO-VP-TANVAN"))!.id;
    officeKyLua = (await findPersonByCode(db, "DEMO-VP-KYLUA"))!.id;
    provinceClerk = (await findPersonByCode(db, "DEMO-VP-TINH"))!.id;
    polai = d.cellId;
    polaiSecretary = (await findPersonByCode(db, "DEMO-BT-POLAI"))!.id;
    const rows = await db
      .selectFrom("assignment")
      .innerJoin("org", "org.id", "assignment.org_id")
      .select(["assignment.cadre_id", "org.id"])
      .where("org.parent_id", "=", tanVan)
      .execute();
    followers = new Map();
    for (const r of rows) followers.set(r.cadre_id, [...(followers.get(r.cadre_id) ?? []), r.id]);
    // Pò Lài reported its December meeting: it is not among those who have not.
    await db
      .insertInto("report_submission")
      .values({ org_id: polai, form: MM, period: "2025-12", status: "submitted", submitted_by: polaiSecretary, submitted_at: vn("2025-12-06T20:00"), data: JSON.stringify({ present: 9 }), form_version: 1, accepted_by: null, accepted_at: null, source: "chat" })
      .execute();
    planned = [];
    let since: Date | undefined;
    for (let day = "2025-12-01"; day <= "2026-01-10"; day = addDays(day, 1)) {
      const now = vn(`${day}T08:00`);
      const messages = digestsOf(await planMessages(db, { now, tz: TZ, ...(since ? { since } : {}) }));
      if (messages.length > 0) planned.push({ at: day, messages });
      since = now;
    }
  });
  afterAll(() => d.db.close());

  it("plans the commune digest once, the day after the commune's last deadline, to its office and the cadres who follow a cell still missing", () => {
    const commune = planned.flatMap((p) => p.messages.filter((m) => m.kind === "digest.commune" && m.orgId === tanVan).map((m) => ({ ...m, at: p.at })));
    expect(commune.length).toBeGreaterThan(0);
    const days = new Set(commune.map((m) => m.at));
    expect(days.size).toBe(1);
    const [first] = commune;
    expect(first!.at).toBe(addDays(first!.payload.dueDate as string, 1));
    expect(commune.every((m) => m.dueAt.getTime() === vn(`${first!.at}T08:00`).getTime())).toBe(true);
    const office = commune.find((m) => m.personId === officeTanVan)!;
    expect(office.payload).toMatchObject({ commune: "Đảng bộ xã Tân Văn", followed: false });
    expect(office.payload.missing).not.toContain("Pò Lài");
    expect(office.payload.count).toBe((office.payload.missing as string).split(", ").length);
    // Cadres: each told of the cells they follow that are missing; none about Pò Lài alone.
    const expected = [...followers].filter(([, cells]) => cells.some((c) => c !== polai)).map(([id]) => id);
    const cadres = commune.filter((m) => m.personId !== officeTanVan);
    expect(cadres.map((m) => m.personId).sort((a, b) => a! - b!)).toEqual(expected.sort((a, b) => a - b));
    expect(cadres.every((m) => m.payload.followed === true && !(m.payload.missing as string).includes("Pò Lài"))).toBe(true);
    // Nobody else: no secretary, no member, not the other commune's office.
    const everyone = new Set(commune.map((m) => m.personId));
    expect(everyone.has(polaiSecretary) || everyone.has(officeKyLua) || d.members.some((id) => everyone.has(id) && !followers.has(id))).toBe(false);
    expect(new Set(commune.map((m) => m.key)).size).toBe(commune.length);
  });

  it("sends the province office one line per commune, once", () => {
    const summary = planned.flatMap((p) => p.messages.filter((m) => m.kind === "digest.province").map((m) => ({ ...m, at: p.at })));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ personId: provinceClerk, orgId: province, key: `digest:p:${province}:${MM}:2025-12:${provinceClerk}` });
    const lines = summary[0]!.payload.communes as { commune: string; cells: number; missing: number }[];
    expect(lines.map((l) => l.commune)).toEqual(["Đảng bộ phường Kỳ Lừa", "Đảng bộ xã Tân Văn"]);
    expect(lines.find((l) => l.commune === "Đảng bộ xã Tân Văn")!.missing).toBe(lines.find((l) => l.commune === "Đảng bộ xã Tân Văn")!.cells - 1);
  });

  it("writes each digest to the outbox once, however often it is planned", async () => {
    const day = planned.find((p) => p.messages.some((m) => m.kind === "digest.commune" && m.orgId === tanVan))!.at;
    const db = d.db.db;
    await planIntoOutbox(db, { now: vn(`${day}T08:00`), tz: TZ });
    await planIntoOutbox(db, { now: vn(`${day}T09:30`), tz: TZ });
    const rows = await db.selectFrom("outbox").select(["dedupe_key", "person_id"]).where("kind", "=", "digest.commune").where("org_id", "=", tanVan).execute();
    expect(rows.length).toBe(new Set(rows.map((r) => r.dedupe_key)).size);
    expect(rows.filter((r) => r.person_id === officeTanVan)).toHaveLength(1);
  });

  it("waits for the end of the commune's quiet hours, and is not planned for one cell alone", async () => {
    const db = d.db.db;
    const day = planned.find((p) => p.messages.some((m) => m.kind === "digest.commune" && m.orgId === tanVan))!.at;
    await settingsSinceAlways(db, tanVan, { digest: { enabled: true, daysAfter: 1, at: "22:00", to: ["office"] } });
    const at = (local: string, since?: string) =>
      planMessages(db, { now: vn(local), tz: TZ, ...(since ? { since: vn(since) } : {}) }).then((ms) => digestsOf(ms).filter((m) => m.kind === "digest.commune" && m.orgId === tanVan));
    expect(await at(`${day}T22:00`)).toEqual([]);
    const morning = await at(`${addDays(day, 1)}T07:00`, `${addDays(day, 1)}T06:59`);
    expect(morning.map((m) => m.personId)).toEqual([officeTanVan]);
    expect(morning[0]!.dueAt).toEqual(vn(`${addDays(day, 1)}T07:00`));
    expect(digestsOf(await planMessages(db, { now: vn(`${addDays(day, 1)}T07:00`), tz: TZ, orgIds: [polai] }))).toEqual([]);
    await settingsSinceAlways(db, tanVan, { digest: { enabled: false, daysAfter: 1, at: "08:00", to: ["office"] } });
    expect(await at(`${addDays(day, 1)}T07:00`)).toEqual([]);
  });

  it("goes out with the chart of the commune's cells, not during quiet hours", async () => {
    const db = d.db.db;
    await db.deleteFrom("outbox").execute();
    await clearSettings(db, tanVan);
    await db
      .insertInto("chat_account")
      .values({ channel: "fake", platform_user_id: "office", chat_id: "office-chat", person_id: officeTanVan, linked_at: vn("2025-11-01T08:00"), last_seen_at: vn("2025-11-01T08:00") })
      .execute();
    const day = planned.find((p) => p.messages.some((m) => m.kind === "digest.commune" && m.orgId === tanVan))!.at;
    await planIntoOutbox(db, { now: vn(`${day}T08:00`), tz: TZ });
    // Other forms' digests may be due too: keep December's meeting report, whose text and chart follow each other.
    const others = (await db.selectFrom("outbox").select(["id", "payload"]).execute()).filter((r) => r.payload.form !== MM || r.payload.period !== "2025-12").map((r) => r.id);
    if (others.length > 0) await db.deleteFrom("outbox").where("id", "in", others).execute();
    const fake = new FakeChannel("fake");
    const clock = { now: vn(`${day}T23:00`) };
    const sender = testSender(db, engine, [fake], clock, { illustrate: digestCharts(db, createI18n(), TZ) });
    expect((await sender.drainOnce()).sent).toBe(0);
    clock.now = vn(`${addDays(day, 1)}T07:05`);
    await sender.drainOnce();
    // The text, then the chart: each its own send, so a retry after the chart failed sends only the chart.
    const sent = fake.sent.filter((s) => s.chatId === "office-chat");
    expect(sent.map((s) => s.replies.length)).toEqual([1, 1]);
    const [text, chart] = sent.map((s) => s.replies[0]);
    expect(text!.title).toBe("Chi bộ chưa gửi báo cáo");
    expect(text!.text).toMatch(/^Đảng bộ xã Tân Văn: \d+\/\d+ chi bộ chưa gửi Báo cáo sinh hoạt chi bộ tháng 12\/2025 \(hạn chót \d{2}\/\d{2}\/\d{4}\): /);
    expect(text!.text).not.toContain("Pò Lài");
    expect(chart!.attachment).toMatchObject({ kind: "photo", mimeType: "image/png" });
    expect(Buffer.from(chart!.attachment!.data.subarray(1, 4)).toString()).toBe("PNG");
  });

  it("draws the chart with the commune's own deadlines, as the digest's text has them, not the defaults", async () => {
    const db = d.db.db;
    const now = vn("2025-12-20T08:00");
    const chartOf = digestCharts(db, createI18n(), TZ);
    const payload = { commune: "Đảng bộ xã Tân Văn", form: MM, period: "2025-12", dueDate: "2025-12-08", cells: 5, count: 4, missing: "…", followed: false };
    const lateRed = async () => {
      const [reply] = await chartOf({ message: { kind: "digest.commune", payload }, orgId: tanVan }, "vi", now);
      const image = decodePng(reply!.attachment!.data);
      const red = rgb(REPORTING_COLORS.late).join();
      let n = 0;
      for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) if (image.pixel(x, y).join() === red) n++;
      return n;
    };
    await clearSettings(db, tanVan);
    const withDefaults = await rollupFor(db, null, tanVan, "2025-12", "2025-12-20", MM);
    expect(withDefaults.cells.some((c) => c.status === "late")).toBe(true);
    const redByDefault = await lateRed();
    // Tân Văn gives its cells 28 days after the meeting: on the 20th no December report is late yet.
    await settingsSinceAlways(db, tanVan, { reports: [{ form: MM, frequency: "monthly", due: { kind: "after_meeting", days: 28 } }] });
    try {
      const own = await rollupFor(db, null, tanVan, "2025-12", "2025-12-20", MM);
      expect(own.cells.filter((c) => c.status === "late")).toEqual([]);
      expect(own.cells.filter((c) => c.due !== null).every((c) => c.due! > "2025-12-28")).toBe(true);
      // The chart: the late (red) bars are gone, only the legend's swatch is left.
      expect(await lateRed()).toBeLessThan(redByDefault);
    } finally {
      await clearSettings(db, tanVan);
    }
  });
});
