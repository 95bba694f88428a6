import { declareCapabilities } from "../../messaging/capabilities.js";

/** A terminal: plain lines, choices as numbered lines. */
export const CONSOLE_CAPABILITIES = declareCapabilities("console", { buttons: false, edits: false, files: false });
