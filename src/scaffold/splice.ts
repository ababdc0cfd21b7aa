/**
 * Text insertion into the user's original file. `--update` never re-prints a file: it works
 * out where new text goes (from the AST) and splices it in, so every byte the user wrote
 * stays exactly as it was.
 */

/** Text to put at an offset of the original. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

/** The original with every insertion applied; insertions at the same offset keep their given order. */
export function applyInsertions(original: string, insertions: readonly Insertion[]): string {
  const sorted = insertions.map((insertion, index) => ({ insertion, index })).sort((a, b) => a.insertion.at - b.insertion.at || a.index - b.index);
  let result = "";
  let from = 0;
  for (const { insertion } of sorted) {
    result += original.slice(from, insertion.at) + insertion.text;
    from = insertion.at;
  }
  return result + original.slice(from);
}

/**
 * Where to insert after a node that ends at `end`: the end of its line when only blanks or a
 * line comment follow it there (so a trailing `// note` stays with its member), else `end`.
 */
export function afterNode(text: string, end: number): number {
  const newline = text.indexOf("\n", end);
  const lineEnd = newline < 0 ? text.length : text[newline - 1] === "\r" ? newline - 1 : newline;
  const rest = text.slice(end, lineEnd).trim();
  return rest === "" || rest.startsWith("//") ? lineEnd : end;
}

/** The line ending the file uses (CRLF when it has any), for text spliced into it. */
export function lineEnding(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/**
 * Re-indents Prettier's class-member text, indented in steps of `unit` with the member one step
 * deep, to sit at `memberIndent` with deeper lines in steps of the file's own `fileUnit`.
 */
export function reindentMember(formatted: string, unit: string, memberIndent: string, fileUnit: string, eol: string): string {
  return formatted
    .split("\n")
    .map((line) => {
      if (line.length === 0) return line;
      let depth = 0;
      while (line.startsWith(unit.repeat(depth + 1))) depth++;
      if (depth === 0) return line;
      return memberIndent + fileUnit.repeat(depth - 1) + line.slice(unit.length * depth);
    })
    .join(eol);
}
