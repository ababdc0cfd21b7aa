/**
 * A small hand-written parser for the everyday type and default expressions of a spec
 * (`Uint8Array`, `Error | null`, `(data: Uint8Array) => void`, `undefined`, `0`), so that a
 * spec made only of those never loads the 900 kB TypeScript parser bundled with Prettier.
 *
 * It builds the same TS-ESTree nodes, `range` offsets included, that the real parser gives
 * for `type __T = <text>` / `const __v = <text>`, so the printer in ts-syntax.ts prints both
 * alike. The subset is deliberately conservative: whatever it does not recognise with
 * certainty (reserved or contextual words used as names, comments, backslashes, non-ASCII
 * outside strings, newlines where TypeScript's grammar cares about them, constructs it does
 * not know) makes it answer `undefined`, and the real parser decides, diagnostics included.
 * It never reports an error itself.
 */

/** A TS-ESTree node as the real parser shapes it (only the fields the printer reads, plus `range`). */
export interface FastNode {
  readonly type: string;
  readonly range: readonly [number, number];
  readonly [key: string]: unknown;
}

/**
 * The syntax tree of `text` as a type, with ranges as if `text` followed a prefix of
 * `prefixLength` characters; undefined when `text` is outside the subset.
 */
export function fastParseType(text: string, prefixLength: number): FastNode | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  return new Parser(tokens, prefixLength).whole((p) => p.type());
}

/**
 * The syntax tree of `text` as a default-value expression (`undefined`, `null`, `true`,
 * `false`, a plain number, optionally negated, or a string without escapes); undefined otherwise.
 */
export function fastParseValue(text: string, prefixLength: number): FastNode | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  return new Parser(tokens, prefixLength).whole((p) => p.value());
}

// ---------------------------------------------------------------------------------------
// Tokens

type TokenKind = "word" | "string" | "number" | "punct";

interface Token {
  readonly kind: TokenKind;
  /** The source text of the token. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** TypeScript's grammar forbids a line break before some tokens (`[`, `<`); we refuse there. */
  readonly newlineBefore: boolean;
}

/** Longest first, so `=>` and `...` win over shorter prefixes. */
const PUNCTUATORS = ["=>", "...", "(", ")", "[", "]", "{", "}", "<", ">", ",", ";", ":", "?", ".", "|", "&", "-"];

/** Tokens that may follow a line break without changing how TypeScript reads the text. */
const SAFE_AFTER_NEWLINE = new Set(["(", ")", "]", "{", "}", ">", ",", ";", ":", "|", "&"]);

const WORD_START = /[A-Za-z_$]/;
const WORD_PART = /[A-Za-z0-9_$]/;

/** ASCII tokens of `text`, or undefined at the first character outside the subset. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  let newlineBefore = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "\n" || c === "\r") {
      newlineBefore = true;
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (WORD_START.test(c)) {
      while (i < text.length && WORD_PART.test(text[i]!)) i++;
      kind = "word";
    } else if (c >= "0" && c <= "9") {
      i = scanNumber(text, i);
      if (i < 0) return undefined;
      kind = "number";
    } else if (c === '"' || c === "'") {
      i = scanString(text, i);
      if (i < 0) return undefined;
      kind = "string";
    } else {
      const punct = PUNCTUATORS.find((p) => text.startsWith(p, i));
      if (!punct) return undefined; // comments, backslashes, `=`, `#`, `@`, backticks, non-ASCII, ...
      i += punct.length;
      kind = "punct";
    }
    // A word or number running straight into a non-ASCII character may be a longer identifier.
    if (i < text.length && text.charCodeAt(i) > 0x7e) return undefined;
    const tokenText = text.slice(start, i);
    if (newlineBefore && !(kind === "word" || kind === "string" || kind === "number" || SAFE_AFTER_NEWLINE.has(tokenText))) return undefined;
    tokens.push({ kind, text: tokenText, start, end: i, newlineBefore });
    newlineBefore = false;
  }
  return tokens;
}

/** End of a plain decimal number (`0`, `42`, `1.5`) starting at `i`, or -1 for any other form. */
function scanNumber(text: string, i: number): number {
  const match = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?/.exec(text.slice(i, i + 40))!;
  const end = i + match[0].length;
  // `0x1`, `1e5`, `1n`, `1_000`, `01`, `1.`, `1.2.3`: leave to the real parser.
  if (end < text.length && /[A-Za-z0-9_$.]/.test(text[end]!)) return -1;
  return end;
}

