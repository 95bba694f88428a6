import { describe, expect, it } from "vitest";
import { hashInviteCode, INVITE_CODE_BITS, newInviteCode, normalizeInviteCode } from "../../src/domain/invite-code.js";
import { normalizePhone } from "../../src/domain/phone.js";

describe("invite codes", () => {
  it("are 10 unambiguous characters with enough entropy, shown as two groups", () => {
    const code = newInviteCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/);
    expect(INVITE_CODE_BITS).toBeGreaterThanOrEqual(48);
    const many = new Set(Array.from({ length: 2000 }, () => newInviteCode()));
    expect(many.size).toBe(2000);
  });

  it("accept what people type: lower case, spaces, no dash", () => {
    const code = "ABCDE-FGHJK";
    expect(normalizeInviteCode(" abcde fghjk ")).toBe("ABCDEFGHJK");
    expect(normalizeInviteCode("ABCDEFGHJK")).toBe("ABCDEFGHJK");
    expect(hashInviteCode(normalizeInviteCode(code) as string)).toBe(hashInviteCode("ABCDEFGHJK"));
  });

  it("reject text that cannot be a code", () => {
    for (const text of ["xin chao", "ABCDE-FGHJ", "ABCDE-FGHJKL", "ABCDE-FGHJ0", "ABCDE-FGHJI", ""]) {
      expect(normalizeInviteCode(text)).toBeNull();
    }
  });
});

describe("normalizePhone", () => {
  it.each([
    ["0912 345 678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["0084912345678", "+84912345678"],
    ["+840912345678", "+84912345678"],
    ["(0205) 3870 123", "+842053870123"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["12345", "+1 415 555 0100", "09123456789012", "abc"])("rejects %s", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});
