/**
 * The hostile-spec corpus: every file in test/corpus/specs/ states on its first line what
 * protoskel must answer, `# expect: PSKnnnn line:col` (a diagnostic, at that position when
 * given) or `# expect: ok` (valid: generated output must compile and contain no code that
 * came from doc text).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec, generate } from "../../src/index.js";
import { STRICT_TSCONFIG, tscBin } from "../helpers/strict-compile.js";

const run = promisify(execFile);
const dir = new URL("./specs/", import.meta.url).pathname;
const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

interface Expectation {
  readonly ok: boolean;
  readonly code?: string;
  readonly line?: number;
  readonly column?: number;
}

async function expectation(file: string): Promise<Expectation> {
  const first = (await readFile(join(dir, file), "utf8")).split(/\r?\n/)[0] ?? "";
  const m = /^# expect: (ok|PSK\d{4})(?: (\d+):(\d+))?/.exec(first);
  if (!m) throw new Error(`${file}: first line must be '# expect: …'`);
  if (m[1] === "ok") return { ok: true };
  return { ok: false, code: m[1]!, ...(m[2] ? { line: Number(m[2]), column: Number(m[3]) } : {}) };
}

describe("hostile spec corpus", () => {
  it("has at least 40 cases", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const file of files) {
    it(file, async () => {
      const want = await expectation(file);
      const result = await loadSpec(join(dir, file), dir);
      if (want.ok) {
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(result.model).toBeDefined();
        return;
      }
      expect(result.model).toBeUndefined();
      const codes = result.diagnostics.map((d) => d.code);
      expect(codes, JSON.stringify(result.diagnostics.map((d) => [d.code, d.message, d.location?.line, d.location?.column]))).toContain(want.code);
      const hit = result.diagnostics.find((d) => d.code === want.code)!;
      if (want.line !== undefined) expect({ line: hit.location?.line, column: hit.location?.column }).toEqual({ line: want.line, column: want.column });
      for (const d of result.diagnostics) expect(d.hint.length).toBeGreaterThan(0);
    });
  }
});

describe("valid hostile specs generate safe code", () => {
  let work: string;
  const okFiles: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "protoskel-corpus-"));
    for (const file of files) if ((await expectation(file)).ok) okFiles.push(file);
    // Each spec is named 'hostile'; give each its own output folder.
    for (const file of okFiles) {
      const result = await generate({ specs: [join(dir, file)], cwd: dir, outDir: join(work, file.replace(/\.\w+$/, "")), cache: false });
      expect(result.diagnostics.filter((d) => d.severity === "error"), file).toEqual([]);
    }
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("text from docs never becomes code (no 'pwned' identifier in any generated TS)", async () => {
    const { ts } = await import("ts-morph");
    const tsFiles = await listTs(work);
    expect(tsFiles.length).toBeGreaterThan(0);
    for (const file of tsFiles) {
      const text = await readFile(file, "utf8");
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const found: string[] = [];
      const visit = (node: import("ts-morph").ts.Node) => {
        if (ts.isIdentifier(node) && /^pwned/.test(node.text)) found.push(node.text);
        node.forEachChild(visit);
      };
      visit(source);
      expect(found, file).toEqual([]);
      expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, file).toEqual([]);
      // No live directive survived in a comment line start.
      expect(text).not.toMatch(/^\s*\/\/\s*@ts-(ignore|nocheck|expect-error)/m);
      expect(text).not.toMatch(/^\s*\/\/\/\s*<reference/m);
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u2028\u2029\u0000]/);
      expect(text).not.toContain("\r");
    }
  });

  it("generated code compiles with the strict flag set (tsc 7)", async () => {
    await writeFile(join(work, "package.json"), JSON.stringify({ type: "module" }));
    await writeFile(join(work, "tsconfig.json"), JSON.stringify({ ...STRICT_TSCONFIG, include: ["**/src/*.ts"] }));
    const out = await run(process.execPath, [tscBin(), "-p", join(work, "tsconfig.json"), "--noEmit"]).catch((e: { stdout: string }) => e);
    expect(out.stdout ?? "").toBe("");
  }, 120_000);
});

async function listTs(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) out.push(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
  }
  return out.sort();
}
