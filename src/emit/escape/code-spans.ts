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

/** A fence opener or closer: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Follows fenced code blocks line by line, as CommonMark does: a fence closes only with the
 * same character, at least as long as the one that opened it.
 */
export class FenceTracker {
  /** True while inside a fenced block (after its opening line). */
  inFence = false;
  /** The marker that opened the current (or last) fence. */
  marker = "";

  /** Feeds one line; returns true when the line opens or closes a fence. */
  update(line: string): boolean {
    const fence = FENCE.exec(line);
    if (!fence) return false;
    const marker = fence[1]!;
    if (!this.inFence) {
      this.inFence = true;
      this.marker = marker;
    } else if (marker[0] === this.marker[0] && marker.length >= this.marker.length) {
      this.inFence = false;
    }
    return true;
  }
}
