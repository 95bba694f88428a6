/**
 * Runs before each test file (vitest.config.ts `setupFiles`). Test files share their worker's loaded
 * modules (`isolate: false`: no file pays for loading chibo again), so whatever a module keeps for
 * the process is set here to the same starting point for every file, whichever files ran before it.
 */
import { beforeAll } from "vitest";
// Every channel states what it can show, as in a running chibo (which loads them all), rather than
// only those some earlier file happened to load.
import "../../src/channels/console/console-capabilities.js";
import "../../src/channels/telegram/telegram-capabilities.js";
import "../../src/channels/zalo/zalo-capabilities.js";
import { useOwnLayouts } from "../../src/export/province-layout.js";
import { startOfTestFile } from "./engines.js";

beforeAll(() => {
  // No office layouts folder until a chibo opened on a data folder sets its own (src/app.ts).
  useOwnLayouts(undefined);
  startOfTestFile();
});
