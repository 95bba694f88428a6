import { describe, expect, it } from "vitest";
import { replyProblems } from "./fuzz-check.js";

const preview = (text: string) => [{ text: `Self-review 2025\n• Own level: Good completion of duties\n• Self-assessment: ${text}\nThe cell's secretary and the committee can read it. Send?` }];

describe("the fuzz checker's leak test", () => {
  it("lets a comment that is only the word be shown back where it stands", () => {
    expect(replyProblems(preview("NaN"), "/toi", ["NaN"])).toEqual([]);
    expect(replyProblems(preview("undefined"), "/toi", ["  undefined "])).toEqual([]);
  });

  it("still flags the word when what was typed is not what is shown there", () => {
    expect(replyProblems(preview("NaN"), "/toi", ["abc"])).toEqual([expect.stringContaining('shows "NaN"')]);
    // Typed elsewhere in a longer text, but shown alone: not the typed comment.
    expect(replyProblems(preview("NaN"), "/toi", ["NaN ở đây"])).toEqual([expect.stringContaining('shows "NaN"')]);
  });
});
