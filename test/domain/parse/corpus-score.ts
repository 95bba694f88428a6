/** Field-by-field scoring of the parser against the JSONL corpora in test/fixtures/parse. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fold } from "../../../src/domain/text/fold.js";
import { parseReport, type FormName } from "../../../src/domain/parse/index.js";

export interface CorpusLine {
  text: string;
  now: string;
  expect: Record<string, unknown>;
  kind?: string;
}

export interface FieldScore {
  field: string;
  right: number;
  total: number;
}

export interface CorpusScore {
  lines: number;
  crashes: number;
  fields: FieldScore[];
  right: number;
  total: number;
  failures: string[];
  /** Messages that are no report of the form (`kind` another, nothing expected) and how many the parser refused. */
  nonReports: number;
  toldApart: number;
}

const FIXTURES = fileURLToPath(new URL("../../fixtures/parse/", import.meta.url));

export function hasCorpus(name: string): boolean {
  return existsSync(`${FIXTURES}${name}.jsonl`);
}

export function loadCorpus(name: string): CorpusLine[] {
  return readFileSync(`${FIXTURES}${name}.jsonl`, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CorpusLine);
}

const norm = (s: unknown): string => fold(String(s)).replace(/[.,;:()"“”]/g, " ").replace(/\s+/g, " ").trim();

// A place's or a village's kind abbreviated or written out is the same place: "hội trường TDP" and "hội trường tổ dân
// phố", "KP 4" and "khu phố 4", "nhà đ/c Sáu" and "nhà đồng chí Sáu" (corpora written at different times keep one or the
// other).
const UNIT_SPELLED: [RegExp, string][] = [
  [/\bkp\s?(?=\d|\s|$)/g, "khu pho "],
  [/\btdp\s?(?=\d|\s|$)/g, "to dan pho "],
  [/\bnvh\b/g, "nha van hoa"],
  [/\bvh\b/g, "van hoa"],
  [/\bbdh\b/g, "ban dieu hanh"],
  [/^vp\b/, "van phong"],
  [/^ht\b/, "hoi truong"],
  [/(?<![a-z])d\/c(?![a-z])/g, "dong chi"],
  // "VP ĐU xã", "ĐUX", "nhà bt": the committee and the secretary abbreviated.
  [/\bdux\b/g, "dang uy xa"],
  [/\bdup\b/g, "dang uy phuong"],
  [/\bdu\b/g, "dang uy"],
  [/\bbt\b/g, "bi thu"],
  // "VP xã": the commune's party office, where dues go ("văn phòng đảng ủy xã").
  [/\bvan phong (xa|phuong)\b/g, "van phong dang uy $1"],
  // "nhà đ/c bí thư", "nhà đồng chí Bí thư chi bộ": the comrade word before a title adds nothing to the place.
  [/\bdong chi (?=bi thu|pho bi thu|truong)/g, ""],
];
const spelled = (s: string): string => UNIT_SPELLED.reduce((out, [re, words]) => out.replace(re, words), s).replace(/\s+/g, " ").trim();

/** Loose text equality: same words after folding, or one contains the other (tasks). */
function textMatch(got: unknown, want: unknown, loose: boolean, unit = false, titled = false): boolean {
  if (typeof got !== "string") return false;
  const g = unit ? spelled(norm(got)) : norm(got);
  const w = unit ? spelled(norm(want)) : norm(want);
  if (g === w || (loose && (g.includes(w) || w.includes(g)) && Math.min(g.length, w.length) >= 4)) return true;
  // An owner named with or without the title before the name ("Trưởng xóm Bùi Văn Tỉnh", "Bùi Văn Tỉnh") is the same person;
  // money remitted to a desk of the office or to the office ("kế toán văn phòng đảng ủy xã", "văn phòng đảng ủy xã"), the same place.
  const [short, long] = g.length < w.length ? [g, w] : [w, g];
  return titled && short.includes(" ") && long.endsWith(` ${short}`);
}

function match(field: string, got: unknown, want: unknown): boolean {
  if (want === null || typeof want !== "object") {
    if (typeof want === "string" && ["place", "thematic_topic", "presenter", "task", "owner", "name", "remitted_to", "village", "reason"].includes(field)) {
      return textMatch(got, want, field === "task" || field === "thematic_topic", field === "place" || field === "village" || field === "remitted_to", field === "owner" || field === "cadre_name" || field === "presenter" || field === "remitted_to");
    }
    // A regular meeting held with the quarter's thematic one is "combined", a kind of thematic meeting: corpora written
    // before writers were offered "combined" call it "thematic".
    if (field === "kind" && want === "thematic") return got === "thematic" || got === "combined";
    return got === want;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return false;
    // Members awaiting full membership: a set, the order they are named in carries no meaning.
    if (field === "pending_full") return want.every((w) => got.some((g) => textMatch(g, w, true)));
    return want.every((w, i) => {
      if (typeof w === "string") return textMatch(got[i], w, true);
      return Object.entries(w as Record<string, unknown>).every(([k, v]) => match(k, (got[i] as Record<string, unknown>)?.[k], v));
    });
  }
  if (got === null || typeof got !== "object") return false;
  return Object.entries(want as Record<string, unknown>).every(([k, v]) => match(k, (got as Record<string, unknown>)[k], v));
}

/** Scores one corpus file against `form`. */
export function scoreCorpus(form: FormName, lines: CorpusLine[]): CorpusScore {
  const byField = new Map<string, FieldScore>();
  const failures: string[] = [];
  let crashes = 0;
  let nonReports = 0;
  let toldApart = 0;
  for (const line of lines) {
    let fields: Record<string, unknown> = {};
    const nonReport = line.kind !== undefined && line.kind !== form && Object.keys(line.expect).length === 0;
    try {
      const r = parseReport(form, line.text, { now: new Date(line.now) });
      if (r.ok) fields = r.fields as Record<string, unknown>;
      if (nonReport) {
        nonReports++;
        // A notice of a meeting to come, asked for as a meeting report, is read as the notice it is (`meeting_notice`).
        if (!r.ok || (line.kind === "notice" && r.warnings.some((w) => w.startsWith("meeting_notice")))) toldApart++;
        else failures.push(`NOT A REPORT (${line.kind}) read as one: ${line.text}`);
      }
    } catch (e) {
      crashes++;
      failures.push(`CRASH ${line.text}: ${(e as Error).message}`);
    }
    for (const [k, want] of Object.entries(line.expect)) {
      const s = byField.get(k) ?? { field: k, right: 0, total: 0 };
      s.total++;
      if (match(k, fields[k], want)) s.right++;
      else failures.push(`${k}: got ${JSON.stringify(fields[k])} want ${JSON.stringify(want)} | ${line.text}`);
      byField.set(k, s);
    }
  }
  const list = [...byField.values()].sort((a, b) => b.total - a.total);
  const right = list.reduce((a, s) => a + s.right, 0);
  const total = list.reduce((a, s) => a + s.total, 0);
  return { lines: lines.length, crashes, fields: list, right, total, failures, nonReports, toldApart };
}

export function formatTable(title: string, s: CorpusScore): string {
  const rows = s.fields.map((f) => `  ${f.field.padEnd(20)} ${String(f.right).padStart(4)}/${String(f.total).padEnd(4)} ${((f.right / f.total) * 100).toFixed(1)}%`);
  const non = s.nonReports > 0 ? `; non-reports told apart ${s.toldApart}/${s.nonReports}` : "";
  return [`${title}: ${s.lines} messages, ${s.right}/${s.total} fields = ${((s.right / Math.max(1, s.total)) * 100).toFixed(2)}%${non}`, ...rows].join("\n");
}
