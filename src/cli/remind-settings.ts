/**
 * `chibo remind --settings --org CODE` and `chibo remind --set FILE --org CODE [--from DD/MM/YYYY]`:
 * the reminder settings in force for an org with the list of their changes, and saving a new version
 * of an org's override, in force from today (the province's local day) or a later day.
 */
import { readFile } from "node:fs/promises";
import { readDate } from "../domain/org-change.js";
import { addMonths, quarterOf } from "../domain/schedule/local-time.js";
import { SINCE_ALWAYS } from "../domain/schedule/settings-history.js";
import { reminderOverrideSchema } from "../domain/schedule/settings.js";
import { dayjs, formatDateVi, localDate } from "../domain/time.js";
import { findOrgById, findOrgByCode } from "../db/org.repository.js";
import type { StoredSettingVersion } from "../db/reminder-settings.repository.js";
import type { ReminderSettingSource } from "../db/reminder-settings.table.js";
import type { Db } from "../db/schema.js";
import { changeReminderSettings, settingsChangesOf, settingsOfOrg } from "../services/reminder-settings.service.js";
import type { Io } from "./command.js";

export interface SettingsRequest {
  code: string;
  /** A JSON override to validate and store. */
  file?: string;
  /** The first day the stored override counts, as written (`16/12/2026`); unset: today. */
  from?: string;
}

const SOURCES: Record<ReminderSettingSource, string> = {
  cli: "lưu bằng lệnh chibo remind --set",
  org_change: "nhận từ đơn vị cũ khi sắp xếp đơn vị",
  migration: "có từ trước khi chibo lưu lịch sử thay đổi",
};

/** Runs the settings part of `chibo remind`; resolves to the exit code (0 done, 1 refused, 2 usage). */
export async function remindSettingsCommand(db: Db, request: SettingsRequest, io: Io, clock: { now: Date; tz: string }): Promise<number> {
  const today = localDate(clock.now, clock.tz);
  const org = await findOrgByCode(db, request.code);
  if (!org) {
    io.stderr.write(`Không tìm thấy đơn vị "${request.code}".\n`);
    return 1;
  }
  if (request.file !== undefined) {
    const from = request.from === undefined ? today : readDate(request.from);
    if (from === null) {
      io.stderr.write(`Ngày không hợp lệ: "${request.from}". Dùng dạng DD/MM/YYYY, ví dụ --from 01/01/2027.\n`);
      return 2;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(request.file, "utf8"));
    } catch {
      io.stderr.write(`Không đọc được tệp JSON "${request.file}".\n`);
      return 1;
    }
    const parsed = reminderOverrideSchema.safeParse(raw);
    if (!parsed.success) {
      io.stderr.write(`Cấu hình chưa hợp lệ, chưa lưu gì:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".") || "?"}: ${i.message}`).join("\n")}\n`);
      return 1;
    }
    const saved = await changeReminderSettings(db, { orgId: org.id, value: parsed.data, from, today, now: clock.now, source: "cli" });
    if (!saved.ok) {
      io.stderr.write(
        `Không lưu: ngày ${formatDateVi(from)} đã qua (hôm nay là ${formatDateVi(saved.today)}). Cấu hình mới chỉ áp dụng từ hôm nay trở đi, ` +
          `để hạn báo cáo của các kỳ đã qua giữ nguyên như đã báo cáo. Chưa lưu gì.\n`,
      );
      return 1;
    }
    io.stdout.write(`Đã lưu cấu hình nhắc nhở của ${org.name}, áp dụng từ ${formatDateVi(saved.validFrom)}. ${fromWhen(saved.validFrom)}\n`);
  }
  const changes = await settingsChangesOf(db, org.id);
  if (changes.length > 1 || changes.some((c) => c.validFrom > today)) io.stdout.write(await describeChanges(db, changes, today, clock.tz));
  io.stdout.write(`Cấu hình đang áp dụng hôm nay (${formatDateVi(today)}) cho ${org.name}:\n`);
  io.stdout.write(`${JSON.stringify(await settingsOfOrg(db, org.id, today), null, 2)}\n`);
  return 0;
}

/** The first period of each kind that starts on or after a day: the first whose deadline the new version decides. */
function firstPeriods(day: string): { month: string; quarter: string; year: string } {
  const month = day.endsWith("-01") ? day.slice(0, 7) : addMonths(day.slice(0, 7), 1);
  let quarterStart = month;
  while ((Number(quarterStart.slice(5)) - 1) % 3 !== 0) quarterStart = addMonths(quarterStart, 1);
  let yearStart = month;
  while (!yearStart.endsWith("-01")) yearStart = addMonths(yearStart, 1);
  return { month, quarter: quarterOf(quarterStart), year: yearStart.slice(0, 4) };
}

/** What a version decides from its first day, in one sentence. */
function fromWhen(day: string): string {
  const { month, quarter, year } = firstPeriods(day);
  return (
    `Giờ yên lặng, nhắc lịch họp, nhắc hạn và tin tổng hợp theo cấu hình mới từ ngày đó; hạn báo cáo theo cấu hình mới từ kỳ bắt đầu từ ngày đó trở đi: ` +
    `tháng ${month.slice(5)}/${month.slice(0, 4)}, quý ${quarter.slice(6)}/${quarter.slice(0, 4)}, năm ${year} (kỳ đang báo cáo giữ hạn cũ).`
  );
}

/** The list of changes along the org's path, oldest first, the version in force and those to come marked. */
async function describeChanges(db: Db, changes: readonly StoredSettingVersion[], today: string, tz: string): Promise<string> {
  const names = new Map<number, string>();
  for (const id of new Set(changes.map((c) => c.orgId))) names.set(id, (await findOrgById(db, id))?.name ?? `#${id}`);
  const inForce = new Map<number, number>();
  for (const c of changes) if (c.validFrom <= today) inForce.set(c.orgId, c.id);
  const previous = new Map<number, StoredSettingVersion>();
  const lines = ["Các lần thay đổi cấu hình nhắc nhở (của đơn vị và cấp trên):"];
  for (const c of changes) {
    const before = previous.get(c.orgId);
    previous.set(c.orgId, c);
    const keys = before ? changedKeys(before.value, c.value) : Object.keys(c.value as object);
    const what = keys.length === 0 ? "không đổi gì" : `${before ? "đổi" : "đặt"}: ${keys.join(", ")}`;
    const who = c.changedBy ? ` bởi ${c.changedBy.name}` : "";
    const when = c.source === "migration" ? SOURCES.migration : `${SOURCES[c.source]}${who} lúc ${dayjs(c.savedAt).tz(tz).format("HH:mm DD/MM/YYYY")}`;
    const state = inForce.get(c.orgId) === c.id ? " [đang áp dụng]" : c.validFrom > today ? " [sắp áp dụng]" : "";
    const from = c.validFrom === SINCE_ALWAYS ? "từ đầu" : `từ ${formatDateVi(c.validFrom)}`;
    lines.push(`  • ${from} · ${names.get(c.orgId)} · ${when} · ${what}${state}`);
  }
  lines.push("Hạn báo cáo của mỗi kỳ theo cấu hình áp dụng vào ngày đầu kỳ: đổi giữa kỳ thì từ kỳ sau mới tính.");
  return `${lines.join("\n")}\n`;
}

/** Top-level keys whose value differs between two stored overrides (an added or removed key too). */
function changedKeys(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
