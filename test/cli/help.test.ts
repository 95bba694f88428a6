import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runChibo } from "../support/cli.js";

/** Commands that must never open a database for these calls: a data folder that does not exist, and must not come to. */
const env = { DATA_DIR: join(tmpdir(), `chibo-help-never-made-${process.pid}-${randomUUID()}`) };

describe("chibo --help and every command's --help", () => {
  it("lists every command the README documents", async () => {
    const help = await runChibo(["--help"], { env });
    expect(help.code).toBe(0);
    for (const line of [
      "chibo import units|people|households|assignments|criteria|villages FILE [--dry-run] [--on DATE]",
      "chibo remind --status [--json]",
      "chibo remind --set FILE.json --org CODE",
      "chibo remind --settings --org CODE",
      "chibo org go-live [DATE]",
      "chibo member transfer PERSON --to CELL --on DATE",
      "chibo member leave PERSON --reason",
      "chibo member confirm PERSON --on DATE",
      "chibo member post PERSON --post bi-thu|pho-bi-thu|chi-uy|khong --on DATE [--dry-run]",
      "chibo export villages --period YYYY-Qn",
      "chibo backup --out FILE",
    ]) {
      expect(help.stdout).toContain(line);
    }
  });

  it("prints a command's usage on --help, never Node's English 'Unknown option'", async () => {
    const transfer = await runChibo(["member", "transfer", "X", "--help"], { env });
    expect(transfer).toMatchObject({ code: 0, stderr: "" });
    expect(transfer.stdout).toContain("chibo member transfer NGƯỜI --to MÃ-CHI-BỘ --on NGÀY");
    expect(transfer.stdout).toContain("chibo member post NGƯỜI --post bi-thu|pho-bi-thu|chi-uy|khong --on NGÀY [--dry-run]");
    for (const [args, shows] of [
      [["import", "--help"], "chibo import units|people|households|assignments|criteria|villages"],
      [["org", "merge", "-h"], "chibo org go-live [NGÀY]"],
      [["remind", "--help"], "chibo remind --status [--json]"],
      [["backup", "--help"], "chibo backup --out FILE"],
      [["export", "dues", "--help"], "chibo export villages --period YYYY-Qn"],
      [["seed", "--help"], "chibo seed --demo [--json]"],
      [["chat", "--help"], "chibo chat --guest NAME"],
    ] as [string[], string][]) {
      const result = await runChibo(args, { env });
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stdout, args.join(" ")).toContain(shows);
      expect(result.stdout + result.stderr).not.toMatch(/Unknown option|TypeError/);
    }
  });

  it("says an unknown option in Vietnamese, with the command's usage", async () => {
    const result = await runChibo(["member", "transfer", "X", "--bogus"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Tùy chọn không có: --bogus.");
    expect(result.stderr).toContain("chibo member confirm NGƯỜI --on NGÀY");
    expect(result.stderr).not.toMatch(/Unknown option|To specify a positional/);
    // Refused before any data folder is opened (or made, where the user may make it).
    expect(existsSync(env.DATA_DIR)).toBe(false);
  });

  it("says a form the export does not know, before its usage", async () => {
    const result = await runChibo(["export", "dues", "--period", "2026-12", "--out", "x.xlsx"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Không có mẫu báo cáo "dues". Các mẫu xuất được: monthly-meeting, village-quarterly');
    expect(result.stderr).toContain("Cách dùng: chibo export FORM");
  });
});
