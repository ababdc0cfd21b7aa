/**
 * Type and default expressions from the spec, parsed and re-printed from the syntax tree.
 * The printed text, never the spec's raw text, is what reaches generated code, so a "type"
 * that closes the type position and adds a statement cannot get through: it either fails to
 * parse as exactly one type, or it contains a construct outside the whitelist below.
 *
 * Two parsers build the same TS-ESTree tree for the printer. The everyday expressions
 * (`Uint8Array`, `Error | null`, `(data: Uint8Array) => void`, `undefined`) go through the
 * small hand-written parser in fast-type-parser.ts. Anything outside its subset goes to the
 * TypeScript parser bundled with Prettier, which also words every diagnostic. That parser is
 * a 900 kB module, loaded only on first need: `validate` and `generate` often never format
 * with Prettier either, so loading it would be start-up time spent on nothing.
 */

import { fastParseType, fastParseValue } from "./fast-type-parser.js";

/** The subset of ESTree/TS-ESTree node shape this module reads. */
interface AstNode {
  readonly type: string;
  readonly range?: readonly [number, number];
  readonly [key: string]: unknown;
}

type ParseFn = (text: string) => Promise<{ body: AstNode[]; comments?: unknown[] }>;

let parserPromise: Promise<ParseFn> | undefined;

/** Loads the parser once, on first use. */
function loadParser(): Promise<ParseFn> {
  parserPromise ??= import("prettier/plugins/typescript").then((plugin) => {
    const parser = (plugin as unknown as { parsers: { typescript: { parse(text: string, options: object): unknown } } }).parsers.typescript;
    return async (text: string) => (await parser.parse(text, {})) as { body: AstNode[]; comments?: unknown[] };
  });
  return parserPromise;
}

/** A successfully parsed expression. */
export interface ParsedTypeExpression {
  readonly ok: true;
  /** Canonical re-printed text. */
  readonly text: string;
  /** Every type name referenced (first segment of qualified names), in first-use order, with its offset. */
  readonly references: readonly { readonly name: string; readonly offset: number }[];
}

/** Why an expression was refused, and where inside it. */
export interface ExpressionError {
  readonly ok: false;
  readonly message: string;
  /** Offset inside the expression text. */
  readonly offset: number;
}

/** A default value expression, re-printed, or why it was refused. */
export type ParsedDefaultExpression = { readonly ok: true; readonly text: string } | ExpressionError;

const TYPE_PREFIX = "type __T = ";
const VALUE_PREFIX = "const __v = ";

/**
 * Results by expression text. Large specs repeat the same few types thousands of times
 * (`Uint8Array`, `Error | null`); a parse depends on the text alone, so each is parsed once.
 */
const CACHE_LIMIT = 50_000; // bounds memory in a long --watch session
const typeCache = new Map<string, Promise<ParsedTypeExpression | ExpressionError>>();
const valueCache = new Map<string, Promise<ParsedDefaultExpression>>();

/** Parses `text` as exactly one TypeScript type and re-prints it. */
export function parseTypeExpression(text: string): Promise<ParsedTypeExpression | ExpressionError> {
  let result = typeCache.get(text);
  if (!result) {
    if (typeCache.size >= CACHE_LIMIT) typeCache.clear();
    result = parseTypeExpressionUncached(text);
    typeCache.set(text, result);
  }
  return result;
}

/** Parses `text` as exactly one TypeScript expression from a small safe set, and re-prints it. */
export function parseDefaultExpression(text: string): Promise<ParsedDefaultExpression> {
  let result = valueCache.get(text);
  if (!result) {
    if (valueCache.size >= CACHE_LIMIT) valueCache.clear();
    result = parseDefaultExpressionUncached(text);
    valueCache.set(text, result);
  }
  return result;
}

async function parseTypeExpressionUncached(text: string): Promise<ParsedTypeExpression | ExpressionError> {
  const refused = refuseText(text);
  if (refused) return refused;
  return fastTypeExpression(text) ?? parseTypeExpressionSlow(text);
}

