import { loadConfig } from "../config.js";
import { hasPlatformToken, runStart } from "../main.js";
import { quietConfig, type Command } from "./command.js";

/** After SIGTERM or SIGINT, chibo has this long to stop in order (updates, sends, database) before it exits anyway. */
export const STOP_DEADLINE_MS = 10_000;

/** The exit code when the orderly stop overran STOP_DEADLINE_MS (a supervisor then sees a failed stop). */
export const EXIT_STOP_OVERRAN = 1;

/**
 * `chibo start`: the bot on every channel whose token is set; with none, the console on demo data.
 * With PORT set explicitly, /healthz, /readyz and /metrics are served even without a webhook.
 */
export const runStartCommand: Command = async (_args, env, io) => {
  const config = loadConfig(env);
  const armDeadline = () => {
    const timer = setTimeout(() => {
      io.stderr.write(`chibo did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting now.\n`);
      process.exit(EXIT_STOP_OVERRAN);
    }, STOP_DEADLINE_MS);
    timer.unref();
  };
  process.once("SIGTERM", armDeadline);
  process.once("SIGINT", armDeadline);
  try {
    return await runStart(hasPlatformToken(config) ? config : await quietConfig(env), io, { serveHttp: Boolean(env.PORT?.trim()) });
  } finally {
    process.off("SIGTERM", armDeadline);
    process.off("SIGINT", armDeadline);
  }
};
