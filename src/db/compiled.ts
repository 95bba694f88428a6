import type { Compilable, CompiledQuery, QueryResult, RawBuilder } from "kysely";
import type { Db } from "./schema.js";

/** A value left open in a statement built once: it stands for the argument at `index`. */
class Slot {
  constructor(readonly index: number) {}

  /** A slot spliced into the SQL text (an identifier, `sql.raw`, a literal) would be baked in: refuse it. */
  toString(): string {
    throw new Error(`argument ${this.index} of a statement compiled once must be a value, not part of its text`);
  }
}

/**
 * A statement Kysely builds and compiles on its first run and that later runs reuse with their own
 * values: building and compiling a statement costs more than sending it, and the hot statements of a
 * message (the meeting roll, an RSVP's upsert, the conversation's save) have one shape whatever their
 * values. `build` receives stand-ins for its arguments and must use them as values only (in
 * comparisons, inserted or updated columns, `sql` parameters); a builder whose shape depends on a
 * value (a branch on it, an `in` list of its length) cannot be compiled once. Every argument must end
 * up as a parameter: one that did not is refused on the first run. The same SQL text runs on both
 * engines (both use Kysely's PostgreSQL dialect), in a transaction when `db` is one.
 *
 * @example
 * const orgById = compiledOnce((db, id: number) => db.selectFrom("org").selectAll().where("id", "=", id))
 * const { rows } = await orgById(db, 7)
 */
export function compiledOnce<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R> | RawBuilder<R>): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  let compiled: { query: CompiledQuery<R>; slots: (number | undefined)[] } | undefined;
  return async (db, ...args) => {
    compiled ??= compile(db, build, build.length - 1);
    const { query, slots } = compiled;
    const parameters = query.parameters.map((value, i) => {
      const slot = slots[i];
      return slot === undefined ? value : args[slot];
    });
    return db.executeQuery<R>({ ...query, parameters });
  };
}

function compile<A extends unknown[], R>(db: Db, build: (db: Db, ...args: A) => Compilable<R> | RawBuilder<R>, arity: number) {
  const stand = Array.from({ length: arity }, (_, i) => new Slot(i));
  const built = build(db, ...(stand as unknown as A));
  // A raw `sql` statement compiles against the database it will run on; a query builder knows its own.
  const query = "isRawBuilder" in built ? built.compile(db) : built.compile();
  const slots = query.parameters.map((value) => (value instanceof Slot ? value.index : undefined));
  const missing = stand.filter((s) => !slots.includes(s.index));
  if (missing.length > 0) throw new Error(`arguments ${missing.map((s) => s.index).join(", ")} of a statement compiled once are not among its parameters`);
  return { query, slots };
}
