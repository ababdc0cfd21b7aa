import type { Diagnostic } from "./diagnostic.js";

/** Options for printing diagnostics for people (and for GitHub Actions). */
export interface FormatOptions {
  /** Source text by file name, for code frames. Files not here get no frame. */
  readonly sources?: ReadonlyMap<string, string>;
  readonly color?: boolean;
  /** Also print `::error file=…::` workflow commands (GitHub Actions). */
  readonly githubActions?: boolean;
}

const RED = "\u001b[31m";
const YELLOW = "\u001b[33m";
const DIM = "\u001b[2m";
const CYAN = "\u001b[36m";
const RESET = "\u001b[0m";

/**
 * Prints one diagnostic in the TypeScript compiler's shape:
 * `file:line:col - error PSKnnnn: message`, then a code frame and the hint.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? code + text + RESET : text);
  const loc = d.location;
  const where = loc ? `${paint(CYAN, loc.file)}:${loc.line}:${loc.column} - ` : "";
  const sev = paint(d.severity === "error" ? RED : YELLOW, d.severity);
  const lines = [`${where}${sev} ${d.code}: ${d.message}`];
  const source = loc ? options.sources?.get(loc.file) : undefined;
  if (loc && source !== undefined) lines.push(...codeFrame(source, loc.line, loc.column, loc.length ?? 1, paint));
  lines.push(paint(DIM, `  hint: ${d.hint}`));
  if (options.githubActions) lines.push(githubAnnotation(d));
  return lines.join("\n");
}

/** A GitHub Actions workflow command that annotates the file in the pull request view. */
export function githubAnnotation(d: Diagnostic): string {
  const kind = d.severity === "error" ? "error" : "warning";
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escProp = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const loc = d.location;
  const props = loc ? ` file=${escProp(loc.file)},line=${loc.line},col=${loc.column},title=${d.code}` : ` title=${d.code}`;
  return `::${kind}${props}::${esc(`${d.code}: ${d.message}`)}`;
}

/** Shows the offending line with one line of context either side and a caret under the column. */
function codeFrame(
  source: string,
  line: number,
  column: number,
  length: number,
  paint: (code: string, text: string) => string,
): string[] {
  const all = source.split(/\r\n|\r|\n/);
  const first = Math.max(1, line - 1);
  const last = Math.min(all.length, line + 1);
  const width = String(last).length;
  const out: string[] = [""];
  for (let n = first; n <= last; n++) {
    const text = visible(all[n - 1] ?? "");
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${text}`);
    if (n === line) {
      const pad = " ".repeat(Math.max(0, column - 1));
      const caret = "^".repeat(Math.max(1, Math.min(length, Math.max(1, text.length - column + 1))));
      out.push(`  ${" ".repeat(width)} | ${pad}${paint(RED, caret)}`);
    }
  }
  out.push("");
  return out;
}

/** Makes control and bidi characters visible so a frame cannot reorder or hide text. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) =>
    `\\u{${c.codePointAt(0)!.toString(16)}}`,
  ).replace(/\t/g, " ");
}

/** Prints a list of diagnostics followed by a one-line summary. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const body = diagnostics.map((d) => formatDiagnostic(d, options)).join("\n\n");
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `${body}\n\nFound ${plural(errors, "error")}${warnings ? ` and ${plural(warnings, "warning")}` : ""}.`;
}
