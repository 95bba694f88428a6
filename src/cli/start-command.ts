import { loadConfig } from "../config.js";
import { hasPlatformToken, runStart } from "../main.js";
import { quietConfig, type Command } from "./command.js";

/** `chibo start`: the bot on every channel whose token is set; with none, the console on demo data. */
export const runStartCommand: Command = async (_args, env, io) => {
  const config = loadConfig(env);
  return runStart(hasPlatformToken(config) ? config : await quietConfig(env), io, { serveHttp: Boolean(env.PORT?.trim()) });
};
