/**
 * Argument values for the scaffolded conformance tests: for each parameter type, the simplest
 * TypeScript expression of that type. Values the tests cannot build honestly (a transport, a
 * declared interface) are opaque fakes cast through `unknown`, so the test still type-checks
 * and a callback that only stores or forwards them works; one that calls into them will need
 * a real fake, which is the user's to write.
 */

import type { Model, TypeExpr } from "../model/types.js";

/** An argument expression. */
export interface FakeValue {
  readonly expression: string;
}

const PRIMITIVES: Readonly<Record<string, string>> = {
  number: "0",
  string: '""',
  boolean: "false",
  bigint: "0n",
  true: "true",
  false: "false",
  null: "null",
  undefined: "undefined",
  void: "undefined",
  unknown: "undefined",
  any: "undefined",
  object: "{}",
  Error: 'new Error("fake error")',
  Date: "new Date(0)",
  ArrayBuffer: "new ArrayBuffer(0)",
  DataView: "new DataView(new ArrayBuffer(0))",
};

const TYPED_ARRAYS = new Set([
  "Uint8Array", "Int8Array", "Uint8ClampedArray", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
  "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
]);

/** Splits a type at its top-level `|` (not inside brackets, parentheses, braces or angle brackets). */
export function unionMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c) && !(c === ">" && text[i - 1] === "=")) depth--;
    else if (c === "|" && depth === 0) {
      members.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(text.slice(start).trim());
  return members.filter((m) => m.length > 0);
}

/** A value for one union member that needs no fake, or undefined. */
function plainValue(member: string, model: Model, seen: ReadonlySet<string>): string | undefined {
  if (member in PRIMITIVES) return PRIMITIVES[member];
  if (TYPED_ARRAYS.has(member)) return `new ${member}(0)`;
  if (/^(readonly\s+)?\S.*\[\]$/.test(member) || /^(Readonly)?Array<.*>$/.test(member)) return "[]";
  if (/^(ReadonlyMap|Map)<.*>$/.test(member)) return "new Map()";
  if (/^(ReadonlySet|Set)<.*>$/.test(member)) return "new Set()";
  if (/^"(?:[^"\\]|\\.)*"$/.test(member) || /^'(?:[^'\\]|\\.)*'$/.test(member) || /^-?\d+(\.\d+)?$/.test(member)) return member;
  const alias = model.types.find((t) => t.name === member);
  if (alias?.kind === "alias" && !seen.has(member)) return valueOf(alias.type.text, model, new Set([...seen, member]));
  return undefined;
}

/** The value for a whole type: `null`/`undefined` when the union allows them, else the first member with a plain value. */
function valueOf(text: string, model: Model, seen: ReadonlySet<string>): string | undefined {
  const members = unionMembers(text);
  if (members.length === 0) return undefined;
  for (const empty of ["null", "undefined", "void"]) if (members.includes(empty)) return PRIMITIVES[empty];
  if (members.length === 1 && /^\(.*\)$/.test(members[0]!)) return valueOf(members[0]!.slice(1, -1), model, seen);
  for (const member of members) {
    const value = plainValue(member, model, seen);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The argument expression for a parameter of type `type` named `label`. The fallback is
 * `fake("label")`, a helper the test file defines whose type comes from the context (the
 * parameter's type in the user's class), so it follows a user who narrows a parameter and
 * needs no type import.
 */
export function fakeValue(type: TypeExpr, label: string, model: Model): FakeValue {
  const plain = valueOf(type.text, model, new Set());
  return { expression: plain ?? `fake(${JSON.stringify(label)})` };
}

/** True when the expression uses the `fake` helper. */
export function usesFakeHelper(value: FakeValue): boolean {
  return value.expression.startsWith("fake(");
}
