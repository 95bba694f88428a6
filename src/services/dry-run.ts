import type { Kysely } from "kysely";
import type { Database, Db } from "../db/schema.js";

class DryRunRollback<T> extends Error {
  constructor(readonly outcome: T) {
    super("dry run");
  }
}

/**
 * Run a change in one transaction; with `dryRun`, do all of it, keep its outcome, and roll back.
 * A refused change (`ok: false`) commits nothing it did not write.
 *
 * @example await changeInTransaction(db, opts.dryRun, (trx) => mergeUnits(trx, …))
 */
export async function changeInTransaction<T extends { ok: boolean }>(db: Kysely<Database>, dryRun: boolean | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const outcome = await work(trx);
      if (outcome.ok && dryRun) throw new DryRunRollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome as T;
    throw error;
  }
}
