import { cellPeople } from "../db/cycle.repository.js";
import type { Db } from "../db/schema.js";
import type { FieldValues, FormDefinition } from "../domain/forms/form-definition.js";
import { namesOnRoll, namesPeople, type RollNames } from "../domain/forms/roll-names.js";

/**
 * A report's typed names (absentees, resolutions' owners) as the cell's roll today writes them: the
 * full name of the one member or leader a name fits, the rest as typed (`namesOnRoll`). The roll is
 * read only when the values name somebody.
 *
 * @example await reportNamesOnRoll(db, cellId, "2026-12-11", form, { absentees: [{ name: "Dong", reason: "om" }] })
 */
export async function reportNamesOnRoll(db: Db, orgId: number, today: string, form: FormDefinition, values: FieldValues, before?: FieldValues): Promise<RollNames> {
  if (!namesPeople(form, values)) return { values, asTyped: [] };
  const people = await cellPeople(db, orgId, today);
  const members = [...new Map(people.map((p) => [p.id, { id: p.id, name: p.full_name }])).values()];
  return namesOnRoll(form, values, members, before);
}
