/**
 * Who a cell's meeting expects, one rule for the attendance list (`/diemdanh`) and the report's
 * "phải dự" (domain §2): the cell's party members (full, probationary, temporarily attached) are
 * expected; members exempt from meetings (miễn sinh hoạt) may come but are not counted; the
 * assigned committee member (cấp ủy viên phụ trách) and guests are invited, not counted.
 */
export type RollKind = "member" | "exempt" | "cadre";

export interface RollPerson {
  id: number;
  full_name: string;
  kind: RollKind;
}

export interface MeetingRoll {
  /** Everyone the meeting invites, members first. */
  people: RollPerson[];
  /** Members expected: the report's "số đảng viên phải dự". */
  expected: number;
  /** Party members on the cell's roll, exempt ones included (a present count above it is questioned). */
  roll: number;
}

export interface RollInput {
  /** The cell's people with a member role; `membership` null for someone who is not a party member. */
  members: { id: number; full_name: string; membership: string | null; exempt: boolean }[];
  /** The cell's secretary and deputy (party members by office, counted even without a member role). */
  leaders: { id: number; full_name: string }[];
  cadres: { id: number; full_name: string }[];
}

/**
 * @example meetingRollOf({ members: [{ id: 1, full_name: "A", membership: "full", exempt: true }], leaders: [], cadres: [] })
 *   // { people: [{ id: 1, full_name: "A", kind: "exempt" }], expected: 0, roll: 1 }
 */
export function meetingRollOf(input: RollInput): MeetingRoll {
  const byId = new Map<number, RollPerson>();
  for (const m of input.members) if (m.membership !== null) byId.set(m.id, { id: m.id, full_name: m.full_name, kind: m.exempt ? "exempt" : "member" });
  for (const l of input.leaders) if (!byId.has(l.id)) byId.set(l.id, { id: l.id, full_name: l.full_name, kind: "member" });
  for (const c of input.cadres) if (!byId.has(c.id)) byId.set(c.id, { id: c.id, full_name: c.full_name, kind: "cadre" });
  const order: Record<RollKind, number> = { member: 0, exempt: 1, cadre: 2 };
  const people = [...byId.values()].sort((a, b) => order[a.kind] - order[b.kind]);
  const expected = people.filter((p) => p.kind === "member").length;
  return { people, expected, roll: expected + people.filter((p) => p.kind === "exempt").length };
}
