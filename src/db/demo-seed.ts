import { sql, type Kysely } from "kysely";
import type { Database, Db } from "./schema.js";
import { putSetting } from "./setting.repository.js";

/** The demo province's fixed start date: after the 1/7/2025 two-tier reform. */
const REFORM_DATE = "2025-07-01";
/** The demo province's go-live (see services/go-live.service.ts): before all its history, so every month of it is tracked. */
const DEMO_GO_LIVE = "2024-01-01";
export const DEMO_PROVINCE_CODE = "DEMO-TINH";
/** The person `npm start` chats as: the secretary of the Pò Lài village cell. */
export const DEMO_SECRETARY_CODE = "DEMO-BT-POLAI";

const SURNAMES = ["Hoàng", "Nông", "Lộc", "Vi", "Lương", "Hà", "Triệu", "Lăng", "Mông", "Chu", "Đinh", "Lý", "Nguyễn", "Dương"];
const MALE = ["Páo", "Sáng", "Khoa", "Tuấn", "Bảy", "Nam", "Đức", "Thắng", "Hùng", "Quyết", "Lâm", "Phúc", "Cường", "Hải", "Tài"];
const FEMALE = ["Hoa", "Mai", "Lan", "Thu", "Vy", "Hạnh", "Nhung", "Liên", "Thảo", "Hằng", "Dung", "Phượng"];
const ETHNIC = ["Tày", "Nùng", "Kinh", "Dao"];

interface CellSpec {
  code: string;
  name: string;
  area: string;
  areaKind: "village" | "residential_group";
  members: number;
  day: number;
  time: string;
  place: string;
}

const COMMUNES: { code: string; name: string; area: string; areaKind: "commune" | "ward"; cells: CellSpec[] }[] = [
  {
    code: "DEMO-XA-TANVAN",
    name: "Đảng bộ xã Tân Văn",
    area: "xã Tân Văn",
    areaKind: "commune",
    cells: [
      { code: "DEMO-CB-POLAI", name: "Chi bộ thôn Pò Lài", area: "thôn Pò Lài", areaKind: "village", members: 11, day: 5, time: "19:30", place: "Nhà văn hóa thôn Pò Lài" },
      { code: "DEMO-CB-BANCHANG", name: "Chi bộ thôn Bản Chang", area: "thôn Bản Chang", areaKind: "village", members: 9, day: 4, time: "19:00", place: "Nhà văn hóa thôn Bản Chang" },
      { code: "DEMO-CB-DONGME", name: "Chi bộ thôn Đồng Mé", area: "thôn Đồng Mé", areaKind: "village", members: 10, day: 3, time: "19:30", place: "Nhà văn hóa thôn Đồng Mé" },
      { code: "DEMO-CB-NATHUA", name: "Chi bộ thôn Nà Thưa", area: "thôn Nà Thưa", areaKind: "village", members: 8, day: 6, time: "19:30", place: "Nhà văn hóa thôn Nà Thưa" },
    ],
  },
  {
    code: "DEMO-PHUONG-KYLUA",
    name: "Đảng bộ phường Kỳ Lừa",
    area: "phường Kỳ Lừa",
    areaKind: "ward",
    cells: [
      { code: "DEMO-CB-TANHOA1", name: "Chi bộ tổ dân phố Tân Hòa 1", area: "tổ dân phố Tân Hòa 1", areaKind: "residential_group", members: 9, day: 5, time: "19:30", place: "Nhà văn hóa tổ Tân Hòa 1" },
      { code: "DEMO-CB-TANHOA2", name: "Chi bộ tổ dân phố Tân Hòa 2", area: "tổ dân phố Tân Hòa 2", areaKind: "residential_group", members: 10, day: 9, time: "19:30", place: "Nhà văn hóa tổ Tân Hòa 2" },
      { code: "DEMO-CB-PHAILUONG", name: "Chi bộ tổ dân phố Phai Luông", area: "tổ dân phố Phai Luông", areaKind: "residential_group", members: 8, day: 7, time: "20:00", place: "Nhà văn hóa tổ Phai Luông" },
    ],
  },
];

