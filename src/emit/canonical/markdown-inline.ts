/**
 * The inline half of the Markdown certifier: recognises one line of inline Markdown that
 * Prettier 3 (default options) prints unchanged. It accepts a small, tested vocabulary and
 * rejects everything else, so a `false` only costs a Prettier run, never a wrong file:
 *
 * - plain text of letters, digits, single spaces and punctuation that Prettier never escapes;
 * - `_` inside a word (`snake_case`), which is neither emphasis nor escaped;
 * - code spans with a single-backtick fence and no padding;
 * - links `[text](url)` with a plain relative or absolute URL;
 * - `**strong**` and `_emphasis_` with spaces or line ends around them, as Prettier writes them;
 * - in table cells, `\|` and `<br>` (what the cell escaper writes).
 *
 * Rejected on purpose: `*` emphasis, backslash escapes, HTML, entities other than `&lt;`,
 * images, bare `[`/`]`, `$` (math), `~~`, `{{`/`{%` (Liquid), autolink-looking text (`://`,
 * `www.`, `@`), double spaces and characters outside a known-safe set.
 */

/** Where the inline text sits: a table cell allows `\|` and `<br>` and forbids a bare `|`. */
export type InlineContext = "text" | "cell";

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Characters allowed as themselves in plain text (not code): letters, digits and safe punctuation. */
const PLAIN_CHAR = /[\p{L}\p{N} .,;:!?'"()/=+%^-]|[—–·→←…“”‘’«»]/u;

/**
 * ASCII characters that are plain text wherever they appear (a subset of PLAIN_CHAR without the
 * space, parentheses and quotes' neighbours that need context): checked by table, since this
 * loop runs over every character of every docs page.
 */
const ASCII_PLAIN = new Uint8Array(128);
for (const char of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"/=+%^-") ASCII_PLAIN[char.charCodeAt(0)] = 1;

/** Characters that may follow a closing `_` or `**` (besides the end of the line). */
const AFTER_CLOSER = /[ .,;:!?)]/;

