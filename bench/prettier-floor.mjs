// The prettier floor: a cold process that loads Prettier and formats exactly the given files
// (with `filepath`, one thread), as `prettier --write` would minus the CLI. Usage:
//   node bench/prettier-floor.mjs FILE...   (or one @LISTFILE holding paths, one a line)
// Prints nothing; the bench measures the whole process.
import { readFileSync } from "node:fs";
import * as prettier from "prettier";

const args = process.argv.slice(2);
const files = args.length === 1 && args[0].startsWith("@") ? readFileSync(args[0].slice(1), "utf8").split("\n").filter(Boolean) : args;
let chars = 0;
for (const file of files) {
  const formatted = await prettier.format(readFileSync(file, "utf8"), { filepath: file });
  chars += formatted.length;
}
if (process.env.FLOOR_VERBOSE) console.log(`${files.length} files, ${chars} chars`);
