import type { Reply } from "../../messaging/message.js";
import { choicesAsText } from "../text-choices.js";

/**
 * A neutral reply as terminal text: the title on its own line, choices numbered `1. …` so a digit answers.
 * Numbered choices are the same convention Zalo uses, so the console shows what a Zalo user sees. A
 * file the bot wrote to the files folder is named by its path.
 */
export function renderConsole(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(reply.title.toUpperCase());
  parts.push(reply.text);
  const choices = choicesAsText(reply);
  if (choices) parts.push(choices);
  // A file was written to a folder where the console can (its path), else the fallback text.
  if (reply.attachment) parts.push(reply.attachment.link?.text ?? reply.attachment.fallbackText);
  return parts.join("\n");
}
