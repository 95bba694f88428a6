import { describe, expect, it } from "vitest";
import { clip } from "../../../src/domain/text/clip.js";

describe("clip", () => {
  it("keeps short text as it is and cuts long text after max characters", () => {
    expect(clip("Pò Lài", 32)).toBe("Pò Lài");
    expect(clip("abcdef", 3)).toBe("abc");
  });

  it("never splits an emoji: the cut counts code points", () => {
    const typed = `${"a".repeat(31)}😀😀`;
    expect(typed.slice(0, 32)).toMatch(/[\uD800-\uDBFF]$/); // what a plain slice leaves
    expect(clip(typed, 32)).toBe(`${"a".repeat(31)}😀`);
    expect(JSON.stringify(clip("😀😀😀", 2))).toBe('"😀😀"');
  });
});
