import type { Reply } from "../../bot/message.js";

/**
 * A neutral reply as terminal text: the title on its own line, choices numbered `1. …` so a digit answers.
 * Numbered choices are the same convention Zalo uses, so the console shows what a Zalo user sees.
 */
export function renderConsole(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(reply.title.toUpperCase());
  parts.push(reply.text);
  if (reply.choices && reply.choices.length > 0) {
    parts.push(reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n"));
  }
  if (reply.attachment) parts.push(reply.attachment.fallbackText);
  return parts.join("\n");
}
