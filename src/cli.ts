#!/usr/bin/env node
/** The `protoskel` executable: runs the CLI and turns crashes into a short report (exit 70). */

import { reportCrash } from "./cli/crash.js";
import { fastCheck } from "./cli/fast-check.js";
import { quickGenerateArgs } from "./cli/quick-args.js";
import { VERSION } from "./version.js";

process.on("uncaughtException", (error) => reportCrash(error, VERSION));
process.on("unhandledRejection", (error) => reportCrash(error, VERSION));

async function run(): Promise<number> {
  const argv = process.argv.slice(2);
  // A bare `check` whose inputs and output are unchanged since a verified run needs none of
  // the pipeline; the full CLI (yargs and everything behind it) is loaded only otherwise.
  const fast = await fastCheck(argv, process.cwd());
  if (fast !== undefined) return fast;
  // The everyday generate/check forms skip yargs; anything else gets the full CLI.
  const quick = quickGenerateArgs(argv);
  if (quick !== undefined) return (await import("./cli/commands/generate.js")).runGenerate(quick);
  const { main } = await import("./cli/main.js");
  return main(argv);
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => reportCrash(error, VERSION),
);
