import { describe, expect, it } from "vitest";
import { CONSOLE_CAPABILITIES } from "../../src/channels/console/console-capabilities.js";
import { TELEGRAM_CAPABILITIES } from "../../src/channels/telegram/telegram-capabilities.js";
import { ZALO_CAPABILITIES } from "../../src/channels/zalo/zalo-capabilities.js";
import { capabilitiesOf, fileDeliveryOf } from "../../src/messaging/capabilities.js";

describe("channel capabilities", () => {
  it("are looked up by name as each channel declares them", () => {
    expect(capabilitiesOf("telegram")).toEqual({ buttons: true, edits: true, files: "upload" });
    expect(capabilitiesOf("zalo")).toEqual({ buttons: false, edits: false, files: "link" });
    expect(capabilitiesOf("console")).toEqual({ buttons: false, edits: false, files: "path" });
    expect(capabilitiesOf("console")).toBe(CONSOLE_CAPABILITIES);
    expect(capabilitiesOf("telegram")).toBe(TELEGRAM_CAPABILITIES);
    expect(capabilitiesOf("zalo")).toBe(ZALO_CAPABILITIES);
  });

  it("are plain text for a channel nobody declared", () => {
    expect(capabilitiesOf("fax")).toEqual({ buttons: false, edits: false, files: false });
  });

  it("deliver files only where this process can: links need a public URL, paths a folder", () => {
    expect(fileDeliveryOf("telegram", {})).toBe("upload");
    expect(fileDeliveryOf("zalo", {})).toBe(false);
    expect(fileDeliveryOf("zalo", { publicUrl: "https://bot.example.vn" })).toBe("link");
    expect(fileDeliveryOf("console", {})).toBe(false);
    expect(fileDeliveryOf("console", { folder: "./data/files" })).toBe("path");
    expect(fileDeliveryOf("fax", { publicUrl: "https://bot.example.vn", folder: "./data/files" })).toBe(false);
  });
});
