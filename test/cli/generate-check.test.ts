/**
 * generate / check / validate / templates end to end, through the built CLI, in a temp
 * project with a three-family spec: one family extending another, one with a lifecycle,
 * one with a required callback.
 */
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const SPEC = `protoskel: 1
name: shop
summary: Order events.
types:
  Order: { interface: { id: string, total: number } }
families:
  OrderEvents:
    summary: What happens to an order.
    callbacks:
      placed:
        doc: An order was placed.
        params: [{ name: order, type: Order }]
      paid:
        doc: The order was paid.
      shipped:
        doc: The order left the warehouse.
      cancelled:
        doc: The order was cancelled.
    lifecycle:
      order: "start -> placed [-> paid [-> shipped]] [-> cancelled] -> end"
  AuditedOrderEvents:
    extends: OrderEvents
    summary: Order events with an audit trail.
    callbacks:
      audit_note:
        doc: Free-form note for auditors.
        params: [{ name: text, type: string }]
    lifecycle:
      order: "start -> placed [-> paid [-> shipped]] [-> cancelled] -> end"
      free: [audit_note]
  Pricing:
    summary: Price lookups.
    callbacks:
      price_of:
        doc: The price of a product.
        params: [{ name: sku, type: string }]
        returns: number
        required: true
`;

let project: string;
const out = () => join(project, "generated", "shop");

async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const full = join(e.parentPath, e.name);
      files[full.slice(dir.length + 1)] = await readFile(full, "utf8");
    }
  }
  return files;
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "protoskel-cli-"));
  await mkdir(join(project, "specs"));
  await writeFile(join(project, "specs", "shop.yaml"), SPEC);
  await writeFile(join(project, "protoskel.config.json"), JSON.stringify({ specs: ["specs/*.yaml"], outDir: "generated", templates: "templates" }));
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("generate and check", () => {
  it("generates every output, then a second run writes nothing", async () => {
    const first = await runCli(["generate"], project);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/created/);
    const files = Object.keys(await tree(out())).sort();
    expect(files).toEqual(expect.arrayContaining(["src/OrderEvents.ts", "src/AuditedOrderEvents.ts", "src/Pricing.ts", "src/lifecycle.ts", "src/index.ts", "src/types.ts", "docs/README.md", "docs/Pricing.md", "test/OrderEvents.test.ts"]));
    const mtime = (await stat(join(out(), "src", "OrderEvents.ts"))).mtimeMs;
    // The full pipeline finds nothing to write, and so does the fingerprint fast path.
    const second = await runCli(["generate"], project, { PROTOSKEL_NO_FAST_PATH: "1" });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/0 created, 0 updated, 0 deleted/);
    const third = await runCli(["generate"], project);
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/nothing to write/);
    expect((await stat(join(out(), "src", "OrderEvents.ts"))).mtimeMs).toBe(mtime);
  });

  it("check exits 0 on fresh output", async () => {
    const r = await runCli(["check"], project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("check exits 1 naming a hand-edited generated file, with a diff; generate restores it and warns", async () => {
    const file = join(out(), "src", "Pricing.ts");
    await appendFile(file, "// my edit\n");
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stale: .*src\/Pricing\.ts/);
    expect(r.stdout).toMatch(/^-\/\/ my edit$/m);
    const g = await runCli(["generate"], project);
    expect(g.code).toBe(0);
    expect(g.stderr).toMatch(/Pricing\.ts/);
    expect(await readFile(file, "utf8")).not.toContain("my edit");
  });

  it("check exits 1 naming a deleted generated file", async () => {
    await unlink(join(out(), "docs", "Pricing.md"));
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/missing: .*docs\/Pricing\.md/);
    await runCli(["generate"], project);
  });

  it("check exits 1 naming an extra file in a generated folder, and generate never deletes it", async () => {
    const extra = join(out(), "src", "mine.ts");
    await writeFile(extra, "export const mine = 1;\n");
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/extra: .*src\/mine\.ts/);
    await runCli(["generate"], project);
    expect(await readFile(extra, "utf8")).toBe("export const mine = 1;\n");
    await unlink(extra);
  });

  it("check exits 1 after a spec change, naming the files it affects", async () => {
    const spec = join(project, "specs", "shop.yaml");
    await writeFile(spec, SPEC.replace("The order was paid.", "The order was paid in full."));
    const r = await runCli(["check"], project);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stale: .*src\/OrderEvents\.ts/);
    expect((await runCli(["generate"], project)).code).toBe(0);
    expect((await runCli(["check"], project)).code).toBe(0);
  });

  it("an ejected, edited template shows up; check flags the change first", async () => {
    const ej = await runCli(["templates", "eject", "_header.ts.eta"], project);
    expect(ej.code, ej.stderr).toBe(0);
    const header = join(project, "templates", "_header.ts.eta");
    await writeFile(header, `// (c) ACME Corp.\n${await readFile(header, "utf8")}`);
    const c = await runCli(["check"], project);
    expect(c.code).toBe(1);
    expect((await runCli(["generate"], project)).code).toBe(0);
    expect((await readFile(join(out(), "src", "Pricing.ts"), "utf8")).startsWith("// (c) ACME Corp.")).toBe(true);
    const list = await runCli(["templates", "list"], project);
    expect(list.stdout).toMatch(/_header\.ts\.eta .*\[overridden\]/);
  });

  it("a broken template fails with its name and line (exit 2) and leaves the output untouched", async () => {
    const before = await tree(out());
    await writeFile(join(project, "templates", "_signature.ts.eta"), "<%= it.nope.deeper %>\n");
    const r = await runCli(["generate"], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/_signature\.ts\.eta/);
    expect(r.stderr).toMatch(/PSK4001/);
    expect(await tree(out())).toEqual(before);
    await unlink(join(project, "templates", "_signature.ts.eta"));
  });

  it("--dry-run lists what would change and writes nothing", async () => {
    await unlink(join(out(), "docs", "README.md"));
    const before = await tree(out());
    const r = await runCli(["generate", "--dry-run"], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would create .*docs\/README\.md/);
    expect(await tree(out())).toEqual(before);
    await runCli(["generate"], project);
  });

  it("a broken spec is exit 2 with file:line:col, a code and a hint, and nothing is written", async () => {
    const before = await tree(out());
    const spec = join(project, "specs", "shop.yaml");
    await writeFile(spec, SPEC.replace("type: Order }", "type: Ordr }"));
    const r = await runCli(["generate"], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/specs\/shop\.yaml:\d+:\d+ - error PSK2003: unknown type 'Ordr' \(did you mean 'Order'\?\)/);
    expect(r.stderr).toMatch(/hint:/);
    expect(await tree(out())).toEqual(before);
    const gh = await runCli(["validate", "specs/shop.yaml"], project, { GITHUB_ACTIONS: "true" });
    expect(gh.stderr).toMatch(/::error file=specs\/shop\.yaml,line=\d+,col=\d+/);
    await writeFile(spec, SPEC);
  });
});

