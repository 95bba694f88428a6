import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Engine } from "../../src/db/connection.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "./bot-harness.js";

export interface SecretarySession {
  h: BotHarness;
  /** The demo secretary of Pò Lài's chat. */
  sec: string;
  /** Chi bộ thôn Pò Lài. */
  cellId: number;
}

/**
 * The demo province with the secretary of Pò Lài linked, for the report suites: one harness per file,
 * and before each test the clock at `now`, no conversation open and no report stored. `use` receives
 * the session once it is open.
 */
export function secretaryOfPoLai(engine: Engine, now: Date, use: (session: SecretarySession) => void): void {
  let session: SecretarySession | undefined;
  beforeAll(async () => {
    const h = await botHarness(engine);
    const sec = await h.as(DEMO_SECRETARY_CODE);
    const cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    session = { h, sec, cellId };
    use(session);
  });
  afterAll(() => session?.h.close());
  beforeEach(async () => {
    const { h, sec } = session!;
    h.clock.now = new Date(now);
    await h.sayText(sec, "/huy");
    await h.db.db.deleteFrom("report_submission").execute();
  });
}
