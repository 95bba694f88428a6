import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configWith, loadConfig, publicUrlOf } from "../src/config.js";
import { runChibo } from "./support/cli.js";
import { e2eDatabase } from "./support/e2e-database.js";

describe("configuration", () => {
  it("has sensible defaults with nothing set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATA_DIR: "./data",
      TZ_DEFAULT: "Asia/Ho_Chi_Minh",
      LOCALE_DEFAULT: "vi",
      LOG_LEVEL: "info",
      PORT: 8080,
      TELEGRAM_API_ROOT: "https://api.telegram.org",
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("names each bad variable and never prints a secret's value", () => {
    const secret = "not a secret token!!";
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", LOCALE_DEFAULT: "fr", TELEGRAM_WEBHOOK_SECRET: secret, DATABASE_URL: "nonsense" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ["PORT", "LOCALE_DEFAULT", "TELEGRAM_WEBHOOK_SECRET", "DATABASE_URL"]) expect(message).toContain(name);
    expect(message).not.toContain(secret);
    expect(message).not.toContain("nonsense");
  });

  it("reads how members find the Zalo bot, and refuses a link that is not https", () => {
    const config = loadConfig({ ZALO_BOT_NAME: " Trợ lý chi bộ Mẫu Sơn ", ZALO_BOT_LINK: "https://zalo.me/s/chibo-mauson" });
    expect([config.ZALO_BOT_NAME, config.ZALO_BOT_LINK]).toEqual(["Trợ lý chi bộ Mẫu Sơn", "https://zalo.me/s/chibo-mauson"]);
    for (const bad of ["zalo.me/s/chibo", "javascript:alert(1)", "http://zalo.me/s/chibo"]) expect(() => loadConfig({ ZALO_BOT_LINK: bad }), bad).toThrow(/ZALO_BOT_LINK/);
  });

  it("reads the Telegram bot username for invite links, with or without its @", () => {
    expect(loadConfig({ TELEGRAM_BOT_USERNAME: "@trolychibo_tanvan_bot" }).TELEGRAM_BOT_USERNAME).toBe("trolychibo_tanvan_bot");
    expect(loadConfig({ TELEGRAM_BOT_USERNAME: " chibo_bot " }).TELEGRAM_BOT_USERNAME).toBe("chibo_bot");
    expect(loadConfig({ TELEGRAM_BOT_USERNAME: "" }).TELEGRAM_BOT_USERNAME).toBeUndefined();
    for (const bad of ["t.me/chibo_bot", "https://t.me/chibo_bot", "bot", "chibo bot", "1chibo_bot"]) {
      expect(() => loadConfig({ TELEGRAM_BOT_USERNAME: bad }), bad).toThrow(/TELEGRAM_BOT_USERNAME/);
    }
  });

  it("prints the deep link of the configured bot in chibo invite, and refuses a bad username before touching the data", async () => {
    // No data folder yet: the bad username must be refused before chibo creates one.
    const database = await e2eDatabase("pglite", "config", { newFolder: true });
    try {
      const bad = await runChibo(["invite", "DEMO-BT-POLAI"], { env: { ...database.env, TELEGRAM_BOT_USERNAME: "t.me/chibo_bot" } });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("TELEGRAM_BOT_USERNAME");
      expect(existsSync(database.env.DATA_DIR as string)).toBe(false);
      expect((await runChibo(["seed", "--demo"], { env: database.env })).code).toBe(0);
      const invite = await runChibo(["invite", "DEMO-BT-POLAI"], { env: { ...database.env, TELEGRAM_BOT_USERNAME: "@trolychibo_tanvan_bot" } });
      expect(invite.code, invite.stderr).toBe(0);
      expect(invite.stdout).toMatch(/^Telegram: https:\/\/t\.me\/trolychibo_tanvan_bot\?start=[A-Z0-9]{5}-[A-Z0-9]{5}$/m);
    } finally {
      await database.cleanup();
    }
  });

  it("makes the CLI exit non-zero with the variable's name", async () => {
    const result = await runChibo(["migrate"], { env: { PORT: "-1", DATA_DIR: "/nonexistent-never-created" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT");
  });
});

describe("PUBLIC_URL: where the files chibo serves are reached", () => {
  it("is PUBLIC_URL without a trailing slash, else a webhook's origin, else unset", () => {
    expect(publicUrlOf(configWith({ PUBLIC_URL: "https://bot.example.vn/chibo/" }))).toBe("https://bot.example.vn/chibo");
    expect(publicUrlOf(configWith({ ZALO_WEBHOOK_URL: "https://z.example.vn/zalo/webhook", TELEGRAM_WEBHOOK_URL: "https://t.example.vn/tg" }))).toBe("https://z.example.vn");
    expect(publicUrlOf(configWith({ TELEGRAM_WEBHOOK_URL: "https://t.example.vn:8443/tg" }))).toBe("https://t.example.vn:8443");
    expect(publicUrlOf(configWith({}))).toBeUndefined();
    expect(() => configWith({ PUBLIC_URL: "ftp://files.example.vn" })).toThrow(/PUBLIC_URL/);
  });
});
