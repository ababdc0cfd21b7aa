import { describe, expect, it } from "vitest";
import { fakeValue, unionMembers } from "../../src/scaffold/fake-values.js";
import { afterNode, applyInsertions, reindentMember } from "../../src/scaffold/splice.js";
import { importSpecifier } from "../../src/scaffold/locate.js";
import type { Model, TypeExpr } from "../../src/model/types.js";

const type = (text: string): TypeExpr => ({ text, references: [], isVoid: text === "void" });
const model = {
  types: [
    { kind: "alias", name: "Address", type: type("readonly [string, number] | string | null") },
    { kind: "alias", name: "Port", type: type("number") },
    { kind: "import", name: "Transport", from: "./t.js" },
  ],
} as unknown as Model;

describe("fake argument values", () => {
  it("splits only top-level unions", () => {
    expect(unionMembers("Error | null")).toEqual(["Error", "null"]);
    expect(unionMembers("readonly [a: string | number] | (() => void) | 'x|y'")).toEqual(["readonly [a: string | number]", "(() => void)", "'x|y'"]);
  });

  it.each([
    ["number", "0"],
    ["Uint8Array", "new Uint8Array(0)"],
    ["Error | null", "null"],
    ["string[]", "[]"],
    ["boolean | void", "undefined"],
    ["Port", "0"],
    ["Address", "null"],
    ['"open" | "closed"', '"open"'],
  ])("%s → %s", (text, expression) => {
    expect(fakeValue(type(text), "p", model).expression).toBe(expression);
  });

  it("falls back to an opaque fake typed by its context for types it cannot build", () => {
    expect(fakeValue(type("Transport"), "transport", model).expression).toBe('fake("transport")');
    expect(fakeValue(type("Map<string, Transport> | Transport"), "m", model).expression).toBe("new Map()");
  });
});

describe("splicing", () => {
  it("inserts at offsets without touching the rest, in the given order at equal offsets", () => {
    expect(applyInsertions("abcdef", [{ at: 3, text: "2" }, { at: 0, text: "0" }, { at: 3, text: "3" }])).toBe("0abc23def");
  });

  it("inserts after a trailing line comment, not before it", () => {
    const text = "  a() {} // note\n  b() {}\n";
    expect(afterNode(text, text.indexOf("}") + 1)).toBe(text.indexOf("\n"));
    const inline = "  a() {} b() {}\n";
    expect(afterNode(inline, inline.indexOf("}") + 1)).toBe(inline.indexOf("}") + 1);
  });

  it("re-indents Prettier's two-space member to the file's four-space style", () => {
    expect(reindentMember("  m(): void {\n    x;\n  }", "  ", "    ", "    ", "\r\n")).toBe("    m(): void {\r\n        x;\r\n    }");
  });

  it("makes relative .js import specifiers", () => {
    expect(importSpecifier("/p/src", "/p/generated/a/src/Protocol")).toBe("../generated/a/src/Protocol.js");
    expect(importSpecifier("/p/src", "/p/src/gen/X")).toBe("./gen/X.js");
  });
});
