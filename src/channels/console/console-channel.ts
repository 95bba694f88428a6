import { createInterface } from "node:readline";
import type { Reply } from "../../messaging/message.js";
import type { Channel, MessageHandler, SendResult } from "../../messaging/channel.js";
import { deliverTurn } from "../turn-delivery.js";
import { renderConsole } from "./console-render.js";
import { CONSOLE_CAPABILITIES } from "./console-capabilities.js";

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The console "platform user": `person-<id>` for `--as`, or a guest name. */
  userId: string;
  handler: MessageHandler;
  now?: () => Date;
  /** Show a `> ` prompt (interactive terminals only; piped runs print replies alone). */
  prompt?: boolean;
  languageHint?: string;
}

/**
 * A terminal chat: each stdin line is one message, replies are printed. Works interactively and piped;
 * lines are handled strictly in order, and the channel stops at the end of input.
 */
export class ConsoleChannel implements Channel {
  readonly name = "console";
  readonly capabilities = CONSOLE_CAPABILITIES;
  private seq = 0;
  private closed: Promise<void> | undefined;
  /** The output went away (a reader such as `head` closed the pipe): nothing more is printed or read. */
  private outputGone = false;

  constructor(private readonly options: ConsoleOptions) {}

  start(): Promise<void> {
    this.closed ??= this.run();
    return this.closed;
  }

  /** Resolves when the input has ended and every line has been answered. */
  done(): Promise<void> {
    return this.start();
  }

  async stop(): Promise<void> {
    (this.options.input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }

  async send(_chatId: string, replies: Reply[]): Promise<SendResult> {
    this.print(replies);
    return { ok: true };
  }

  private print(replies: Reply[]): void {
    if (this.outputGone) return;
    // No edits on a terminal: an update of an earlier message has nothing to update.
    for (const reply of replies) if (!reply.editOnly) this.options.output.write(`${renderConsole(reply)}\n\n`);
  }

  private async run(): Promise<void> {
    const { input, output, prompt } = this.options;
    const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
    // `chibo chat … | head -3`: once the reader has closed the pipe, answering more lines would only
    // act on messages nobody sees, so the chat ends there, quietly, as a pipeline expects.
    output.on("error", () => {
      this.outputGone = true;
      lines.close();
    });
    if (prompt) output.write("> ");
    for await (const line of lines) {
      if (this.outputGone) break;
      if (line.trim() === "") {
        if (prompt) output.write("> ");
        continue;
      }
      this.seq += 1;
      const result = await this.options.handler({
        channel: "console",
        chatId: this.options.userId,
        userId: this.options.userId,
        chatType: "private",
        text: line,
        at: (this.options.now ?? (() => new Date()))(),
        ...(this.options.languageHint ? { languageHint: this.options.languageHint } : {}),
      });
      // Printed is delivered: the stored replies are marked as they go.
      await deliverTurn(result, async (reply) => {
        this.print([reply]);
        return { ok: true };
      });
      if (prompt) output.write("> ");
    }
  }
}
