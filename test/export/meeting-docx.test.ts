import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import type { Db } from "../../src/db/schema.js";
import { useOwnDocumentTemplates } from "../../src/export/meeting-docx.js";
import { PACKAGE_ROOT } from "../../src/package-root.js";
import { loadActor } from "../../src/services/actor.service.js";
import { submitReport } from "../../src/services/report.service.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

/** The paragraphs of word/document.xml as Word shows them, tags and runs dropped. */
function paragraphs(bytes: Uint8Array): string[] {
  const xml = new PizZip(bytes).file("word/document.xml")!.asText();
  return xml.split("</w:p>").map((p) => p.replace(/<[^>]+>/g, "").trim());
}

/** The shipped template with one piece of its document.xml replaced, as an office's edit in Word would leave it. */
function editedTemplate(file: string, from: string, to: string): Buffer {
  const zip = new PizZip(readFileSync(join(PACKAGE_ROOT, "templates", "van-ban", file)));
  const xml = zip.file("word/document.xml")!.asText();
  expect(xml).toContain(from);
  zip.file("word/document.xml", xml.replace(from, to));
  return zip.generate({ type: "nodebuffer" });
}

describeEngines("chibo export minutes|resolution: the signer, the office's own templates, a broken template", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  let env: Record<string, string>;
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    database = await e2eDatabase(engine, "docs");
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    ({ env, dir } = database);
    // On PostgreSQL the data folder holds only chibo's own files (backups, the office's templates).
    dataDir = env.DATA_DIR ?? join(dir, "data");
    env = { ...env, DATA_DIR: dataDir };
    expect((await runChibo(["seed", "--demo"], { env, ctx })).code).toBe(0);
    await database.use(async (db: Db) => {
      const cell = (await findOrgByCode(db, "DEMO-CB-POLAI"))!.id;
      const paoId = (await findPersonByCode(db, DEMO_SECRETARY_CODE))!.id;
      for (const month of ["09", "10", "11"]) {
        const today = `2026-${month}-07`;
        const actor = await loadActor(db, paoId, today);
        const values = { meeting_date: `2026-${month}-05`, kind: "regular", present: 10, members_expected: 10, duration_min: 90 };
        const result = await submitReport(db, actor, { orgId: cell, form: "monthly-meeting", period: `2026-${month}`, values, source: "quick" }, new Date(`${today}T08:00:00+07:00`), today);
        expect(result.ok, JSON.stringify(result.validation)).toBe(true);
      }
      // The secretary changes: Hoàng Văn Páo's term ends on 03/10; Vi Thị Mai is elected on 10/10.
      const maiId = (await findPersonByCode(db, "DEMO-DV-POLAI-MAI"))!.id;
      await db.updateTable("role").set({ valid_to: "2026-10-03" }).where("person_id", "=", paoId).where("org_id", "=", cell).where("role", "=", "secretary").execute();
      await db.insertInto("role").values({ person_id: maiId, org_id: cell, role: "secretary", valid_from: "2026-10-10" }).execute();
    });
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const exportDoc = async (doc: "minutes" | "resolution", period: string) => {
    const out = join(dir, `${doc}-${period}.docx`);
    const result = await runChibo(["export", doc, "--org", "DEMO-CB-POLAI", "--period", period, "--out", out], { env, ctx });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    return paragraphs(readFileSync(out));
  };
  /** The name under the last "(Ký, ghi rõ họ tên)" (the resolution's T/M CHI BỘ / BÍ THƯ, the minutes' CHỦ TRÌ), past the lines left for the signature. */
  const signedName = (lines: string[]) => lines.slice(lines.lastIndexOf("(Ký, ghi rõ họ tên)") + 1).filter((l) => l !== "");

  it("signs each meeting's documents with the secretary of the meeting's day, not today's; with none that day, the name is left for hand signing", async () => {
    // September's meeting (05/09): Hoàng Văn Páo was secretary, and stays the signer after he left.
    const september = await exportDoc("resolution", "2026-09");
    expect(signedName(september)).toEqual(["Hoàng Văn Páo"]);
    expect(september.join("\n")).not.toContain("Vi Thị Mai");
    const septemberMinutes = await exportDoc("minutes", "2026-09");
    expect(signedName(septemberMinutes)).toEqual(["Hoàng Văn Páo"]);
    expect(septemberMinutes.join("\n")).toContain("Chủ trì: Hoàng Văn Páo");
    // October's meeting (05/10) fell between the two terms: no name is guessed.
    const october = await exportDoc("resolution", "2026-10");
    expect(signedName(october)).toEqual([]);
    expect(october.join("\n")).not.toMatch(/Hoàng Văn Páo|Vi Thị Mai/);
    const octoberMinutes = await exportDoc("minutes", "2026-10");
    expect(signedName(octoberMinutes)).toEqual([]);
    expect(octoberMinutes.join("\n")).toContain("Chủ trì: ………");
    expect(octoberMinutes.join("\n")).not.toMatch(/Hoàng Văn Páo|Vi Thị Mai/);
    // November's meeting (05/11): the new secretary signs.
    expect(signedName(await exportDoc("resolution", "2026-11"))).toEqual(["Vi Thị Mai"]);
  });

  it("uses the office's own Word template from the data folder's mau-van-ban/ when there is one, the shipped one otherwise", async () => {
    const own = join(dataDir, "mau-van-ban");
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, "bien-ban.docx"), editedTemplate("bien-ban.docx", "BIÊN BẢN", "BIÊN BẢN HỌP CHI BỘ"));
    expect(await exportDoc("minutes", "2026-09")).toContain("BIÊN BẢN HỌP CHI BỘ");
    // The resolution has no copy of the office's: chibo's own.
    expect(await exportDoc("resolution", "2026-09")).toContain("NGHỊ QUYẾT");
  });

  it("names a broken template and where it is broken, in Vietnamese, without docxtemplater's dump; exits 1 and writes nothing", async () => {
    const own = join(dataDir, "mau-van-ban");
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, "bien-ban.docx"), editedTemplate("bien-ban.docx", "{ngay_hop}", "{ngay_hop"));
    const out = join(dir, "broken.docx");
    const logged: unknown[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args);
    let result;
    try {
      result = await runChibo(["export", "minutes", "--org", "DEMO-CB-POLAI", "--period", "2026-09", "--out", out], { env, ctx });
    } finally {
      console.log = log;
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `Mẫu văn bản ${join(own, "bien-ban.docx")} bị hỏng nên chưa tạo được văn bản: thẻ bắt đầu bằng "{ngay_hop.Địa điểm: " thiếu dấu đóng "}". ` +
        "Người quản trị chibo sửa mẫu trong Word theo hướng dẫn docs/vi/van-ban.md rồi lấy lại văn bản.\n",
    );
    expect(result.stdout).toBe("");
    expect(logged).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describeEngines("/vanban with a broken Word template", (engine) => {
  let h: BotHarness;
  let own: string;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-07T03:00:00Z") });
    own = mkdtempSync(join(tmpdir(), "mau-van-ban-"));
    writeFileSync(join(own, "nghi-quyet.docx"), editedTemplate("nghi-quyet.docx", "{/nghi_quyet}", "{/nghi_quyetx}"));
    useOwnDocumentTemplates(own);
  });
  afterAll(async () => {
    useOwnDocumentTemplates(undefined);
    rmSync(own, { recursive: true, force: true });
    await h?.close();
  });

  it("tells the secretary in Vietnamese which template is broken and where, and sends no file", async () => {
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(secretary, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10");
    await h.say(secretary, "Gửi báo cáo");
    const poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    const sent = await h.say(secretary, "", { text: undefined, action: `vb:${poLai}:2025-11:resolution` });
    expect(sent.replies.some((r) => r.attachment)).toBe(false);
    expect(replyText(sent.replies)).toBe(
      "Mẫu văn bản nghi-quyet.docx bị hỏng nên chưa tạo được văn bản: danh sách {#nghi_quyet} lại được đóng bằng {/nghi_quyetx}. " +
        "Người quản trị chibo sửa mẫu trong Word theo hướng dẫn docs/vi/van-ban.md rồi lấy lại văn bản.",
    );
  });
});

