import pg from "pg";
import { openDatabase, type DatabaseHandle, type Engine } from "../../src/db/connection.js";
import { NO_COMMIT_WAIT, pgliteFrom } from "./engines.js";

/**
 * A database with nothing in it, not even chibo's tables (what `chibo restore` starts from): an
 * in-memory PGlite (a bare cluster copied from the run's, not an initdb of its own), or a new database on TEST_DATABASE_URL's server, dropped on `close()`.
 */
export async function emptyDatabase(engine: Engine, prefix = "chibo_empty"): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    const pglite = await pgliteFrom("blank");
    const handle = await openDatabase({ pglite });
    return { ...handle, close: async () => (await handle.close(), await pglite.close()) };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.query(NO_COMMIT_WAIT(name));
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
