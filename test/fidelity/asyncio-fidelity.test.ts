/**
 * Fidelity of the asyncio flagship: the reference text of Python's asyncio.protocols module
 * (kept next to the checkout, not in it) → specs/asyncio.yaml → the generated classes.
 * Every class, base class, method and parameter of the reference must survive both steps,
 * under the TypeScript names the naming rule gives them, and nothing may be added.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadModel } from "../../src/api/load-model.js";
import { compareReferenceToSpec, compareSpecToGenerated } from "./compare.js";
import { parseReference } from "./reference.js";
import { GENERATED_SRC, REFERENCE_PATH, REPO_ROOT, SPEC_PATH, trackedInGit } from "./repo-paths.js";
import { effectiveCallbacks, lineage, specViewFromDocument, tsNameOf, type SpecView } from "./spec-view.js";
import { methodTable, type MethodTable } from "./ts-members.js";

const hasReference = existsSync(REFERENCE_PATH);
const referenceText = hasReference ? readFileSync(REFERENCE_PATH, "utf8") : "";
const reference = parseReference(referenceText);
const specDocument: unknown = parse(readFileSync(SPEC_PATH, "utf8"));
const spec = specViewFromDocument(specDocument);

const generatedDir = join(REPO_ROOT, GENERATED_SRC);
const generatedOnDisk = existsSync(generatedDir);
// Once the generated output is committed, a missing folder is a failure, not a reason to skip.
const generatedExpected = generatedOnDisk || trackedInGit(GENERATED_SRC);

/** The raw spec document with `change` applied to a deep copy, read back as a view. */
function mutatedSpec(change: (families: Record<string, Record<string, unknown>>) => void): SpecView {
  const copy = structuredClone(specDocument) as { families: Record<string, Record<string, unknown>> };
  change(copy.families);
  return specViewFromDocument(copy);
}

function ownCallbacks(family: Record<string, unknown> | undefined): Record<string, { params?: { name: string }[] }> {
  return (family?.["callbacks"] ?? {}) as Record<string, { params?: { name: string }[] }>;
}

