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
