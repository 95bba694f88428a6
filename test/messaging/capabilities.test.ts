import { describe, expect, it } from "vitest";
import { CONSOLE_CAPABILITIES } from "../../src/channels/console/console-capabilities.js";
import { TELEGRAM_CAPABILITIES } from "../../src/channels/telegram/telegram-capabilities.js";
import { ZALO_CAPABILITIES } from "../../src/channels/zalo/zalo-capabilities.js";
import { capabilitiesOf } from "../../src/messaging/capabilities.js";

describe("channel capabilities", () => {
  it("are looked up by name as each channel declares them", () => {
    expect(capabilitiesOf("telegram")).toEqual({ buttons: true, edits: true, files: true });
    expect(capabilitiesOf("zalo")).toEqual({ buttons: false, edits: false, files: false });
    expect(capabilitiesOf("console")).toBe(CONSOLE_CAPABILITIES);
    expect(capabilitiesOf("telegram")).toBe(TELEGRAM_CAPABILITIES);
    expect(capabilitiesOf("zalo")).toBe(ZALO_CAPABILITIES);
  });

  it("are plain text for a channel nobody declared", () => {
    expect(capabilitiesOf("fax")).toEqual({ buttons: false, edits: false, files: false });
  });
});
