export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./codes.js";
export { diagnostic, hasErrors, sortDiagnostics, type Diagnostic, type SourceLocation } from "./diagnostic.js";
export { formatDiagnostic, formatDiagnostics, githubAnnotation, type FormatOptions } from "./format.js";
