#!/usr/bin/env node
/** The `protoskel` executable: runs the CLI and turns crashes into a short report (exit 70). */

import { reportCrash } from "./cli/crash.js";
import { fastCheck } from "./cli/fast-check.js";
import { VERSION } from "./version.js";

process.on("uncaughtException", (error) => reportCrash(error, VERSION));
process.on("unhandledRejection", (error) => reportCrash(error, VERSION));

async function run(): Promise<number> {
  const argv = process.argv.slice(2);
  // A bare `check` whose inputs and output are unchanged since a verified run needs none of
  // the pipeline; the full CLI (yargs and everything behind it) is loaded only otherwise.
  const fast = await fastCheck(argv, process.cwd());
  if (fast !== undefined) return fast;
  const { main } = await import("./cli/main.js");
  return main(argv);
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => reportCrash(error, VERSION),
);
