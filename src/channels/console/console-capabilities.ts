import { declareCapabilities } from "../../messaging/capabilities.js";

/** A terminal: plain lines, choices as numbered lines, files written to a folder and named by path. */
export const CONSOLE_CAPABILITIES = declareCapabilities("console", { buttons: false, edits: false, files: "path" });
