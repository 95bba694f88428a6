import type { ServerResponse } from "node:http";
import type { Logger } from "../log.js";
import type { I18n, Locale } from "../messaging/i18n.js";
import type { ServedFileLookup } from "../services/served-file.service.js";
import type { HttpServer } from "./http-server.js";

export interface ServedFilesOptions {
  /** The public base URL the links start with (`PUBLIC_URL`): its path, if any, prefixes the route. */
  publicUrl: string;
  /** The route under the base (`SERVED_FILE_PATH`, "/tep/"). */
  path: string;
  /** The file behind a token, at the moment of asking (`openServedFile` with the clock). */
  lookup: (token: string) => Promise<ServedFileLookup>;
  i18n: I18n;
  locale: Locale;
  log: Logger;
}

/**
 * Serve the files sent as links (`<PUBLIC_URL>/tep/<token>`) on the shared HTTP server: the file to
 * whoever holds its link within its 24 hours; a clear page in the office's language otherwise —
 * 410 for a link that expired, 404 for any other. The token never reaches a log.
 */
export function serveFiles(server: HttpServer, options: ServedFilesOptions): void {
  const base = new URL(options.publicUrl).pathname.replace(/\/+$/, "");
  const prefix = `${base}${options.path}`;
  server.getUnder(prefix, async (req, _body, res) => {
    const token = (req.url ?? "").split("?")[0]?.slice(prefix.length) ?? "";
    const found = await options.lookup(token);
    const head = req.method === "HEAD";
    if (found.kind !== "file") {
      options.log.debug({ outcome: found.kind }, "served file refused");
      page(res, found.kind === "expired" ? 410 : 404, options, found.kind === "expired" ? "file-page-expired" : "file-page-unknown", head);
      return;
    }
    res.writeHead(200, {
      "content-type": found.mimeType,
      "content-length": String(found.data.byteLength),
      "content-disposition": `${found.mimeType.startsWith("image/") ? "inline" : "attachment"}; ${dispositionName(found.filename)}`,
      ...PRIVATE_HEADERS,
    });
    res.end(head ? undefined : found.data);
  });
}

/** Nothing served here is cached on the way, sniffed into another type, or given away as a referrer. */
const PRIVATE_HEADERS = { "cache-control": "private, no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" } as const;

function page(res: ServerResponse, status: number, options: ServedFilesOptions, messageId: string, head: boolean): void {
  const t = (id: string) => escape(options.i18n.t(options.locale, id));
  const html = `<!doctype html><html lang="${options.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t("file-page-title")}</title></head><body style="font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em"><h1 style="font-size:1.2em">${t("file-page-title")}</h1><p>${t(messageId)}</p></body></html>`;
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...PRIVATE_HEADERS });
  res.end(head ? undefined : html);
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `filename="…"` in ASCII for old clients, `filename*=UTF-8''…` for the rest (RFC 6266). */
function dispositionName(filename: string): string {
  const ascii = filename.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9._-]+/g, "_");
  return `filename="${ascii || "tep"}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
