import type { Reply } from "../messaging/message.js";

/**
 * Choices as text, for channels without buttons (console, Zalo): `1. …` lines that a typed digit picks.
 * When the question itself takes a typed number, a digit is the answer, so the choices are listed
 * with dashes and picked by typing their words. A choice's `heading` opens a group (a line above it).
 */
export function choicesAsText(reply: Reply): string | null {
  if (!reply.choices || reply.choices.length === 0) return null;
  // A group's heading stands above its first choice, apart from the group before it; the numbering runs on.
  return reply.choices
    .flatMap((c, i) => [...(c.heading ? [i > 0 ? `\n${c.heading}` : c.heading] : []), reply.numericAnswer ? `– ${c.label}` : `${i + 1}. ${c.label}`])
    .join("\n");
}
