/**
 * `protoskel scaffold FAMILY CLASS`: renders `CLASS.ts` and `CLASS.test.ts`, formats them,
 * and writes both, or neither: an existing file is never overwritten (PSK6002), and both
 * paths are checked before either is written.
 */

import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import type { Model } from "../model/types.js";
import { renderClassFile } from "./class-file.js";
import { formatTypeScript } from "./format.js";
import { findFamily, generatedModules, isValidClassName } from "./locate.js";
import { renderTestFile, type TestRunner } from "./test-file.js";

/** What to scaffold. */
export interface ScaffoldOptions {
  readonly model: Model;
  readonly family: string;
  readonly className: string;
  /** Absolute folder the spec's output is generated in (`OUT`; the family is in `OUT/NAME/src/`). */
  readonly outDir: string;
  /** Absolute folder to write `CLASS.ts` and `CLASS.test.ts` in. */
  readonly dir: string;
  readonly tests?: TestRunner;
  /** Render and check, but write nothing. */
  readonly dryRun?: boolean;
}

/** One scaffolded file. */
export interface ScaffoldedFile {
  readonly path: string;
  readonly content: string;
}

/** The files written (or that would be), or the diagnostics that stopped it. */
export interface ScaffoldResult {
  readonly files: readonly ScaffoldedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Scaffolds a class and its tests. Never throws for bad input; never overwrites. */
export async function scaffoldClass(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const { model, className } = options;
  const found = findFamily(model, options.family);
  if (!found.family) return { files: [], diagnostics: found.diagnostics };
  const family = found.family;
  const diagnostics: Diagnostic[] = [];
  if (!isValidClassName(className)) {
    return { files: [], diagnostics: [diagnostic("PSK5007", `'${className}' cannot be a class name`, undefined, { hint: "Name the class with a TypeScript identifier, e.g. EchoProtocol." })] };
  }
  const taken = new Set([family.name, `${family.name}Lifecycle`, "LifecycleMonitor", "monitored", "ARGS", "Callback", "Received", "fake", "recorded", "call", "walk", "isNotImplementedYet"]);
  for (const cb of family.callbacks) for (const p of cb.params) for (const ref of p.type.references) taken.add(ref);
  if (taken.has(className)) {
    return { files: [], diagnostics: [diagnostic("PSK5007", `the class name '${className}' clashes with a name the scaffolded files import or declare`, undefined, { hint: `Choose another name, e.g. My${family.name}.` })] };
  }

  const classFile = join(options.dir, `${className}.ts`);
  const testFile = join(options.dir, `${className}.test.ts`);
  for (const file of [classFile, testFile]) {
    if (await exists(file)) diagnostics.push(diagnostic("PSK6002", `${file} already exists; nothing was written`));
  }
  if (hasErrors(diagnostics)) return { files: [], diagnostics };

  const modules = generatedModules(options.outDir, model, family);
  if (!(await exists(`${modules.family}.ts`))) {
    diagnostics.push(diagnostic("PSK6006", `the generated ${family.name} is not at ${modules.family}.ts yet; the scaffolded files import it from there`, undefined, { severity: "warning" }));
  }
  const runner = options.tests ?? "vitest";
  const rendered = [
    { path: classFile, text: renderClassFile(model, family, className, classFile, modules) },
    { path: testFile, text: renderTestFile(model, family, className, testFile, modules, runner) },
  ];
  const files: ScaffoldedFile[] = [];
  for (const r of rendered) {
    const formatted = await formatTypeScript(r.text, r.path);
    diagnostics.push(...formatted.diagnostics);
    if (formatted.text !== undefined) files.push({ path: r.path, content: formatted.text });
  }
  if (hasErrors(diagnostics) || options.dryRun) return { files, diagnostics };
  try {
    await mkdir(options.dir, { recursive: true });
    // `wx`: fail rather than overwrite a file that appeared since the check above.
    for (const f of files) await writeFile(f.path, f.content, { flag: "wx" });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { files: [], diagnostics: [...diagnostics, diagnostic((error as { code?: string }).code === "EEXIST" ? "PSK6002" : "PSK5006", `cannot write the scaffolded files: ${reason}`)] };
  }
  return { files, diagnostics };
}
