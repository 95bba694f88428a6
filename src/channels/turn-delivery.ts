import type { HandleResult, SendResult } from "../messaging/channel.js";
import type { Reply } from "../messaging/message.js";

/**
 * Send a turn's replies in order, one at a time, telling its receipt after each one the platform
 * accepted, so a crash repeats at most the reply in flight. A refusal for good (unreachable, rejected)
 * ends the turn and is recorded as done: sending it again would fail again. A network error or a rate
 * limit leaves the rest stored; the reply sweep sends it when the claim runs out.
 *
 * @example await deliverTurn(result, (reply) => channel.sendOne(chatId, reply))
 */
export async function deliverTurn(result: Pick<HandleResult, "replies" | "receipt">, send: (reply: Reply, index: number) => Promise<SendResult>): Promise<SendResult> {
  const { replies, receipt } = result;
  for (let i = 0; i < replies.length; i++) {
    const sent = await send(replies[i] as Reply, i);
    if (!sent.ok) {
      if (sent.kind === "unreachable" || sent.kind === "rejected") await receipt?.delivered(replies.length);
      return sent;
    }
    await receipt?.delivered(i + 1);
  }
  return { ok: true };
}
