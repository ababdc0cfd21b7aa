import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/schema.js";
import { specJsonSchema } from "../../src/spec/schema.js";
import { runCli } from "../cli/run-cli.js";

const root = new URL("../../", import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), "utf8");

/** The YAML example at the end of the spec-format reference. */
function formatExample(): unknown {
  const doc = read("docs/spec-format.md");
  const block = /## Example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
  return parse(block);
}

describe("JSON Schema of the spec format", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(specJsonSchema());

  it("accepts the example in docs/spec-format.md", () => {
    expect(validate(formatExample()), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts the asyncio spec", () => {
    expect(validate(parse(read("specs/asyncio.yaml"))), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a spec with an unknown key (top level and in a callback)", () => {
    const spec = formatExample() as Record<string, unknown>;
    expect(validate({ ...spec, colour: "blue" })).toBe(false);
    const families = structuredClone(spec["families"]) as Record<string, { callbacks: Record<string, Record<string, unknown>> }>;
    families["Protocol"]!.callbacks["data_received"]!["parms"] = [];
    expect(validate({ ...spec, families })).toBe(false);
  });

  it("is what `protoskel schema` prints", async () => {
    const r = await runCli(["schema"], new URL(".", root).pathname);
    expect(JSON.parse(r.stdout)).toEqual(specJsonSchema());
  });

  it("the committed schema files are up to date (regenerate with scripts/schemas.mjs)", () => {
    expect(JSON.parse(read("schema/protoskel.schema.json"))).toEqual(specJsonSchema());
    expect(JSON.parse(read("schema/config.schema.json"))).toEqual(configJsonSchema());
  });
});
