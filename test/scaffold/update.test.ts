import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { parseDocument } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScaffold } from "../../src/cli/commands/scaffold.js";
import { loadSpec } from "../../src/index.js";
import type { Model } from "../../src/model/types.js";
import { updateClass } from "../../src/scaffold/index.js";
import { captureOutput, createTempProject, read, typecheck, type TempProject } from "./temp-project.js";

let project: TempProject;
const cwd = process.cwd();

beforeAll(async () => {
  project = await createTempProject();
  process.chdir(project.root);
}, 120_000);

afterAll(() => {
  process.chdir(cwd);
  project.remove();
});

function cli(args: Record<string, unknown>) {
  return captureOutput(() => runScaffold({ spec: "specs/asyncio.yaml", out: "generated", dir: "src", update: false, dryRun: false, quiet: false, ...args }, { input: Readable.from([]), output: new PassThrough(), interactive: false }));
}

/** Edits the project's spec (YAML document API) and regenerates. */
async function changeSpec(edit: (doc: ReturnType<typeof parseDocument>) => void): Promise<Model> {
  const doc = parseDocument(read(project.spec));
  edit(doc);
  writeFileSync(project.spec, doc.toString());
  await project.regenerate();
  return (await loadSpec(project.spec)).model!;
}

async function update(model: Model, family: string, className: string, file = join(project.src, `${className}.ts`)) {
  return updateClass({ model, family, className, file, outDir: project.outDir, displayName: file });
}

