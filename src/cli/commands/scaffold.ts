/**
 * `protoskel scaffold FAMILY CLASS` and `scaffold … --update`: argument handling, questions
 * on a terminal, printing. The work is in src/scaffold (loaded here, lazily, by main.ts).
 */

import { relative, resolve } from "node:path";
import { loadModel } from "../../api/load-model.js";
import { diagnostic, hasErrors, type Diagnostic } from "../../diagnostics/index.js";
import type { Model } from "../../model/types.js";
import { scaffoldClass, updateClass } from "../../scaffold/index.js";
import { Prompter, type PromptIo } from "../../scaffold/prompt.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { commandContext, specsFor } from "../context.js";
import { EXIT, type Output } from "../output.js";

/** The options of `scaffold` as yargs hands them over. */
export interface ScaffoldArgs {
  readonly family?: string | undefined;
  readonly class?: string | undefined;
  readonly spec?: string | undefined;
  readonly out?: string | undefined;
  readonly dir?: string | undefined;
  readonly update?: boolean | undefined;
  readonly dryRun?: boolean | undefined;
  readonly tests?: "vitest" | "node" | undefined;
  readonly config?: string | undefined;
  readonly quiet?: boolean | undefined;
}

const USAGE = "usage: protoskel scaffold FAMILY CLASS [--spec SPEC] [--out DIR] [--dir DIR] [--update] [--dry-run]";

/** A path as the user would type it from the working directory. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

/** Runs the command; `io` answers the questions (default: the process's terminal). Resolves to the exit code. */
export async function runScaffold(args: ScaffoldArgs, io: PromptIo & { readonly interactive?: boolean } = { input: process.stdin, output: process.stderr }): Promise<number> {
  const { context, diagnostics, output } = await commandContext(args);
  if (!context) {
    output.diagnostics(diagnostics);
    return EXIT.badInput;
  }
  const resolved = await specsFor(context, args.spec !== undefined ? [args.spec] : undefined);
  if (hasErrors(resolved.diagnostics)) {
    output.diagnostics(resolved.diagnostics);
    return EXIT.badInput;
  }
  const models: Model[] = [];
  for (const spec of resolved.specs) {
    const result = await loadModel(spec.path, spec.displayName);
    if (!result.model) {
      output.diagnostics(result.diagnostics, result.sources);
      return EXIT.badInput;
    }
    models.push(result.model);
  }

  const interactive = io.interactive ?? Boolean(process.stdin.isTTY);
  let familyName = args.family;
  let className = args.class;
  if (familyName === undefined || className === undefined) {
    if (!interactive) return usage(output, models);
    const prompter = new Prompter(io);
    try {
      familyName ??= await prompter.chooseFamily(models.flatMap((m) => m.families.map((f) => ({ name: f.name, label: models.length > 1 ? `${f.summary} (${m.specFile})` : f.summary }))));
      if (familyName !== undefined) className ??= await prompter.askClassName(`My${familyName}`);
    } finally {
      prompter.close();
    }
    if (familyName === undefined || className === undefined) return usage(output, models);
  }

  const model = pickModel(models, familyName, output);
  if (!model) return EXIT.badInput;
  const outDir = args.out !== undefined ? resolve(process.cwd(), args.out) : context.config.outDir;
  const dir = resolve(process.cwd(), args.dir ?? ".");
  if (args.update) return update(output, { model, family: familyName, className, outDir, file: resolve(dir, `${className}.ts`), dryRun: args.dryRun === true });

  const configured = context.config.emit.tests;
  const result = await scaffoldClass({ model, family: familyName, className, outDir, dir, tests: args.tests ?? (configured === false ? "vitest" : configured), dryRun: args.dryRun === true });
  output.diagnostics(result.diagnostics);
  if (hasErrors(result.diagnostics)) return EXIT.badInput;
  for (const file of result.files) {
    if (args.dryRun) output.out(await unifiedDiff(shown(file.path), "", file.content));
    else output.info(`created ${shown(file.path)}`);
  }
  return EXIT.ok;
}

/** The spec that has the family; PSK6001 (with a did-you-mean over every spec) when none or several do. */
function pickModel(models: readonly Model[], familyName: string, output: Output): Model | undefined {
  const having = models.filter((m) => m.families.some((f) => f.name === familyName));
  if (having.length === 1) return having[0];
  const problems: Diagnostic[] = [];
  if (having.length > 1) {
    problems.push(diagnostic("PSK5007", `family '${familyName}' is in several specs (${having.map((m) => m.specFile).join(", ")})`, undefined, { hint: "Name one with --spec." }));
  } else {
    const all = models.flatMap((m) => m.families.map((f) => f.name));
    const guess = didYouMean(familyName, all);
    problems.push(
      diagnostic("PSK6001", `unknown family '${familyName}'${guess !== undefined ? ` (did you mean '${guess}'?)` : ""}`, undefined, {
        hint: `Families: ${all.join(", ")}${models.length === 1 ? ` (in ${models[0]!.specFile})` : ""}.`,
      }),
    );
  }
  output.diagnostics(problems);
  return undefined;
}

async function update(output: Output, options: Parameters<typeof updateClass>[0]): Promise<number> {
  const result = await updateClass({ ...options, displayName: shown(options.file) });
  output.diagnostics(result.diagnostics);
  if (hasErrors(result.diagnostics)) return EXIT.badInput;
  const name = shown(options.file);
  if (options.dryRun) {
    if (result.updated !== result.original) output.out(await unifiedDiff(name, result.original, result.updated));
    else output.info(`${name}: nothing to add`);
  } else if (result.added.length > 0) {
    output.info(`${name}: added ${result.added.join(", ")}`);
  } else {
    output.info(`${name}: has every callback of ${options.family}`);
  }
  return EXIT.ok;
}

async function unifiedDiff(name: string, before: string, after: string): Promise<string> {
  const { createTwoFilesPatch } = await import("diff");
  return createTwoFilesPatch(before === "" ? "/dev/null" : `a/${name}`, `b/${name}`, before, after).trimEnd();
}

function usage(output: Output, models: readonly Model[]): number {
  const families = models.flatMap((m) => m.families.map((f) => f.name));
  output.diagnostics([
    diagnostic("PSK5007", `scaffold needs a FAMILY and a CLASS (they are asked for only on a terminal). ${USAGE}`, undefined, {
      hint: families.length > 0 ? `Families: ${families.join(", ")}.` : "Run `protoskel scaffold --help`.",
    }),
  ]);
  return EXIT.badInput;
}
