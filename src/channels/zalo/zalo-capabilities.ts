import { declareCapabilities } from "../../messaging/capabilities.js";

/**
 * The Zalo Bot API: text, choices as numbered lines, no edits. sendPhoto takes a public URL and there
 * is no document upload: files go as links chibo serves (where PUBLIC_URL is known).
 */
export const ZALO_CAPABILITIES = declareCapabilities("zalo", { buttons: false, edits: false, files: "link" });
