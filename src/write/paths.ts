import { diagnostic, type Diagnostic } from "../diagnostics/index.js";

/** The manifest's name inside an output folder; no generated file may take it. */
export const MANIFEST_NAME = ".protoskel-manifest.json";

/** Device names Windows reserves in every directory, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Characters Windows refuses in names, plus every control character. */
const WINDOWS_FORBIDDEN = /[<>:"|?*\u0000-\u001f]/;

/**
 * Why `path` cannot be an output path, or undefined when it is fine. An output path is
 * relative, POSIX, made of plain names: no `.`/`..`, no empty segment, no backslash, no NUL,
 * nothing Windows would read as a device or a drive. Checked as text, before any disk access,
 * so that no spelling can reach outside the output folder on any platform.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return "the path is empty";
  if (path.includes("\u0000")) return "the path contains a NUL character";
  if (path.includes("\\")) return "the path contains a backslash";
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path)) return "the path is absolute";
  for (const segment of path.split("/")) {
    if (segment === "") return "the path has an empty segment";
    if (segment === "." || segment === "..") return `the path contains '${segment}'`;
    if (WINDOWS_FORBIDDEN.test(segment)) return `'${segment}' contains a character Windows does not allow in names`;
    if (WINDOWS_RESERVED.test(segment)) return `'${segment}' is a device name reserved by Windows`;
    if (/[. ]$/.test(segment)) return `'${segment}' ends with a dot or space, which Windows drops`;
  }
  return undefined;
}

/**
 * The form under which two paths name the same file on a case-insensitive, normalising disk
 * (Windows, macOS): Unicode NFC, then lower case.
 */
export function clashKey(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/**
 * Checks a set of output paths: each must be safe (PSK5003) and no two may land on the same
 * file on any disk, including one being a directory of another and the manifest's own name
 * (PSK5005). Returns the diagnostics, sorted by path so that runs are reproducible.
 */
export function checkOutputPaths(paths: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, string>();
  const safe: string[] = [];
  for (const path of [...paths].sort()) {
    const reason = unsafePathReason(path);
    if (reason) {
      diagnostics.push(diagnostic("PSK5003", `refusing output path '${printable(path)}': ${reason}`));
      continue;
    }
    safe.push(path);
    const key = clashKey(path);
    const other = byKey.get(key);
    if (other !== undefined) {
      diagnostics.push(diagnostic("PSK5005", `output paths '${other}' and '${path}' name the same file`));
    } else if (key === clashKey(MANIFEST_NAME)) {
      diagnostics.push(diagnostic("PSK5005", `output path '${path}' would replace protoskel's manifest`));
    } else {
      byKey.set(key, path);
    }
  }
  // A file cannot also be a directory: `src` and `src/a.ts` clash.
  for (const path of safe) {
    const segments = clashKey(path).split("/");
    for (let i = 1; i < segments.length; i++) {
      const dir = byKey.get(segments.slice(0, i).join("/"));
      if (dir !== undefined) diagnostics.push(diagnostic("PSK5005", `output path '${dir}' is also a directory of '${path}'`));
    }
  }
  return diagnostics;
}

/** Shows control characters as escapes so a hostile path cannot garble the terminal. */
export function printable(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
