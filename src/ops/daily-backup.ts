import { mkdir, readdir, stat, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Kysely } from "kysely";
import { dayjs } from "../domain/time.js";
import type { Logger } from "../log.js";
import { writeBackup } from "./backup.js";

const FILE = /^chibo-(\d{4}-\d{2}-\d{2})\.bak$/;

export interface DailyBackupOptions {
  db: Kysely<any>;
  engine: string;
  dir: string;
  keep: number;
  /** Local time HH:MM in `tz`. */
  at: string;
  tz: string;
  log: Logger;
  now?: () => Date;
  /** BACKUP_KEY: the daily files are encrypted with it. */
  key?: string;
}

/** The local date whose backup is due at `now`: today once `at` has passed, else yesterday. */
export function dueBackupDate(now: Date, at: string, tz: string): string {
  const local = dayjs(now).tz(tz);
  const [h, m] = at.split(":").map(Number) as [number, number];
  const todayAt = local.hour(h).minute(m).second(0).millisecond(0);
  return (local.isBefore(todayAt) ? local.subtract(1, "day") : local).format("YYYY-MM-DD");
}

/** Milliseconds from `now` to the next `at` in `tz`. */
function untilNext(now: Date, at: string, tz: string): number {
  const local = dayjs(now).tz(tz);
  const [h, m] = at.split(":").map(Number) as [number, number];
  let next = local.hour(h).minute(m).second(0).millisecond(0);
  if (!next.isAfter(local)) next = next.add(1, "day");
  return next.valueOf() - now.getTime();
}

/**
 * Take the due daily backup if its file is missing (`chibo-YYYY-MM-DD.bak`, the local date), then
 * delete all but the newest `keep`. Returns the file written, or null when it already existed.
 */
export async function runDailyBackup(options: DailyBackupOptions): Promise<string | null> {
  const now = (options.now ?? (() => new Date()))();
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `chibo-${dueBackupDate(now, options.at, options.tz)}.bak`);
  let written: string | null = null;
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const summary = await writeBackup(options.db, file, options.engine, now, options.key ? { key: options.key } : {});
    options.log.info({ file, tables: summary.tables, rows: summary.rows }, "daily backup written");
    written = file;
  }
  const backups = (await readdir(dir)).filter((f) => FILE.test(f)).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - options.keep))) {
    await unlink(join(dir, old));
    options.log.info({ file: old }, "old daily backup deleted");
  }
  return written;
}

/**
 * Daily backups while `chibo start` runs: one at start when the day's is missing (a machine that was
 * off at BACKUP_AT catches up), then one at BACKUP_AT each day. `stop()` waits for a backup under way.
 */
export function startDailyBackups(options: DailyBackupOptions): { stop(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = runDailyBackup(options).catch((err) => options.log.error({ err }, "daily backup failed"));
    void running.then(schedule);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, untilNext(now(), options.at, options.tz));
    timer.unref();
  };
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
