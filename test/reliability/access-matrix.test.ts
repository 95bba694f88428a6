import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFeatures } from "../../src/bot/features/index.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { Reply } from "../../src/messaging/message.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import type { Db } from "../../src/db/schema.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { isRefusal, replyProblems } from "./fuzz-check.js";

const i18n = createI18n();
const FORBIDDEN = i18n.t("vi", "error-forbidden");
const NOT_LINKED = i18n.t("vi", "error-not_linked");

const ROLES = [
  "member",
  "secretary",
  "deputy",
  "cell committee",
  "commune committee",
  "standing committee",
  "commune office",
  "province office",
  "assigned cadre",
  "unlinked",
] as const;
type RoleName = (typeof ROLES)[number];

/** `ok`: content; `no`: the "not allowed" refusal; `link`: "link your account first". */
type Seen = "ok" | "no" | "link";

/**
 * What each role sees for each command (by its first name), from DESIGN.md "Access follows the org
 * tree" and the grants in src/domain/access.ts. A command without a row fails the test: add one.
 */
const COMMANDS: Record<string, Record<RoleName, Seen>> = {
  // Own record only, for anyone linked.
  toi: row("ok", { unlinked: "link" }),
  // Own cell's summary (members); the cells led, followed or under the commune for the others.
  chibo: row("ok", { unlinked: "link" }),
  lichhop: row("ok", { unlinked: "link" }),
  // meeting.manage: secretary and deputy of the cell only.
  doilich: row("no", { secretary: "ok", deputy: "ok", unlinked: "link" }),
  diemdanh: row("no", { secretary: "ok", deputy: "ok", unlinked: "link" }),
  // report.submit: secretary and deputy only.
  baocao: row("no", { secretary: "ok", deputy: "ok", unlinked: "link" }),
  // report.view: cell leaders and committee; members only when the province allows (default no).
  // The reports of one's own cell: everyone whose reach covers that cell (an office clerk's agency cell is
  // in the office's subtree); plain members only when the province allows it (default no).
  xembaocao: row("ok", { member: "no", unlinked: "link" }),
  // A report's history: as /xembaocao (the office: the reports waiting for it).
  lichsu: row("ok", { member: "no", unlinked: "link" }),
  // invite.create: the cell's secretary and deputy (their members), office staff (the cells' leaders in reach).
  moi: row("no", { secretary: "ok", deputy: "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // report.accept: commune standing committee and office staff.
  duyet: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // rollup.view: commune committee, standing, office, assigned cadres.
  tonghop: row("no", { "commune committee": "ok", "standing committee": "ok", "commune office": "ok", "province office": "ok", "assigned cadre": "ok", unlinked: "link" }),
  // History at a glance: those who read a cell's reports (its leaders and committee) or a unit's roll-up.
  xemlai: row("ok", { member: "no", unlinked: "link" }),
  // data.export: standing committee and office staff.
  xuat: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // announcement.send: standing committee and office staff, to their subtree.
  thongbao: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // Everyone linked may ask what they follow (the answer may be "nothing").
  phutrach: row("ok", { unlinked: "link" }),
  ghinhan: row("ok", { unlinked: "link" }),
  // household.view: the cell's secretary and deputy, office staff (subtree), cadres and members following (their reach);
  // the standing committee member here (DEMO-CUV-KHOA) follows Pò Lài, so sees its households.
  thamho: row("no", { secretary: "ok", deputy: "ok", "standing committee": "ok", "commune office": "ok", "province office": "ok", "assigned cadre": "ok", unlinked: "link" }),
  // assignment.manage: standing committee and office staff.
  phancong: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  chuaphutrach: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // Resolution tasks: anyone linked may own one (a plain member sees theirs; "none" is an answer too).
  viec: row("ok", { unlinked: "link" }),
  // The agenda: meeting.manage, the cell's secretary and deputy.
  chuongtrinh: row("no", { secretary: "ok", deputy: "ok", unlinked: "link" }),
  // The month's guidance: guidance.publish, standing committee and office staff.
  dinhhuong: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // The meeting's documents: report.view on a cell in reach (a plain member has none to view).
  vanban: row("ok", { member: "no", unlinked: "link" }),
  // Public: linking, language, cancel, help.
  lienket: row("ok"),
  start: row("ok"),
  lienket_nhom: row("ok"),
  kenh: row("ok", { unlinked: "link" }),
  ngonngu: row("ok"),
  huy: row("ok"),
  trogiup: row("ok"),
  // Personal data: one's own data for anyone linked; unlinking answers anyone (unlinked: "nothing to unlink").
  dulieu: row("ok", { unlinked: "link" }),
  huylienket: row("ok"),
  // correction.handle: the cell's secretary and deputy, the offices.
  yeucausua: row("no", { secretary: "ok", deputy: "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // access_log.view: standing committee and office staff, for their subtree.
  nhatkytruycap: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // The retention table: read by those who read the access log; only the province office changes it.
  luutru: row("no", { "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // The go-live date: seen by those who see roll-ups ("chưa theo dõi" months); the province office changes it.
  ngaytheodoi: row("no", { "commune committee": "ok", "standing committee": "ok", "commune office": "ok", "province office": "ok", "assigned cadre": "ok", unlinked: "link" }),
  // records.edit for the village cell's secretary and deputy; the villages of their reach for the offices (records.view).
  hosothon: row("no", { secretary: "ok", deputy: "ok", "standing committee": "ok", "commune office": "ok", "province office": "ok", unlinked: "link" }),
  // candidate.manage for the cell's leaders; counts by stage and group for the committees and offices (rollup.view).
  // The certificate validity it shows is changed by the province office alone (payload "the certificate validity").
  phattrien: row("no", { secretary: "ok", deputy: "ok", "commune committee": "ok", "standing committee": "ok", "commune office": "ok", "province office": "ok", "assigned cadre": "ok", unlinked: "link" }),
  // rating.view: the annual review of the cells led or followed, of the commune, of the province (not plain members).
  xeploai: row("ok", { member: "no", unlinked: "link" }),
  // rating.self_review: every member reviews themselves in their own cell.
  tudanhgia: row("ok", { unlinked: "link" }),
};

function row(all: Seen, except: Partial<Record<RoleName, Seen>> = {}): Record<RoleName, Seen> {
  return Object.fromEntries(ROLES.map((r) => [r, except[r] ?? all])) as Record<RoleName, Seen>;
}

function seen(replies: Reply[]): Seen {
  const texts = replies.map((r) => r.text);
  if (texts.includes(FORBIDDEN)) return "no";
  if (texts.includes(NOT_LINKED)) return "link";
  return "ok";
}

async function personWithRole(db: Db, orgCode: string, role: string, without: string[] = []): Promise<string> {
  const rows = await db
    .selectFrom("role")
    .innerJoin("org", "org.id", "role.org_id")
    .innerJoin("person", "person.id", "role.person_id")
    .select(["person.id", "person.code"])
    .where("org.code", "=", orgCode)
    .where("role.role", "=", role)
    .orderBy("person.id")
    .execute();
  for (const p of rows) {
    const other = await db.selectFrom("role").select("role").where("person_id", "=", p.id).where("role", "in", without.length ? without : ["-"]).executeTakeFirst();
    const assigned = await db.selectFrom("assignment").select("id").where("cadre_id", "=", p.id).executeTakeFirst();
    if (!other && (!without.includes("assignment") || !assigned)) return p.code;
  }
  throw new Error(`no ${role} in ${orgCode}`);
}

/** A commune office clerk who is a plain member of the commune's agency cell and nothing else. */
async function officeOnlyClerk(db: Db): Promise<string> {
  const commune = await db.selectFrom("org").select("id").where("code", "=", "DEMO-XA-TANVAN").executeTakeFirstOrThrow();
  const agency = await db.selectFrom("org").select("id").where("code", "=", "DEMO-XA-TANVAN-CQ").executeTakeFirstOrThrow();
  const person = await db
    .insertInto("person")
    .values({ code: "TEST-VP-ONLY", full_name: "Mông Thị Thử", sex: "F", birth_year: 1992, ethnicity: "Tày", phone: null, membership: "full", admitted_on: "2015-05-19", full_member_on: "2016-05-19", cell_id: agency.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("role")
    .values([
      { person_id: person.id, org_id: agency.id, role: "member", valid_from: "2025-07-01" },
      { person_id: person.id, org_id: commune.id, role: "office_staff", valid_from: "2025-07-01" },
    ])
    .execute();
  return "TEST-VP-ONLY";
}

describeEngines("access matrix: every role × every command × inside and outside its scope", (engine) => {
  let h: BotHarness;
  const users = new Map<RoleName, string>();
  /** Names that only people of the other commune (Kỳ Lừa) have. */
  let foreignNames: string[];
  let ids: Record<string, number>;

  beforeAll(async () => {
    h = await botHarness(engine);
    const db = h.db.db;
    const codes: Record<Exclude<RoleName, "unlinked">, string> = {
      member: "DEMO-DV-POLAI-MAI",
      secretary: DEMO_SECRETARY_CODE,
      deputy: await personWithRole(db, "DEMO-CB-POLAI", "deputy_secretary"),
      "cell committee": await personWithRole(db, "DEMO-CB-POLAI", "cell_committee", ["secretary", "deputy_secretary"]),
      "commune committee": await personWithRole(db, "DEMO-XA-TANVAN", "commune_committee", ["commune_standing", "assignment"]),
      "standing committee": "DEMO-CUV-KHOA",
      // The demo's commune clerks also lead their agency cell: this one holds the office role alone.
      "commune office": await officeOnlyClerk(db),
      "province office": "DEMO-VP-TINH",
      "assigned cadre": await personWithRole(db, "DEMO-XA-TANVAN", "commune_committee", ["commune_standing"]).then(async () => {
        // A commune committee member who follows one cell (Bản Chang) and is not on the standing committee.
        const row = await db
          .selectFrom("assignment")
          .innerJoin("org", "org.id", "assignment.org_id")
          .innerJoin("person", "person.id", "assignment.cadre_id")
          .select("person.code")
          .where("org.code", "=", "DEMO-CB-BANCHANG")
          .executeTakeFirstOrThrow();
        return row.code;
      }),
    };
    for (const [role, code] of Object.entries(codes)) users.set(role as RoleName, await h.as(code));
    users.set("unlinked", "guest-matrix");

    const orgId = async (code: string) => (await db.selectFrom("org").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    ids = {
      polai: await orgId("DEMO-CB-POLAI"),
      banchang: await orgId("DEMO-CB-BANCHANG"),
      tanhoa1: await orgId("DEMO-CB-TANHOA1"),
      tanvan: await orgId("DEMO-XA-TANVAN"),
      kylua: await orgId("DEMO-PHUONG-KYLUA"),
    };
    // A submitted report in each commune, so report payloads have real targets.
    for (const [key, org] of [["reportPolai", ids.polai], ["reportBanchang", ids.banchang], ["reportTanhoa1", ids.tanhoa1]] as const) {
      const row = await db
        .insertInto("report_submission")
        .values({ org_id: org as number, form: "monthly-meeting", period: "2025-10", status: "submitted", submitted_at: new Date("2025-10-08T12:00:00Z"), data: JSON.stringify({ meeting_date: "2025-10-05", present: 8, members_expected: 9 }), form_version: 1, source: "quick" })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids[key] = row.id;
    }
    // A candidate for membership in each commune, so pipeline payloads have real targets.
    for (const [key, org, name] of [["candidatePolai", ids.polai, "Lương Thị Thử"], ["candidateTanhoa1", ids.tanhoa1, "Lương Thị Ngoài"]] as const) {
      const at = new Date("2025-10-01T03:00:00Z");
      const row = await db
        .insertInto("party_candidate")
        .values({ org_id: org as number, full_name: name, sex: "F", birth_year: 2004, ethnicity: "Nùng", religion: null, flags: "[]", identified_on: "2025-09-01", created_by: null, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids[key] = row.id;
    }
    ids.householdPolai = (await db.selectFrom("household").select("id").where("org_id", "=", ids.polai as number).executeTakeFirstOrThrow()).id;
    ids.householdBanchang = (await db.selectFrom("household").select("id").where("org_id", "=", ids.banchang as number).executeTakeFirstOrThrow()).id;
    ids.householdTanhoa1 = (await db.selectFrom("household").select("id").where("org_id", "=", ids.tanhoa1 as number).executeTakeFirstOrThrow()).id;

    const kyluaIds = (await db.selectFrom("org").select("id").where("parent_id", "=", ids.kylua as number).execute()).map((o) => o.id);
    const people = await db.selectFrom("person").select(["full_name", "cell_id"]).execute();
    const ownSide = new Set(people.filter((p) => !kyluaIds.includes(p.cell_id ?? -1)).map((p) => p.full_name));
    foreignNames = [...new Set(people.filter((p) => kyluaIds.includes(p.cell_id ?? -1)).map((p) => p.full_name))].filter((n) => !ownSide.has(n));
    expect(foreignNames.length).toBeGreaterThan(10);
  });
  afterAll(() => h?.close());

  it("has an expectation for every command the bot knows", () => {
    const names = defaultFeatures().flatMap((f) => (f.commands ?? []).map((c) => c.names[0] as string));
    expect(names.filter((n) => !(n in COMMANDS)), "commands missing from the access matrix: add a row to COMMANDS").toEqual([]);
  });

  describe("button payloads, inside and outside the scope", () => {
    /** Roles that see content for a payload aimed inside their scope (own cell or commune; the cadre's followed cell). */
    const PAYLOADS: { name: string; inside: (role: RoleName) => string; outside: string; allowed: RoleName[] }[] = [
      {
        name: "cell member list",
        inside: (r) => `cell:members:${r === "assigned cadre" ? ids.banchang : ids.polai}`,
        outside: "cell:members:TANHOA1",
        allowed: ["secretary", "deputy", "cell committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "cell summary",
        inside: (r) => `cell:show:${r === "assigned cadre" ? ids.banchang : ids.polai}`,
        outside: "cell:show:TANHOA1",
        allowed: ["member", "secretary", "deputy", "cell committee", "commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "roll-up",
        inside: (r) => `tong:${r === "assigned cadre" ? ids.banchang : ids.tanvan}:2025-10`,
        outside: "tong:KYLUA:2025-10",
        allowed: ["commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "a unit's past month",
        inside: (r) => `lb:o:${r === "assigned cadre" ? ids.banchang : ids.tanvan}:2025-10`,
        outside: "lb:o:KYLUA:2025-10",
        allowed: ["commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "a cell's 12 months",
        inside: (r) => `lb:c:${r === "assigned cadre" ? ids.banchang : ids.polai}:2025-10`,
        outside: "lb:c:TANHOA1:2025-10",
        allowed: ["secretary", "deputy", "cell committee", "commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "a report",
        inside: (r) => `rv:${r === "assigned cadre" ? ids.reportBanchang : ids.reportPolai}`,
        outside: "rv:REPORT_TANHOA1",
        allowed: ["secretary", "deputy", "cell committee", "commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "a report's history",
        inside: (r) => `hist:${r === "assigned cadre" ? ids.reportBanchang : ids.reportPolai}`,
        outside: "hist:REPORT_TANHOA1",
        allowed: ["secretary", "deputy", "cell committee", "commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "export",
        inside: () => `xu:${ids.tanvan}:0:2025-10`,
        outside: "xu:KYLUA:0:2025-10",
        allowed: ["standing committee", "commune office", "province office"],
      },
      {
        name: "a household's visits",
        inside: (r) => `hh:${r === "assigned cadre" ? ids.householdBanchang : ids.householdPolai}`,
        outside: "hh:HOUSEHOLD_TANHOA1",
        // The standing committee member here (Lộc Văn Khoa) follows Pò Lài: households of followed cells are in reach.
        allowed: ["secretary", "deputy", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "assignment candidates",
        inside: () => `pc:t:o:${ids.polai}`,
        outside: "pc:t:o:TANHOA1",
        allowed: ["standing committee", "commune office", "province office"],
      },
      {
        name: "an announcement's recipients",
        inside: () => `tb:to:${ids.tanvan}`,
        outside: "tb:to:KYLUA",
        allowed: ["standing committee", "commune office", "province office"],
      },
      {
        name: "a village record",
        inside: () => `vr:q:${ids.polai}:2025-Q3`,
        outside: "vr:q:TANHOA1:2025-Q3",
        allowed: ["secretary", "deputy"],
      },
      {
        name: "the villages of a commune",
        inside: () => `vr:o:${ids.tanvan}:2025-Q3`,
        outside: "vr:o:KYLUA:2025-Q3",
        allowed: ["standing committee", "commune office", "province office"],
      },
      {
        name: "a candidate for membership",
        inside: () => `pt:v:${ids.candidatePolai}`,
        outside: "pt:v:CANDIDATE_TANHOA1",
        allowed: ["secretary", "deputy"],
      },
      {
        name: "the party-development pipeline of a unit",
        inside: (r) => `pt:u:${r === "assigned cadre" ? ids.banchang : ids.tanvan}`,
        outside: "pt:u:KYLUA",
        allowed: ["commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        // A province-wide setting: no scope is "inside" but the province office's.
        name: "the certificate validity",
        inside: () => "pt:g:36:60",
        outside: "pt:g:48:36",
        allowed: ["province office"],
      },
      {
        // The go-live date, chosen from a day shown that is not the one in force: nothing is written.
        name: "the go-live date",
        inside: () => "gld:s:2025-01-01:2020-01-01",
        outside: "gld:s:2025-02-01:none",
        allowed: ["province office"],
      },
      {
        name: "a cell's meeting documents",
        inside: (r) => `vb:${r === "assigned cadre" ? ids.banchang : ids.polai}:2025-10:resolution`,
        outside: "vb:TANHOA1:2025-10:resolution",
        allowed: ["secretary", "deputy", "cell committee", "commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "a cell's agenda",
        inside: () => `ct:cell:${ids.polai}`,
        outside: "ct:cell:TANHOA1",
        allowed: ["secretary", "deputy"],
      },
      {
        name: "a cell's annual review (members' self-reviews)",
        inside: (r) => `xl:v:${r === "assigned cadre" ? ids.banchang : ids.polai}:2025`,
        outside: "xl:v:TANHOA1:2025",
        allowed: ["secretary", "deputy", "cell committee", "commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "the annual review's roll-up",
        inside: (r) => `xl:o:${r === "assigned cadre" ? ids.banchang : ids.tanvan}:2025`,
        outside: "xl:o:KYLUA:2025",
        allowed: ["commune committee", "standing committee", "commune office", "province office", "assigned cadre"],
      },
      {
        name: "the committee's score and level of a cell",
        inside: () => `xl:d:${ids.polai}:2025`,
        outside: "xl:d:TANHOA1:2025",
        allowed: ["standing committee", "commune office", "province office"],
      },
      {
        name: "start a report",
        inside: () => `rpf:${ids.polai}:monthly-meeting`,
        outside: "rpf:TANHOA1:monthly-meeting",
        allowed: ["secretary", "deputy"],
      },
    ];
    const resolve = (payload: string) =>
      payload
        .replace("CANDIDATE_TANHOA1", String(ids.candidateTanhoa1))
        .replace("REPORT_TANHOA1", String(ids.reportTanhoa1))
        .replace("HOUSEHOLD_TANHOA1", String(ids.householdTanhoa1))
        .replace("TANHOA1", String(ids.tanhoa1))
        .replace("KYLUA", String(ids.kylua));

    for (const role of ROLES) {
      it(`${role}: payloads inside the scope as allowed, outside refused without a name leaking`, async () => {
        const user = users.get(role) as string;
        const wrong: string[] = [];
        for (const p of PAYLOADS) {
          const inside = p.inside(role);
          const inResult = await h.say(user, "", { text: undefined, action: inside });
          const want: Seen = role === "unlinked" ? "link" : p.allowed.includes(role) ? "ok" : "no";
          const inSeen = seen(inResult.replies);
          if (inSeen !== want) wrong.push(`${p.name} inside (${inside}): saw ${inSeen}, DESIGN.md says ${want}`);
          await h.say(user, "/huy");
          if (role === "province office") continue; // the whole province is inside its scope
          const outside = resolve(p.outside);
          const outResult = await h.say(user, "", { text: undefined, action: outside });
          const outText = replyText(outResult.replies);
          if (!isRefusal(outResult.replies)) wrong.push(`${p.name} outside (${outside}): not refused: ${outText.slice(0, 120)}`);
          const leaked = foreignNames.filter((n) => outText.includes(n));
          if (leaked.length > 0) wrong.push(`${p.name} outside (${outside}): shows ${leaked.join(", ")}`);
          await h.say(user, "/huy");
        }
        expect(wrong).toEqual([]);
      });
    }

    it("refuses accepting another commune's report and leaves it as it was", async () => {
      const office = users.get("commune office") as string;
      const result = await h.say(office, "", { text: undefined, action: `ra:${ids.reportTanhoa1}:accept:1` });
      expect(isRefusal(result.replies)).toBe(true);
      const row = await h.db.db.selectFrom("report_submission").select(["status", "accepted_at"]).where("id", "=", ids.reportTanhoa1 as number).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: "submitted", accepted_at: null });
    });
  });

  describe("commands", () => {
    for (const role of ROLES) {
      it(`${role}: each command answers as DESIGN.md allows, and shows nobody of another commune`, async () => {
        const user = users.get(role) as string;
        const got: Record<string, Seen> = {};
        const want: Record<string, Seen> = {};
        for (const command of Object.keys(COMMANDS)) {
          const result = await h.say(user, `/${command}`);
          const text = replyText(result.replies);
          got[command] = seen(result.replies);
          want[command] = (COMMANDS[command] as Record<RoleName, Seen>)[role];
          expect(result.status, `/${command}`).toBe("handled");
          expect(replyProblems(result.replies, `/${command}`), `/${command}`).toEqual([]);
          if (role !== "province office") {
            expect(foreignNames.filter((n) => text.includes(n)), `/${command} as ${role}`).toEqual([]);
          }
          await h.say(user, "/huy");
        }
        const wrong = Object.keys(want).filter((c) => got[c] !== want[c]).map((c) => `/${c}: saw ${got[c]}, DESIGN.md says ${want[c]}`);
        expect(wrong).toEqual([]);
      });
    }
  });
});