/** 1-based line and column of the first `needle` in `text`. */
function position(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

/**
 * The one stretch of text `after` adds to `before`: everything before it and after it must be
 * byte-identical to `before` (common prefix + common suffix cover all of `before`).
 */
function onlyInsertion(before: string, after: string): string {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  expect(prefix + suffix).toBe(before.length);
  return after.slice(prefix, after.length - suffix);
}

describe("scaffold --update", () => {
  it("adds a new callback to an edited class, keeps every byte the user wrote, compiles, and is idempotent; reports a removed callback", async () => {
    expect((await cli({ family: "Protocol", class: "EchoProtocol" })).result).toBe(0);
    const file = join(project.src, "EchoProtocol.ts");
    const scaffolded = read(file);
    // The user's edits: logic in bodies, comments, a field and a helper method, odd formatting, a narrowed parameter.
    const edited = scaffolded
      .replace("import type { BaseTransport }", "import type { Transport }")
      .replace("override connectionMade(transport: BaseTransport): void {", "override connectionMade(transport: Transport): void {\n    this.transport = transport; // keep it")
      .replace(/(export class EchoProtocol extends Protocol \{\n)/, "$1  private transport: Transport | undefined;\n  private   bytes=0 ;   // odd, on purpose\n\n  /** Not a callback. */\n  private summary( ): string { return `${this.bytes} bytes` }\n\n")
      .replace("    void data;", "    this.bytes += data.byteLength;\n    this.transport?.close();")
      .replace("    void exc;", "    if (exc) console.error(exc, this.summary());");
    expect(edited).not.toBe(scaffolded);
    writeFileSync(file, edited);

    const grown = await changeSpec((doc) => {
      doc.setIn(["families", "Protocol", "callbacks", "buffer_drained"], doc.createNode({ doc: "The send buffer is empty again. Nothing else.", params: [{ name: "count", type: "number" }] }));
      doc.setIn(["families", "Protocol", "lifecycle", "free"], doc.createNode(["buffer_drained"]));
    });
    const dry = await cli({ family: "Protocol", class: "EchoProtocol", update: true, dryRun: true });
    expect(dry.result).toBe(0);
    expect(dry.stdout).toContain("+  override bufferDrained(count: number): void {");
    expect(read(file)).toBe(edited);

    const first = await update(grown, "Protocol", "EchoProtocol");
    expect(first.diagnostics).toEqual([]);
    expect(first.added).toEqual(["bufferDrained"]);
    const updated = read(file);
    expect(updated).toBe(first.updated);
    const inserted = onlyInsertion(edited, updated);
    // (The inserted stretch may be reported shifted by a line break, which is the same text.)
    expect(inserted.trim()).toBe("override bufferDrained(count: number): void {\n    // TODO: The send buffer is empty again.\n    void count;\n  }");
    // In the family's order: after eofReceived, the callback before it.
    expect(updated.indexOf("bufferDrained(")).toBeGreaterThan(updated.indexOf("eofReceived("));
    const compiled = typecheck(project);
    expect(compiled.output).toBe("");

    const second = await cli({ family: "Protocol", class: "EchoProtocol", update: true });
    expect(second.result).toBe(0);
    expect(read(file)).toBe(updated);

    const shrunk = await changeSpec((doc) => {
      doc.deleteIn(["families", "Protocol", "callbacks", "eof_received"]);
      doc.deleteIn(["families", "Protocol", "lifecycle", "aliases", "ER"]);
      doc.setIn(["families", "Protocol", "lifecycle", "order"], "start -> CM [-> DR*] -> CL -> end");
    });
    const third = await update(shrunk, "Protocol", "EchoProtocol");
    expect(third.added).toEqual([]);
    expect(read(file)).toBe(updated);
    expect(third.diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.location?.column])).toEqual([["PSK6003", "warning", ...Object.values(position(updated, "eofReceived("))]]);
    const printed = await cli({ family: "Protocol", class: "EchoProtocol", update: true });
    expect(printed.result).toBe(0);
    const { line, column } = position(updated, "eofReceived(");
    expect(printed.stderr).toContain(`src/EchoProtocol.ts:${line}:${column} - warning PSK6003`);
    // The user follows the hint and deletes the override; the class compiles again.
    writeFileSync(file, updated.replace(/\n\n  override eofReceived\(\)[^]*?\n  \}/, ""));
    expect(read(file)).not.toContain("eofReceived");
    // --update changes only the class; the scaffolded test still lists eofReceived and says so at compile time.
    const errors = typecheck(project).output.split("\n").filter((l) => /^\S.*error TS/.test(l));
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/^src\/EchoProtocol\.test\.ts\(/);
    rmSync(join(project.src, "EchoProtocol.test.ts"));
    expect(typecheck(project).output).toBe("");
  }, 180_000);

  it("completes a class that implements the callbacks interface (no override) and an empty class, in family order", async () => {
    const model = (await loadSpec(project.spec)).model!;
    const protocol = model.families.find((f) => f.name === "Protocol")!;
    const implementsFile = join(project.src, "Plain.ts");
    const original = [
      "// mine",
      'import type { ProtocolCallbacks, Transport } from "../generated/asyncio/src/index.js";',
      "",
      "export class Plain implements ProtocolCallbacks {",
      "    connectionMade(transport: Transport): void { transport.close() }",
      "",
      "    dataReceived(data: Uint8Array): void {",
      "        void data; // later",
      "    }",
      "}",
      "",
    ].join("\n");
    writeFileSync(implementsFile, original);
    const result = await update(model, "Protocol", "Plain", implementsFile);
    expect(result.diagnostics).toEqual([]);
    const expected = protocol.callbacks.map((cb) => cb.tsName).filter((n) => n !== "connectionMade" && n !== "dataReceived");
    expect(result.added).toEqual(expected);
    expect(result.updated).not.toContain("override");
    expect(result.updated).toContain("\n    connectionLost(exc: Error | null): void {\n        // TODO:");
    // Kept in family order, whatever order they were inserted in.
    const order = protocol.callbacks.map((cb) => result.updated.indexOf(`    ${cb.tsName}(`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Two places got stubs (after connectionMade, after dataReceived); the user's lines between them are untouched.
    const afterMade = result.updated.indexOf("transport.close() }") + "transport.close() }".length;
    expect(onlyInsertion(original.slice(0, original.indexOf("\n\n    dataReceived")), result.updated.slice(0, result.updated.indexOf("\n\n    dataReceived")))).toBe(result.updated.slice(afterMade, result.updated.indexOf("\n\n    dataReceived")));

    const emptyFile = join(project.src, "Empty.ts");
    writeFileSync(emptyFile, 'import { Protocol } from "../generated/asyncio/src/Protocol.js";\n\nexport class Empty extends Protocol {}\n');
    const empty = await update(model, "Protocol", "Empty", emptyFile);
    expect(empty.added).toEqual(protocol.callbacks.map((cb) => cb.tsName));
    // The stubs use BaseTransport, which the file did not import: one import line is added.
    expect(empty.updated).toContain('import type { BaseTransport } from "../generated/asyncio/src/index.js";');

    const compiled = typecheck(project);
    expect(compiled.output).toBe("");
    expect((await update(model, "Protocol", "Plain", implementsFile)).updated).toBe(result.updated);
    expect((await update(model, "Protocol", "Empty", emptyFile)).added).toEqual([]);
  }, 120_000);

  it("reports overrides whose signature no longer fits (PSK6004) but accepts a narrowed parameter, and a missing class (PSK6005)", async () => {
    const model = (await loadSpec(project.spec)).model!;
    const dir = join(project.root, "elsewhere");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "Odd.ts");
    const text = [
      'import { Protocol } from "../generated/asyncio/src/Protocol.js";',
      'import type { Transport } from "../generated/asyncio/src/index.js";',
      "export class Odd extends Protocol {",
      "  override connectionMade(transport: Transport): void { void transport; }",
      "  override dataReceived(data: string): void { void data; }",
      "  override connectionLost(): void {}",
      "}",
      "",
    ].join("\n");
    writeFileSync(file, text);
    const result = await update(model, "Protocol", "Odd", file);
    const codes = result.diagnostics.map((d) => [d.code, d.location?.line]);
    expect(codes).toEqual([
      ["PSK6004", position(text, "dataReceived").line],
      ["PSK6004", position(text, "connectionLost").line],
    ]);
    // Reported, not rewritten: the user's lines are all still there, in order.
    let from = 0;
    for (const line of text.split("\n")) {
      const at = result.updated.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }

    const missing = await update(model, "Protocol", "Nope", file);
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["PSK6005"]);
    expect(read(file)).toBe(missing.original);
  }, 60_000);
});