/** End of a quoted string without escapes or line breaks starting at `i`, or -1. */
function scanString(text: string, i: number): number {
  const quote = text[i]!;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === quote) return j + 1;
    if (c === "\\" || c === "\n" || c === "\r") return -1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------
// Names

/** Words that name a keyword type; TS-ESTree gives each its own node type. */
const KEYWORD_TYPES: Readonly<Record<string, string>> = {
  any: "TSAnyKeyword", unknown: "TSUnknownKeyword", number: "TSNumberKeyword", bigint: "TSBigIntKeyword",
  boolean: "TSBooleanKeyword", string: "TSStringKeyword", symbol: "TSSymbolKeyword", object: "TSObjectKeyword",
  never: "TSNeverKeyword", void: "TSVoidKeyword", undefined: "TSUndefinedKeyword", null: "TSNullKeyword",
  this: "TSThisType",
};

/**
 * Reserved, strict-mode and contextual keywords: as a name, each may mean something else to
 * TypeScript somewhere (`intrinsic`, `asserts x`, `infer U`, `unique symbol`), so we never
 * accept one as a name and let the real parser judge.
 */
const NOT_A_NAME = new Set([
  ...Object.keys(KEYWORD_TYPES), "true", "false",
  "abstract", "accessor", "as", "assert", "asserts", "async", "await", "break", "case", "catch", "class",
  "const", "continue", "debugger", "declare", "default", "delete", "do", "else", "enum",
  "export", "extends", "finally", "for", "from", "function", "get", "global", "if", "implements", "import",
  "in", "infer", "instanceof", "interface", "intrinsic", "is", "keyof", "let", "module", "namespace", "new",
  "of", "out", "override", "package", "private", "protected", "public", "readonly", "require", "return",
  "satisfies", "set", "static", "super", "switch", "throw", "try", "type", "typeof", "unique", "using",
  "var", "while", "with", "yield", "arguments", "eval",
]);

// ---------------------------------------------------------------------------------------
// Parser

/** Thrown inside the parser to abandon the fast path; never escapes this module. */
class OutsideSubset extends Error {}

/** A parsed type with the extent of its source text, parentheses included (parents' ranges use it). */
interface Spanned {
  readonly node: FastNode;
  readonly start: number;
  readonly end: number;
}

/** How tightly a parsed type binds: a tuple member's `?` may follow only a postfix-level type. */
const enum Level { Function, Union, Intersection, Operator, Postfix }

