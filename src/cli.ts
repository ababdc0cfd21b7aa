#!/usr/bin/env node
/** The `protoskel` executable: runs the CLI and turns crashes into a short report (exit 70). */

import { reportCrash } from "./cli/crash.js";
import { main } from "./cli/main.js";
import { VERSION } from "./version.js";

process.on("uncaughtException", (error) => reportCrash(error, VERSION));
process.on("unhandledRejection", (error) => reportCrash(error, VERSION));

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => reportCrash(error, VERSION),
);