async function parseDefaultExpressionUncached(text: string): Promise<ParsedDefaultExpression> {
  const refused = refuseText(text);
  if (refused) return refused;
  return fastDefaultExpression(text) ?? parseDefaultExpressionSlow(text);
}

/** The fast path's result, or undefined when `text` is outside its subset. */
function fastTypeExpression(text: string): ParsedTypeExpression | undefined {
  try {
    const tree = fastParseType(text, TYPE_PREFIX.length);
    if (!tree) return undefined;
    const printer = new TypePrinter(TYPE_PREFIX.length);
    return { ok: true, text: printer.type(tree), references: printer.references };
  } catch {
    // Anything unexpected (a construct the printer refuses, a stack overflow on absurd nesting)
    // goes to the slow path, which words it as a diagnostic.
    return undefined;
  }
}

/** The fast path's default value, or undefined when `text` is outside its subset. */
function fastDefaultExpression(text: string): ParsedDefaultExpression | undefined {
  try {
    const tree = fastParseValue(text, VALUE_PREFIX.length);
    if (!tree) return undefined;
    return { ok: true, text: new TypePrinter(VALUE_PREFIX.length).value(tree) };
  } catch {
    return undefined; // see fastTypeExpression
  }
}

/**
 * Parses a type with the TypeScript parser alone (no fast path, no cache): the reference
 * the fast path must agree with.
 */
