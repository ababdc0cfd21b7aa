import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./temp-project.js";

/** Module specifiers a file imports or re-exports at its top level (value imports only; `import type` is erased). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(?!type\s)([^;]*?)\s+from\s+"([^"]+)"/gm)) specifiers.push(match[3]!);
  for (const match of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) specifiers.push(match[1]!);
  return specifiers;
}

describe("scaffold code is loaded only by the scaffold command", () => {
  const entryPoints = ["src/cli/main.ts", "src/index.ts", "src/cli.ts", ...readdirSync(join(REPO, "src/api")).map((f) => `src/api/${f}`)];

  it.each(entryPoints)("%s imports nothing from src/scaffold or ts-morph at module level", (file) => {
    const imports = staticImports(join(REPO, file));
    for (const specifier of imports) {
      expect(specifier).not.toMatch(/scaffold|ts-morph/);
    }
  });

  it("sees the static imports it checks (main.ts imports yargs)", () => {
    expect(staticImports(join(REPO, "src/cli/main.ts"))).toContain("yargs");
  });

  it("only update.ts loads ts-morph, and only with a dynamic import", () => {
    for (const file of readdirSync(join(REPO, "src/scaffold"))) {
      expect(staticImports(join(REPO, "src/scaffold", file)), file).not.toContain("ts-morph");
    }
    expect(readFileSync(join(REPO, "src/scaffold/update.ts"), "utf8")).toContain('await import("ts-morph")');
  });
});
