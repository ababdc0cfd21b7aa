/**
 * Where things are for one scaffolded class: the family in the model, the generated files it
 * imports (under `OUT/NAME/src/`), and the import specifiers that reach them from the user's
 * folder. Import specifiers end in `.js`, as NodeNext resolution wants for TypeScript sources.
 */

import { join, relative, sep } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { Family, Model } from "../model/types.js";
import { didYouMean } from "../util/did-you-mean.js";

/** The family named on the command line, or PSK6001 with a did-you-mean hint. */
export function findFamily(model: Model, name: string): { family?: Family; diagnostics: Diagnostic[] } {
  const family = model.families.find((f) => f.name === name);
  if (family) return { family, diagnostics: [] };
  const names = model.families.map((f) => f.name);
  const guess = didYouMean(name, names);
  const hint = `${guess !== undefined ? `Did you mean '${guess}'? ` : ""}The families of ${model.specFile} are: ${names.join(", ")}.`;
  return { diagnostics: [diagnostic("PSK6001", `unknown family '${name}' in ${model.specFile}${guess !== undefined ? ` (did you mean '${guess}'?)` : ""}`, undefined, { hint })] };
}

/** The generated files a scaffolded class and its test import, as absolute paths without extension. */
export interface GeneratedModules {
  /** `OUT/NAME/src`. */
  readonly srcDir: string;
  /** `OUT/NAME/src/FAMILY` (the `.ts` file holds the base class, its interface and lifecycle). */
  readonly family: string;
  /** `OUT/NAME/src/lifecycle`: the runtime monitor. */
  readonly lifecycle: string;
  /** `OUT/NAME/src/index`: the barrel, which re-exports every declared type and family. */
  readonly index: string;
}

/** The generated modules of `family` in the spec `model`, generated under `outDir`. */
export function generatedModules(outDir: string, model: Model, family: Family): GeneratedModules {
  const srcDir = join(outDir, model.name, "src");
  return { srcDir, family: join(srcDir, family.name), lifecycle: join(srcDir, "lifecycle"), index: join(srcDir, "index") };
}

/**
 * The import specifier that reaches `targetWithoutExtension` (a `.ts` module) from a file in
 * `fromDir`: relative, `/`-separated, starting with `./` or `../`, ending in `.js`.
 */
export function importSpecifier(fromDir: string, targetWithoutExtension: string): string {
  const rel = relative(fromDir, targetWithoutExtension).split(sep).join("/");
  return `${rel.startsWith("../") ? rel : `./${rel}`}.js`;
}

/** True for a name a class can take: an identifier that is not a reserved word. */
export function isValidClassName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with implements interface let package private protected public static yield await any boolean number string symbol never unknown object undefined".split(" "),
);
