/**
 * A token-level scan of rendered TypeScript for the spellings Prettier would change even on a
 * line that fits: a string literal in the other quote than Prettier prefers, a quoted property
 * key that needs no quotes, and number literals Prettier re-spells. The model prints user
 * types and default values flat with JSON-style strings and `String(number)`, so these are
 * the differences that can reach certified output. Comments and template-literal text are
 * skipped; the generated code holds no regular-expression literals (the model refuses them).
 */

/** What {@link scanCode} found. */
export interface CodeScan {
  /** No string, key or number in the text would be re-spelled by Prettier. */
  readonly ok: boolean;
  /** 0-based numbers of the lines on which a template literal starts (in code, not in a string). */
  readonly templateLines: ReadonlySet<number>;
}

/** Scans `text` (see the module comment). */
export function scanCode(text: string): CodeScan {
  const templateLines = new Set<number>();
  const fail = { ok: false, templateLines };
  // Stack of open template literals: each entry is the `{` depth at which its `${` opened.
  const templates: number[] = [];
  let braces = 0;
  let i = 0;
  while (i < text.length) {
    // Jump to the next character any rule below looks at (most of the text is names and spaces).
    INTERESTING.lastIndex = i;
    const found = INTERESTING.exec(text);
    if (found === null) break;
    i = found.index;
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return fail;
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      if (end < 0 || !isPreferredString(text.slice(i + 1, end), c)) return fail;
      if (isNeedlesslyQuotedKey(text, i, end)) return fail;
      i = end + 1;
    } else if (c === "`" || (c === "}" && templates.length > 0 && templates[templates.length - 1] === braces)) {
      if (c === "}") templates.pop();
      else templateLines.add(lineOf(text, i));
      const stop = templateStop(text, i + 1);
      if (stop < 0) return fail;
      if (text[stop] === "$") {
        templates.push(braces);
        i = stop + 2;
      } else {
        i = stop + 1;
      }
    } else if (c >= "0" && c <= "9" && (i === 0 || !/[\w$.]/.test(text[i - 1]!))) {
      const match = /^[0-9](?:[eE][+-]|[\w.])*/.exec(text.slice(i, i + 64))!;
      // Prettier lowercases number literals and drops `+` from exponents.
      if (/[A-Z+]/.test(match[0])) return fail;
      i += match[0].length;
    } else {
      if (c === "{") braces++;
      else if (c === "}") braces--;
      i++;
    }
  }
  return { ok: templates.length === 0, templateLines };
}

/** The characters that start a comment, string, template or number, or change the brace depth. */
const INTERESTING = /["'`/{}0-9]/g;

/** 0-based line number of offset `at`. */
function lineOf(text: string, at: number): number {
  let line = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Index of the closing quote of the string literal opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === quote) return i;
    else if (c === "\n") return -1;
  }
  return -1;
}

/** Index of the backtick ending, or the `$` of the `${` interrupting, template text from `from`. */
function templateStop(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "`") return i;
    else if (c === "$" && text[i + 1] === "{") return i;
  }
  return -1;
}

/** Prettier's choice: double quotes unless the content has more double than single quotes. */
function isPreferredString(raw: string, quote: string): boolean {
  let doubles = 0;
  let singles = 0;
  for (const c of raw) {
    if (c === '"') doubles++;
    else if (c === "'") singles++;
  }
  return quote === '"' ? doubles <= singles : doubles > singles;
}

/**
 * A string key (`"name": …` or `"name"?: …`) that Prettier could print unquoted. Checked
 * loosely: any name-like or number-like content counts, whatever the other keys are.
 */
function isNeedlesslyQuotedKey(text: string, start: number, end: number): boolean {
  const after = text.slice(end + 1, end + 3);
  if (!after.startsWith(":") && after !== "?:") return false;
  return /^(?:[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\u200c\u200d]*|\d[\d.]*)$/u.test(text.slice(start + 1, end));
}
