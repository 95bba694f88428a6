import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type Docxtemplater from "docxtemplater";
import type PizZip from "pizzip";
import type { MeetingDocument } from "../domain/cycle/documents.js";
import { PACKAGE_ROOT } from "../package-root.js";

/** The Word templates an office may edit (docs/vi/van-ban.md): one per document. */
export const DOCUMENT_TEMPLATES: Record<MeetingDocument, string> = {
  minutes: "templates/van-ban/bien-ban.docx",
  resolution: "templates/van-ban/nghi-quyet.docx",
};

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A template larger than this is not a meeting document's template. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/** A template an office broke (a tag left open, a loop not closed): named so it can be fixed. */
export class DocumentTemplateError extends Error {
  override readonly name = "DocumentTemplateError";
  constructor(
    readonly template: string,
    readonly problems: string[],
  ) {
    super(`template ${template} cannot be filled: ${problems.join("; ")}`);
  }
}

/**
 * Fill a meeting document's Word template with its data. docxtemplater escapes every value for XML,
 * so what a secretary typed ("<&>") is text in the document, never markup. Loaded on first use:
 * most chibo processes never write a document.
 */
export async function renderMeetingDocx(document: MeetingDocument, data: Record<string, unknown>, root = PACKAGE_ROOT): Promise<Uint8Array> {
  const file = join(root, DOCUMENT_TEMPLATES[document]);
  const size = (await stat(file)).size;
  if (size > MAX_TEMPLATE_BYTES) throw new DocumentTemplateError(DOCUMENT_TEMPLATES[document], [`larger than ${MAX_TEMPLATE_BYTES} bytes`]);
  const [{ default: Zip }, { default: Template }] = (await Promise.all([import("pizzip"), import("docxtemplater")])) as [{ default: typeof PizZip }, { default: typeof Docxtemplater }];
  let doc: Docxtemplater;
  try {
    doc = new Template(new Zip(await readFile(file)), { paragraphLoop: true, linebreaks: true, nullGetter: () => "" });
    doc.render(data);
  } catch (error) {
    const errors = (error as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties?.errors ?? [];
    const problems = errors.map((e) => e.properties?.explanation ?? "").filter(Boolean);
    throw new DocumentTemplateError(DOCUMENT_TEMPLATES[document], problems.length > 0 ? problems : [(error as Error).message]);
  }
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
}
