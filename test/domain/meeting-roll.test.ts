import { expect, it } from "vitest";
import { meetingRollOf } from "../../src/domain/meeting-roll.js";

it("expects party members, invites exempt members and the assigned cadre without counting them", () => {
  const roll = meetingRollOf({
    members: [
      { id: 1, full_name: "A", membership: "full", exempt: false },
      { id: 2, full_name: "B", membership: "probationary", exempt: false },
      { id: 3, full_name: "C", membership: "full", exempt: true },
      { id: 4, full_name: "Guest", membership: null, exempt: false },
    ],
    leaders: [{ id: 1, full_name: "A" }, { id: 5, full_name: "Secretary without a member role" }],
    cadres: [{ id: 6, full_name: "Cadre" }, { id: 2, full_name: "B" }],
  });
  expect(roll.expected).toBe(3);
  expect(roll.roll).toBe(4);
  expect(roll.people.map((p) => [p.id, p.kind])).toEqual([[1, "member"], [2, "member"], [5, "member"], [3, "exempt"], [6, "cadre"]]);
});
