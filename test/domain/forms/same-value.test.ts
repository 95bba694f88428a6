import { describe, expect, it } from "vitest";
import { sameValue } from "../../../src/domain/forms/same-value.js";

describe("sameValue: field values compared by what they say", () => {
  it("objects in any key order, a missing key the same as an empty one", () => {
    expect(sameValue([{ task: "thu đảng phí", owner: "Mai", due: "2025-12-20" }], [{ due: "2025-12-20", owner: "Mai", task: "thu đảng phí" }])).toBe(true);
    expect(sameValue({ name: "Hai", reason: undefined }, { name: "Hai" })).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
  });

  it("a different item, order or length is a change", () => {
    expect(sameValue([{ name: "Hai", reason: "đi làm" }], [{ name: "Hai", reason: "ốm" }])).toBe(false);
    expect(sameValue(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameValue(["a"], ["a", "b"])).toBe(false);
    expect(sameValue(9, 10)).toBe(false);
    expect(sameValue([], undefined)).toBe(false);
  });
});