interface LeveledType extends Spanned {
  readonly level: Level;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: readonly Token[], private readonly prefixLength: number) {}

  /** Runs `rule` over all tokens; undefined unless it consumes every one of them. */
  whole(rule: (parser: this) => Spanned): FastNode | undefined {
    try {
      if (this.tokens.length === 0) return undefined;
      const result = rule(this);
      return this.pos === this.tokens.length ? result.node : undefined;
    } catch (error) {
      if (error instanceof OutsideSubset) return undefined;
      throw error;
    }
  }

  // --- token helpers

  private peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  private is(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token !== undefined && token.kind !== "string" && token.text === text;
  }

  private next(): Token {
    const token = this.tokens[this.pos];
    if (!token) throw new OutsideSubset();
    this.pos++;
    return token;
  }

  private expect(text: string): Token {
    if (!this.is(text)) throw new OutsideSubset();
    return this.next();
  }

  private range(start: number, end: number): readonly [number, number] {
    return [start + this.prefixLength, end + this.prefixLength];
  }

  private node(type: string, start: number, end: number, fields: Record<string, unknown> = {}): FastNode {
    return { type, ...fields, range: this.range(start, end) };
  }

  /** A plain identifier that TypeScript can only read as a name. */
  private name(): FastNode {
    const token = this.next();
    if (token.kind !== "word" || NOT_A_NAME.has(token.text)) throw new OutsideSubset();
    return this.node("Identifier", token.start, token.end, { name: token.text });
  }

  // --- types

  /** A type where TypeScript allows any type, unparenthesised function types included. */
  type(): LeveledType {
    if (this.is("(") && this.startsFunctionType()) return this.functionType();
    return this.union();
  }

  /**
   * Mirrors TypeScript's look-ahead at `(`: a function type when `()` or `(...` follows, or
   * a parameter name or pattern followed by `:`, `,`, `?`, `=`, or by `)` and `=>`; a
   * parenthesised type otherwise. We parse no destructuring patterns, so when `[` or `{`
   * follows and the token after its closing bracket says "parameter", we do not guess.
   */
  private startsFunctionType(): boolean {
    const first = this.peek(1);
    if (!first) throw new OutsideSubset();
    if (this.is(")", 1) || this.is("...", 1)) return true;
    let afterName: number;
    if (this.is("[", 1) || this.is("{", 1)) afterName = this.afterBalanced(this.pos + 1);
    else if (first.kind === "word") afterName = this.pos + 2;
    else return false;
    const ahead = afterName - this.pos;
    const looksLikeParameter = this.is(":", ahead) || this.is(",", ahead) || this.is("?", ahead) || (this.is(")", ahead) && this.is("=>", ahead + 1));
    if (looksLikeParameter && first.kind !== "word") throw new OutsideSubset();
    return looksLikeParameter;
  }

  /** The index just after the bracket that closes the one at `index`. */
  private afterBalanced(index: number): number {
    let depth = 0;
    for (let i = index; i < this.tokens.length; i++) {
      const text = this.tokens[i]!.kind === "punct" ? this.tokens[i]!.text : "";
      if (text === "(" || text === "[" || text === "{") depth++;
      else if (text === ")" || text === "]" || text === "}") depth--;
      if (depth === 0) return i + 1;
    }
    throw new OutsideSubset(); // unbalanced: the real parser words the error
  }

  private functionType(): LeveledType {
    const open = this.expect("(");
    const params: FastNode[] = [];
    let sawOptional = false;
    while (!this.is(")")) {
      if (params.length > 0) this.expect(",");
      if (this.is("...")) {
        params.push(this.restParameter());
        if (!this.is(")")) throw new OutsideSubset(); // a rest parameter must be last
        break;
      }
      const param = this.parameter();
      // A required parameter after an optional one is an error TypeScript reports later; not ours to judge.
      if (param.node["optional"]) sawOptional = true;
      else if (sawOptional) throw new OutsideSubset();
      params.push(param.node);
    }
    this.expect(")");
    const arrow = this.expect("=>");
    const returned = this.type();
    const returnType = this.node("TSTypeAnnotation", arrow.start, returned.end, { typeAnnotation: returned.node });
    return { node: this.node("TSFunctionType", open.start, returned.end, { params, returnType }), start: open.start, end: returned.end, level: Level.Function };
  }

  /** `name: T` or `name?: T`; an unannotated parameter is left to the real parser. */
  private parameter(): Spanned {
    const name = this.name();
    const optional = this.is("?");
    if (optional) this.next();
    const annotation = this.annotation();
    const start = name.range[0] - this.prefixLength;
    return { node: this.node("Identifier", start, annotation.end, { name: name["name"], optional, typeAnnotation: annotation.node }), start, end: annotation.end };
  }

  private restParameter(): FastNode {
    const dots = this.expect("...");
    const argument = this.name();
    const annotation = this.annotation();
    return this.node("RestElement", dots.start, annotation.end, { argument, optional: false, typeAnnotation: annotation.node });
  }

  /** `: T` as a TSTypeAnnotation, whose range starts at the colon. */
  private annotation(): Spanned {
    const colon = this.expect(":");
    const annotated = this.type();
    return { node: this.node("TSTypeAnnotation", colon.start, annotated.end, { typeAnnotation: annotated.node }), start: colon.start, end: annotated.end };
  }

  private union(): LeveledType {
    return this.listOf("|", "TSUnionType", Level.Union, () => this.intersection());
  }

  private intersection(): LeveledType {
    return this.listOf("&", "TSIntersectionType", Level.Intersection, () => this.operator());
  }

  private listOf(separator: string, type: string, level: Level, item: () => LeveledType): LeveledType {
    const first = item();
    if (!this.is(separator)) return first;
    const items: Spanned[] = [first];
    while (this.is(separator)) {
      this.next();
      items.push(item());
    }
    const end = items[items.length - 1]!.end;
    return { node: this.node(type, first.start, end, { types: items.map((i) => i.node) }), start: first.start, end, level };
  }

  /** `readonly` only directly on an array or tuple type (anything else is an error TypeScript reports). */
  private operator(): LeveledType {
    if (!this.is("readonly")) return this.postfix();
    const keyword = this.next();
    const operand = this.postfix();
    if (operand.node.type !== "TSArrayType" && operand.node.type !== "TSTupleType") throw new OutsideSubset();
    const node = this.node("TSTypeOperator", keyword.start, operand.end, { operator: "readonly", typeAnnotation: operand.node });
    return { node, start: keyword.start, end: operand.end, level: Level.Operator };
  }

  /** A primary type with any number of `[]`; `[` on a new line or `[T]` (indexed access) is not ours. */
  private postfix(): LeveledType {
    let result: Spanned = this.primary();
    while (this.is("[")) {
      if (this.peek()!.newlineBefore || !this.is("]", 1)) throw new OutsideSubset();
      this.next();
      const close = this.next();
      result = { node: this.node("TSArrayType", result.start, close.end, { elementType: result.node }), start: result.start, end: close.end };
    }
    return { ...result, level: Level.Postfix };
  }

  private primary(): Spanned {
    const token = this.peek();
    if (!token) throw new OutsideSubset();
    if (token.kind === "string" || token.kind === "number") {
      this.next();
      const literal = this.literal(token);
      return { node: this.node("TSLiteralType", token.start, token.end, { literal }), start: token.start, end: token.end };
    }
    if (token.kind === "word") {
      if (token.text === "true" || token.text === "false") {
        this.next();
        const literal = this.literal(token);
        return { node: this.node("TSLiteralType", token.start, token.end, { literal }), start: token.start, end: token.end };
      }
      // Own keys only: `toString` and `constructor` are type names here, not Object.prototype members.
      const keyword = Object.hasOwn(KEYWORD_TYPES, token.text) ? KEYWORD_TYPES[token.text] : undefined;
      if (keyword) {
        this.next();
        // `this.x` and `this is T` mean other things; `string.x` is an error the real parser words.
        if (this.is(".")) throw new OutsideSubset();
        return { node: this.node(keyword, token.start, token.end), start: token.start, end: token.end };
      }
      return this.typeReference();
    }
    if (token.text === "(") return this.parenthesised();
    if (token.text === "[") return this.tuple();
    if (token.text === "{") return this.typeLiteral();
    throw new OutsideSubset();
  }

  /** `(T)`: the node is T's own; the span includes the parentheses, as parents' ranges do. */
  private parenthesised(): Spanned {
    // A function type here (`A | () => void`) must be parenthesised: TypeScript reports it.
    if (this.startsFunctionType()) throw new OutsideSubset();
    const open = this.expect("(");
    const inner = this.type();
    const close = this.expect(")");
    return { node: inner.node, start: open.start, end: close.end };
  }

  private typeReference(): Spanned {
    let typeName = this.name();
    const start = typeName.range[0] - this.prefixLength;
    let end = typeName.range[1] - this.prefixLength;
    while (this.is(".")) {
      if (this.peek()!.newlineBefore) throw new OutsideSubset();
      this.next();
      const right = this.name();
      end = right.range[1] - this.prefixLength;
      typeName = this.node("TSQualifiedName", start, end, { left: typeName, right });
    }
    if (!this.is("<")) return { node: this.node("TSTypeReference", start, end, { typeName }), start, end };
    const open = this.next();
    if (open.newlineBefore) throw new OutsideSubset();
    const params: FastNode[] = [];
    do {
      if (params.length > 0) this.expect(",");
      params.push(this.type().node);
    } while (!this.is(">"));
    const close = this.next();
    const typeArguments = this.node("TSTypeParameterInstantiation", open.start, close.end, { params });
    return { node: this.node("TSTypeReference", start, close.end, { typeName, typeArguments }), start, end: close.end };
  }

  /** `[A, B?]` or `[a: A, b?: B]`: all named or none; no rest members; no optional before a required one. */
  private tuple(): Spanned {
    const open = this.expect("[");
    const elementTypes: FastNode[] = [];
    let named: boolean | undefined;
    let sawOptional = false;
    while (!this.is("]")) {
      if (elementTypes.length > 0) {
        this.expect(",");
        if (this.is("]")) throw new OutsideSubset(); // trailing comma
      }
      const isNamed = this.peek()?.kind === "word" && (this.is(":", 1) || (this.is("?", 1) && this.is(":", 2)));
      if (named !== undefined && named !== isNamed) throw new OutsideSubset();
      named = isNamed;
      const element = isNamed ? this.namedTupleMember() : this.tupleMember();
      const optional = element.type === "TSOptionalType" || element["optional"] === true;
      if (optional) sawOptional = true;
      else if (sawOptional) throw new OutsideSubset();
      elementTypes.push(element);
    }
    const close = this.next();
    return { node: this.node("TSTupleType", open.start, close.end, { elementTypes }), start: open.start, end: close.end };
  }

  private namedTupleMember(): FastNode {
    const label = this.name();
    const optional = this.is("?");
    if (optional) this.next();
    this.expect(":");
    const element = this.type();
    if (this.is("?")) throw new OutsideSubset();
    const start = label.range[0] - this.prefixLength;
    return this.node("TSNamedTupleMember", start, element.end, { elementType: element.node, label, optional });
  }

  /** An unnamed member; `T?` is an optional member only when T is a postfix-level type. */
  private tupleMember(): FastNode {
    const element = this.type();
    if (!this.is("?")) return element.node;
    if (element.level !== Level.Postfix) throw new OutsideSubset();
    const question = this.next();
    return this.node("TSOptionalType", element.start, question.end, { typeAnnotation: element.node });
  }

  /** `{ readonly a?: T; b: U, }`: property signatures only, each followed by `;`, `,` or the `}`. */
  private typeLiteral(): Spanned {
    const open = this.expect("{");
    const members: FastNode[] = [];
    while (!this.is("}")) {
      const first = this.peek();
      if (!first) throw new OutsideSubset();
      // `readonly` followed by a name is the modifier; `{ readonly: T }` and mapped types are not ours.
      const readonly = this.is("readonly") && this.peek(1)?.kind === "word";
      if (readonly) {
        this.next();
        // A modifier must share its line with the name: `readonly⏎a: T` is two members to TypeScript.
        if (this.peek()!.newlineBefore) throw new OutsideSubset();
      }
      const key = this.name();
      const optional = this.is("?");
      if (optional) this.next();
      const annotation = this.annotation();
      let end = annotation.end;
      if (this.is(";") || this.is(",")) end = this.next().end;
      else if (!this.is("}")) throw new OutsideSubset(); // a line break as separator: not ours
      members.push(this.node("TSPropertySignature", first.start, end, { computed: false, key, optional, readonly, static: false, typeAnnotation: annotation.node }));
    }
    const close = this.next();
    return { node: this.node("TSTypeLiteral", open.start, close.end, { members }), start: open.start, end: close.end };
  }

  /** A Literal node for a string, number or boolean token. */
  private literal(token: Token): FastNode {
    let value: string | number | boolean;
    if (token.kind === "string") value = token.text.slice(1, -1);
    else if (token.kind === "number") value = Number(token.text);
    else value = token.text === "true";
    return this.node("Literal", token.start, token.end, { raw: token.text, value });
  }

  // --- default values

  value(): Spanned {
    const token = this.next();
    if (token.kind === "string" || token.kind === "number") return { node: this.literal(token), start: token.start, end: token.end };
    if (token.kind === "punct") {
      if (token.text !== "-" || this.peek()?.kind !== "number") throw new OutsideSubset();
      const digits = this.next();
      const argument = this.literal(digits);
      return { node: this.node("UnaryExpression", token.start, digits.end, { argument, operator: "-", prefix: true }), start: token.start, end: digits.end };
    }
    if (token.text === "true" || token.text === "false") return { node: this.literal(token), start: token.start, end: token.end };
    if (token.text === "null") return { node: this.node("Literal", token.start, token.end, { raw: "null", value: null }), start: token.start, end: token.end };
    if (token.text === "undefined") return { node: this.node("Identifier", token.start, token.end, { name: "undefined" }), start: token.start, end: token.end };
    throw new OutsideSubset();
  }
}