export async function parseTypeExpressionSlow(text: string): Promise<ParsedTypeExpression | ExpressionError> {
  const parsed = await parseWrapped(text, TYPE_PREFIX);
  if (!parsed.ok) return parsed;
  const statement = parsed.body[0]!;
  if (statement.type !== "TSTypeAliasDeclaration" || statement["typeParameters"]) {
    return { ok: false, message: "not a single type", offset: 0 };
  }
  const printer = new TypePrinter(TYPE_PREFIX.length);
  try {
    const out = printer.type(statement["typeAnnotation"] as AstNode);
    return { ok: true, text: out, references: printer.references };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/**
 * Parses a default value with the TypeScript parser alone (no fast path, no cache): the
 * reference the fast path must agree with.
 */
export async function parseDefaultExpressionSlow(text: string): Promise<ParsedDefaultExpression> {
  const parsed = await parseWrapped(text, VALUE_PREFIX);
  if (!parsed.ok) return parsed;
  const statement = parsed.body[0]!;
  const declarations = statement["declarations"] as AstNode[] | undefined;
  if (statement.type !== "VariableDeclaration" || declarations?.length !== 1) return { ok: false, message: "not a single expression", offset: 0 };
  const printer = new TypePrinter(VALUE_PREFIX.length);
  try {
    return { ok: true, text: printer.value(declarations[0]!["init"] as AstNode) };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** Control and bidi characters: refused before either parser sees the text. */
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The error for text no parser should see (empty, or with control or bidi characters). */
function refuseText(text: string): ExpressionError | undefined {
  if (text.trim() === "") return { ok: false, message: "empty expression", offset: 0 };
  const offset = text.search(UNSAFE_CHARACTER);
  if (offset >= 0) return { ok: false, message: "control or bidi character in expression", offset };
  return undefined;
}

async function parseWrapped(text: string, prefix: string): Promise<{ ok: true; body: AstNode[] } | ExpressionError> {
  const refused = refuseText(text);
  if (refused) return refused;
  const parse = await loadParser();
  let program: { body: AstNode[]; comments?: unknown[] };
  try {
    // The newline before `;` keeps a trailing `//` comment from swallowing the terminator.
    program = await parse(`${prefix}${text}\n;`);
  } catch (error) {
    const loc = (error as { loc?: { start?: { line: number; column: number } } }).loc?.start;
    const message = ((error as Error).message.split("\n")[0] ?? "syntax error").replace(/\s*\(\d+:\d+\)\s*$/, "");
    const offset = loc && loc.line === 1 ? loc.column - 1 - prefix.length : text.length;
    return { ok: false, message, offset: Math.max(0, Math.min(offset, text.length)) };
  }
  if (program.body.length !== 1) {
    const second = program.body[1];
    const offset = second?.range ? second.range[0] - prefix.length : 0;
    return { ok: false, message: "more than one statement: only a single expression is allowed here", offset: Math.max(0, Math.min(offset, text.length)) };
  }
  if ((program.comments?.length ?? 0) > 0) return { ok: false, message: "comments are not allowed inside an expression", offset: Math.max(0, text.search(/\/[*/]/)) };
  return { ok: true, body: program.body };
}

class Unsupported extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const KEYWORDS: Readonly<Record<string, string>> = {
  TSAnyKeyword: "any", TSUnknownKeyword: "unknown", TSNumberKeyword: "number", TSBigIntKeyword: "bigint",
  TSBooleanKeyword: "boolean", TSStringKeyword: "string", TSSymbolKeyword: "symbol", TSObjectKeyword: "object",
  TSNeverKeyword: "never", TSVoidKeyword: "void", TSUndefinedKeyword: "undefined", TSNullKeyword: "null",
  TSThisType: "this",
};

/** Binding strength, to add parentheses exactly where the re-printed form needs them. */
const enum Prec { Function = 0, Union = 1, Intersection = 2, Operator = 3, Postfix = 4 }

/** Constructors a default value may call (`new Uint8Array(0)`); nothing that runs user code. */
const SAFE_CONSTRUCTORS = new Set(["Uint8Array", "ArrayBuffer", "Map", "Set", "Array", "Error", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array", "Date"]);

class TypePrinter {
  readonly references: { name: string; offset: number }[] = [];

  constructor(private readonly prefixLength: number) {}

  private offset(node: AstNode): number {
    return Math.max(0, (node.range?.[0] ?? this.prefixLength) - this.prefixLength);
  }

  private fail(node: AstNode, what: string): never {
    throw new Unsupported(what, this.offset(node));
  }

  type(node: AstNode, min: Prec = Prec.Function): string {
    const [text, prec] = this.typeWithPrec(node);
    return prec < min ? `(${text})` : text;
  }

  private typeWithPrec(node: AstNode): [string, Prec] {
    const keyword = KEYWORDS[node.type];
    if (keyword) return [keyword, Prec.Postfix];
    switch (node.type) {
      case "TSTypeReference": {
        const name = this.entityName(node["typeName"] as AstNode, true);
        const args = (node["typeArguments"] as AstNode | undefined)?.["params"] as AstNode[] | undefined;
        return [args?.length ? `${name}<${args.map((a) => this.type(a)).join(", ")}>` : name, Prec.Postfix];
      }
      case "TSUnionType":
        // An intersection inside a union gets parentheses, as Prettier prints it: the text
        // reaches generated code that must already be in Prettier's form.
        return [(node["types"] as AstNode[]).map((t) => this.type(t, Prec.Operator)).join(" | "), Prec.Union];
      case "TSIntersectionType":
        return [(node["types"] as AstNode[]).map((t) => this.type(t, Prec.Operator)).join(" & "), Prec.Intersection];
      case "TSArrayType":
        return [`${this.type(node["elementType"] as AstNode, Prec.Postfix)}[]`, Prec.Postfix];
      case "TSIndexedAccessType":
        return [`${this.type(node["objectType"] as AstNode, Prec.Postfix)}[${this.type(node["indexType"] as AstNode)}]`, Prec.Postfix];
      case "TSTypeOperator": {
        const op = node["operator"] as string;
        if (op !== "readonly" && op !== "keyof" && op !== "unique") this.fail(node, `unsupported type operator '${op}'`);
        return [`${op} ${this.type(node["typeAnnotation"] as AstNode, Prec.Operator)}`, Prec.Operator];
      }
      case "TSTupleType":
        return [`[${(node["elementTypes"] as AstNode[]).map((e) => this.tupleMember(e)).join(", ")}]`, Prec.Postfix];
      case "TSLiteralType":
        return [this.literal(node["literal"] as AstNode), Prec.Postfix];
      case "TSTypeLiteral": {
        const members = (node["members"] as AstNode[]).map((m) => this.member(m));
        return [members.length ? `{ ${members.join("; ")} }` : "{}", Prec.Postfix];
      }
      case "TSFunctionType":
      case "TSConstructorType": {
        if (node["typeParameters"]) this.fail(node, "generic function types are not supported");
        const params = (node["params"] as AstNode[]).map((p) => this.param(p)).join(", ");
        const ret = this.type((node["returnType"] as AstNode)["typeAnnotation"] as AstNode);
        return [`${node.type === "TSConstructorType" ? "new " : ""}(${params}) => ${ret}`, Prec.Function];
      }
      default:
        return this.fail(node, `unsupported type construct (${describe(node.type)})`);
    }
  }

  private entityName(node: AstNode, record: boolean): string {
    if (node.type === "Identifier") {
      const name = node["name"] as string;
      if (record) this.references.push({ name, offset: this.offset(node) });
      return name;
    }
    if (node.type === "TSQualifiedName") {
      return `${this.entityName(node["left"] as AstNode, record)}.${this.entityName(node["right"] as AstNode, false)}`;
    }
    return this.fail(node, "unsupported type name");
  }

  private tupleMember(node: AstNode): string {
    switch (node.type) {
      case "TSNamedTupleMember":
        return `${this.identifier(node["label"] as AstNode)}${node["optional"] ? "?" : ""}: ${this.type(node["elementType"] as AstNode)}`;
      case "TSOptionalType":
        return `${this.type(node["typeAnnotation"] as AstNode, Prec.Postfix)}?`;
      case "TSRestType":
        return `...${this.type(node["typeAnnotation"] as AstNode, Prec.Postfix)}`;
      default:
        return this.type(node);
    }
  }

  private member(node: AstNode): string {
    if (node.type === "TSPropertySignature") {
      if (node["computed"]) this.fail(node, "computed property names are not supported");
      const key = this.propertyKey(node["key"] as AstNode);
      const annotation = (node["typeAnnotation"] as AstNode | undefined)?.["typeAnnotation"] as AstNode | undefined;
      if (!annotation) this.fail(node, `property '${key}' needs a type`);
      return `${node["readonly"] ? "readonly " : ""}${key}${node["optional"] ? "?" : ""}: ${this.type(annotation)}`;
    }
    if (node.type === "TSIndexSignature") {
      const params = (node["parameters"] as AstNode[]).map((p) => this.param(p)).join(", ");
      // `{ [] }` parses (no parameter, no type): a diagnostic, not a crash.
      const annotation = (node["typeAnnotation"] as AstNode | undefined)?.["typeAnnotation"] as AstNode | undefined;
      if (!annotation) this.fail(node, "an index signature needs a type");
      return `${node["readonly"] ? "readonly " : ""}[${params}]: ${this.type(annotation)}`;
    }
    return this.fail(node, `unsupported member (${describe(node.type)})`);
  }

  private propertyKey(node: AstNode): string {
    if (node.type === "Identifier") return this.identifier(node);
    if (node.type === "Literal" && typeof node["value"] === "string") return quote(node["value"] as string);
    if (node.type === "Literal" && typeof node["value"] === "number") return String(node["value"]);
    return this.fail(node, "unsupported property key");
  }

  private param(node: AstNode): string {
    if (node.type === "RestElement") {
      const annotation = (node["typeAnnotation"] as AstNode | undefined)?.["typeAnnotation"] as AstNode | undefined;
      return `...${this.identifier(node["argument"] as AstNode)}${annotation ? `: ${this.type(annotation)}` : ""}`;
    }
    if (node.type !== "Identifier") this.fail(node, "unsupported parameter");
    const annotation = (node["typeAnnotation"] as AstNode | undefined)?.["typeAnnotation"] as AstNode | undefined;
    return `${this.identifier(node)}${node["optional"] ? "?" : ""}${annotation ? `: ${this.type(annotation)}` : ""}`;
  }

  private identifier(node: AstNode): string {
    if (node.type !== "Identifier") this.fail(node, "expected a name");
    return node["name"] as string;
  }

  private literal(node: AstNode): string {
    if (node.type === "Literal") {
      const value = node["value"];
      if (typeof value === "string") return quote(value);
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      if (typeof value === "boolean") return String(value);
      if (typeof node["bigint"] === "string") return `${node["bigint"] as string}n`;
      return this.fail(node, "unsupported literal");
    }
    if (node.type === "UnaryExpression" && node["operator"] === "-") {
      const arg = node["argument"] as AstNode;
      if (arg.type === "Literal" && typeof arg["value"] === "number") return `-${String(arg["value"])}`;
      if (arg.type === "Literal" && typeof arg["bigint"] === "string") return `-${arg["bigint"] as string}n`;
    }
    if (node.type === "TemplateLiteral" && (node["expressions"] as unknown[]).length === 0) {
      const quasi = (node["quasis"] as AstNode[])[0]!;
      const cooked = (quasi["value"] as { cooked: string | null }).cooked;
      if (cooked !== null) return quote(cooked);
    }
    if (node.type === "TemplateLiteral") return this.fail(node, "template literal types with placeholders are not supported");
    return this.fail(node, "unsupported literal");
  }

  /** A default value: literals, `undefined`, arrays/objects of those, `new Uint8Array(n)`-style calls. */
  value(node: AstNode): string {
    switch (node.type) {
      case "Literal":
        if (node["regex"]) this.fail(node, "regular expressions are not supported as defaults");
        return node["value"] === null ? "null" : this.literal(node);
      case "Identifier": {
        const name = node["name"] as string;
        if (name === "undefined" || name === "NaN" || name === "Infinity") return name;
        return this.fail(node, `'${name}' is not a value a default may use (use a literal, undefined, or new Uint8Array(…))`);
      }
      case "UnaryExpression": {
        const op = node["operator"] as string;
        if (op !== "-" && op !== "+" && op !== "!") this.fail(node, `unsupported operator '${op}'`);
        return `${op}${this.value(node["argument"] as AstNode)}`;
      }
      case "TemplateLiteral":
        return this.literal(node);
      case "ArrayExpression":
        return `[${(node["elements"] as (AstNode | null)[]).map((e) => (e ? this.value(e) : this.fail(node, "holes are not supported"))).join(", ")}]`;
      case "ObjectExpression":
        return `{ ${(node["properties"] as AstNode[]).map((p) => {
          if (p.type !== "Property" || p["computed"] || p["kind"] !== "init" || p["method"]) this.fail(p, "only plain properties are supported");
          return `${this.propertyKey(p["key"] as AstNode)}: ${this.value(p["value"] as AstNode)}`;
        }).join(", ")} }`.replace("{  }", "{}");
      case "NewExpression": {
        const callee = node["callee"] as AstNode;
        const name = callee.type === "Identifier" ? (callee["name"] as string) : "";
        if (!SAFE_CONSTRUCTORS.has(name)) return this.fail(callee, `'new' is allowed only for built-in constructors such as Uint8Array`);
        if (node["typeArguments"]) this.fail(node, "type arguments are not supported in defaults");
        return `new ${name}(${(node["arguments"] as AstNode[]).map((a) => this.value(a)).join(", ")})`;
      }
      case "TSAsExpression":
      case "TSSatisfiesExpression":
        return `${this.value(node["expression"] as AstNode)} ${node.type === "TSAsExpression" ? "as" : "satisfies"} ${this.type(node["typeAnnotation"] as AstNode)}`;
      default:
        return this.fail(node, `unsupported expression (${describe(node.type)}); use a literal, undefined, an array or object of literals, or new Uint8Array(…)`);
    }
  }
}

/** A string literal that is safe anywhere in a source file (line separators escaped too). */
export function quote(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function describe(nodeType: string): string {
  return nodeType.replace(/^TS/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
