/**
 * Finds method declarations in TypeScript source text (class members and interface method
 * signatures) and their parameter names, without a compiler: enough to check generated
 * classes, whose shape is regular. Comments and string literals are blanked first so that
 * TSDoc mentioning `connectionMade()` is not mistaken for a declaration.
 */

/** Each method name with the parameter lists of all its declarations in the text. */
export type MethodTable = ReadonlyMap<string, readonly (readonly string[])[]>;

// At the start of a line: optional modifiers, a name, an optional `?`, optional type parameters, `(`.
const METHOD_HEAD =
  /^[ \t]*(?:(?:public|protected|private|override|abstract|async|static|readonly|declare)\s+)*([A-Za-z_$][\w$]*)\??\s*(?:<[^>()]*>)?\s*\(/gm;
const NOT_METHODS = new Set(["if", "for", "while", "switch", "catch", "return", "function", "constructor", "super", "throw"]);

/** Lists the methods declared in `source`. */
export function methodTable(source: string): MethodTable {
  const code = blankCommentsAndStrings(source);
  const table = new Map<string, string[][]>();
  for (const match of code.matchAll(METHOD_HEAD)) {
    const name = match[1] ?? "";
    if (NOT_METHODS.has(name)) continue;
    const open = (match.index ?? 0) + match[0].length - 1;
    const inner = balancedInner(code, open);
    if (inner === undefined) continue;
    // A declaration's parameter list is followed by `:` (return type) or `{` (body); a call
    // statement such as `helper(x);` is followed by `;` and is skipped.
    const after = code.slice(open + inner.length + 2).trimStart()[0];
    if (after !== ":" && after !== "{") continue;
    const lists = table.get(name) ?? [];
    lists.push(paramNames(inner));
    table.set(name, lists);
  }
  return table;
}

/** The text between the bracket at `open` and its partner, or undefined when unbalanced. */
function balancedInner(code: string, open: number): string | undefined {
  const closing: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">" };
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const ch = code[i] ?? "";
    // `=>` inside a function type is not a closing angle bracket.
    if (ch === ">" && code[i - 1] === "=") continue;
    if (ch in closing) stack.push(closing[ch] ?? "");
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return code.slice(open + 1, i);
    }
  }
  return undefined;
}

/** `a: T, b?: [x: number, y: number], ...rest: U[]` → `["a", "b", "rest"]`. */
function paramNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = "";
  let previous = "";
  for (const ch of list + ",") {
    if ("([{<".includes(ch)) depth++;
    // The `>` of an arrow (`=>`) closes nothing.
    if (")]}".includes(ch) || (ch === ">" && previous !== "=")) depth--;
    previous = ch;
    if (ch === "," && depth === 0) {
      const name = /^\s*(?:(?:public|protected|private|readonly|override)\s+)*(?:\.\.\.)?\s*([A-Za-z_$][\w$]*)/.exec(current);
      if (name) names.push(name[1] ?? "");
      current = "";
    } else current += ch;
  }
  return names;
}

/** Replaces comments and the contents of string literals with spaces, keeping offsets. */
function blankCommentsAndStrings(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const two = source.slice(i, i + 2);
    const ch = source[i] ?? "";
    let end: number;
    if (two === "//") end = indexOrEnd(source, "\n", i);
    else if (two === "/*") end = indexOrEnd(source, "*/", i + 2) + 2;
    else if (ch === '"' || ch === "'" || ch === "`") end = closingQuote(source, i, ch) + 1;
    else {
      out += ch;
      i++;
      continue;
    }
    const isString = ch === '"' || ch === "'" || ch === "`";
    const span = source.slice(i, Math.min(end, source.length));
    out += isString ? ch + span.slice(1, -1).replace(/[^\n]/g, " ") + ch : span.replace(/[^\n]/g, " ");
    i = end;
  }
  return out;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length : at;
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}
