/**
 * Parser for the call-order notation (spec-format.md, "Lifecycle"):
 *
 *   expr  := seq ('|' seq)*
 *   seq   := item (('->' item) | arrowGroup)*      arrowGroup: '(' or '[' directly followed by '->'
 *   item  := atom ('?' | '*' | '+')*
 *   atom  := name | 'start' | 'end' | '(' '->'? expr ')' | '[' '->'? expr ']'
 *
 * Problems that can be found token by token (stray characters, unbalanced brackets, dangling
 * arrows, unknown names) are all collected; structural syntax errors stop at the first one,
 * because anything reported after it would be guesswork.
 */

import type { AnchorNode, ExprNode, ExprProblem, GroupNode } from "./ast.js";
import { tokenize, type Token } from "./lexer.js";
import { didYouMean as closestName } from "../util/did-you-mean.js";

/** How the parser turns a written name into a callback. */
export interface NameResolver {
  /** The callback a name stands for, or undefined when it names none. */
  resolve(written: string): { readonly tsName: string; readonly isAlias: boolean } | undefined;
  /** Every name the user could have meant, for "did you mean" (in a stable order). */
  readonly candidates: readonly string[];
}

/** What `parseExpression` found: a tree when the text is well-formed, and every problem seen. */
export interface ParseResult {
  readonly ast?: ExprNode;
  readonly problems: readonly ExprProblem[];
}

/** Parses one call-order expression. The tree is returned only when there are no problems. */
export function parseExpression(text: string, names: NameResolver): ParseResult {
  const { tokens, problems } = tokenize(text);
  problems.push(...bracketProblems(tokens), ...arrowProblems(tokens), ...nameProblems(tokens, names));
  if (tokens.length === 1) {
    problems.push({ code: "PSK3001", message: "empty call-order expression", offset: 0, length: Math.max(1, text.length) });
  }
  if (problems.length > 0) return { problems: sortProblems(problems) };
  const parser = new Parser(tokens, names);
  try {
    return { ast: parser.parseAll(), problems: [] };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { problems: [error.problem] };
    throw error;
  }
}

function sortProblems(problems: ExprProblem[]): ExprProblem[] {
  return problems.sort((a, b) => a.offset - b.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const CLOSER: Record<string, string> = { "(": ")", "[": "]" };

/** Every `)`/`]` without its opener and every opener never closed. */
function bracketProblems(tokens: readonly Token[]): ExprProblem[] {
  const problems: ExprProblem[] = [];
  const open: Token[] = [];
  for (const token of tokens) {
    if (token.kind === "(" || token.kind === "[") open.push(token);
    else if (token.kind === ")" || token.kind === "]") {
      const top = open.at(-1);
      if (!top) {
        problems.push({ code: "PSK3003", message: `'${token.kind}' has no matching opening bracket`, offset: token.offset, length: 1 });
      } else if (CLOSER[top.kind] !== token.kind) {
        problems.push({
          code: "PSK3003",
          message: `'${token.kind}' does not match the '${top.kind}' at column ${top.offset + 1} of the expression (expected '${CLOSER[top.kind]}')`,
          offset: token.offset,
          length: 1,
        });
        open.pop();
      } else {
        open.pop();
      }
    }
  }
  for (const token of open) {
    problems.push({ code: "PSK3003", message: `'${token.kind}' is never closed (expected '${CLOSER[token.kind]}')`, offset: token.offset, length: 1 });
  }
  return problems;
}

/** Every `->` that no term follows. */
function arrowProblems(tokens: readonly Token[]): ExprProblem[] {
  const problems: ExprProblem[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i]!.kind !== "arrow") continue;
    const next = tokens[i + 1]!;
    if (next.kind === "ident" || next.kind === "(" || next.kind === "[") continue;
    const what = next.kind === "eof" ? "the end of the expression" : `'${next.text}'`;
    problems.push({ code: "PSK3004", message: `'->' is followed by ${what}, not by a term`, offset: tokens[i]!.offset, length: 2 });
  }
  return problems;
}

