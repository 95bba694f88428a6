import { findPersonByCode, findPersonById, profileCardOf, profileCardsOf, type ProfileCardRow } from "../db/person.repository.js";
import type { Db } from "../db/schema.js";

/** A person named on the command line: a numeric id or the office's person code. */
export async function findPersonByRef(db: Db, ref: string) {
  const trimmed = ref.trim();
  if (/^\d{1,9}$/.test(trimmed)) {
    const byId = await findPersonById(db, Number(trimmed));
    if (byId) return byId;
  }
  return findPersonByCode(db, trimmed);
}

/** What `/toi` shows a person about themselves. */
export interface PersonProfile {
  id: number;
  fullName: string;
  cellId: number | null;
  /** `full` | `probationary`, or null for someone who is not a party member. */
  membership: string | null;
  admittedOn: string | null;
  exempt: boolean;
  tempAttached: boolean;
}

export async function personProfile(db: Db, id: number): Promise<PersonProfile | undefined> {
  const row = await findPersonById(db, id);
  return row ? profileOf(row) : undefined;
}

/** The profile of a person row (both reads name the columns alike). */
function profileOf(row: { id: number; full_name: string; cell_id: number | null; membership: string | null; admitted_on: string | null; exempt: boolean; temp_attached: boolean }): PersonProfile {
  return {
    id: row.id,
    fullName: row.full_name,
    cellId: row.cell_id,
    membership: row.membership,
    admittedOn: row.admitted_on,
    exempt: row.exempt,
    tempAttached: row.temp_attached,
  };
}

/** `/toi`'s whole card: the profile, the cell's name, the names of the given orgs, the linked channels. */
export interface ProfileCard extends PersonProfile {
  cellName: string | undefined;
  /** Names of the orgs asked for (the person's roles' orgs), by id. */
  orgNames: Map<number, string>;
  /** The channels the person is linked on, each once, the first linked first. */
  channels: string[];
}

/** `/toi`'s card in one read (a statement per message counts: docs/benchmarks.md, inbound). */
export async function profileCard(db: Db, id: number, orgIds: readonly number[]): Promise<ProfileCard | undefined> {
  const row = await profileCardOf(db, id, orgIds);
  return row ? cardOf(row) : undefined;
}

/** `profileCard` for several people in one read (the `/toi`s of a batch group), by person id. */
export async function profileCards(db: Db, asked: readonly { personId: number; orgIds: readonly number[] }[]): Promise<Map<number, ProfileCard>> {
  const cards = new Map<number, ProfileCard>();
  for (const [id, row] of await profileCardsOf(db, asked)) cards.set(id, cardOf(row));
  return cards;
}

function cardOf(row: ProfileCardRow): ProfileCard {
  return {
    ...profileOf(row),
    cellName: row.cell_name ?? undefined,
    orgNames: new Map(row.org_names.map((o) => [Number(o.id), o.name])),
    channels: row.channels,
  };
}

/** A person's full name, or undefined when there is no such person. */
export async function personName(db: Db, id: number): Promise<string | undefined> {
  return (await findPersonById(db, id))?.full_name;
}
