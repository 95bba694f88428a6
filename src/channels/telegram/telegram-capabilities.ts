import { declareCapabilities } from "../../messaging/capabilities.js";

/** Inline keyboards, edited progress messages, documents and photos uploaded. */
export const TELEGRAM_CAPABILITIES = declareCapabilities("telegram", { buttons: true, edits: true, files: "upload" });
