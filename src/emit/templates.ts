/**
 * The public face of the templates: what `protoskel templates list` shows and what
 * `protoskel templates eject` copies out for a user to customise.
 */

import { constants } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { BUILTIN_TEMPLATES_DIR, builtinTemplateNames } from "./template-set.js";

/** What each built-in template renders (shown by `templates list`). */
const PURPOSES: Readonly<Record<string, string>> = {
  "family.ts.eta": "src/FAMILY.ts: abstract base class, callbacks interface, lifecycle data",
  "types.ts.eta": "src/types.ts: the spec's declared types",
  "index.ts.eta": "src/index.ts: the barrel",
  "lifecycle.ts.eta": "src/lifecycle.ts: the runtime lifecycle monitor",
  "readme.md.eta": "docs/README.md: index page with the class diagram",
  "family.md.eta": "docs/FAMILY.md: one family's reference page",
  "family.test.vitest.ts.eta": "test/FAMILY.test.ts for vitest",
  "family.test.node.ts.eta": "test/FAMILY.test.ts for node:test",
  "_header.ts.eta": "partial: the header comment of every TypeScript file",
  "_header.md.eta": "partial: the header comment of every Markdown page",
  "_tsdoc.ts.eta": "partial: one /** … */ block from safe lines",
  "_callback-doc.ts.eta": "partial: a callback's TSDoc (summary, @param, @returns, @remarks)",
  "_signature.ts.eta": "partial: a callback's parameter list and return type",
  "_class-member.ts.eta": "partial: a callback in the base class (abstract or no-op default)",
  "_interface-member.ts.eta": "partial: a callback in the callbacks interface",
  "_lifecycle-data.ts.eta": "partial: the FAMILYLifecycle constant",
  "_test-stub.ts.eta": "partial: the concrete subclass the stub tests instantiate",
  "_callback-section.md.eta": "partial: a callback's section on its family page",
  "_state-diagram.md.eta": "partial: a Mermaid stateDiagram-v2 of one automaton",
  "_class-diagram.md.eta": "partial: the Mermaid classDiagram of inheritance",
};

/** One built-in template. */
export interface TemplateInfo {
  /** File name: what a user's templates directory overrides and `eject` takes. */
  readonly name: string;
  /** Partials start with `_` and are included by other templates. */
  readonly partial: boolean;
  readonly purpose: string;
}

/** The built-in templates, sorted by name. */
export function listTemplates(): TemplateInfo[] {
  return builtinTemplateNames().map((name) => ({
    name,
    partial: name.startsWith("_"),
    purpose: PURPOSES[name] ?? "",
  }));
}

/** The outcome of an eject: files written (absolute paths) and problems found. */
export interface EjectResult {
  readonly written: string[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Copies built-in templates into `toDir` (all of them when `names` is empty). Never
 * overwrites: an existing file is PSK6002 and is left as it is. An unknown name is PSK4003.
 * Names may be given with or without the `.eta` suffix.
 */
export async function ejectTemplates(names: readonly string[], toDir: string): Promise<EjectResult> {
  const known = builtinTemplateNames();
  const diagnostics: Diagnostic[] = [];
  const chosen: string[] = [];
  for (const raw of names.length === 0 ? known : names) {
    const name = raw.endsWith(".eta") ? raw : `${raw}.eta`;
    if (!known.includes(name)) {
      diagnostics.push(diagnostic("PSK4003", `no built-in template named '${raw}'`));
    } else if (!chosen.includes(name)) {
      chosen.push(name);
    }
  }
  if (diagnostics.length > 0) return { written: [], diagnostics };
  await mkdir(toDir, { recursive: true });
  const written: string[] = [];
  for (const name of chosen) {
    const target = path.join(toDir, name);
    try {
      // COPYFILE_EXCL: fail instead of replacing, atomically (no check-then-write race).
      await copyFile(path.join(BUILTIN_TEMPLATES_DIR, name), target, constants.COPYFILE_EXCL);
      written.push(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        diagnostics.push(
          diagnostic("PSK6002", `'${target}' already exists; not overwritten`, undefined, {
            hint: "eject never overwrites; move or delete the file first, or eject to another directory with --to.",
          }),
        );
      } else {
        diagnostics.push(diagnostic("PSK5006", `cannot write '${target}': ${(error as Error).message}`));
      }
    }
  }
  return { written, diagnostics };
}
