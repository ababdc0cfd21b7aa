/**
 * `generate --watch`: run once, then again whenever a spec, the config or a template
 * changes. A broken spec prints its diagnostics and the watcher waits for the next save.
 */

import { watch, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CommandContext } from "./context.js";
import { specsFor } from "./context.js";

/** Runs `run` now and on every change until the process is stopped (Ctrl-C). */
export async function watchAndRegenerate(
  context: CommandContext,
  args: { specs?: string[] | undefined; templates?: string | undefined },
  run: () => Promise<number>,
): Promise<number> {
  const { output, config } = context;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const trigger = () => {
    clearTimeout(timer);
    // Editors save in several steps; wait for the burst to end.
    timer = setTimeout(() => void cycle(), 120);
  };
  const watchers: FSWatcher[] = [];
  const rewatch = async () => {
    for (const w of watchers.splice(0)) w.close();
    const { specs } = await specsFor(context, args.specs);
    const folders = new Set<string>(specs.map((s) => dirname(s.path)));
    if (config.file) folders.add(dirname(config.file));
    const templates = args.templates !== undefined ? resolve(process.cwd(), args.templates) : config.templates;
    if (templates) folders.add(templates);
    for (const folder of folders) {
      try {
        watchers.push(watch(folder, { persistent: true }, (_event, name) => {
          if (name === null || /\.(ya?ml|json|eta)$/.test(String(name))) trigger();
        }));
      } catch {
        output.info(`cannot watch ${folder}; changes there will not trigger a run`);
      }
    }
  };
  const cycle = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await run();
      await rewatch();
    } finally {
      running = false;
    }
    output.info(`[${new Date().toLocaleTimeString()}] watching for changes (Ctrl-C to stop)…`);
    if (again) {
      again = false;
      trigger();
    }
  };
  await cycle();
  await new Promise<void>((done) => process.once("SIGINT", () => done()));
  for (const w of watchers) w.close();
  return 0;
}
