import { existsSync } from "node:fs";
import { join } from "node:path";
import { Readable, PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScaffold } from "../../src/cli/commands/scaffold.js";
import { main } from "../../src/cli/main.js";
import { loadSpec } from "../../src/index.js";
import type { Model } from "../../src/model/types.js";
import { captureOutput, createTempProject, read, runBin, typecheck, type TempProject } from "./temp-project.js";

let project: TempProject;
let model: Model;
const cwd = process.cwd();

beforeAll(async () => {
  project = await createTempProject();
  model = (await loadSpec(project.spec)).model!;
  process.chdir(project.root);
}, 120_000);

afterAll(() => {
  process.chdir(cwd);
  project.remove();
});

/** Runs the command as the CLI would, without a terminal, and captures what it prints. */
function scaffold(args: Record<string, unknown>) {
  return captureOutput(() => runScaffold({ spec: "specs/asyncio.yaml", out: "generated", dir: "src", update: false, dryRun: false, quiet: false, ...args }, { input: Readable.from([]), output: new PassThrough(), interactive: false }));
}

describe("scaffold FAMILY CLASS", () => {
  it("writes a class and conformance tests for every asyncio family that compile strictly and pass with the TODO bodies", async () => {
    for (const family of model.families) {
      const { result, stderr } = await scaffold({ family: family.name, class: `My${family.name}` });
      expect(result, stderr).toBe(0);
    }
    for (const family of model.families) {
      const text = read(join(project.src, `My${family.name}.ts`));
      expect(text.split("\n")[0]).toMatch(/^\/\/ created by protoskel scaffold; yours to edit/);
      expect(text).toContain(`import { ${family.name} } from "../generated/asyncio/src/${family.name}.js";`);
      expect(text).toContain(`export class My${family.name} extends ${family.name} {`);
      for (const cb of family.callbacks) {
        expect(text).toMatch(new RegExp(`\\n  override ${cb.tsName}\\(`));
        if (cb.required) expect(text).toContain(`throw new Error("My${family.name}.${cb.tsName} is not implemented yet");`);
      }
      const tests = read(join(project.src, `My${family.name}.test.ts`));
      for (const path of family.lifecycle?.legalPaths ?? []) expect(tests).toContain(JSON.stringify(path.calls.join(" → ")));
    }
    const compiled = typecheck(project);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const run = runBin("vitest", ["run", "--reporter=json"], project.root);
    expect(run.status, run.output).toBe(0);
    const report = JSON.parse(run.output.slice(run.output.indexOf("{"), run.output.lastIndexOf("}") + 1)) as { numPassedTests: number; numFailedTests: number; numTodoTests: number };
    const paths = model.families.reduce((n, f) => n + (f.lifecycle?.legalPaths.length ?? 0), 0);
    const callbacks = model.families.reduce((n, f) => n + f.callbacks.length, 0);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBe(paths);
    expect(report.numTodoTests).toBe(callbacks);
  }, 180_000);

  it("writes conformance tests that fail when the class breaks on a legal path", async () => {
    const { result } = await scaffold({ family: "Protocol", class: "Broken" });
    expect(result).toBe(0);
    const file = join(project.src, "Broken.ts");
    const text = read(file);
    const { writeFileSync, rmSync } = await import("node:fs");
    writeFileSync(file, text.replace("void data;", 'void data;\n    throw new Error("boom");'));
    const run = runBin("vitest", ["run", "src/Broken.test.ts"], project.root);
    rmSync(file);
    rmSync(join(project.src, "Broken.test.ts"));
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("boom");
  }, 120_000);

  it("writes node:test tests with --tests node, which compile strictly", async () => {
    const { result } = await scaffold({ family: "DatagramProtocol", class: "NodeDatagram", tests: "node" });
    expect(result).toBe(0);
    const tests = read(join(project.src, "NodeDatagram.test.ts"));
    expect(tests).toContain('from "node:test"');
    expect(tests).not.toContain("vitest");
    const compiled = typecheck(project);
    expect(compiled.output).toBe("");
    const { rmSync } = await import("node:fs");
    rmSync(join(project.src, "NodeDatagram.ts"));
    rmSync(join(project.src, "NodeDatagram.test.ts"));
  }, 120_000);

  it("is wired into the CLI: positionals FAMILY CLASS, --dry-run prints the new files as a diff and writes nothing", async () => {
    const { result, stdout } = await captureOutput(() => main(["scaffold", "Protocol", "ViaCli", "--spec", "specs/asyncio.yaml", "--out", "generated", "--dir", "src", "--dry-run"]));
    expect(result).toBe(0);
    expect(stdout).toContain("+++ b/src/ViaCli.ts");
    expect(stdout).toContain("+export class ViaCli extends Protocol {");
    expect(stdout).toContain("+++ b/src/ViaCli.test.ts");
    expect(existsSync(join(project.src, "ViaCli.ts"))).toBe(false);
  });

  it("refuses to overwrite: exit 2, PSK6002, and neither file written", async () => {
    const { writeFileSync } = await import("node:fs");
    const testFile = join(project.src, "Taken.test.ts");
    writeFileSync(testFile, "// mine\n");
    const { result, stderr } = await scaffold({ family: "Protocol", class: "Taken" });
    expect(result).toBe(2);
    expect(stderr).toContain("PSK6002");
    expect(existsSync(join(project.src, "Taken.ts"))).toBe(false);
    expect(read(testFile)).toBe("// mine\n");
  });

  it("reports an unknown family with a did-you-mean (PSK6001)", async () => {
    const { result, stderr } = await scaffold({ family: "Protocl", class: "X" });
    expect(result).toBe(2);
    expect(stderr).toContain("PSK6001");
    expect(stderr).toContain("did you mean 'Protocol'?");
    expect(existsSync(join(project.src, "X.ts"))).toBe(false);
  });

  it("fails with a usage message without a terminal when FAMILY or CLASS is missing", async () => {
    const { result, stderr } = await scaffold({ family: "Protocol" });
    expect(result).toBe(2);
    expect(stderr).toContain("usage: protoskel scaffold FAMILY CLASS");
  });

  it("asks for the family (numbered) and the class name on a terminal", async () => {
    const index = model.families.findIndex((f) => f.name === "SubprocessProtocol") + 1;
    const output = new PassThrough();
    let asked = "";
    output.on("data", (chunk: Buffer) => (asked += chunk.toString()));
    const { result } = await captureOutput(() =>
      runScaffold({ spec: "specs/asyncio.yaml", out: "generated", dir: "src", update: false, dryRun: true, quiet: true }, { input: Readable.from([`${index}\n`, "Child\n"]), output, interactive: true }),
    );
    expect(result).toBe(0);
    expect(asked).toContain(`${index}) SubprocessProtocol`);
    expect(asked).toContain("Class name [MySubprocessProtocol]");
    // --dry-run: nothing written.
    expect(existsSync(join(project.src, "Child.ts"))).toBe(false);
  });
});
