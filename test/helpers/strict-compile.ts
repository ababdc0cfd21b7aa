/** The strict compiler settings generated code must pass (see docs: cli-and-output). */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const STRICT_COMPILER_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2023"],
  types: [],
  strict: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedDeclarations: true,
  declaration: true,
  skipLibCheck: true,
} as const;

export const STRICT_TSCONFIG = { compilerOptions: STRICT_COMPILER_OPTIONS };

/** Path of the tsc 7 launcher script (run it with process.execPath). */
export function tscBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
}
