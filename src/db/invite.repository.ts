import type { Db } from "./schema.js";

export async function insertInvite(
  db: Db,
  invite: { personId: number; codeHash: string; expiresAt: Date; createdBy: number | null },
) {
  return db
    .insertInto("invite")
    .values({
      person_id: invite.personId,
      code_hash: invite.codeHash,
      expires_at: invite.expiresAt,
      created_by: invite.createdBy,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
}

/** The invite with this hash, locked for the redeeming transaction. */
export async function findInviteForUpdate(db: Db, codeHash: string) {
  return db.selectFrom("invite").selectAll().where("code_hash", "=", codeHash).forUpdate().executeTakeFirst();
}

export async function markInviteUsed(db: Db, inviteId: number, accountId: number, at: Date) {
  const result = await db
    .updateTable("invite")
    .set({ used_at: at, used_by_account_id: accountId })
    .where("id", "=", inviteId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findLinkAttempts(db: Db, channel: string, platformUserId: string) {
  return db
    .selectFrom("link_attempt")
    .selectAll()
    .where("channel", "=", channel)
    .where("platform_user_id", "=", platformUserId)
    .executeTakeFirst();
}

/** Count one failed attempt; a window older than `windowStartAfter` starts over. Returns the failures in the window. */
export async function recordLinkFailure(
  db: Db,
  channel: string,
  platformUserId: string,
  at: Date,
  windowStartAfter: Date,
): Promise<number> {
  const row = await db
    .insertInto("link_attempt")
    .values({ channel, platform_user_id: platformUserId, window_start: at, failures: 1 })
    .onConflict((oc) =>
      oc.columns(["channel", "platform_user_id"]).doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when("link_attempt.window_start", "<", windowStartAfter)
          .then(1)
          .else(eb("link_attempt.failures", "+", 1))
          .end(),
        window_start: eb
          .case()
          .when("link_attempt.window_start", "<", windowStartAfter)
          .then(at)
          .else(eb.ref("link_attempt.window_start"))
          .end(),
      })),
    )
    .returning(["failures"])
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function clearLinkFailures(db: Db, channel: string, platformUserId: string) {
  await db
    .deleteFrom("link_attempt")
    .where("channel", "=", channel)
    .where("platform_user_id", "=", platformUserId)
    .execute();
}
