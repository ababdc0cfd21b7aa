/**
 * The fast path of a bare `check` (src/cli/fast-check.ts) may only ever save time: after a
 * verified run it answers "up to date" without the pipeline, and any change to an input or
 * to the output sends it back to the full check, which reports the drift.
 */
import { appendFile, mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const SPEC = `protoskel: 1
name: fast
summary: Fast path.
families:
  Pinger:
    summary: Pings.
    callbacks:
      ping: { doc: "A ping." }
      pong: { doc: "A pong." }
    lifecycle:
      order: "start -> ping -> pong -> end"
`;
const FAST = /inputs unchanged since the last verified run/;

let project: string;
const out = () => join(project, "generated", "fast");

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "protoskel-fast-"));
  await mkdir(join(project, "specs"));
  await writeFile(join(project, "protoskel.config.json"), JSON.stringify({ specs: ["specs/*.yaml"], outDir: "generated", templates: "templates" }));
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(join(project, "templates"), { recursive: true, force: true });
  await rm(join(project, ".prettierrc"), { force: true });
  await writeFile(join(project, "specs", "fast.yaml"), SPEC);
  const g = await runCli(["generate"], project);
  expect(g.code, g.stderr).toBe(0);
});

describe("bare check after a verified run", () => {
  it("answers from the fingerprint, exit 0", async () => {
    const r = await runCli(["check"], project);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(FAST);
  });

  it("a bare generate answers the same way and writes nothing", async () => {
    const r = await runCli(["generate"], project);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/nothing to write/);
    await appendFile(join(out(), "src", "Pinger.ts"), "// edited\n");
    const g = await runCli(["generate"], project);
    expect(g.stderr).toMatch(/1 updated/);
    expect((await runCli(["check"], project)).code).toBe(0);
  });

  it("is not used with PROTOSKEL_NO_FAST_PATH or with any option", async () => {
    expect((await runCli(["check"], project, { PROTOSKEL_NO_FAST_PATH: "1" })).stderr).not.toMatch(FAST);
    const withSpec = await runCli(["check", "specs/fast.yaml"], project);
    expect(withSpec.code).toBe(0);
    expect(withSpec.stderr).not.toMatch(FAST);
  });

  it("a hand-edited generated file goes to the full check, which reports it", async () => {
    await appendFile(join(out(), "src", "Pinger.ts"), "// edited\n");
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stale: .*src\/Pinger\.ts/);
  });

  it("a deleted or an extra file goes to the full check", async () => {
    await unlink(join(out(), "docs", "Pinger.md"));
    expect((await runCli(["check"], project)).code).toBe(1);
    await runCli(["generate"], project);
    await writeFile(join(out(), "src", "extra.ts"), "export {};\n");
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/extra: .*src\/extra\.ts/);
    await unlink(join(out(), "src", "extra.ts"));
  });

  it("a changed spec goes to the full check", async () => {
    await writeFile(join(project, "specs", "fast.yaml"), SPEC.replace("A ping.", "A ping!"));
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(FAST);
  });

  it("a new template override goes to the full check", async () => {
    await mkdir(join(project, "templates"));
    await writeFile(join(project, "templates", "_header.md.eta"), "<!-- ours -->\n");
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(FAST);
  });

  it("a new Prettier config goes to the full check", async () => {
    await writeFile(join(project, ".prettierrc"), JSON.stringify({ semi: false }));
    const r = await runCli(["check"], project);
    expect(r.stderr).not.toMatch(FAST);
    expect(r.code).toBe(1);
  });
});
