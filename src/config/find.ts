/** Finding the config file, from the working directory upward. No parsing here, so it is cheap. */

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The file names looked for, in this order, in each folder. */
export const CONFIG_FILE_NAMES = ["protoskel.config.json", "protoskel.config.yaml", "protoskel.config.yml"] as const;

/** The nearest config file from `cwd` upward, if any. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
