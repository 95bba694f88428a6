import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "../../src/db/data-dir-lock.js";
import { CHIBO_BIN, runChibo } from "../support/cli.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "chibo-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid recorded in a folder's lock file. */
function lockPid(dir: string): number {
  return (JSON.parse(readFileSync(join(dir, "chibo.lock"), "utf8")) as { pid: number }).pid;
}

describe("the PGlite data folder lock", () => {
  it("refuses a second opener in the same process with a clear message", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    const again = acquireDataDirLock(dir);
    again.release();
    expect(existsSync(join(dir, "chibo.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that died", () => {
    const dir = tempDir();
    // A pid that cannot be alive (beyond pid_max) and a torn file both count as stale.
    writeFileSync(join(dir, "chibo.lock"), JSON.stringify({ pid: 2 ** 30, host: hostname(), bootId: null, startTicks: null, since: "x" }));
    const fromDead = acquireDataDirLock(dir);
    expect(lockPid(dir)).toBe(process.pid);
    fromDead.release();
    writeFileSync(join(dir, "chibo.lock"), "{\"pid\": 12");
    const fromTorn = acquireDataDirLock(dir);
    expect(lockPid(dir)).toBe(process.pid);
    fromTorn.release();
    expect(existsSync(join(dir, "chibo.lock"))).toBe(false);
  });

  it("takes over a lock from before a reboot even if the pid is alive now", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "chibo.lock"),
      JSON.stringify({ pid: process.pid, host: hostname(), bootId: "another-boot", startTicks: null, since: "x" }),
    );
    const lock = acquireDataDirLock(dir);
    // The lock is ours now: written afresh, with this boot's id rather than the old one.
    expect(JSON.parse(readFileSync(join(dir, "chibo.lock"), "utf8")).bootId).not.toBe("another-boot");
    lock.release();
    expect(existsSync(join(dir, "chibo.lock"))).toBe(false);
  });

  it("makes a second chibo process on the same folder exit with a clear refusal, and the first carries on", async () => {
    const dir = tempDir();
    const env = { DATA_DIR: dir };
    // The first process: an interactive chat that stays open until its stdin closes.
    const first = spawn(process.execPath, [CHIBO_BIN, "start"], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let firstOut = "";
    first.stdout.setEncoding("utf8").on("data", (d: string) => (firstOut += d));
    first.stdin.write("/toi\n");
    const deadline = Date.now() + 60_000;
    while (!firstOut.includes("Hoàng Văn Páo") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(firstOut).toContain("Hoàng Văn Páo");

    const second = await runChibo(["chat", "--as", "DEMO-BT-POLAI"], { env, input: "/toi\n" });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("đang được một tiến trình chibo khác dùng");
    expect(second.stderr).toContain(String(first.pid));
    expect(second.stdout).toBe("");

    // The first process carries on as if nothing happened.
    first.stdin.write("/chibo\n");
    while (!firstOut.includes("Lộc Văn Khoa") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(firstOut).toContain("Cấp ủy viên phụ trách: Lộc Văn Khoa");
    first.stdin.end();
    const code = await new Promise<number | null>((r) => first.on("close", r));
    expect(code).toBe(0);
    expect(existsSync(join(dir, "chibo.lock"))).toBe(false);

    // After a SIGKILL the lock stays behind; the next start takes it over.
    const killed = spawn(process.execPath, [CHIBO_BIN, "chat", "--as", "DEMO-BT-POLAI"], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    while (!existsSync(join(dir, "chibo.lock")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(JSON.parse(readFileSync(join(dir, "chibo.lock"), "utf8")).pid).toBe(killed.pid);
    killed.kill("SIGKILL");
    await new Promise((r) => killed.on("close", r));
    const after = await runChibo(["chat", "--as", "DEMO-BT-POLAI"], { env, input: "/toi\n" });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("Hoàng Văn Páo");
  });
});
