/**
 * Layout helpers for the code templates (`it.layout`): they print spec-dependent constructs
 * (lists of names, imports, long calls) the way Prettier would, breaking them only when they
 * do not fit in 80 columns, so that the rendered code is already in Prettier's form.
 *
 * Each helper builds the same document Prettier's TypeScript printer builds for the construct
 * and prints it with Prettier's own document printer (`prettier/doc`, cheap to load), so the
 * fit/break decisions, including the width of wide characters, are Prettier's. Where Prettier
 * would choose a layout these helpers do not model (a lone object-typed parameter, a return
 * type that can break), they print the flat form: such a line is then longer than 80 columns
 * and the certifier (typescript.ts) refuses the file, so Prettier formats it as before.
 */

import { builders, printer } from "prettier/doc";
import { tsString } from "../escape/string-literal.js";

const { fill, group, ifBreak, indent, join, line, softline, hardline, align, lineSuffix } = builders;

/** Prettier's defaults, which certified output must match. */
const PRINT_OPTIONS = { printWidth: 80, tabWidth: 2, useTabs: false } as const;

/** A Prettier document (text, concatenation or layout command). */
export type Doc = builders.Doc;

/** Helpers on `it.layout`. Docs compose; {@link TsLayoutHelpers.print} turns one into text. */
export interface TsLayoutHelpers {
  /** Prints `doc` as the rest of a line that starts with `indent` (which is included). */
  print(indent: string, doc: Doc): string;
  /** An array literal of string literals (one per line when it does not fit). */
  strings(items: readonly string[]): Doc;
  /** An array literal of numbers, filled line by line when it does not fit (as Prettier does). */
  numbers(items: readonly number[]): Doc;
  /**
   * An array literal of string arrays; like Prettier it is always broken when it has several
   * rows that all have several items.
   */
  stringTable(rows: ReadonlyArray<readonly string[]>): Doc;
  /**
   * An array literal of docs; `shouldBreak` forces one element per line (Prettier does so for
   * several objects or arrays that all have several entries).
   */
  array(elements: readonly Doc[], shouldBreak?: boolean): Doc;
  /**
   * An object literal whose values are docs; `expanded` keeps it one property per line (what
   * Prettier keeps when the source has a line break after `{`). String-literal values move to
   * their own line when they do not fit after the key, as Prettier does.
   */
  object(properties: ReadonlyArray<readonly [key: string, value: Doc]>, expanded?: boolean): Doc;
  /** A call whose arguments are non-huggable (strings, names): `callee(a, b)` or one per line. */
  call(callee: string, args: readonly Doc[]): Doc;
  /** A string literal doc (see {@link tsString}). */
  str(text: string): Doc;
  /** A `// text` comment after the code before it, not counted in its width (as Prettier does). */
  trailingComment(text: string): Doc;
  /** `import`/`export` of names from a module; `keyword` is e.g. `import type` or `export`. */
  specifiers(keyword: string, names: readonly string[], from: string): string;
  /**
   * A class header up to its opening brace: `prefix` is e.g. `export abstract class X`,
   * `heritage` the clauses (`extends P`, `implements I`). With `emptyBody`, ends in ` {}`.
   */
  classHeader(prefix: string, heritage: readonly string[], emptyBody: boolean): string;
  /**
   * A method signature at `indent`: `head` is everything before `(` (modifiers and name),
   * `params` the `name: Type` texts, `returnType` the return type, `tail` what follows (`;`
   * or ` {`, ` {}`).
   */
  signature(indent: string, head: string, params: readonly string[], returnType: string, tail: string): string;
  /**
   * A type alias statement: `prefix` is e.g. `export type Name`, `type` the model's flat type
   * text. A union too long for one line gets Prettier's one-member-per-line form (`=` then
   * `| member` lines); any other long type stays flat (and the file is left to Prettier).
   */
  typeAlias(prefix: string, type: string): string;
}

