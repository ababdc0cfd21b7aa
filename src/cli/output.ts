/**
 * Everything the CLI prints goes through here: diagnostics to stderr (with code frames,
 * colour when the terminal wants it, GitHub annotations under Actions), results to stdout.
 */

import { formatDiagnostics, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";

/** How the current process should print. */
export interface Output {
  readonly quiet: boolean;
  readonly color: boolean;
  /** A result line (stdout). */
  out(text: string): void;
  /** Progress or a note (stderr), suppressed by --quiet. */
  info(text: string): void;
  /** Diagnostics (stderr), never suppressed. */
  diagnostics(list: readonly Diagnostic[], sources?: ReadonlyMap<string, string>): void;
}

/** The output for this process: colour only on a terminal and without NO_COLOR. */
export function createOutput(options: { quiet?: boolean } = {}): Output {
  const color = Boolean(process.stderr.isTTY) && !("NO_COLOR" in process.env) && process.env["TERM"] !== "dumb";
  const quiet = options.quiet === true;
  return {
    quiet,
    color,
    out: (text) => process.stdout.write(`${text}\n`),
    info: (text) => {
      if (!quiet) process.stderr.write(`${text}\n`);
    },
    diagnostics: (list, sources) => {
      if (list.length === 0) return;
      const text = formatDiagnostics(sortDiagnostics(list), {
        color,
        githubActions: process.env["GITHUB_ACTIONS"] === "true",
        ...(sources ? { sources } : {}),
      });
      process.stderr.write(`${text}\n`);
    },
  };
}

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, drift: 1, badInput: 2, crash: 70 } as const;
