import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "../../src/domain/access.js";
import type { Actor, Role } from "../../src/domain/roles.js";

// A small tree: province 1 → communes 10, 20 → cells 11, 12 (under 10) and 21 (under 20).
const PATH: Record<number, number[]> = {
  1: [1],
  10: [10, 1],
  20: [20, 1],
  11: [11, 10, 1],
  12: [12, 10, 1],
  21: [21, 20, 1],
};

function actor(roles: [Role, number][], assignments: number[] = [], personId = 100, cellId: number | null = 11): Actor {
  return {
    personId,
    cellId,
    roles: roles.map(([role, orgId]) => ({ role, orgId })),
    assignments: assignments.map((orgId) => ({ orgId, householdId: null })),
  };
}

const member = actor([["member", 11]]);
const secretary = actor([["member", 11], ["secretary", 11]]);
const cadre = actor([["commune_committee", 10]], [11]);
const communeOffice = actor([["office_staff", 10]], [], 100, null);
const provinceOffice = actor([["office_staff", 1]], [], 100, null);

type Row = [name: string, who: Actor, action: Action, inScope: number, outOfScope: number | null];

// Every role × the actions it should have, with a target inside its scope and one outside.
const ALLOWED: Row[] = [
  ["member sees own cell summary", member, "cell.view_summary", 11, 12],
  ["secretary lists own cell", secretary, "cell.view_members", 11, 12],
  ["secretary submits for own cell", secretary, "report.submit", 11, 12],
  ["secretary manages own meetings", secretary, "meeting.manage", 11, 21],
  ["secretary sets own cell's standing rule", secretary, "meeting.rule", 11, 12],
  ["commune office sets rules in its commune", communeOffice, "meeting.rule", 12, 21],
  ["commune office sets its commune's default rule", communeOffice, "meeting.rule", 10, 20],
  ["assigned cadre lists the cell followed", cadre, "cell.view_members", 11, 12],
  ["assigned cadre views reports of the cell followed", cadre, "report.view", 11, 21],
  ["commune committee sees commune reports", cadre, "report.view", 12, 21],
  ["commune committee sees commune roll-up", cadre, "rollup.view", 10, 20],
  ["commune office accepts reports in its commune", communeOffice, "report.accept", 12, 21],
  ["commune office imports", communeOffice, "data.import", 10, 20],
  ["commune office announces to its commune", communeOffice, "announcement.send", 11, 21],
  ["province office sees everything", provinceOffice, "report.view", 21, null],
  ["province office accepts anywhere", provinceOffice, "report.accept", 11, null],
];

const DENIED: [string, Actor, Action, number][] = [
  ["member cannot list members", member, "cell.view_members", 11],
  ["member cannot submit reports", member, "report.submit", 11],
  ["member cannot see reports by default", member, "report.view", 11],
  ["secretary cannot accept own report", secretary, "report.accept", 11],
  ["secretary cannot see the commune roll-up", secretary, "rollup.view", 10],
  ["secretary cannot import", secretary, "data.import", 11],
  ["secretary cannot set the commune's default rule", secretary, "meeting.rule", 10],
  ["assigned cadre cannot set a cell's rule", cadre, "meeting.rule", 11],
  ["cadre cannot submit for the cell followed", cadre, "report.submit", 11],
  ["commune committee cannot list a cell it does not follow", cadre, "cell.view_members", 12],
  ["commune office cannot act in another commune", communeOffice, "cell.view_members", 21],
];

describe("can(actor, action, target): access follows the org tree", () => {
  it.each(ALLOWED)("%s", (_name, who, action, inside, outside) => {
    expect(can(who, action, { orgPath: PATH[inside] as number[] })).toBe(true);
    if (outside !== null) expect(can(who, action, { orgPath: PATH[outside] as number[] })).toBe(false);
  });

  it.each(DENIED)("%s", (_name, who, action, target) => {
    expect(can(who, action, { orgPath: PATH[target] as number[] })).toBe(false);
  });

  it("lets everyone see their own record and nobody else's without a role", () => {
    expect(can(member, "person.view", { orgPath: PATH[11] as number[], personId: 100 })).toBe(true);
    expect(can(member, "person.view", { orgPath: PATH[11] as number[], personId: 101 })).toBe(false);
    expect(can(secretary, "person.view", { orgPath: PATH[11] as number[], personId: 101 })).toBe(true);
    expect(can(secretary, "person.view", { orgPath: PATH[12] as number[], personId: 102 })).toBe(false);
  });

  it("reaches households only through a household assignment or the cell's leaders", () => {
    const follower: Actor = { ...member, assignments: [{ orgId: null, householdId: 7 }] };
    expect(can(follower, "household.log_visit", { orgPath: PATH[11] as number[], householdId: 7 })).toBe(true);
    expect(can(follower, "household.log_visit", { orgPath: PATH[11] as number[], householdId: 8 })).toBe(false);
    expect(can(secretary, "household.view", { orgPath: PATH[11] as number[], householdId: 8 })).toBe(true);
  });

  it("refuses everything on an unknown target and for a person with no roles", () => {
    const nobody = actor([]);
    for (const action of ACTIONS) {
      expect(can(provinceOffice, action, { orgPath: [] })).toBe(false);
      if (action !== "person.view_self" && action !== "person.view") {
        expect(can(nobody, action, { orgPath: PATH[11] as number[] })).toBe(false);
      }
    }
  });
});