describe("other commands", () => {
  it("validate exits 0 on a valid spec", async () => {
    const r = await runCli(["validate", "specs/shop.yaml"], project);
    expect(r.code, r.stderr).toBe(0);
  });
  it("schema prints JSON Schema", async () => {
    const r = await runCli(["schema"], project);
    expect(JSON.parse(r.stdout).type).toBe("object");
  });
  it("unknown commands and options are exit 2 with a usage hint", async () => {
    const r = await runCli(["generat"], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--help/);
  });
  it("--version prints the package version", async () => {
    const r = await runCli(["--version"], project);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("--timing", () => {
  it("says where each file's formatting came from: certified, cache or Prettier", async () => {
    const dir = await mkdtemp(join(tmpdir(), "protoskel-timing-"));
    try {
      await writeFile(join(dir, "shop.yaml"), SPEC);
      const plain = await runCli(["generate", "shop.yaml", "--out", "a", "--no-cache", "--timing"], dir);
      expect(plain.code).toBe(0);
      expect(plain.stderr).toMatch(/^formatting \(shop\.yaml\): (\d+) files: \1 already in Prettier's form, 0 from the cache, 0 formatted by Prettier$/m);
      // A Prettier option that changes the layout sends every file through Prettier.
      await writeFile(join(dir, ".prettierrc"), JSON.stringify({ semi: false }));
      const configured = await runCli(["generate", "shop.yaml", "--out", "b", "--no-cache", "--timing"], dir);
      expect(configured.code).toBe(0);
      expect(configured.stderr).toMatch(/^formatting \(shop\.yaml\): (\d+) files: 0 already in Prettier's form, 0 from the cache, \1 formatted by Prettier$/m);
      expect(await readFile(join(dir, "b", "shop", "src", "index.ts"), "utf8")).not.toMatch(/;\n/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
