import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type Docxtemplater from "docxtemplater";
import type PizZip from "pizzip";
import type { MeetingDocument } from "../domain/cycle/documents.js";
import { PACKAGE_ROOT } from "../package-root.js";

/** The Word templates an office may edit (docs/vi/van-ban.md): one file per document. */
export const DOCUMENT_TEMPLATE_FILES: Record<MeetingDocument, string> = {
  minutes: "bien-ban.docx",
  resolution: "nghi-quyet.docx",
};

/** The folder of the templates shipped with chibo (templates/van-ban/), replaced by every upgrade. */
export const DOCUMENT_TEMPLATE_DIR = join(PACKAGE_ROOT, "templates", "van-ban");

/** The folder where an office puts its own Word templates: `mau-van-ban/` in the data folder. */
export const OWN_DOCUMENT_TEMPLATES_DIR = "mau-van-ban";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A template larger than this is not a meeting document's template. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

let ownTemplates: string | undefined;

/** Where this process finds the office's own Word templates (set once at start from DATA_DIR: see app.ts). */
export function useOwnDocumentTemplates(dir: string | undefined): void {
  ownTemplates = dir;
}

/**
 * The template of a document: the office's own copy in `overrideDir` (by default the data folder's
 * `mau-van-ban/`) when there is one, else the one shipped with chibo.
 *
 * @example documentTemplateFile("minutes") // "/srv/chibo/data/mau-van-ban/bien-ban.docx" when the office has one
 */
export function documentTemplateFile(document: MeetingDocument, overrideDir: string | undefined = ownTemplates): string {
  const name = DOCUMENT_TEMPLATE_FILES[document];
  if (overrideDir) {
    const own = join(overrideDir, name);
    if (existsSync(own)) return own;
  }
  return join(DOCUMENT_TEMPLATE_DIR, name);
}

/**
 * One fault of a template: docxtemplater's error id (`unclosed_tag`, `unclosed_loop`, …, or ours:
 * `too_large`, `unreadable`), the tag as written where it begins (`{ngay_hop.Địa điểm: `) and, for a
 * loop closed by another tag's end, that end.
 */
export interface TemplateProblem {
  id: string;
  tag?: string;
  closing?: string;
}

/** A template an office broke (a tag left open, a loop not closed): named so it can be fixed. */
export class DocumentTemplateError extends Error {
  override readonly name = "DocumentTemplateError";
  constructor(
    /** The template's path. */
    readonly template: string,
    readonly problems: TemplateProblem[],
  ) {
    super(`template ${template} cannot be filled: ${problems.map((p) => [p.id, p.tag].filter(Boolean).join(" ")).join("; ")}`);
  }
}

/** The reasons the locales word (`doc-template-reason-<id>`); any other reads as a tag written wrong. */
const WORDED = new Set(["unclosed_tag", "unopened_tag", "unclosed_loop", "unopened_loop", "closing_tag_does_not_match_opening_tag", "duplicate_open_tag", "duplicate_close_tag", "too_large", "unreadable"]);
/** Enough faults to find the first ones; the office fixes them and tries again. */
const PROBLEMS_SHOWN = 3;
/** A tag's beginning as shown: docxtemplater's context can run on into the paragraph. */
const TAG_SHOWN = 40;

interface DocxtemplaterError {
  properties?: { id?: string; xtag?: string; context?: string; openingtag?: string; closingtag?: string; errors?: DocxtemplaterError[] };
}

/** Docxtemplater's faults as ours: the id and the tag where it begins. */
function problemsOf(error: unknown): TemplateProblem[] {
  const props = (error as DocxtemplaterError).properties;
  const list = props?.errors ?? (props?.id ? [error as DocxtemplaterError] : []);
  return list.map((e) => {
    const p = e.properties ?? {};
    const id = p.id ?? "unknown";
    const raw =
      id === "unclosed_tag" ? p.context
      : id === "unopened_tag" ? (p.xtag !== undefined ? `${p.xtag}}` : undefined)
      : id === "closing_tag_does_not_match_opening_tag" ? p.openingtag
      : p.xtag ?? p.context;
    const tag = raw === undefined ? undefined : raw.length > TAG_SHOWN ? `${raw.slice(0, TAG_SHOWN)}…` : raw;
    return { id, ...(tag !== undefined ? { tag } : {}), ...(p.closingtag !== undefined ? { closing: p.closingtag } : {}) };
  });
}

/**
 * What is wrong with a Word template, in words: the file and where each fault begins
 * (`doc-template-invalid`); undefined for any other error, which the caller rethrows. The file is
 * named by `file`: its base name in chat (not the server's path), the full path for the CLI.
 *
 * @example templateProblem(error, t) // 'Mẫu văn bản bien-ban.docx bị hỏng …: thẻ bắt đầu bằng "{ngay_hop.Địa điểm: " thiếu dấu đóng "}". …'
 */
export function templateProblem(
  error: unknown,
  t: (id: string, args?: Record<string, string | number>) => string,
  file: (path: string) => string = basename,
): string | undefined {
  if (!(error instanceof DocumentTemplateError)) return undefined;
  const reasons = error.problems.slice(0, PROBLEMS_SHOWN).map((p) => {
    const args = { tag: p.tag ?? "", closing: p.closing ?? "" };
    if (WORDED.has(p.id)) return t(`doc-template-reason-${p.id}`, args);
    return p.tag ? t("doc-template-reason-tag", args) : t("doc-template-reason-other");
  });
  const more = error.problems.length - PROBLEMS_SHOWN;
  return t("doc-template-invalid", { file: file(error.template), reasons: reasons.join("; "), more: Math.max(0, more) });
}

/**
 * Fill a meeting document's Word template with its data: the office's own template in `ownDir` (the
 * data folder's `mau-van-ban/`) when it has one, else chibo's. docxtemplater escapes every value for
 * XML, so what a secretary typed ("<&>") is text in the document, never markup. Loaded on first use:
 * most chibo processes never write a document. A broken template throws `DocumentTemplateError`.
 */
export async function renderMeetingDocx(document: MeetingDocument, data: Record<string, unknown>, ownDir: string | undefined = ownTemplates): Promise<Uint8Array> {
  const file = documentTemplateFile(document, ownDir);
  const size = (await stat(file)).size;
  if (size > MAX_TEMPLATE_BYTES) throw new DocumentTemplateError(file, [{ id: "too_large" }]);
  const [{ default: Zip }, { default: Template }] = (await Promise.all([import("pizzip"), import("docxtemplater")])) as [{ default: typeof PizZip }, { default: typeof Docxtemplater }];
  let zip: PizZip;
  try {
    zip = new Zip(await readFile(file));
  } catch {
    throw new DocumentTemplateError(file, [{ id: "unreadable" }]);
  }
  let doc: Docxtemplater;
  try {
    // errorLogging off: docxtemplater would otherwise print its error's JSON and stack to the console.
    doc = new Template(zip, { paragraphLoop: true, linebreaks: true, nullGetter: () => "", errorLogging: false });
    doc.render(data);
  } catch (error) {
    const problems = problemsOf(error);
    throw new DocumentTemplateError(file, problems.length > 0 ? problems : [{ id: "unreadable" }]);
  }
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
}
