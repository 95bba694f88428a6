import { afterAll, beforeAll, expect, it } from "vitest";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { createInvite } from "../../src/services/link.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** The personal-data notice asks yes or no: "ok", "oke ạ", "đồng ý" answer it as "Đồng ý" does (walk 3, D6). */
describeEngines("consent answered in everyday words", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine);
  });
  afterAll(() => h.close());
  const linkedTo = async (userId: string) => (await h.db.db.selectFrom("chat_account").select("person_id").where("platform_user_id", "=", userId).executeTakeFirstOrThrow()).person_id;

  it.each([
    ["cw-ok", "ok", "DEMO-DV-POLAI-MAI"],
    ["cw-oke", "Oke ạ", "DEMO-BT-POLAI"],
    ["cw-dongy", "đồng ý nhé", "DEMO-CUV-KHOA"],
  ])("'%s' links the account", async (userId, said, code) => {
    const person = (await findPersonByCode(h.db.db, code))!;
    const { code: invite } = await createInvite(h.db.db, person.id, null, h.clock.now);
    expect(await h.sayText(userId, `/lienket ${invite}`)).toContain("1. Đồng ý\n2. Không đồng ý");
    const answer = await h.sayText(userId, said);
    expect(answer).toContain("Đã liên kết tài khoản với đồng chí");
    expect(answer).not.toContain("vui lòng chọn");
    expect(await linkedTo(userId)).toBe(person.id);
  });

  it("'không' refuses, and links nothing", async () => {
    const person = (await findPersonByCode(h.db.db, "DEMO-VP-TANVAN"))!;
    const { code } = await createInvite(h.db.db, person.id, null, h.clock.now);
    await h.sayText("cw-no", `/lienket ${code}`);
    expect(await h.sayText("cw-no", "không")).toContain("Chưa liên kết tài khoản vì đồng chí chưa đồng ý");
    expect(await linkedTo("cw-no")).toBeNull();
  });
});
