import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const LOCK_FILE = "chibo.lock";

interface LockInfo {
  pid: number;
  host: string;
  bootId: string | null;
  /** Process start time in clock ticks since boot (Linux), so a reused pid is not mistaken for the owner. */
  startTicks: string | null;
  since: string;
}

export class DataDirLockedError extends Error {
  readonly code = "data_dir_locked";
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được một tiến trình chibo khác dùng (pid ${ownerPid}). ` +
        `Hai tiến trình trên cùng một thư mục PGlite sẽ làm mất dữ liệu, nên tiến trình này dừng lại. ` +
        `Hãy dùng bot đang chạy, dừng nó trước, hoặc đặt DATABASE_URL để dùng PostgreSQL.\n` +
        `The data folder ${dir} is in use by another chibo process (pid ${ownerPid}). ` +
        `Use the running bot, stop it first, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
}

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return null;
  }
}

function startTicksOf(pid: number | "self"): string | null {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 22 (starttime); the command name in field 2 may hold spaces, so count from its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null;
}

function currentInfo(): LockInfo {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: readOptional("/proc/sys/kernel/random/boot_id"),
    startTicks: startTicksOf("self"),
    since: new Date().toISOString(),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the recorded owner may still hold the folder; a killed process or a power cut leaves a stale lock. */
function ownerStillRunning(info: LockInfo, me: LockInfo): boolean {
  if (info.host !== me.host) return true; // another machine on a shared folder: never steal
  if (info.bootId && me.bootId && info.bootId !== me.bootId) return false; // rebooted since
  if (!isAlive(info.pid)) return false;
  if (info.startTicks && info.pid !== process.pid) {
    const ticks = startTicksOf(info.pid);
    if (ticks !== null && ticks !== info.startTicks) return false; // pid reused by another process
  }
  return true;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Take the exclusive lock on a PGlite data folder, or throw DataDirLockedError.
 * A lock left by a process that died is recognised and taken over.
 */
export function acquireDataDirLock(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me = currentInfo();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Written whole beside it, then linked into place: the lock never stands empty or half written, so no other
      // process can take a lock being written for one left by a writer that died.
      const draft = `${path}.${process.pid}.tmp`;
      writeFileSync(draft, JSON.stringify(me));
      try {
        linkSync(draft, path);
      } finally {
        unlinkSync(draft);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          const info = JSON.parse(readFileSync(path, "utf8")) as LockInfo;
          if (info.pid === me.pid && info.since === me.since) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.on("exit", release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let info: LockInfo | null = null;
    try {
      info = JSON.parse(readFileSync(path, "utf8")) as LockInfo;
    } catch {
      info = null; // unreadable: not written by this code (a lock is linked into place whole)
    }
    if (info && ownerStillRunning(info, me)) throw new DataDirLockedError(dir, info.pid);
    try {
      unlinkSync(path);
    } catch {
      // another process took it over first; the next attempt decides
    }
  }
  throw new DataDirLockedError(dir, -1);
}
