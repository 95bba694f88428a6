/** What a channel can show: each channel declares its own (`channels/<name>/<name>-capabilities.ts`). */
export interface ChannelCapabilities {
  buttons: boolean;
  edits: boolean;
  files: boolean;
}

/** A channel nobody declared (and the console): plain text only. */
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
