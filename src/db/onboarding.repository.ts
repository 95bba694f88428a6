import { sql } from "kysely";
import type { Db } from "./schema.js";
import { compareVi } from "../domain/text/collate.js";

/** Someone who could be invited: holds `role` in `orgId` on the date and has no messenger account linked. */
export interface UnlinkedRow {
  personId: number;
  name: string;
  code: string;
  role: string;
  orgId: number;
  orgName: string;
}

/**
 * People holding one of `roles` in force on `onDate` in the given orgs, or (`underId`) in the cells of
 * a subtree in force then, with no linked account on a messenger. A console account (the office's
 * own terminal, `chibo chat --as`) does not count: it reaches nobody.
 */
export async function unlinkedHolders(db: Db, where: { orgIds: readonly number[] } | { underId: number }, roles: readonly string[], onDate: string): Promise<UnlinkedRow[]> {
  if (roles.length === 0 || ("orgIds" in where && where.orgIds.length === 0)) return [];
  const scope =
    "orgIds" in where
      ? sql`o.id in (${sql.join(where.orgIds)})`
      : sql`o.id in (
          with recursive down(id) as (select id from org where id = ${where.underId} union select c.id from org c join down on c.parent_id = down.id)
          select id from down)
        and o.kind in ('chi_bo_co_so', 'chi_bo_truc_thuoc')`;
  const result = await sql<{ person_id: number; full_name: string; code: string; role: string; org_id: number; org_name: string }>`
    select distinct on (o.name, o.id, p.full_name, p.id) p.id as person_id, p.full_name, p.code, r.role, o.id as org_id, o.name as org_name
    from role r
    join person p on p.id = r.person_id
    join org o on o.id = r.org_id
    where ${scope}
      and o.valid_from <= ${onDate}::date and (o.valid_to is null or o.valid_to > ${onDate}::date)
      and r.role in (${sql.join(roles)})
      and r.valid_from <= ${onDate}::date and (r.valid_to is null or r.valid_to > ${onDate}::date)
      and p.left_on is null
      and not exists (select 1 from chat_account a where a.person_id = p.id and a.channel <> 'console')
    order by o.name, o.id, p.full_name, p.id, r.role desc`.execute(db);
  const rows = [...result.rows].sort((a, b) => compareVi(a.org_name, b.org_name) || a.org_id - b.org_id || compareVi(a.full_name, b.full_name) || a.person_id - b.person_id);
  return rows.map((r) => ({ personId: r.person_id, name: r.full_name, code: r.code, role: r.role, orgId: r.org_id, orgName: r.org_name }));
}

/** Whether the person has an account linked on a messenger (not the console). */
export async function hasMessengerAccount(db: Db, personId: number): Promise<boolean> {
  const row = await db.selectFrom("chat_account").select("id").where("person_id", "=", personId).where("channel", "<>", "console").executeTakeFirst();
  return row !== undefined;
}
