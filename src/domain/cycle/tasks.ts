import { isDueAt, placeChain } from "../schedule/chain.js";
import { addDays, localInstant } from "../schedule/local-time.js";
import type { QuietHours } from "../schedule/quiet-hours.js";
import { fold } from "../text/fold.js";

/** Where a resolution task stands: open until its owner or the secretary marks it done or late. */
export const TASK_STATUSES = ["open", "done", "late"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** One resolution item as a report holds it (the parser's `resolutions[]`). */
export interface ResolutionItem {
  task: string;
  owner?: string | null;
  due?: string | null;
}

/** A resolution task as the reminder planner sees it. */
export interface PlannerTask {
  id: number;
  task: string;
  owner: string | null;
  dueOn: string;
  /** The member the owner's name matched; null: the cell's leaders are reminded instead. */
  ownerPersonId: number | null;
}

/** The task reminders: this many days before the due date, then the day before, at this local time. */
export const TASK_REMINDER_STEPS = [
  { step: "d3", daysBefore: 3 },
  { step: "d1", daysBefore: 1 },
] as const;
export const TASK_REMINDER_AT = "08:00";

export interface TaskNotice {
  key: string;
  personId: number;
  task: PlannerTask;
  step: string;
  dueAt: Date;
  expiresAt: Date;
}

/**
 * Reminders of open tasks before their due date, to the owner (or the cell's leaders when the owner
 * matched nobody): three days and one day before at 08:00 (moved out
 * of quiet hours), each useful until the next one and the last until the due day ends; one per key
 * `task:<taskId>:<step>:<personId>`, so after downtime only the freshest goes out, and only once.
 */
export function taskNotices(
  tasks: readonly PlannerTask[],
  leaders: readonly number[],
  at: { now: Date; since?: Date; tz: string; quietHours: QuietHours },
): TaskNotice[] {
  const out: TaskNotice[] = [];
  for (const task of tasks) {
    const readers = task.ownerPersonId !== null ? [task.ownerPersonId] : leaders;
    const steps = TASK_REMINDER_STEPS.map((s) => ({ step: s.step, due: localInstant(addDays(task.dueOn, -s.daysBefore), TASK_REMINDER_AT, at.tz), data: null }));
    const end = localInstant(addDays(task.dueOn, 1), "00:00", at.tz);
    for (const placed of placeChain(steps, end, at.quietHours, at.tz)) {
      if (!isDueAt(placed, at.now, at.since)) continue;
      for (const personId of readers) {
        out.push({ key: `task:${task.id}:${placed.step}:${personId}`, personId, task, step: placed.step, dueAt: placed.due, expiresAt: placed.expires });
      }
    }
  }
  return out;
}

/** A member of the cell an owner's name may be matched to. */
export interface OwnerCandidate {
  id: number;
  name: string;
}

/** Words that name a function rather than a person: nobody is matched by name. */
const ROLE_OWNERS = new Set(["chi bo", "chi uy", "toan chi bo", "cac dang vien", "tat ca dang vien", "chi doan", "hoi phu nu", "truong thon", "thon doi truong"]);
const SECRETARY_OWNERS = new Set(["bi thu"]);

/**
 * The member a resolution's owner names, when exactly one fits: "bí thư" is the cell's secretary;
 * a full name or a given name ("Mai" for Vi Thị Mai), with or without diacritics, matched among the
 * cell's members; several fitting ("Mai" twice) or a function ("trưởng thôn") match nobody.
 *
 * @example matchOwner("Mai", [{ id: 7, name: "Vi Thị Mai" }], [3]) // 7
 */
export function matchOwner(owner: string | null | undefined, members: readonly OwnerCandidate[], secretaries: readonly number[]): number | null {
  if (!owner) return null;
  const key = fold(owner).replace(/\s+/g, " ").trim();
  if (SECRETARY_OWNERS.has(key)) return secretaries.length === 1 ? (secretaries[0] as number) : null;
  return matchMemberName(owner, members);
}

/**
 * The one member a typed name fits, by folded comparison (no diacritics, any case): the full name,
 * else the given name or the last words of the name ("Hien", "Thi Hien" → Đàm Thị Hiền). Where
 * several fit folded, a name typed with its diacritics picks the one written so ("Đông" between
 * Hoàng Văn Đông and Lý Văn Đồng). Null when none or several fit, or for a function ("trưởng
 * thôn"): a name is never guessed.
 *
 * @example matchMemberName("Hien", [{ id: 7, name: "Đàm Thị Hiền" }]) // 7
 */
export function matchMemberName(typed: string | null | undefined, members: readonly OwnerCandidate[]): number | null {
  if (!typed) return null;
  const key = fold(typed).replace(/\s+/g, " ").trim();
  if (!key || isFunctionName(typed)) return null;
  const written = spaced(typed.normalize("NFC").toLocaleLowerCase("vi"));
  const one = (fits: (name: string, k: string) => boolean): number | null | undefined => {
    const found = members.filter((m) => fits(fold(m.name), key));
    if (found.length === 1) return (found[0] as OwnerCandidate).id;
    if (found.length === 0) return undefined;
    const exact = found.filter((m) => fits(m.name.normalize("NFC").toLocaleLowerCase("vi"), written));
    return exact.length === 1 ? (exact[0] as OwnerCandidate).id : null;
  };
  const full = one((name, k) => spaced(name) === k);
  if (full !== undefined) return full;
  return (
    one((name, k) => {
      const words = name.split(/\s+/).filter(Boolean);
      const n = k.split(" ").length;
      return words.length > n && words.slice(-n).join(" ") === k;
    }) ?? null
  );
}

const spaced = (s: string) => s.replace(/\s+/g, " ").trim();

/** Whether a typed owner names a function ("trưởng thôn", "chi ủy", "bí thư") rather than a person. */
export function isFunctionName(typed: string): boolean {
  const key = spaced(fold(typed));
  return ROLE_OWNERS.has(key) || SECRETARY_OWNERS.has(key);
}

/** A typed name as the documents write it: the roll's full name when exactly one member fits, else as typed. */
export function rollName(typed: string, members: readonly OwnerCandidate[]): string {
  const id = matchMemberName(typed, members);
  return id === null ? typed : (members.find((m) => m.id === id) as OwnerCandidate).name;
}

/** Read a resolutions value from a stored report: the items with a task, at most 30. */
export function resolutionItems(value: unknown): ResolutionItem[] {
  if (!Array.isArray(value)) return [];
  const out: ResolutionItem[] = [];
  for (const v of value.slice(0, 30)) {
    if (!v || typeof v !== "object") continue;
    const r = v as Record<string, unknown>;
    if (typeof r.task !== "string" || r.task.trim() === "") continue;
    out.push({
      task: r.task.trim().slice(0, 500),
      owner: typeof r.owner === "string" && r.owner.trim() ? r.owner.trim().slice(0, 100) : null,
      due: typeof r.due === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r.due) ? r.due : null,
    });
  }
  return out;
}