describe("the shipped Word templates' layout", () => {
  const xmlOf = (file: string) => new PizZip(readFileSync(join(PACKAGE_ROOT, "templates", "van-ban", file))).file("word/document.xml")!.asText();

  it("keeps the signature block on one page with the paragraph before it: no signer's name alone on a page", () => {
    for (const [file, before] of [["bien-ban.docx", "Hội nghị kết thúc"], ["nghi-quyet.docx", "Chi ủy (bí thư) chi bộ phân công"]] as const) {
      const xml = xmlOf(file);
      const tables = xml.split("<w:tbl>").slice(1);
      const signatures = tables[tables.length - 1]!;
      // The signatures' row never splits; each line of the block keeps with the next.
      expect(signatures, file).toContain("<w:trPr><w:cantSplit/></w:trPr>");
      const blocks = signatures.split("</w:tc>").filter((cell) => cell.includes("(Ký, ghi rõ họ tên)"));
      expect(blocks.length, file).toBeGreaterThan(0);
      for (const block of blocks) {
        const lines = block.split("</w:p>").filter((p) => p.includes("<w:p>"));
        expect(lines.slice(0, -1).every((p) => p.includes("<w:keepNext/>")), file).toBe(true);
      }
      // The paragraph before the signatures goes to the next page with them.
      const last = xml.slice(0, xml.lastIndexOf("<w:tbl>")).split("<w:p>").pop()!;
      expect(last, file).toContain(before);
      expect(last, file).toContain("<w:keepNext/>");
    }
  });

  it("gives the header's left column room for a ward's committee on one line", () => {
    const firstColumn = Number(/<w:gridCol w:w="(\d+)"\/>/.exec(xmlOf("bien-ban.docx"))![1]);
    // "ĐẢNG BỘ PHƯỜNG MINH KHAI" at 14pt needs about 4,700 twips (rendered by LibreOffice with Liberation Serif).
    expect(firstColumn).toBeGreaterThanOrEqual(4800);
  });
});