/** A URL Prettier prints as written: no spaces, brackets, quotes or angle brackets. */
const URL = /^[A-Za-z0-9._/#?=&%~:+-]+$/;

/** Characters allowed inside a code span (printed verbatim): printable, no backtick or control. */
const CODE_CHAR = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

interface Scan {
  readonly line: string;
  readonly context: InlineContext;
}

/** Index just past a code span opening at `i`, or -1 when the span is not of the accepted form. */
function codeSpanEnd(scan: Scan, i: number): number {
  const { line, context } = scan;
  if (line[i + 1] === "`") return -1;
  const close = line.indexOf("`", i + 1);
  if (close <= i + 1) return -1;
  const body = line.slice(i + 1, close);
  if (body.startsWith(" ") || body.endsWith(" ") || body.includes("  ")) return -1;
  for (let k = 0; k < body.length; k++) {
    const char = body[k]!;
    // In a cell an unescaped `|` ends the cell even inside code, and `\|` is the only escape the cell escaper writes.
    if (context === "cell" && char === "|" && body[k - 1] !== "\\") return -1;
    if (context === "cell" && char === "\\" && body[k + 1] !== "|") return -1;
  }
  if (![...body].every((char) => CODE_CHAR.test(char))) return -1;
  return close + 1;
}

/**
 * Checks `line.slice(from, to)` as inline content. `nested` says which delimiters enclose it,
 * so emphasis cannot nest in a way whose printed style this module has not verified.
 */
function inlineRange(scan: Scan, from: number, to: number, nested: { link: boolean; strong: boolean; em: boolean }): boolean {
  const { line, context } = scan;
  let i = from;
  while (i < to) {
    const code = line.charCodeAt(i);
    if (code < 128 && ASCII_PLAIN[code] === 1) {
      i++;
      continue;
    }
    const char = line[i]!;
    const previous = i > from ? line[i - 1] : line[from - 1];
    if (char === "`") {
      const end = codeSpanEnd(scan, i);
      if (end < 0 || end > to) return false;
      i = end;
      continue;
    }
    if (char === "[") {
      if (nested.link) return false;
      const textEnd = line.indexOf("](", i);
      if (textEnd < 0 || textEnd >= to) return false;
      const urlEnd = line.indexOf(")", textEnd + 2);
      if (urlEnd < 0 || urlEnd >= to) return false;
      if (textEnd === i + 1 || !URL.test(line.slice(textEnd + 2, urlEnd))) return false;
      if (!inlineRange(scan, i + 1, textEnd, { ...nested, link: true })) return false;
      i = urlEnd + 1;
      continue;
    }
    if (char === "*") {
      if (nested.strong || nested.em || line[i + 1] !== "*" || line[i + 2] === "*") return false;
      if (previous !== undefined && previous !== " " && previous !== "(") return false;
      const close = line.indexOf("**", i + 2);
      if (close < 0 || close + 2 > to || !closes(line, i + 2, close, close + 2, to)) return false;
      if (!inlineRange(scan, i + 2, close, { ...nested, strong: true })) return false;
      i = close + 2;
      continue;
    }
    if (char === "_") {
      const next = line[i + 1];
      // Inside a word (snake_case): plain text that Prettier leaves alone.
      if (previous !== undefined && WORD_CHAR.test(previous) && next !== undefined && WORD_CHAR.test(next)) {
        i++;
        continue;
      }
      if (nested.em || nested.strong || line[i + 1] === "_") return false;
      if (previous !== undefined && previous !== " " && previous !== "(") return false;
      const close = findEmphasisCloser(line, i + 1, to);
      if (close < 0 || !closes(line, i + 1, close, close + 1, to)) return false;
      if (!inlineRange(scan, i + 1, close, { ...nested, em: true })) return false;
      i = close + 1;
      continue;
    }
    if (context === "cell" && char === "\\" && line[i + 1] === "|") {
      i += 2;
      continue;
    }
    if (context === "cell" && line.startsWith("<br>", i)) {
      // A line break inside a cell: what follows starts a fresh "line" of text.
      if (i === from || line[i - 1] === " " || line[i + 4] === " " || i + 4 >= to) return false;
      i += 4;
      continue;
    }
    if (char === "&") {
      if (/^&[#A-Za-z0-9]+;/.test(line.slice(i)) && !line.startsWith("&lt;", i)) return false;
      i++;
      continue;
    }
    if (char === "<") {
      // "a < b" and "x <= y" stay text; anything that could open HTML or an autolink does not.
      if (!/^<[ =0-9]/.test(line.slice(i, i + 2))) return false;
      i++;
      continue;
    }
    if (char === ">") {
      i++;
      continue;
    }
    if (char === " " && (line[i + 1] === " " || i === from || i + 1 === to)) return false;
    if (char === ")" || char === "(") {
      i++;
      continue;
    }
    // A combining mark belongs to the letter before it (é written as e + U+0301).
    if (/\p{Mn}/u.test(char) && previous !== undefined && /\p{L}|\p{Mn}/u.test(previous)) {
      i++;
      continue;
    }
    if (!PLAIN_CHAR.test(char)) return false;
    i++;
  }
  return true;
}

/** The `_` that closes emphasis opened before `from`: the first `_` not inside a word. */
function findEmphasisCloser(line: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (line[k] === "`") {
      const close = line.indexOf("`", k + 1);
      if (close < 0) return -1;
      k = close;
      continue;
    }
    if (line[k] !== "_") continue;
    const before = line[k - 1];
    const after = line[k + 1];
    if (before !== undefined && WORD_CHAR.test(before) && after !== undefined && WORD_CHAR.test(after)) continue;
    return k;
  }
  return -1;
}

/** Whether delimiters around `line.slice(innerStart, innerEnd)` close cleanly at `after`. */
function closes(line: string, innerStart: number, innerEnd: number, after: number, to: number): boolean {
  if (innerEnd <= innerStart) return false;
  if (line[innerStart] === " " || line[innerEnd - 1] === " ") return false;
  return after === to || AFTER_CLOSER.test(line[after] ?? "");
}

/** Text that would turn into an autolink, math, Liquid or strikethrough if Prettier's parser saw it. */
const SPECIAL_SEQUENCE = /:\/\/|www\.|@|\$|\{\{|\{%|~~|!\[|\[\^|\\/;

/**
 * True when Prettier prints this one line of inline Markdown unchanged (in the given context).
 * The caller has already checked what makes the line a block (heading, list item, …).
 */
export function isCanonicalInline(line: string, context: InlineContext): boolean {
  if (line === "") return context === "cell";
  if (SPECIAL_SEQUENCE.test(line.replace(/`[^`]*`/g, "").replace(/\\\|/g, ""))) return false;
  return inlineRange({ line, context }, 0, line.length, { link: false, strong: false, em: false });
}
