/** What a channel can show: each channel declares its own (`channels/<name>/<name>-capabilities.ts`). */
/**
 * How a channel hands over a file (an export, a chart): `upload` sends the bytes (Telegram), `link`
 * sends a download link served by chibo's own HTTP server (Zalo, where `PUBLIC_URL` is known), `path`
 * writes it to a folder on this machine and names it (the console); `false`: no file at all.
 */
export type FileDelivery = "upload" | "link" | "path" | false;

export interface ChannelCapabilities {
  buttons: boolean;
  edits: boolean;
  files: FileDelivery;
}

/** A channel nobody declared: plain text only. */
export const PLAIN_TEXT: ChannelCapabilities = Object.freeze({ buttons: false, edits: false, files: false });

const declared = new Map<string, ChannelCapabilities>();

/**
 * A channel states what it can show, once, where it is defined; the bot and the scheduler then look
 * it up by name without importing the channel.
 *
 * @example export const ZALO_CAPABILITIES = declareCapabilities("zalo", { buttons: false, edits: false, files: false })
 */
export function declareCapabilities(channel: string, capabilities: ChannelCapabilities): ChannelCapabilities {
  const frozen = Object.freeze({ ...capabilities });
  declared.set(channel, frozen);
  return frozen;
}

/** What the named channel can show; plain text for a channel not declared in this process. */
export function capabilitiesOf(channel: string): ChannelCapabilities {
  return declared.get(channel) ?? PLAIN_TEXT;
}

/** Where this process can put files for the `link` and `path` ways: chibo's public URL, a local folder. */
export interface FileServing {
  /** The public base URL of chibo's HTTP server (`PUBLIC_URL`); unset: no links can be given. */
  publicUrl?: string;
  /** The folder the console writes files to; unset: no paths can be given. */
  folder?: string;
}

/**
 * How a file actually reaches this channel's chats, given what this process can serve: a `link`
 * channel without a public URL, or a `path` channel without a folder, delivers no file at all.
 *
 * @example fileDeliveryOf("zalo", {}) // false: say so before promising a file
 */
export function fileDeliveryOf(channel: string, serving: FileServing): FileDelivery {
  const files = capabilitiesOf(channel).files;
  if (files === "link") return serving.publicUrl ? "link" : false;
  if (files === "path") return serving.folder ? "path" : false;
  return files;
}
