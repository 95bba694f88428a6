import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { compiledOnce } from "../../src/db/compiled.js";
import type { Db } from "../../src/db/schema.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

const ORG = { kind: "chi_bo_co_so", parent_id: null, area_kind: null, area_name: null, catchment: null, valid_to: null } as const;

/** The same statement as the builder would run it each time, for comparison. */
function orgsFrom(db: Db, pattern: string, validFrom: string) {
  return db.selectFrom("org").select(["code", "name", "valid_from"]).where("code", "like", pattern).where("valid_from", "<=", validFrom).orderBy("code");
}

describeEngines("statements compiled once", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
    await t.db
      .insertInto("org")
      .values([
        { ...ORG, code: "CQ-1", name: "Chi bộ 1", valid_from: "2025-01-01" },
        { ...ORG, code: "CQ-2", name: "Chi bộ 2", valid_from: "2025-07-01" },
        { ...ORG, code: "CR-1", name: "Chi bộ 3", valid_from: "2025-01-01" },
      ])
      .execute();
  });
  afterAll(() => t.close());

  it("gives the rows the builder gives, for each run's own values (a value used twice included)", async () => {
    const compiled = compiledOnce((db: Db, pattern: string, validFrom: string) => orgsFrom(db, pattern, validFrom).where("valid_from", "<=", validFrom));
    for (const [pattern, validFrom] of [
      ["CQ%", "2025-12-31"],
      ["CQ%", "2025-03-01"],
      ["CR%", "2025-12-31"],
      ["CZ%", "2025-12-31"],
      ["C%", "2025-06-30"],
    ] as const) {
      const { rows } = await compiled(t.db, pattern, validFrom);
      expect(rows).toEqual(await orgsFrom(t.db, pattern, validFrom).execute());
    }
    expect((await compiled(t.db, "C%", "2025-06-30")).rows.map((r) => r.code)).toEqual(["CQ-1", "CR-1"]);
  });

  it("writes each run's values, nulls included, and runs inside the transaction it is given", async () => {
    const rename = compiledOnce((db: Db, code: string, name: string, areaName: string | null) => db.updateTable("org").set({ name, area_name: areaName }).where("code", "=", code));
    await rename(t.db, "CQ-1", "Tên mới", "Xã A");
    await rename(t.db, "CQ-2", "Tên khác", null);
    const read = () => t.db.selectFrom("org").select(["code", "name", "area_name"]).where("code", "in", ["CQ-1", "CQ-2"]).orderBy("code").execute();
    expect(await read()).toEqual([
      { code: "CQ-1", name: "Tên mới", area_name: "Xã A" },
      { code: "CQ-2", name: "Tên khác", area_name: null },
    ]);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await rename(trx, "CQ-1", "Không giữ", null);
        expect((await trx.selectFrom("org").select("name").where("code", "=", "CQ-1").executeTakeFirstOrThrow()).name).toBe("Không giữ");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await read())[0]).toEqual({ code: "CQ-1", name: "Tên mới", area_name: "Xã A" });
  });

  it("takes an array as one parameter (`any`), whatever its length", async () => {
    const byCodes = compiledOnce((db: Db, codes: readonly string[]) => db.selectFrom("org").select("code").where("code", "=", sql<string>`any(${codes}::text[])`).orderBy("code"));
    expect((await byCodes(t.db, ["CR-1"])).rows).toEqual([{ code: "CR-1" }]);
    expect((await byCodes(t.db, ["CQ-2", "CR-1", "nope"])).rows).toEqual([{ code: "CQ-2" }, { code: "CR-1" }]);
    expect((await byCodes(t.db, [])).rows).toEqual([]);
  });

  it("refuses an argument that is not a value of the statement (its text would be baked in, or it is left out)", async () => {
    const spliced = compiledOnce((db: Db, prefix: string) => orgsFrom(db, `${prefix}%`, "2025-12-31"));
    await expect(spliced(t.db, "CQ")).rejects.toThrow(/must be a value/);
    const inText = compiledOnce((db: Db, column: string) => db.selectFrom("org").select(sql.raw<string>(column).as("x")));
    await expect(inText(t.db, "code")).rejects.toThrow(/must be a value/);
    const unused = compiledOnce((db: Db, code: string) => db.selectFrom("org").select("code").where("code", "=", code === "x" ? "CQ-1" : "CR-1"));
    await expect(unused(t.db, "x")).rejects.toThrow(/not among its parameters/);
  });
});
