/** The neutral message: what any channel hands the bot (DESIGN.md "The neutral message"). */
export interface IncomingMessage {
  /** `console` | `telegram` | `zalo` */
  channel: string;
  chatId: string;
  /** The sender's platform user id, always a string. */
  userId: string;
  chatType: "private" | "group";
  text?: string;
  /** A pressed button's action id (untrusted: resolved and re-checked by the bot). */
  action?: string;
  /** A contact the user shared; `userId` is the contact's own platform id when the platform gives it. */
  contact?: { phone: string; userId?: string };
  /** Non-text content the bot cannot read. */
  attachment?: "image" | "sticker" | "voice" | "file" | "unsupported";
  /** Platform update or message id, for de-duplication. */
  updateId?: string;
  at: Date;
  /** IETF language tag the platform reported, if any. */
  languageHint?: string;
}

export interface Choice {
  label: string;
  action: string;
  /**
   * Opens a group of choices: where choices are listed as numbered text (Zalo, the console), this line
   * stands above the choice, so one list can hold, say, the cells and then the other forms, each under
   * its own heading. Buttons do without it (the reply's text says what they are).
   */
  heading?: string;
}

/**
 * A file the bot sends (an export, a chart). A feature fills in the first five fields; the bot then
 * makes it deliverable on the chat's channel (see `FileDelivery`): it serves it as a link or writes it
 * to a folder and sets `link`. The reply's text goes with the file (its caption) and must not promise
 * the file itself: where no file can be delivered, `fallbackText` follows the text instead.
 */
export interface Attachment {
  kind: "document" | "photo";
  filename: string;
  mimeType: string;
  /** The bytes; empty once the file is served (`link` set) and the channel has no use for them. */
  data: Uint8Array;
  /** What to say instead where the channel cannot deliver the file. */
  fallbackText: string;
  /**
   * Where the file can be fetched instead: a download URL (expiring, for this chat alone) or a path
   * on this machine, and the sentence that gives it, in the reader's language. Also the fallback of a
   * channel that uploads when the upload fails.
   */
  link?: { href: string; text: string };
}

/** The neutral reply: each channel renders it for itself. */
export interface Reply {
  /** Plain text; the channel escapes it for its own markup. */
  text: string;
  /** Shown emphasised where the channel can (a heading line). */
  title?: string;
  choices?: Choice[];
  /** Replace the previous message of this progress series instead of sending a new one. */
  editKey?: string;
  /**
   * With `editKey`: only update the series' message; where there is none (or the channel cannot
   * edit), send nothing. A progress line never arrives before, or instead of, the message it updates.
   */
  editOnly?: boolean;
  /** The question takes a typed number: a digit answers it instead of picking a numbered choice. */
  numericAnswer?: boolean;
  /** Ask the user to share their phone number (Telegram's request_contact button). */
  requestContact?: boolean;
  attachment?: Attachment;
}
