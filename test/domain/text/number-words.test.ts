import { describe, expect, it } from "vitest";
import { numberFromWords, parseCount, yearFromWords } from "../../../src/domain/text/number-words.js";

describe("numberFromWords", () => {
  it.each([
    ["hai muoi lam", 25], ["ham lam", 25], ["ham hai", 22], ["ba muoi mot", 31], ["muoi tu", 14], ["muoi lam", 15],
    ["mot tram", 100], ["mot tram linh nam", 105], ["mot tram le tu", 104], ["chin tram linh tu", 904], ["hai bay", 27], ["ba mot", 31], ["hai lam", 25], ["bon", 4],
    ["muoi", 10], ["hai muoi", 20], ["chin muoi", 90], ["hai chuc", 20],
  ])("%s = %i", (w, n) => expect(numberFromWords(w)).toBe(n));

  it("rejects word runs that are not numbers", () => {
    expect(numberFromWords("lam")).toBeNull();
    expect(numberFromWords("muoi muoi")).toBeNull();
    // Tens are never said "một …": "một nam" is one man, "một năm" one year.
    expect(numberFromWords("mot nam")).toBeNull();
    expect(numberFromWords("mot lam")).toBeNull();
  });

  it("parses digits too", () => expect(parseCount("27")).toBe(27));
});

describe("yearFromWords", () => {
  it.each([
    ["hai nghin khong tram hai muoi sau dang vien", 2026],
    ["hai nghin hai muoi lam", 2025],
    ["hai khong hai sau thon", 2026],
    ["hai nghin le nam", 2005],
  ])("%s = %i", (s, year) => expect(yearFromWords(s)?.year).toBe(year));

  it("reads no year in other words", () => expect(yearFromWords("hai nguoi di vang")).toBeNull());
});

