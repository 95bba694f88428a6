import { declareCapabilities } from "../../messaging/capabilities.js";

/** The Zalo Bot API: text only, choices as numbered lines, no edits. */
export const ZALO_CAPABILITIES = declareCapabilities("zalo", { buttons: false, edits: false, files: false });