describe.skipIf(!hasReference)(
  hasReference ? "asyncio spec against the reference" : `asyncio spec against the reference (skipped: no reference text at ${REFERENCE_PATH})`,
  () => {
    it("parses every class and every method heading of the reference", () => {
      const methodHeadings = referenceText.split(/\r?\n/).filter((line) => /^[A-Za-z_]\w*\(self\b/.test(line));
      expect(reference.length).toBeGreaterThan(0);
      expect(reference.flatMap((c) => c.methods.map((m) => m.name)).sort()).toEqual(
        methodHeadings.map((line) => line.slice(0, line.indexOf("("))).sort(),
      );
      for (const cls of reference) expect(cls.methods.length, cls.name).toBeGreaterThan(0);
    });

    it("has every class, base class, method and parameter in specs/asyncio.yaml, and nothing more", () => {
      expect(compareReferenceToSpec(reference, spec)).toEqual([]);
    });

    it("notices a callback dropped from the spec", () => {
      const names = [...new Set(spec.families.flatMap((f) => f.callbacks.map((c) => c.name)))];
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const broken = mutatedSpec((families) => {
          for (const family of Object.values(families)) delete ownCallbacks(family)[name];
        });
        const problems = compareReferenceToSpec(reference, broken);
        for (const cls of reference.filter((c) => c.methods.some((m) => m.name === name))) {
          expect(problems, `dropping ${name}`).toContain(`${cls.name}.${name} is missing from the spec`);
        }
      }
    });

    it("notices a parameter dropped, renamed or moved in any declaration", () => {
      let checked = 0;
      for (const family of spec.families) {
        for (const callback of family.callbacks) {
          callback.params.forEach((param, index) => {
            const edits: [string, (params: { name: string }[]) => void][] = [
              [`drop ${param}`, (params) => params.splice(index, 1)],
              [`rename ${param}`, (params) => Object.assign(params, { [index]: { ...params[index], name: `${param}_x` } })],
            ];
            if (callback.params.length > 1) edits.push([`move ${param} last`, (params) => params.push(...params.splice(index, 1))]);
            for (const [label, edit] of edits) {
              const broken = mutatedSpec((families) => {
                const params = ownCallbacks(families[family.name])[callback.name]?.params ?? [];
                edit(params);
              });
              const problems = compareReferenceToSpec(reference, broken);
              // Moving the last parameter last changes nothing; every other edit must be reported.
              if (label.startsWith("move") && index === callback.params.length - 1) continue;
              expect(problems.some((p) => p.startsWith(`${family.name}.${callback.name} takes`)), `${family.name}.${callback.name}: ${label}`).toBe(true);
              checked++;
            }
          });
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it("notices a wrong base class, a missing family and an invented callback", () => {
      const child = spec.families.find((f) => f.extends !== undefined);
      const root = spec.families.find((f) => f.extends === undefined);
      expect(child && root).toBeTruthy();
      if (!child || !root) return;

      const orphaned = mutatedSpec((families) => delete families[child.name]?.["extends"]);
      expect(compareReferenceToSpec(reference, orphaned).some((p) => p.startsWith(`${child.name} extends`))).toBe(true);

      const missing = mutatedSpec((families) => delete families[root.name]);
      expect(compareReferenceToSpec(reference, missing)).toContain(`class ${root.name} is not a family of the spec`);

      const invented = mutatedSpec((families) => Object.assign(ownCallbacks(families[root.name]), { invented_callback: { doc: "x" } }));
      expect(compareReferenceToSpec(reference, invented)).toContain(`${root.name}.invented_callback is in the spec but not in the reference`);
    });

    it("notices a stated state machine that the spec's order or aliases do not match", () => {
      const withMachine = reference.filter((c) => c.stateMachine);
      expect(withMachine.length).toBeGreaterThan(0);
      for (const cls of withMachine) {
        const loosened = mutatedSpec((families) => {
          const lifecycle = families[cls.name]?.["lifecycle"] as { order: string; aliases: Record<string, string> };
          lifecycle.order = lifecycle.order.replace("-> end", "[-> CL] -> end");
        });
        expect(compareReferenceToSpec(reference, loosened).some((p) => p.startsWith(`${cls.name}'s order`))).toBe(true);
        const [alias] = cls.stateMachine?.aliases.keys() ?? [];
        const realiased = mutatedSpec((families) => {
          const lifecycle = families[cls.name]?.["lifecycle"] as { aliases: Record<string, string> };
          if (alias) lifecycle.aliases[alias] = "connection_lost_x";
        });
        expect(compareReferenceToSpec(reference, realiased).some((p) => p.startsWith(`${cls.name}'s alias ${alias}`))).toBe(true);
      }
    });
  },
);

describe("specs/asyncio.yaml in the real loader", () => {
  it("loads without diagnostics, every family has call-order rules, and TS names follow the naming rule the checks assume", async () => {
    const result = await loadModel(SPEC_PATH, "specs/asyncio.yaml");
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    const model = result.model;
    expect(model?.families.map((f) => f.name)).toEqual(spec.families.map((f) => f.name));
    for (const family of model?.families ?? []) {
      expect(family.lifecycle, family.name).toBeDefined();
      const expected = effectiveCallbacks(spec, family.name).map((c) => ({
        tsName: tsNameOf(spec, c.name, c.tsName),
        params: c.params.map((p) => tsNameOf(spec, p)),
      }));
      expect(family.callbacks.map((c) => ({ tsName: c.tsName, params: c.params.map((p) => p.tsName) })), family.name).toEqual(expected);
    }
  });
});

/** Generated files' method tables, keyed by family; a family whose file is missing has no entry. */
function generatedTables(): Map<string, MethodTable> {
  const tables = new Map<string, MethodTable>();
  for (const family of spec.families) {
    const file = join(generatedDir, `${family.name}.ts`);
    if (existsSync(file)) tables.set(family.name, methodTable(readFileSync(file, "utf8")));
  }
  return tables;
}

describe.skipIf(!generatedExpected)(
  generatedExpected
    ? `generated classes under ${GENERATED_SRC}`
    : `generated classes under ${GENERATED_SRC} (skipped: the folder does not exist yet and git tracks nothing there)`,
  () => {
    it("declare every callback of every family under its TS name, with its parameters in order", () => {
      expect(compareSpecToGenerated(spec, generatedTables())).toEqual([]);
    });
  },
);

/**
 * A stand-in for generated output, rendered from the spec the way a faithful emitter names
 * things: each family's file declares the callbacks the family declares or redeclares, and
 * inherits the rest. `omit` leaves one callback (or one of its parameters) out of every
 * file in the family's lineage, so that it is really gone from the family.
 */
function renderStandIn(view: SpecView, omit?: { family: string; callback: string; param?: string }): Map<string, MethodTable> {
  const affected = new Set(omit ? lineage(view, omit.family).map((f) => f.name) : []);
  const tables = new Map<string, MethodTable>();
  for (const family of view.families) {
    const members = family.callbacks.flatMap((callback) => {
      const hit = affected.has(family.name) && omit?.callback === callback.name;
      if (hit && omit.param === undefined) return [];
      const params = callback.params.filter((p) => !(hit && p === omit.param));
      const list = params.map((p) => `${tsNameOf(view, p)}: unknown`).join(", ");
      const name = tsNameOf(view, callback.name, callback.tsName);
      // The TSDoc mentions the full signature, as real TSDoc might; it must not count.
      const fullList = callback.params.map((p) => tsNameOf(view, p)).join(", ");
      return [`  /** Like ${name}(${fullList}). */\n  ${name}(${list}): void {}`];
    });
    const parent = family.extends ? ` extends ${family.extends}` : "";
    tables.set(family.name, methodTable(`export class ${family.name}${parent} {\n${members.join("\n")}\n}\n`));
  }
  return tables;
}

describe("the generated-code check", () => {
  it("accepts a faithful rendering of the spec", () => {
    expect(compareSpecToGenerated(spec, renderStandIn(spec))).toEqual([]);
  });

  it("notices any callback or parameter missing from a family's generated file", () => {
    let checked = 0;
    for (const family of spec.families) {
      for (const callback of effectiveCallbacks(spec, family.name)) {
        const tsName = tsNameOf(spec, callback.name, callback.tsName);
        const withoutCallback = compareSpecToGenerated(spec, renderStandIn(spec, { family: family.name, callback: callback.name }));
        expect(withoutCallback, `${family.name}.${tsName}`).toContain(`${family.name}.${tsName} (${callback.name}) is not declared in the generated code`);
        for (const param of callback.params) {
          const withoutParam = compareSpecToGenerated(spec, renderStandIn(spec, { family: family.name, callback: callback.name, param }));
          expect(withoutParam.some((p) => p.startsWith(`${family.name}.${tsName} takes`)), `${family.name}.${tsName} without ${param}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("notices a family without a generated file", () => {
    const tables = renderStandIn(spec);
    const [first] = spec.families;
    if (first) tables.delete(first.name);
    expect(compareSpecToGenerated(spec, tables)).toContain(`no generated file for family ${first?.name}`);
  });
});
