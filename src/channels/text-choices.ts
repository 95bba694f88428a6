import type { Reply } from "../messaging/message.js";

/**
 * Choices as text, for channels without buttons (console, Zalo): `1. …` lines that a typed digit picks.
 * When the question itself takes a typed number, a digit is the answer, so the choices are listed
 * with dashes and picked by typing their words.
 */
export function choicesAsText(reply: Reply): string | null {
  if (!reply.choices || reply.choices.length === 0) return null;
  return reply.choices.map((c, i) => (reply.numericAnswer ? `– ${c.label}` : `${i + 1}. ${c.label}`)).join("\n");
}
