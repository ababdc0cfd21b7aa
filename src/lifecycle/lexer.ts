/** Splits a call-order expression into tokens, reporting characters that belong to no token. */

import type { ExprProblem } from "./ast.js";

/** The kinds of token in the call-order notation. */
export type TokenKind = "ident" | "arrow" | "(" | ")" | "[" | "]" | "|" | "?" | "*" | "+" | "eof";

/** One token with its 0-based offset in the expression. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly offset: number;
}

const IDENT_START = /[\p{L}\p{Nl}_$]/u;
const IDENT_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$\u200c\u200d]/u;
const PUNCTUATION = new Set(["(", ")", "[", "]", "|", "?", "*", "+"]);

/** Tokenises `text`; the last token is always `eof`. Unknown characters become PSK3001 problems and are skipped. */
export function tokenize(text: string): { tokens: Token[]; problems: ExprProblem[] } {
  const tokens: Token[] = [];
  const problems: ExprProblem[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (/\s/u.test(ch)) {
      i += ch.length;
    } else if (text.startsWith("->", i)) {
      tokens.push({ kind: "arrow", text: "->", offset: i });
      i += 2;
    } else if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: ch as TokenKind, text: ch, offset: i });
      i += 1;
    } else if (IDENT_START.test(ch)) {
      const start = i;
      i += ch.length;
      while (i < text.length) {
        const next = String.fromCodePoint(text.codePointAt(i)!);
        if (!IDENT_PART.test(next)) break;
        i += next.length;
      }
      tokens.push({ kind: "ident", text: text.slice(start, i), offset: start });
    } else if (text.startsWith("=>", i)) {
      problems.push({ code: "PSK3001", message: "unexpected '=>': write the arrow as '->'", offset: i, length: 2 });
      i += 2;
    } else {
      const message =
        ch === "-" || ch === ">" || ch === "→"
          ? `unexpected '${ch}': write the arrow as '->'`
          : `unexpected character ${JSON.stringify(ch)} in a call-order expression`;
      problems.push({ code: "PSK3001", message, offset: i, length: ch.length });
      i += ch.length;
    }
  }
  tokens.push({ kind: "eof", text: "", offset: text.length });
  return { tokens, problems };
}
