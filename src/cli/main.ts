/**
 * The command line: yargs wiring only. Each command's work lives in
 * src/cli/commands/<name>.ts, loaded when that command runs, so `generate` never pays
 * for what `scaffold` needs (ts-morph).
 */

import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { VERSION } from "../version.js";
import { EXIT } from "./output.js";

/** Options every command accepts. */
export interface GlobalArgs {
  readonly config?: string;
  readonly quiet: boolean;
}

const EPILOGUE = `Exit codes: 0 done, 1 check found drift, 2 bad input (spec, config, template, arguments), 70 internal error.
Docs: README.md and docs/ in the package. Diagnostic codes (PSKnnnn): docs/diagnostics.md.`;

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[] = hideBin(process.argv)): Promise<number> {
  let exitCode: number = EXIT.ok;
  const set = (code: number) => {
    exitCode = code;
  };
  const cli = yargs([...argv])
    .scriptName("protoskel")
    .usage("protoskel: typed TypeScript base classes, lifecycle monitors, docs and stub tests from a spec of callback protocols.\n\nUsage: $0 <command> [options]")
    .option("config", { type: "string", describe: "Config file (default: protoskel.config.json/.yaml found from the working directory upward)", global: true })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print only diagnostics and results", global: true })
    .command(
      "generate [specs..]",
      "Validate specs, render every output in Prettier's form (your Prettier config), write only what changed",
      (y) =>
        y
          .positional("specs", { type: "string", array: true, describe: "Spec files (default: the config's `specs`)" })
          .option("out", { alias: "o", type: "string", describe: "Output folder; each spec writes OUT/NAME/ (default: config outDir)" })
          .option("templates", { type: "string", describe: "Folder of template overrides, by file name" })
          .option("check", { type: "boolean", default: false, describe: "Write nothing; exit 1 when output is stale (same as `check`)" })
          .option("dry-run", { type: "boolean", default: false, describe: "List what would be created, updated or deleted; write nothing" })
          .option("watch", { alias: "w", type: "boolean", default: false, describe: "Regenerate when specs, config or templates change" })
          .option("cache", { type: "boolean", default: true, describe: "Reuse formatted output from node_modules/.cache/protoskel (--no-cache to disable)" })
          .option("always-format", { type: "boolean", default: false, describe: "Run Prettier on every file, even output protoskel already writes in Prettier's form (same result, slower)" })
          .option("tests", { choices: ["vitest", "node"] as const, describe: "Test runner the stub tests are written for" })
          .option("timing", { type: "boolean", default: false, describe: "Print time spent per stage, and how many files needed Prettier" })
          .example("$0 generate", "Generate every spec the config lists")
          .example("$0 generate specs/asyncio.yaml --out generated", "Generate one spec into generated/asyncio/")
          .example("$0 generate --dry-run", "Show what would change"),
      async (args) => set(await (await import("./commands/generate.js")).runGenerate(args)),
    )
    .command(
      "check [specs..]",
      "Like generate --check: list stale, missing or extra files with diffs; exit 1 on drift",
      (y) =>
        y
          .positional("specs", { type: "string", array: true, describe: "Spec files (default: the config's `specs`)" })
          .option("out", { alias: "o", type: "string", describe: "Output folder (default: config outDir)" })
          .option("templates", { type: "string", describe: "Folder of template overrides" })
          .option("tests", { choices: ["vitest", "node"] as const, describe: "Test runner the stub tests are written for" })
          .option("cache", { type: "boolean", default: true, describe: "Reuse formatted output from the cache" })
          .option("always-format", { type: "boolean", default: false, describe: "Run Prettier on every file (see generate --help)" })
          .option("timing", { type: "boolean", default: false, describe: "Print time spent per stage" })
          .example("$0 check", "Fail CI when committed output differs from what the specs generate"),
      async (args) => set(await (await import("./commands/generate.js")).runGenerate({ ...args, check: true, dryRun: false, watch: false })),
    )
    .command(
      "validate <specs..>",
      "Check specs and print diagnostics; write nothing",
      (y) => y.positional("specs", { type: "string", array: true, demandOption: true }).example("$0 validate specs/*.yaml", "Check every spec"),
      async (args) => set(await (await import("./commands/validate.js")).runValidate(args)),
    )
    .command(
      "scaffold [family] [class]",
      "Start a user implementation CLASS.ts (+ CLASS.test.ts) that extends a generated family; --update adds callbacks it lacks",
      (y) =>
        y
          .positional("family", { type: "string", describe: "Family to implement (asked for on a terminal when missing)" })
          .positional("class", { type: "string", describe: "Name of your class (asked for on a terminal when missing)" })
          .option("spec", { type: "string", describe: "The spec the family is in (default: the config's only spec)" })
          .option("out", { alias: "o", type: "string", describe: "Where the generated output is (default: config outDir)" })
          .option("dir", { alias: "d", type: "string", default: ".", describe: "Folder to write CLASS.ts and CLASS.test.ts in" })
          .option("update", { type: "boolean", default: false, describe: "Add overrides the existing class lacks; never change your lines" })
          .option("dry-run", { type: "boolean", default: false, describe: "With --update: print the diff, write nothing" })
          .option("tests", { choices: ["vitest", "node"] as const, describe: "Test runner for CLASS.test.ts" })
          .example("$0 scaffold Protocol EchoProtocol --spec specs/asyncio.yaml --dir src", "Write src/EchoProtocol.ts and src/EchoProtocol.test.ts")
          .example("$0 scaffold Protocol EchoProtocol --dir src --update", "After the spec grew: add the new callbacks"),
      async (args) => set(await (await import("./commands/scaffold.js")).runScaffold(args)),
    )
    .command("templates", "List the built-in templates or copy them out to customise", (y) =>
      y
        .command("list", "List built-in templates (and which your templates folder overrides)", (z) => z.option("templates", { type: "string", describe: "Your templates folder" }), async (args) =>
          set(await (await import("./commands/templates.js")).runTemplatesList(args)),
        )
        .command(
          "eject [names..]",
          "Copy built-in templates (all, or the NAMEs) to a folder to edit",
          (z) => z.positional("names", { type: "string", array: true }).option("to", { type: "string", describe: "Destination (default: config templates, else ./templates)" }),
          async (args) => set(await (await import("./commands/templates.js")).runTemplatesEject(args)),
        )
        .demandCommand(1, "Name a subcommand: list or eject"),
    )
    .command("init [dir]", "Write a starter config and spec", (y) => y.positional("dir", { type: "string", default: "." }), async (args) =>
      set(await (await import("./commands/init.js")).runInit(args)),
    )
    .command("schema", "Print the JSON Schema of the spec format (for editors)", {}, async () => set(await (await import("./commands/schema.js")).runSchema()))
    .demandCommand(1, "Name a command; see --help.")
    .recommendCommands()
    .strict()
    .version(VERSION)
    .alias("h", "help")
    .alias("v", "version")
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue(EPILOGUE)
    .fail((message, error, y) => {
      if (error) throw error;
      void y;
      process.stderr.write(`error PSK5007: ${message}\nRun 'protoskel --help' (or 'protoskel <command> --help') for usage.\n`);
      set(EXIT.badInput);
    })
    .exitProcess(false);
  await cli.parseAsync();
  return exitCode;
}
