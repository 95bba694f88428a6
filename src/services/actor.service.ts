import { can, type Action } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import type { Actor } from "../domain/roles.js";
import { orgPath } from "../db/org.repository.js";
import { findPersonById, heldOn } from "../db/person.repository.js";
import type { Db } from "../db/schema.js";

/** The actor behind a person id on a local date: roles and assignments in force. */
export async function loadActor(db: Db, personId: number, today: string): Promise<Actor> {
  const person = await findPersonById(db, personId);
  if (!person) throw new ChiboError("not_linked");
  return actorOf(db, person, today);
}

/** The actor behind a person row already read: one query more, not two. */
export async function actorOf(db: Db, person: { id: number; cell_id: number | null }, today: string): Promise<Actor> {
  const { roles, assignments } = await heldOn(db, person.id, today);
  return { personId: person.id, cellId: person.cell_id, roles, assignments };
}

/** Throw `forbidden` unless the actor may do `action` on the org (and person/household) given. */
export async function requireAccess(
  db: Db,
  actor: Actor,
  action: Action,
  target: { orgId: number; personId?: number; householdId?: number },
): Promise<number[]> {
  const path = await orgPath(db, target.orgId);
  const allowed = can(actor, action, {
    orgPath: path,
    ...(target.personId !== undefined ? { personId: target.personId } : {}),
    ...(target.householdId !== undefined ? { householdId: target.householdId } : {}),
  });
  if (!allowed) throw new ChiboError("forbidden");
  return path;
}
