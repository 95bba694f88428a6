import { sql } from "kysely";
import type { Db } from "./schema.js";

/** Network errors of a socket to the database server. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
/**
 * SQLSTATEs of a server going or gone: connection exceptions (class 08), the server shutting down or
 * starting (57P01–57P03), too many connections (53300).
 */
const SERVER_GONE = /^(08...|57P0[123]|53300)$/;
/** What node-postgres and its pool say when the connection is lost or cannot be had. */
const DRIVER_MESSAGES = /connection terminated|connection timeout|timeout exceeded when trying to connect|client has encountered a connection error|cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i;
const MAX_DEPTH = 5;

/**
 * Whether an error means the database cannot be reached (refused, cut off, restarting) rather than
 * that a statement or a handler failed on a reachable database. The first kind is waited out; the
 * second is a bug and is given up after a few tries.
 *
 * @example isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })) // true
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > MAX_DEPTH) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || SERVER_GONE.test(code))) return true;
  if (typeof message === "string" && DRIVER_MESSAGES.test(message)) return true;
  // Node's happy-eyeballs connect fails with an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Whether the database answers a trivial query now (a probe while waiting out an outage). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
