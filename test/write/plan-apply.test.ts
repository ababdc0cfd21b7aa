import { chmod, mkdir, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan, MANIFEST_NAME, planWrite, readManifest, type ApplyResult } from "../../src/write/index.js";
import type { GeneratedFile } from "../../src/write/types.js";
import { sampleOutput, ts } from "./helpers/files.js";
import { snapshotTree, tempDir } from "./helpers/tree.js";

async function write(outDir: string, files: GeneratedFile[]): Promise<ApplyResult> {
  return applyPlan(await planWrite(outDir, files));
}

function codes(result: { diagnostics: readonly { code: string }[] }): string[] {
  return result.diagnostics.map((d) => d.code);
}

describe("planWrite + applyPlan", () => {
  it("creates every file and a manifest of their hashes on the first run", async () => {
    const out = join(await tempDir(), "out", "asyncio");
    const result = await write(out, sampleOutput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.created).toEqual(sampleOutput().map((f) => f.path).sort());
    for (const file of sampleOutput()) expect(await readFile(join(out, file.path), "utf8")).toBe(file.content);
    const { manifest } = await readManifest(out);
    expect([...manifest.keys()]).toEqual(sampleOutput().map((f) => f.path).sort());
  });

  it("writes nothing on a second run with the same output", async () => {
    const out = await tempDir();
    await write(out, sampleOutput());
    const before = await snapshotTree(out);
    const plan = await planWrite(out, sampleOutput());
    expect(plan.files.every((f) => f.action === "unchanged")).toBe(true);
    expect(plan.manifestChanged).toBe(false);
    // A fault injector that fails on any step proves no step is even attempted.
    const result = await applyPlan(plan, { faultInjector: (step) => { throw new Error(`unexpected step ${step.kind}`); } });
    expect(result.ok).toBe(true);
    expect(await snapshotTree(out)).toEqual(before);
  });

  it("updates changed files, deletes files no longer generated, keeps the rest", async () => {
    const out = await tempDir();
    await write(out, sampleOutput());
    const next = sampleOutput().filter((f) => f.path !== "test/Protocol.test.ts");
    next[0] = ts("src/Protocol.ts", "export abstract class Protocol { x = 1; }\n");
    next.push(ts("src/Transport.ts", "export class Transport {}\n"));
    const result = await write(out, next);
    expect(result.ok && result.summary).toMatchObject({
      created: ["src/Transport.ts"],
      updated: ["src/Protocol.ts"],
      deleted: ["test/Protocol.test.ts"],
      unchanged: ["docs/README.md", "src/index.ts"],
      manifestWritten: true,
    });
    expect(await readFile(join(out, "src/Protocol.ts"), "utf8")).toContain("x = 1");
    // The emptied test/ folder goes too; the manifest no longer lists the deleted file.
    expect((await readdir(out)).sort()).toEqual([MANIFEST_NAME, "docs", "src"]);
    expect((await readManifest(out)).manifest.has("test/Protocol.test.ts")).toBe(false);
  });

  it("replaces a hand-edited generated file but names it in a warning", async () => {
    const out = await tempDir();
    await write(out, sampleOutput());
    await writeFile(join(out, "src/index.ts"), "// my edit\n");
    const result = await write(out, sampleOutput());
    expect(result.ok).toBe(true);
    const warning = result.diagnostics.find((d) => d.code === "PSK5008");
    expect(warning?.severity).toBe("warning");
    expect(warning?.message).toContain("src/index.ts");
    expect(await readFile(join(out, "src/index.ts"), "utf8")).toBe('export * from "./Protocol.js";\n');
  });

  it("never overwrites a file it did not generate (PSK5004), and writes nothing at all then", async () => {
    const out = await tempDir();
    await mkdir(join(out, "src"));
    await writeFile(join(out, "src/index.ts"), "// the user's own file\n");
    const before = await snapshotTree(out);
    const result = await write(out, sampleOutput());
    expect(result.ok).toBe(false);
    expect(codes(result)).toContain("PSK5004");
    expect(result.diagnostics.find((d) => d.code === "PSK5004")?.message).toContain("src/index.ts");
    expect(await snapshotTree(out)).toEqual(before);
  });

  it("adopts an existing file with identical bytes even without a manifest", async () => {
    const out = await tempDir();
    await write(out, sampleOutput());
    await writeFile(join(out, MANIFEST_NAME), "{ not json");
    const plan = await planWrite(out, sampleOutput());
    expect(codes(plan)).toEqual(["PSK5009"]);
    expect(plan.files.every((f) => f.action === "unchanged")).toBe(true);
    expect(plan.manifestChanged).toBe(true);
  });

  it("never deletes a file it did not generate", async () => {
    const out = await tempDir();
    await write(out, sampleOutput());
    await writeFile(join(out, "src/mine.ts"), "// mine\n");
    await writeFile(join(out, "notes.txt"), "mine too\n");
    const result = await write(out, [ts("src/Protocol.ts", "export class Protocol {}\n")]);
    expect(result.ok).toBe(true);
    expect(await readFile(join(out, "src/mine.ts"), "utf8")).toBe("// mine\n");
    expect(await readFile(join(out, "notes.txt"), "utf8")).toBe("mine too\n");
    expect(result.ok && result.summary.deleted).toEqual(["docs/README.md", "src/index.ts", "test/Protocol.test.ts"]);
  });

  it("ignores unsafe paths in a tampered manifest instead of deleting outside the folder", async () => {
    const root = await tempDir();
    const out = join(root, "out");
    await write(out, sampleOutput());
    await writeFile(join(root, "victim.txt"), "keep me\n");
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_NAME), "utf8"));
    manifest.files["../victim.txt"] = "0".repeat(64);
    await writeFile(join(out, MANIFEST_NAME), JSON.stringify(manifest));
    const result = await write(out, sampleOutput());
    expect(result.ok).toBe(true);
    expect(codes(result)).toContain("PSK5009");
    expect(await readFile(join(root, "victim.txt"), "utf8")).toBe("keep me\n");
  });

  it("rejects path traversal and other unsafe paths (PSK5003) and writes nothing", async () => {
    const root = await tempDir();
    const out = join(root, "out");
    for (const path of ["../escape.ts", "src/../../escape.ts", "/etc/escape.ts", "src\\escape.ts", "src/a\u0000.ts", "src/CON.ts", "aux", "C:/x.ts", "src//x.ts", "./x.ts"]) {
      const result = await write(out, [...sampleOutput(), ts(path, "x\n")]);
      expect(result.ok, path).toBe(false);
      expect(codes(result), path).toContain("PSK5003");
      expect(await readdir(root), path).toEqual([]);
    }
  });

  it("rejects outputs that clash on a case-insensitive disk (PSK5005)", async () => {
    const out = await tempDir();
    for (const extra of [ts("src/protocol.ts", "x\n"), ts("src/index.ts/x.ts", "x\n"), ts(MANIFEST_NAME.toUpperCase(), "x\n")]) {
      const result = await write(out, [...sampleOutput(), extra]);
      expect(codes(result), extra.path).toEqual(["PSK5005"]);
      expect(await readdir(out)).toEqual([]);
    }
  });

  it("does not follow a symbolic link that points outside the output folder", async () => {
    const root = await tempDir();
    const out = join(root, "out");
    const outside = join(root, "outside");
    await mkdir(outside);
    await write(out, sampleOutput());
    // A linked directory on the way, and a link where a generated file should go.
    await writeFile(join(outside, "Transport.ts"), "outside\n");
    await symlink(outside, join(out, "lib"));
    await symlink(join(outside, "Transport.ts"), join(out, "src", "Transport.ts"));
    const before = await snapshotTree(root);
    for (const file of [ts("lib/Transport.ts", "x\n"), ts("src/Transport.ts", "x\n")]) {
      const result = await write(out, [...sampleOutput(), file]);
      expect(result.ok).toBe(false);
      expect(codes(result)).toEqual(["PSK5003"]);
      expect(await snapshotTree(root)).toEqual(before);
    }
  });

  it("does not delete through a link that replaced a file it once generated", async () => {
    const root = await tempDir();
    const out = join(root, "out");
    await write(out, sampleOutput());
    await writeFile(join(root, "target.ts"), "keep\n");
    await symlink(join(root, "target.ts"), join(out, "src", "old.ts"));
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_NAME), "utf8"));
    manifest.files["src/old.ts"] = "0".repeat(64);
    await writeFile(join(out, MANIFEST_NAME), JSON.stringify(manifest));
    const result = await write(out, sampleOutput());
    expect(result.ok && result.summary.deleted).toEqual([]);
    expect(await readFile(join(root, "target.ts"), "utf8")).toBe("keep\n");
  });

  it("never writes a CR: content with CRLF is refused", async () => {
    const out = await tempDir();
    const result = await write(out, [ts("src/a.ts", "const a = 1;\r\n")]);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(["PSK5006"]);
    expect(await readdir(out)).toEqual([]);
  });

  it("keeps the permission bits of a replaced file", async () => {
    const out = await tempDir();
    await write(out, sampleOutput());
    await chmod(join(out, "src/index.ts"), 0o640);
    await write(out, [...sampleOutput().filter((f) => f.path !== "src/index.ts"), ts("src/index.ts", "export {};\n")]);
    const snapshot = await snapshotTree(out);
    expect(snapshot["src/index.ts"]?.startsWith("file 640 ")).toBe(true);
  });
});