/** Every name that is neither an anchor nor a callback. */
function nameProblems(tokens: readonly Token[], names: NameResolver): ExprProblem[] {
  const problems: ExprProblem[] = [];
  for (const token of tokens) {
    if (token.kind !== "ident" || token.text === "start" || token.text === "end") continue;
    if (names.resolve(token.text)) continue;
    const guess = closestName(token.text, names.candidates);
    problems.push({
      code: "PSK3002",
      message: `unknown callback '${token.text}'${guess ? ` (did you mean '${guess}'?)` : ""}`,
      offset: token.offset,
      length: token.text.length,
    });
  }
  return problems;
}

/** Thrown inside the parser to stop at the first structural syntax error. */
class SyntaxProblem extends Error {
  constructor(readonly problem: ExprProblem) {
    super(problem.message);
  }
}

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly names: NameResolver,
  ) {}

  parseAll(): ExprNode {
    const node = this.parseAlt();
    if (this.peek().kind !== "eof") this.unexpected("the end of the expression");
    return node;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  private fail(message: string, token: Token): never {
    throw new SyntaxProblem({ code: "PSK3001", message, offset: token.offset, length: Math.max(1, token.text.length) });
  }

  /** Reports the token at hand as unexpected, with the most helpful wording for the case. */
  private unexpected(expected: string): never {
    const token = this.peek();
    if (token.kind === "ident" || token.kind === "(" || token.kind === "[") {
      this.fail(`expected '->' before '${token.text}'`, token);
    }
    const found = token.kind === "eof" ? "the end of the expression" : `'${token.text}'`;
    this.fail(`expected ${expected}, found ${found}`, token);
  }

  private parseAlt(): ExprNode {
    const options = [this.parseSeq()];
    while (this.peek().kind === "|") {
      this.next();
      options.push(this.parseSeq());
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  private parseSeq(): ExprNode {
    const items = [this.parseItem()];
    for (;;) {
      const token = this.peek();
      if (token.kind === "arrow") {
        this.next();
        items.push(this.parseItem());
      } else if ((token.kind === "(" || token.kind === "[") && this.peek(1).kind === "arrow") {
        items.push(this.parseItem());
      } else {
        break;
      }
    }
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  private parseItem(): ExprNode {
    let node = this.parseAtom();
    for (let token = this.peek(); token.kind === "?" || token.kind === "*" || token.kind === "+"; token = this.peek()) {
      this.next();
      node = { kind: "repeat", op: token.kind, body: node };
    }
    return node;
  }

  private parseAtom(): ExprNode {
    const token = this.peek();
    if (token.kind === "ident") {
      this.next();
      if (token.text === "start" || token.text === "end") {
        const anchor: AnchorNode = { kind: "anchor", which: token.text, offset: token.offset };
        return anchor;
      }
      const resolved = this.names.resolve(token.text);
      return { kind: "term", tsName: resolved?.tsName ?? "", written: token.text, isAlias: resolved?.isAlias ?? false, offset: token.offset };
    }
    if (token.kind === "(" || token.kind === "[") {
      this.next();
      const arrowOpened = this.peek().kind === "arrow";
      if (arrowOpened) this.next();
      if (this.peek().kind === CLOSER[token.kind]) this.fail(`empty group '${token.kind}${CLOSER[token.kind]}'`, token);
      const body = this.parseAlt();
      if (this.peek().kind !== CLOSER[token.kind]) this.unexpected(`'${CLOSER[token.kind]}'`);
      this.next();
      const group: GroupNode = { kind: "group", bracket: token.kind, arrowOpened, body, offset: token.offset };
      return group;
    }
    if (token.kind === "|") this.fail("empty alternative before '|'", token);
    this.unexpected("a callback name or a group");
  }
}
