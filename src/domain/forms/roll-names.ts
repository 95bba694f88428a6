import { isFunctionName, matchMemberName, type OwnerCandidate } from "../cycle/tasks.js";
import type { FieldValues, FormDefinition } from "./form-definition.js";
import { sameValue } from "./same-value.js";

/** The key naming a person in a field's items: an absentee's name, a resolution's owner; none for other fields. */
function nameKeyOf(field: FormDefinition["fields"][number]): "name" | "owner" | undefined {
  return field.type === "absentees" ? "name" : field.type === "resolutions" ? "owner" : undefined;
}

/** A report's values with the names it typed written as the cell's roll writes them, and the names left as typed. */
export interface RollNames {
  values: FieldValues;
  /** Names that fit no member or several ("Pao" for two Páo), kept as typed: the records carry them so. Functions ("trưởng thôn") are not listed. */
  asTyped: string[];
}

/**
 * The people a report names (the absentees, the resolutions' owners) written with the roll's full
 * name when exactly one member of the cell fits, with or without diacritics ("Dong" → Hoàng Văn Đông,
 * as the documents match them: `matchMemberName`); any other name, and every free text (reasons,
 * tasks, content), stays as typed. A list equal to `before`'s (a correction that did not touch it)
 * is left alone.
 *
 * @example namesOnRoll(form, { absentees: [{ name: "Dong", reason: "om" }] }, [{ id: 4, name: "Hoàng Văn Đông" }]).values.absentees // [{ name: "Hoàng Văn Đông", reason: "om" }]
 */
export function namesOnRoll(form: FormDefinition, values: FieldValues, members: readonly OwnerCandidate[], before?: FieldValues): RollNames {
  const out: FieldValues = { ...values };
  const asTyped: string[] = [];
  const onRoll = (typed: string): string => {
    const id = matchMemberName(typed, members);
    if (id !== null) return (members.find((m) => m.id === id) as OwnerCandidate).name;
    if (!isFunctionName(typed) && !asTyped.includes(typed)) asTyped.push(typed);
    return typed;
  };
  for (const field of form.fields) {
    const list = values[field.key];
    const key = nameKeyOf(field);
    if (!key || !Array.isArray(list) || (before && sameValue(list, before[field.key]))) continue;
    out[field.key] = list.map((item: unknown) => {
      if (!item || typeof item !== "object") return item;
      const typed = (item as Record<string, unknown>)[key];
      return typeof typed === "string" && typed.trim() ? { ...(item as Record<string, unknown>), [key]: onRoll(typed.trim()) } : item;
    });
  }
  return { values: out, asTyped };
}

/** Whether a form's values name people the roll could write in full (absentees, resolutions' owners). */
export function namesPeople(form: FormDefinition, values: FieldValues): boolean {
  return form.fields.some((f) => nameKeyOf(f) !== undefined && Array.isArray(values[f.key]) && (values[f.key] as unknown[]).length > 0);
}

/** The names a report's values hold (the absentees, the resolutions' owners), as written there. */
export function namesIn(form: FormDefinition, values: FieldValues): string[] {
  const out: string[] = [];
  for (const field of form.fields) {
    const key = nameKeyOf(field);
    const list = values[field.key];
    if (!key || !Array.isArray(list)) continue;
    for (const item of list) {
      const name = item && typeof item === "object" ? (item as Record<string, unknown>)[key] : undefined;
      if (typeof name === "string" && name.trim()) out.push(name.trim());
    }
  }
  return out;
}

/** A person a report names: as an absentee (with the reason typed) or as a resolution's owner (with the task). */
export interface NamedInReport {
  personId: number;
  as: "absent" | "owner";
  /** The absentee's reason, or the owner's task, as typed; null when none. */
  detail: string | null;
}

/**
 * The members a report names, each time it names them: its absentees and its resolutions' owners whose
 * name fits exactly one member of the roll (`matchMemberName`, as the documents match them). A name
 * fitting nobody or several, or a function ("trưởng thôn"), names nobody here.
 *
 * @example namedInReport(form, { absentees: [{ name: "Hường", reason: "ốm" }] }, [{ id: 5, name: "Trương Thị Hường" }]) // [{ personId: 5, as: "absent", detail: "ốm" }]
 */
export function namedInReport(form: FormDefinition, values: FieldValues, members: readonly OwnerCandidate[]): NamedInReport[] {
  const out: NamedInReport[] = [];
  for (const field of form.fields) {
    const key = nameKeyOf(field);
    const list = values[field.key];
    if (!key || !Array.isArray(list)) continue;
    for (const item of list) {
      if (!item || typeof item !== "object") continue;
      const record = item as Record<string, unknown>;
      const id = typeof record[key] === "string" ? matchMemberName(record[key] as string, members) : null;
      if (id === null) continue;
      const detail = key === "name" ? record.reason : record.task;
      out.push({ personId: id, as: key === "name" ? "absent" : "owner", detail: typeof detail === "string" && detail.trim() ? detail.trim() : null });
    }
  }
  return out;
}
