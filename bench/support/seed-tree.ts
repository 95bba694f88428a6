/**
 * What every synthetic province of the benchmarks writes the same way: batch inserts, a
 * deterministic random source, and the org tree (province → communes → cells, each cell with a
 * monthly meeting rule).
 */
import type { Db } from "../../src/db/schema.js";

export const BATCH = 2000;
export const VALID_FROM = "2020-01-01";

export const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Insert rows `BATCH` at a time, in order. */
export async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export { prng } from "../../test/support/prng.js";

export interface TreeSpec {
  /** Code prefix, e.g. `SYN`: orgs are `SYN-TINH`, `SYN-XA-001`, `SYN-CB-00001`. */
  prefix: string;
  /** The place name in every org's name, e.g. "Tổng Hợp". */
  place: string;
  communes: number;
  cells: number;
  /** Each cell's meeting day and time (by the cell's index). */
  meeting: (cellIndex: number) => { day: number; time: string };
}

export interface Tree {
  provinceId: number;
  communeIds: number[];
  /** In the order written; cell i belongs to commune i mod communes. */
  cellIds: number[];
}

function orgRow(code: string, kind: string, name: string, parentId: number | null) {
  return {
    code,
    kind,
    name,
    parent_id: parentId,
    area_kind: kind === "chi_bo_co_so" ? "village" : kind === "dang_bo_xa" ? "commune" : "province",
    area_name: name,
    catchment: kind === "chi_bo_co_so" ? "thon" : null,
    valid_from: VALID_FROM,
    valid_to: null,
  };
}

/** Write the province, its communes and its cells with their meeting rules. */
export async function seedOrgTree(db: Db, spec: TreeSpec): Promise<Tree> {
  const { prefix, place } = spec;
  const { id: provinceId } = await db
    .insertInto("org")
    .values(orgRow(`${prefix}-TINH`, "dang_bo_tinh", `Đảng bộ tỉnh ${place}`, null))
    .returning("id")
    .executeTakeFirstOrThrow();
  const communeIds = (
    await db
      .insertInto("org")
      .values(Array.from({ length: spec.communes }, (_, i) => orgRow(`${prefix}-XA-${pad(i + 1, 3)}`, "dang_bo_xa", `Đảng bộ xã ${place} ${i + 1}`, provinceId)))
      .returning("id")
      .execute()
  ).map((r) => r.id);
  const cellIds: number[] = [];
  await inBatches(
    Array.from({ length: spec.cells }, (_, i) => orgRow(`${prefix}-CB-${pad(i + 1, 5)}`, "chi_bo_co_so", `Chi bộ thôn ${place} ${i + 1}`, communeIds[i % communeIds.length] as number)),
    async (batch) => {
      for (const r of await db.insertInto("org").values(batch).returning("id").execute()) cellIds.push(r.id);
    },
  );
  await inBatches(
    cellIds.map((id, i) => {
      const { day, time } = spec.meeting(i);
      return {
        org_id: id,
        rule_kind: "day_of_month",
        day_of_month: day,
        nth: null,
        weekday: null,
        start_time: time,
        place: `Nhà văn hóa thôn ${i + 1}`,
        valid_from: VALID_FROM,
        valid_to: null,
      };
    }),
    (batch) => db.insertInto("meeting_rule").values(batch).execute(),
  );
  return { provinceId, communeIds, cellIds };
}