/** Renders a doc starting at the column `indent.length`, continuation lines relative to it. */
function print(indentText: string, doc: Doc): string {
  // Most constructs fit on their line: then Prettier prints every group flat, and so can we,
  // without the document printer (which dominates rendering time on large specs).
  const flat = flatText(doc, false);
  if (flat !== undefined && indentText.length + flat.length <= PRINT_OPTIONS.printWidth && !/[^\x20-\x7e]/.test(flat)) return `${indentText}${flat}`;
  // The indentation is part of the doc, so the first line's width counts it.
  const body: Doc = indentText === "" ? doc : [indentText, align(indentText.length, doc)];
  return printer.printDocToString(body, PRINT_OPTIONS).formatted;
}

/**
 * The one-line text of `doc` with every group flat, or undefined when the doc cannot be all on
 * one line: a hard line, a group that must break, a line outside any group (printed broken at
 * the top level), or a construct this shortcut does not model (line suffixes, labels, …).
 */
function flatText(doc: Doc, inGroup: boolean): string | undefined {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) {
    let out = "";
    for (const part of doc as Doc[]) {
      const text = flatText(part, inGroup);
      if (text === undefined) return undefined;
      out += text;
    }
    return out;
  }
  const node = doc as { type: string; [key: string]: unknown };
  switch (node.type) {
    case "group":
      return node["break"] || node["expandedStates"] ? undefined : flatText(node["contents"] as Doc, true);
    case "indent":
    case "align":
      return flatText(node["contents"] as Doc, inGroup);
    case "fill":
      return flatText(node["parts"] as Doc[], true);
    case "if-break":
      return flatText((node["flatContents"] as Doc | undefined) ?? "", inGroup);
    case "line":
      if (node["hard"] || node["literal"] || !inGroup) return undefined;
      return node["soft"] ? "" : " ";
    default:
      return undefined;
  }
}

/** `[a, b]` or one element per line with a trailing comma. */
function bracketList(open: string, items: readonly Doc[], close: string, spaced: boolean, shouldBreak = false): Doc {
  if (items.length === 0) return `${open}${close}`;
  const edge = spaced ? line : softline;
  return group([open, indent([edge, join([",", line], [...items])]), ifBreak(","), edge, close], { shouldBreak });
}

function strings(items: readonly string[]): Doc {
  return bracketList("[", items.map((s) => tsString(s)), "]", false);
}

function numbers(items: readonly number[]): Doc {
  if (items.length === 0) return "[]";
  // Prettier fills arrays of (signed) number literals instead of one number per line; each
  // fill item carries its comma, the last one the trailing comma of the broken form.
  const id = Symbol("numbers");
  const parts: Doc[] = [];
  items.forEach((n, i) => {
    const last = i === items.length - 1;
    if (i > 0) parts.push(line);
    parts.push([String(n), last ? ifBreak(",", "", { groupId: id }) : ","]);
  });
  return group(["[", indent([softline, fill(parts)]), softline, "]"], { id });
}

function stringTable(rows: ReadonlyArray<readonly string[]>): Doc {
  // Prettier's rule: several elements that are all arrays (or objects) with several items each
  // are always printed one per line.
  const concise = rows.length > 1 && rows.every((row) => row.length > 1);
  return bracketList("[", rows.map((row) => strings(row)), "]", false, concise);
}

