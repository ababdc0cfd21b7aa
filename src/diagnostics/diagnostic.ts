import { DIAGNOSTIC_CODES, type DiagnosticCode } from "./codes.js";

/** Where a diagnostic points. Lines and columns are 1-based, as editors show them. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Optional length of the highlighted span, in characters on the first line. */
  readonly length?: number;
}

/**
 * A problem found in the user's input, reported instead of thrown. Functions return
 * diagnostics next to their result; throwing is reserved for bugs in protoskel itself.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: "error" | "warning";
  readonly message: string;
  /** What to do about it. Defaults to the catalogue's hint for the code. */
  readonly hint: string;
  readonly location?: SourceLocation;
}

/** Builds a diagnostic, filling the hint from the catalogue unless one is given. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  location?: SourceLocation,
  options: { hint?: string; severity?: "error" | "warning" } = {},
): Diagnostic {
  const base = {
    code,
    severity: options.severity ?? "error",
    message,
    hint: options.hint ?? DIAGNOSTIC_CODES[code].hint,
  } as const;
  return location ? { ...base, location } : base;
}

/** True when any diagnostic is an error (warnings do not stop a run). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Sorts diagnostics by file, line and column so output is the same on every run. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? "";
    const fb = b.location?.file ?? "";
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.column ?? 0;
    const cb = b.location?.column ?? 0;
    if (ca !== cb) return ca - cb;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
