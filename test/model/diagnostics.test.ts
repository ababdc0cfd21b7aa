import { describe, expect, it } from "vitest";
import { loadModelFromText } from "../../src/api/load-model.js";
import { marked } from "../helpers/marked.js";

/** A minimal valid spec head; cases append families or replace parts. */
const HEAD = `protoskel: 1
name: demo
summary: A demo.
`;

interface Case {
  readonly code: string;
  readonly why: string;
  readonly spec: string;
  readonly message?: RegExp;
}

const cases: Case[] = [
  { code: "PSK1001", why: "YAML syntax error", spec: `${HEAD}families:\n  A: «b: c\n` },
  { code: "PSK1002", why: "duplicate key", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks: {}\n  «A:\n    summary: b\n` },
  { code: "PSK1003", why: "nesting too deep", spec: `${HEAD}doc: ${"[".repeat(64)}«${"[".repeat(6)}${"]".repeat(70)}\nfamilies: {}\n`, message: /nesting/ },
  { code: "PSK1005", why: "complex (non-scalar) mapping key", spec: `${HEAD}families:\n  ? «[A, B]\n  : { summary: a, callbacks: {} }\n`, message: /complex/ },
  { code: "PSK2001", why: "missing summary", spec: `«protoskel: 1\nname: demo\nfamilies: {}\n`, message: /missing required key 'summary'/ },
  { code: "PSK2002", why: "unknown key with did-you-mean", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x:\n        doc: d\n        «parms: []\n`, message: /did you mean 'params'/ },
  { code: "PSK2003", why: "unknown type with did-you-mean", spec: `${HEAD}types:\n  Transport: { from: "./t.js" }\nfamilies:\n  A:\n    summary: a\n    callbacks:\n      x:\n        doc: d\n        params: [{ name: t, type: "Error | «Trnasport" }]\n`, message: /did you mean 'Transport'/ },
  { code: "PSK2004", why: "type that adds a statement", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x:\n        doc: d\n        params: [{ name: t, type: "string«>; declare const x: 1" }]\n` },
  { code: "PSK2004", why: "type that closes and adds code", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x:\n        doc: d\n        returns: "void; «} export function evil() {"\n` },
  { code: "PSK2005", why: "wrong kind of value", spec: `${HEAD}families:\n  A:\n    summary: «[1, 2]\n    callbacks: {}\n` },
  { code: "PSK2006", why: "unknown parent", spec: `${HEAD}families:\n  A:\n    extends: «Nope\n    summary: a\n    callbacks: {}\n` },
  { code: "PSK2007", why: "inheritance cycle", spec: `${HEAD}families:\n  A:\n    extends: «B\n    summary: a\n    callbacks: {}\n  B:\n    extends: A\n    summary: b\n    callbacks: {}\n` },
  { code: "PSK2008", why: "duplicate parameter", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x:\n        doc: d\n        params: [{ name: a, type: string }, { name: «a, type: string }]\n` },
  { code: "PSK2009", why: "camelCase clash", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      data_received: { doc: d }\n      «dataReceived: { doc: d }\n` },
  { code: "PSK2010", why: "reserved word as parameter", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x:\n        doc: d\n        params: [{ name: «class, type: string }]\n` },
  { code: "PSK2010", why: "constructor as callback", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      «constructor: { doc: d }\n` },
  { code: "PSK2011", why: "name that is no identifier", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      «data-received: { doc: d }\n` },
  { code: "PSK2011", why: "family name that would be a path", spec: `${HEAD}families:\n  «../x:\n    summary: a\n    callbacks:\n      a: { doc: d }\n` },
  { code: "PSK2012", why: "non-void return without default", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x:\n        doc: d\n        «returns: boolean\n` },
  { code: "PSK2013", why: "incompatible redeclaration", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x: { doc: d, params: [{ name: a, type: string }] }\n  B:\n    extends: A\n    summary: b\n    callbacks:\n      x: { doc: e, «params: [{ name: a, type: number }] }\n` },
  { code: "PSK2014", why: "format version 2", spec: `protoskel: «2\nname: demo\nsummary: s\nfamilies: {}\n` },
  { code: "PSK2015", why: "spec name not kebab-case", spec: `protoskel: 1\nname: «Demo_Spec\nsummary: s\nfamilies:\n  A:\n    summary: a\n    callbacks:\n      a: { doc: d }\n` },
  { code: "PSK2016", why: "required with default", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x: { doc: d, returns: number, required: true, «default: "0" }\n` },
  { code: "PSK2017", why: "default that calls code", spec: `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      x: { doc: d, returns: number, default: "«process.exit(1)" }\n` },
  { code: "PSK2018", why: "family with no callbacks", spec: `${HEAD}families:\n  «A:\n    summary: a\n    callbacks: {}\n` },
];

describe("every model diagnostic code, at its line and column", () => {
  for (const c of cases) {
    it(`${c.code}: ${c.why}`, async () => {
      const { text, line, column } = marked(c.spec);
      const result = await loadModelFromText(text, "spec.yaml");
      expect(result.model).toBeUndefined();
      const hit = result.diagnostics.find((d) => d.code === c.code);
      expect(hit, JSON.stringify(result.diagnostics, null, 1)).toBeDefined();
      expect(hit!.location).toMatchObject({ file: "spec.yaml", line, column });
      if (c.message) expect(hit!.message).toMatch(c.message);
    });
  }
});

describe("files that cannot be read", () => {
  it("PSK1004: a missing spec file is named in the message", async () => {
    const { loadModel } = await import("../../src/api/load-model.js");
    const result = await loadModel("/nonexistent/dir/spec.yaml", "specs/missing.yaml");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PSK1004"]);
    expect(result.diagnostics[0]!.message).toMatch(/specs\/missing\.yaml.*no such file/);
  });
});

describe("one pass collects every diagnostic", () => {
  it("reports an unknown type, a clash and a missing default together", async () => {
    const spec = `${HEAD}families:\n  A:\n    summary: a\n    callbacks:\n      a_b: { doc: d, params: [{ name: x, type: Nope }] }\n      aB: { doc: d }\n      c: { doc: d, returns: number }\n`;
    const result = await loadModelFromText(spec);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["PSK2003", "PSK2009", "PSK2012"]);
  });
});
