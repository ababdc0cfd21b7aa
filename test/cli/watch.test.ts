/** `generate --watch` regenerates on spec changes and survives a broken spec. */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { CLI } from "./run-cli.js";

const spec = (doc: string) => `protoskel: 1
name: w
summary: Watch me.
families:
  Pinger:
    summary: Pings.
    callbacks:
      ping: { doc: "${doc}" }
`;

it("regenerates on a change, prints diagnostics for a broken spec, and recovers", async () => {
  const project = await mkdtemp(join(tmpdir(), "protoskel-watch-"));
  try {
    await mkdir(join(project, "specs"));
    await writeFile(join(project, "specs", "w.yaml"), spec("First doc."));
    await writeFile(join(project, "protoskel.config.json"), JSON.stringify({ specs: ["specs/*.yaml"], outDir: "out" }));
    const child = spawn(process.execPath, [CLI, "generate", "--watch"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const waitFor = async (pattern: RegExp, from: number) => {
      const deadline = Date.now() + 20_000;
      while (!pattern.test(stderr.slice(from))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor(/watching for changes/, 0);
    const pinger = join(project, "out", "w", "src", "Pinger.ts");
    expect(await readFile(pinger, "utf8")).toContain("First doc.");

    let mark = stderr.length;
    await writeFile(join(project, "specs", "w.yaml"), spec("First doc.").replace("summary: Pings.", "summary: [unclosed"));
    await waitFor(/error PSK1001[\s\S]*watching for changes/, mark);

    mark = stderr.length;
    await writeFile(join(project, "specs", "w.yaml"), spec("Second doc."));
    await waitFor(/[1-9] updated[\s\S]*watching for changes/, mark);
    expect(await readFile(pinger, "utf8")).toContain("Second doc.");

    const exited = new Promise<number | null>((r) => child.on("close", r));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}, 60_000);
