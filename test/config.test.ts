import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { runChibo } from "./support/cli.js";

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

  it("makes the CLI exit non-zero with the variable's name", async () => {
    const result = await runChibo(["migrate"], { env: { PORT: "-1", DATA_DIR: "/nonexistent-never-created" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT");
  });
});
