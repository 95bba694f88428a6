import type { Choice } from "./message.js";

/** How long an idle conversation (a half-filled form, a numbered list) stays usable. */
export const CONVERSATION_TTL_MS = 48 * 60 * 60 * 1000;

/** What the bot remembers about a chat between messages. Stored as JSON in `conversation`. */
export interface ConversationState {
  /** The last numbered choices shown, so a typed digit or word maps back to an action. */
  choices?: Choice[];
  /** The last question takes a typed number, so digits are answers, not choice numbers. */
  numeric?: boolean;
  /** An active guided flow: its name, step and collected data. */
  flow?: { name: string; step: string; data: Record<string, unknown> };
}

export function parseState(raw: unknown): ConversationState {
  if (!raw || typeof raw !== "object") return {};
  const state = raw as Record<string, unknown>;
  const out: ConversationState = {};
  if (Array.isArray(state.choices)) {
    out.choices = state.choices.filter(
      (c): c is Choice =>
        !!c && typeof c === "object" && typeof (c as Choice).label === "string" && typeof (c as Choice).action === "string",
    );
  }
  if (state.numeric === true) out.numeric = true;
  const flow = state.flow as ConversationState["flow"];
  if (flow && typeof flow.name === "string" && typeof flow.step === "string" && flow.data && typeof flow.data === "object") {
    out.flow = flow;
  }
  return out;
}
