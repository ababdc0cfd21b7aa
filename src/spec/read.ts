/**
 * Reading a spec file: text → YAML document with every node's position kept, or
 * diagnostics. Nothing here knows the spec format; that is the schema's job.
 */

import { readFile, stat } from "node:fs/promises";
import { LineCounter, parseDocument, isAlias, isCollection, isPair, type Document, type Node as YamlNode } from "yaml";
import { diagnostic, type Diagnostic, type SourceLocation } from "../diagnostics/index.js";

/** Larger specs are refused before parsing: a spec is hand-written text, not a data dump. */
export const MAX_SPEC_BYTES = 32 * 1024 * 1024;
/** Nesting deeper than this is no spec anyone writes; refusing it keeps every later walk safe. */
export const MAX_DEPTH = 64;
/** Aliases are legal YAML, but a handful of them can expand exponentially (an "alias bomb"). */
export const MAX_ALIAS_COUNT = 100;

/** A parsed spec file with what is needed to point back into it. */
export interface SpecSource {
  /** The file name as diagnostics show it. */
  readonly file: string;
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** Maps an offset in the file to a 1-based line and column. */
export function locationAt(source: Pick<SpecSource, "file" | "lineCounter">, offset: number, length?: number): SourceLocation {
  const { line, col } = source.lineCounter.linePos(offset);
  return length === undefined ? { file: source.file, line, column: col } : { file: source.file, line, column: col, length };
}

/** Reads and parses a spec file. */
export async function readSpecFile(path: string, displayName = path): Promise<{ source?: SpecSource; text?: string; diagnostics: Diagnostic[] }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { diagnostics: [diagnostic("PSK1004", `'${displayName}' is not a file`, { file: displayName, line: 1, column: 1 })] };
    if (info.size > MAX_SPEC_BYTES) {
      return { diagnostics: [diagnostic("PSK1003", `'${displayName}' is ${info.size} bytes; the limit is ${MAX_SPEC_BYTES}`, { file: displayName, line: 1, column: 1 })] };
    }
    const text = await readFile(path, "utf8");
    return parseSpecText(text, displayName);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return { diagnostics: [diagnostic("PSK1004", `cannot read '${displayName}': ${reason}`)] };
  }
}

/** Parses spec text (YAML 1.2; JSON is YAML too). */
export function parseSpecText(text: string, file: string): { source?: SpecSource; text?: string; diagnostics: Diagnostic[] } {
  if (text.length > MAX_SPEC_BYTES) {
    return { diagnostics: [diagnostic("PSK1003", `the spec is ${text.length} characters; the limit is ${MAX_SPEC_BYTES}`, { file, line: 1, column: 1 })] };
  }
  const lineCounter = new LineCounter();
  // A byte-order mark is not content; the yaml library keeps it out of values already.
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: "1.2" });
  const where = { file, lineCounter };
  const diagnostics: Diagnostic[] = [];
  for (const error of document.errors) {
    // The parser reports its own stack exhaustion on pathological nesting as a plain error.
    const code = error.code === "DUPLICATE_KEY" ? "PSK1002" : /call stack/i.test(error.message) ? "PSK1003" : "PSK1001";
    const message = error.message.split("\n")[0] ?? error.message;
    const text = code === "PSK1002" ? "duplicate key in mapping" : code === "PSK1003" ? "nesting too deep to parse" : message;
    diagnostics.push(diagnostic(code, text, locationAt(where, error.pos[0])));
  }
  for (const warning of document.warnings) {
    diagnostics.push(diagnostic("PSK1005", warning.message.split("\n")[0] ?? warning.message, locationAt(where, warning.pos[0])));
  }
  if (diagnostics.length > 0) return { text, diagnostics };
  diagnostics.push(...checkShape(document, where));
  if (diagnostics.length > 0) return { text, diagnostics };
  return { source: { file, text, document, lineCounter }, diagnostics };
}

/**
 * Rejects what later stages should never see: deep nesting, aliases (which can expand
 * exponentially), and non-scalar keys. Walks with an explicit stack so depth cannot
 * overflow the call stack.
 */
function checkShape(document: Document.Parsed, where: Pick<SpecSource, "file" | "lineCounter">): Diagnostic[] {
  const out: Diagnostic[] = [];
  let aliases = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      aliases++;
      if (aliases > MAX_ALIAS_COUNT) {
        out.push(diagnostic("PSK1003", `more than ${MAX_ALIAS_COUNT} YAML aliases`, locationAt(where, node.range?.[0] ?? 0)));
        return out;
      }
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) {
      out.push(diagnostic("PSK1003", `nesting deeper than ${MAX_DEPTH} levels`, locationAt(where, (node as YamlNode).range?.[0] ?? 0)));
      return out;
    }
    for (const item of node.items) {
      if (isPair(item)) {
        if (isCollection(item.key)) {
          out.push(diagnostic("PSK1005", "complex (non-scalar) mapping keys are not supported", locationAt(where, (item.key as YamlNode).range?.[0] ?? 0)));
        }
        stack.push({ node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return out;
}