/** Whether Prettier prints `value` after `key:` with the "break after operator" layout. */
function isStringLiteralDoc(value: Doc): boolean {
  return typeof value === "string" && /^["']/.test(value);
}

function object(properties: ReadonlyArray<readonly [string, Doc]>, expanded = false): Doc {
  const printed = properties.map(([key, value]): Doc => {
    // A string value that does not fit moves below its key, unless the key is narrower than
    // a tab stop plus 3 (Prettier: wrapping those gains too little).
    if (isStringLiteralDoc(value) && key.length >= PRINT_OPTIONS.tabWidth + 3) return group([key, ":", group(indent([line, value]))]);
    return [key, ": ", value];
  });
  return bracketList("{", printed, "}", true, expanded);
}

function call(callee: string, args: readonly Doc[]): Doc {
  if (args.length === 0) return `${callee}()`;
  return group([callee, "(", indent([softline, join([",", line], [...args])]), ifBreak(","), softline, ")"]);
}

function specifiers(keyword: string, names: readonly string[], from: string): string {
  const source = ` from ${tsString(from)};`;
  // Prettier never breaks a list of a single specifier.
  if (names.length === 1) return `${keyword} { ${names[0]!} }${source}`;
  return print("", [keyword, " ", bracketList("{", [...names], "}", true), source]);
}

function classHeader(prefix: string, heritage: readonly string[], emptyBody: boolean): string {
  const end = emptyBody ? " {}" : " {";
  // A class with one heritage clause keeps it on the header line whatever its length.
  if (heritage.length < 2) return `${[prefix, ...heritage].join(" ")}${end}`;
  const doc: Doc = [group(indent([prefix, ...heritage.flatMap((h) => [line, h])]), { id: HERITAGE }), emptyBody ? " {}" : [ifBreak(hardline, " ", { groupId: HERITAGE }), "{"]];
  return print("", doc);
}

const HERITAGE = Symbol("heritage");

function signature(indentText: string, head: string, params: readonly string[], returnType: string, tail: string): string {
  const flat = `${indentText}${head}(${params.join(", ")}): ${returnType}${tail}`;
  // Layouts not modelled here print flat (too long to certify): a lone object-typed parameter
  // (Prettier hugs it) and return types that could break themselves.
  const lone = params.length === 1 && /^[^:]*\??: \{/.test(params[0]!);
  if (params.length === 0 || lone || !/^[\w$.]+(\[\])?$/.test(returnType)) return flat;
  const doc: Doc = [head, group(["(", indent([softline, join([",", line], [...params])]), ifBreak(","), softline, ")"]), ": ", returnType, tail];
  return print(indentText, doc);
}

function typeAlias(prefix: string, type: string): string {
  const flat = `${prefix} = ${type};`;
  // Widths are only certain for ASCII here; wider text stays flat for the certifier to judge.
  if (flat.length <= PRINT_OPTIONS.printWidth || /[^\x20-\x7e]/.test(flat)) return flat;
  const members = topLevelUnionMembers(type);
  // Prettier hugs a union holding an object type (`{ … } | null`); that layout is not modelled.
  if (members.length < 2 || members.some((m) => m.startsWith("{"))) return flat;
  // Prettier moves the union below the `=`, and breaks it one `| member` per line only when
  // it does not fit there either.
  const union = group([ifBreak("| "), join([line, "| "], members)]);
  return print("", [prefix, " =", group(indent([line, union])), ";"]);
}

/**
 * The members of a union at the top level of a flat type text (as the model prints it:
 * members joined by ` | `), or the whole text as one member when it is not a union.
 */
export function topLevelUnionMembers(type: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (c === '"' || c === "'") {
      // Skip a string literal type, escapes included.
      for (i++; i < type.length && type[i] !== c; i++) if (type[i] === "\\") i++;
    } else if (c === "=" && type[i + 1] === ">") {
      i++; // the arrow of a function type is not a closing angle bracket
    } else if (c === "(" || c === "[" || c === "{" || c === "<") {
      depth++;
    } else if (c === ")" || c === "]" || c === "}" || c === ">") {
      depth--;
    } else if (depth === 0 && type.startsWith(" | ", i)) {
      members.push(type.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(type.slice(start));
  return members;
}

/** The one layout helpers object (stateless, so shared). */
export const tsLayout: TsLayoutHelpers = {
  print,
  strings,
  numbers,
  stringTable,
  array: (elements, shouldBreak = false) => bracketList("[", elements, "]", false, shouldBreak),
  object,
  call,
  str: (text) => tsString(text),
  trailingComment: (text) => lineSuffix(` // ${text}`),
  specifiers,
  classHeader,
  signature,
  typeAlias,
};
