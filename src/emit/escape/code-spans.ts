/**
 * Walks one line of Markdown and rewrites only what lies outside backtick code spans
 * (`` `…` `` with any run length), where text is shown verbatim and must stay untouched.
 */

/**
 * `visit` sees the rest of the line from each character outside a code span and the character
 * before it; it returns `[replacement, charactersConsumed]`, or undefined to keep the character.
 */
export function rewriteOutsideCodeSpans(line: string, visit: (rest: string, previous: string | undefined) => readonly [string, number] | undefined): string {
  let result = "";
  let openTicks = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "`") {
      let run = 1;
      while (line[i + run] === "`") run++;
      if (openTicks === 0) openTicks = run;
      else if (openTicks === run) openTicks = 0;
      result += line.slice(i, i + run);
      i += run - 1;
      continue;
    }
    const hit = openTicks === 0 ? visit(line.slice(i), line[i - 1]) : undefined;
    if (hit) {
      result += hit[0];
      i += hit[1] - 1;
    } else {
      result += line[i];
    }
  }
  return result;
}
