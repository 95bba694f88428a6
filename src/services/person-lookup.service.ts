import { findPersonByCode, findPersonById } from "../db/person.repository.js";
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
  if (!row) return undefined;
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

/** A person's full name, or undefined when there is no such person. */
export async function personName(db: Db, id: number): Promise<string | undefined> {
  return (await findPersonById(db, id))?.full_name;
}