/** The Pò Lài secretary's name, used in the README and in tests. */
export const DEMO_SECRETARY_NAME = "Hoàng Văn Páo";

export interface SeededPerson {
  id: number;
  code: string;
  name: string;
}

/** Every row the demo writes has a code starting with this. */
const DEMO_CODE_PREFIX = "DEMO-";

/** `chibo seed --demo` on a data folder with an office's own data: the demo never mixes with it. */
export class DemoRefusedError extends Error {
  constructor() {
    super("the data folder holds non-demo data: the demo province is not added");
    this.name = "DemoRefusedError";
  }
}

/** Whether the database holds units, people or households that the demo did not write (imported, real data). */
export async function holdsNonDemoData(db: Db): Promise<boolean> {
  const like = `${DEMO_CODE_PREFIX}%`;
  const row = await sql<{ real: boolean }>`
    select exists (select 1 from org where code not like ${like})
      or exists (select 1 from person where code not like ${like})
      or exists (select 1 from household where code not like ${like}) as real`.execute(db);
  return Boolean(row.rows[0]?.real);
}

/**
 * Someone to chat as on a folder with real data: the secretary of the first cell that has one
 * (by unit code), with the cell's name; undefined when no cell has a secretary yet.
 */
export async function aSecretaryOf(db: Db, today: string): Promise<{ code: string; name: string; cell: string } | undefined> {
  return db
    .selectFrom("role")
    .innerJoin("person", "person.id", "role.person_id")
    .innerJoin("org", "org.id", "role.org_id")
    .select(["person.code", "person.full_name as name", "org.name as cell"])
    .where("role.role", "=", "secretary")
    .where("org.kind", "in", ["chi_bo_co_so", "chi_bo_truc_thuoc"])
    .where("role.valid_from", "<=", today)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", today)]))
    .orderBy("org.code")
    .orderBy("person.code")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Seed the fictional demo province (idempotent: does nothing when it exists). Refuses, with
 * `DemoRefusedError`, a database that holds data of its own. Returns true when it seeded.
 * Two communes after the 2025 reform (one formed by merging two older communes), seven village and
 * residential-group cells, two agency cells, ~80 people with secretaries, deputies, committee members,
 * office staff, assigned cadres, households and monthly meeting days.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  // One transaction: a start that dies half way leaves no demo, and the next start seeds it whole
  // (a partial province would count as seeded). It also spares PostgreSQL a commit per row.
  return db.transaction().execute((trx) => seedInto(trx));
}

