import { describe, expect, it } from "vitest";
import { countsFollowingList } from "../../../src/domain/forms/absentee-counts.js";

describe("absence counts when the absentees are typed again", () => {
  it("follow the list when they counted exactly its names", () => {
    const values = { absent_excused: 1, absent_unexcused: 0, absentees: [{ name: "A", excused: true }] };
    expect(countsFollowingList(values, [{ excused: false }])).toEqual({ absent_excused: 0, absent_unexcused: 1 });
    expect(countsFollowingList(values, [])).toEqual({ absent_excused: 0 });
    expect(countsFollowingList({}, [{ excused: true }, { excused: true, exempt: true }, { excused: null }])).toEqual({ absent_excused: 1, absent_exempt: 1, absent_unknown: 1 });
  });

  it("stay when they count more than the list names", () => {
    expect(countsFollowingList({ absent_excused: 3, absentees: [{ name: "A", excused: true }] }, [{ excused: false }])).toEqual({});
  });
});
