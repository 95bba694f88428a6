import type { Db } from "./schema.js";

/**
 * Claim a platform update for handling. Returns false when it was seen before (a redelivery or replay).
 * Call in the same transaction as the handling, so a crash before commit lets the redelivery through.
 */
export async function claimUpdate(db: Db, channel: string, updateKey: string, at: Date): Promise<boolean> {
  const row = await db
    .insertInto("inbound_update")
    .values({ channel, update_key: updateKey, received_at: at })
    .onConflict((oc) => oc.columns(["channel", "update_key"]).doNothing())
    .returning("update_key")
    .executeTakeFirst();
  return row !== undefined;
}