async function seedInto(db: Db): Promise<boolean> {
  const existing = await db.selectFrom("org").select("id").where("code", "=", DEMO_PROVINCE_CODE).executeTakeFirst();
  if (existing) return false;
  if (await holdsNonDemoData(db)) throw new DemoRefusedError();

  let seq = 0;
  const nameAt = (sex: "M" | "F", i: number) => {
    const surname = SURNAMES[(i * 5 + 3) % SURNAMES.length] as string;
    const given = sex === "M" ? (MALE[(i * 7) % MALE.length] as string) : (FEMALE[(i * 5) % FEMALE.length] as string);
    return `${surname} ${sex === "M" ? "Văn" : "Thị"} ${given}`;
  };

  const org = async (code: string, kind: string, name: string, parentId: number | null, areaKind: string, area: string, extra: { validFrom?: string; validTo?: string | null; catchment?: string } = {}) => {
    const row = await db
      .insertInto("org")
      .values({
        code,
        kind,
        name,
        parent_id: parentId,
        area_kind: areaKind,
        area_name: area,
        catchment: extra.catchment ?? null,
        valid_from: extra.validFrom ?? REFORM_DATE,
        valid_to: extra.validTo ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const person = async (p: { code?: string; name?: string; sex: "M" | "F"; cellId: number | null; membership?: string | null; exempt?: boolean; temp?: boolean; birthYear?: number }) => {
    seq += 1;
    const code = p.code ?? `DEMO-DV-${String(seq).padStart(3, "0")}`;
    const birthYear = p.birthYear ?? 1950 + ((seq * 17) % 52);
    const membership = p.membership === undefined ? (seq % 9 === 4 ? "probationary" : "full") : p.membership;
    const admitted = membership === "probationary" ? "2025-03-19" : `${Math.min(2024, birthYear + 22 + (seq % 15))}-0${1 + (seq % 9)}-1${seq % 9}`;
    const row = await db
      .insertInto("person")
      .values({
        code,
        full_name: p.name ?? nameAt(p.sex, seq),
        sex: p.sex,
        birth_year: birthYear,
        ethnicity: ETHNIC[seq % ETHNIC.length] as string,
        phone: `+8491${String(2000000 + seq * 7919).slice(0, 7)}`,
        membership,
        admitted_on: membership ? admitted : null,
        full_member_on: membership === "full" ? admitted : null,
        exempt: p.exempt ?? false,
        temp_attached: p.temp ?? false,
        cell_id: p.cellId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (p.cellId !== null && membership) await role(row.id, p.cellId, "member");
    return row.id;
  };

  const role = async (personId: number, orgId: number, roleName: string, validFrom = REFORM_DATE) => {
    await db.insertInto("role").values({ person_id: personId, org_id: orgId, role: roleName, valid_from: validFrom }).execute();
  };

  const assign = async (cadreId: number, target: { orgId?: number; householdId?: number }, duties: string) => {
    await db
      .insertInto("assignment")
      .values({ cadre_id: cadreId, org_id: target.orgId ?? null, household_id: target.householdId ?? null, duties, valid_from: REFORM_DATE })
      .execute();
  };

  // History before the reform: a district committee and two communes, closed on 1/7/2025.
  const provinceId = await org(DEMO_PROVINCE_CODE, "dang_bo_tinh", "Đảng bộ tỉnh Mẫu Sơn", null, "province", "tỉnh Mẫu Sơn", { validFrom: "1976-01-01" });
  const districtId = await org("DEMO-HUYEN-BINHGIA", "dang_bo_huyen", "Đảng bộ huyện Bình Gia", provinceId, "province", "huyện Bình Gia", { validFrom: "1976-01-01", validTo: REFORM_DATE });
  const oldA = await org("DEMO-XA-TANVAN-CU", "dang_bo_xa", "Đảng bộ xã Tân Văn (cũ)", districtId, "commune", "xã Tân Văn (cũ)", { validFrom: "1976-01-01", validTo: REFORM_DATE });
  const oldB = await org("DEMO-XA-BINHTRUNG", "dang_bo_xa", "Đảng bộ xã Bình Trung", districtId, "commune", "xã Bình Trung", { validFrom: "1976-01-01", validTo: REFORM_DATE });

  const provinceOffice = await org("DEMO-CB-VPTU", "chi_bo_co_so", "Chi bộ Văn phòng Tỉnh ủy", provinceId, "agency", "Văn phòng Tỉnh ủy", { catchment: "co_quan" });
  const provinceClerk = await person({ code: "DEMO-VP-TINH", name: "Lăng Thị Hạnh", sex: "F", cellId: provinceOffice, birthYear: 1986 });
  await role(provinceClerk, provinceId, "office_staff");
  for (let i = 0; i < 3; i++) await person({ sex: i % 2 ? "F" : "M", cellId: provinceOffice });

  let household = 0;
  for (const [ci, commune] of COMMUNES.entries()) {
    const communeId = await org(commune.code, "dang_bo_xa", commune.name, provinceId, commune.areaKind, commune.area);
    if (ci === 0) {
      for (const pred of [oldA, oldB]) await db.insertInto("org_predecessor").values({ org_id: communeId, predecessor_id: pred }).execute();
    }
    // The commune's own agency cell holds its committee members and office staff.
    const agency = await org(`${commune.code}-CQ`, "chi_bo_co_so", `Chi bộ cơ quan ${commune.name}`, communeId, "agency", `Cơ quan ${commune.name}`, { catchment: "co_quan" });
    const officeCode = ci === 0 ? "DEMO-VP-TANVAN" : "DEMO-VP-KYLUA";
    const clerk = await person({ code: officeCode, name: ci === 0 ? "Nông Thị Thảo" : "Chu Thị Dung", sex: "F", cellId: agency, birthYear: 1990 });
    await role(clerk, communeId, "office_staff");
    await role(clerk, agency, "secretary");
    const cadres: number[] = [];
    for (let k = 0; k < 4; k++) {
      const cadre = await person({
        code: ci === 0 && k === 0 ? "DEMO-CUV-KHOA" : undefined,
        name: ci === 0 && k === 0 ? "Lộc Văn Khoa" : undefined,
        sex: k === 2 ? "F" : "M",
        cellId: agency,
        membership: "full",
        birthYear: 1972 + k * 3,
      });
      await role(cadre, communeId, "commune_committee");
      if (k === 0) await role(cadre, communeId, "commune_standing");
      cadres.push(cadre);
    }

    for (const [vi, cell] of commune.cells.entries()) {
      const cellId = await org(cell.code, "chi_bo_co_so", cell.name, communeId, cell.areaKind, cell.area, { catchment: "thon" });
      await db
        .insertInto("meeting_rule")
        .values({ org_id: cellId, rule_kind: "day_of_month", day_of_month: cell.day, start_time: cell.time, place: cell.place, valid_from: REFORM_DATE })
        .execute();
      const isPoLai = cell.code === "DEMO-CB-POLAI";
      const secretary = await person({
        code: isPoLai ? DEMO_SECRETARY_CODE : `${cell.code}-BT`,
        name: isPoLai ? DEMO_SECRETARY_NAME : undefined,
        sex: vi % 3 === 2 ? "F" : "M",
        cellId,
        membership: "full",
        birthYear: 1968 + vi,
      });
      await role(secretary, cellId, "secretary");
      const memberIds: number[] = [];
      for (let m = 1; m < cell.members; m++) {
        const id = await person({
          code: isPoLai && m === 1 ? "DEMO-DV-POLAI-MAI" : undefined,
          name: isPoLai && m === 1 ? "Vi Thị Mai" : undefined,
          sex: m % 3 === 0 ? "F" : "M",
          cellId,
          membership: isPoLai && m === 1 ? "full" : undefined,
          exempt: m === cell.members - 1 && cell.members >= 10,
          temp: m === 4 && vi === 1,
        });
        memberIds.push(id);
      }
      const deputy = memberIds[1] as number;
      await role(deputy, cellId, "deputy_secretary");
      if (cell.members >= 9) {
        await role(memberIds[2] as number, cellId, "cell_committee");
      }
      // Each commune committee member follows one or two cells (the fourth cell of a commune has none: a coverage gap).
      if (vi < cadres.length - 1) await assign(cadres[vi] as number, { orgId: cellId }, "Dự sinh hoạt chi bộ, nắm tình hình thôn");
      // Households followed by members of the cell.
      for (let h = 0; h < 3; h++) {
        household += 1;
        const hh = await db
          .insertInto("household")
          .values({
            code: `DEMO-HO-${String(household).padStart(3, "0")}`,
            org_id: cellId,
            village_name: cell.area,
            head_name: nameAt(h === 1 ? "F" : "M", 100 + household),
            notes: h === 0 ? "Hộ nghèo" : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (h < 2) await assign(memberIds[(h + 3) % memberIds.length] as number, { householdId: hh.id }, "Theo dõi, giúp đỡ hộ");
      }
    }
  }
  await putSetting(db, "go_live", DEMO_GO_LIVE);
  return true;
}
