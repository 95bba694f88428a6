/** Roles a person holds in an organization (domain §1); one person may hold several. */
export const ROLES = [
  "member", // đảng viên of the cell
  "secretary", // bí thư
  "deputy_secretary", // phó bí thư
  "cell_committee", // chi ủy viên
  "commune_committee", // ủy viên ban chấp hành đảng bộ xã
  "commune_standing", // ủy viên ban thường vụ
  "office_staff", // văn phòng / ban xây dựng đảng: administers the subtree of the org
] as const;
export type Role = (typeof ROLES)[number];

export const MEMBERSHIPS = ["full", "probationary"] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

/** A role held in an org, with that org's ancestry (the org itself first, then its parents up to the root). */
export interface HeldRole {
  role: Role;
  orgId: number;
}

/** A cadre follows an organization (and its subtree) or a household. */
export interface HeldAssignment {
  orgId: number | null;
  householdId: number | null;
}

/** Who is acting: the person behind a linked chat account, with their current roles and assignments. */
export interface Actor {
  personId: number;
  cellId: number | null;
  roles: HeldRole[];
  assignments: HeldAssignment[];
}
