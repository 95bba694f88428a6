import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot/bot.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
import { ConsoleChannel } from "../../src/channels/console/console-channel.js";
import { renderAll } from "../../src/channels/zalo/zalo-render.js";
import "../../src/channels/zalo/zalo-capabilities.js";
import { linkAccount, touchAccount } from "../../src/db/chat-account.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { insertConsent } from "../../src/db/privacy.repository.js";
import { PRIVACY_NOTICE_VERSION } from "../../src/domain/privacy.js";
import { silentLogger } from "../../src/log.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { ensureConsoleAccount } from "../../src/services/console-account.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

/** Run lines through a real console channel and return what it printed. */
async function consoleChat(bot: Bot, userId: string, lines: string[], now?: () => Date): Promise<string> {
  let printed = "";
  const output = new Writable({
    write(chunk, _enc, done) {
      printed += String(chunk);
      done();
    },
  });
  const channel = new ConsoleChannel({ input: Readable.from(lines.map((l) => `${l}\n`)), output, userId, handler: (msg) => bot.handle(msg), ...(now ? { now } : {}) });
  await channel.done();
  return printed;
}

describeEngines("Files where the channel takes them: the console's folder, and an honest word where none can go", (engine) => {
  let db: TestDatabase;
  let folder: string;
  const at = new Date("2025-11-20T03:00:00Z");

  beforeAll(async () => {
    db = await freshDatabase(engine, { demo: true });
    folder = mkdtempSync(join(tmpdir(), "chibo-files-"));
  });
  afterAll(async () => {
    await db?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("console: /xuat writes the workbook into the files folder and prints its path", async () => {
    const bot = createBot({ db: db.db, i18n: createI18n(), log: silentLogger(), features: defaultFeatures(), files: { folder } });
    const person = await findPersonByCode(db.db, "DEMO-VP-TANVAN");
    const user = await ensureConsoleAccount(db.db, person!.id, at);
    const printed = await consoleChat(bot, user, ["/xuat 11/2025"]);
    expect(printed).toContain("chi bộ đã báo cáo.\nĐã lưu tệp vào: ");
    expect(printed).not.toContain("không gửi được tệp");
    const path = /Đã lưu tệp vào: (\S+)/.exec(printed)![1]!;
    expect(path.startsWith(folder)).toBe(true);
    expect(path.endsWith("-bao-cao-sinh-hoat-chi-bo-2025-11.xlsx")).toBe(true);
    expect(existsSync(path)).toBe(true);
    const wb = await loadWorkbook(await readFile(path));
    expect(wb.worksheets.length).toBeGreaterThan(0);
    // A second export the same second never overwrites the first.
    const again = await consoleChat(bot, user, ["/xuat 11/2025"]);
    expect(/Đã lưu tệp vào: (\S+)/.exec(again)![1]).not.toBe(path);
  });

  it("console: a file saved just after local midnight is named by the local date, not UTC's", async () => {
    const bot = createBot({ db: db.db, i18n: createI18n(), log: silentLogger(), features: defaultFeatures(), files: { folder }, tz: "Asia/Ho_Chi_Minh" });
    const person = await findPersonByCode(db.db, "DEMO-VP-TANVAN");
    const user = await ensureConsoleAccount(db.db, person!.id, at);
    // 00:30:05 on 08/12/2026 in Hà Nội is still 17:30 on the 7th in UTC.
    const printed = await consoleChat(bot, user, ["/xuat 11/2025"], () => new Date("2026-12-07T17:30:05Z"));
    const path = /Đã lưu tệp vào: (\S+)/.exec(printed)![1]!;
    expect(basename(path)).toBe("20261208-003005-bao-cao-sinh-hoat-chi-bo-2025-11.xlsx");
  });

  it("Zalo without PUBLIC_URL: says the file cannot be sent, and never promises it first", async () => {
    const bot = createBot({ db: db.db, i18n: createI18n(), log: silentLogger(), features: defaultFeatures() });
    const person = await findPersonByCode(db.db, "DEMO-VP-TANVAN");
    const account = await touchAccount(db.db, { channel: "zalo", platformUserId: "zalo-office", chatId: "zalo-office" }, at);
    await linkAccount(db.db, account.id, person!.id, at);
    await insertConsent(db.db, { personId: person!.id, accountId: account.id, channel: "zalo", noticeVersion: PRIVACY_NOTICE_VERSION, decision: "accepted", at });
    const result = await bot.handle({ channel: "zalo", chatId: "zalo-office", userId: "zalo-office", chatType: "private", text: "/xuat 11/2025", at, updateId: "z-1" });
    const shown = renderAll(result.replies).map((m) => m.text).join("\n");
    expect(shown).toMatch(/chi bộ đã báo cáo\.\nKênh này không gửi được tệp\./);
    expect(shown).not.toContain("đính kèm");
    expect(shown).not.toContain("/tep/");
    expect(await db.db.selectFrom("served_file").select("id").execute()).toEqual([]);
  });
});
