import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { stableStringify } from "./hash.js";
import { MANIFEST_NAME, printable, unsafePathReason } from "./paths.js";

/** What protoskel generated into an output folder: path → SHA-256 of the content it wrote. */
export type Manifest = ReadonlyMap<string, string>;

const MANIFEST_VERSION = 1;

/**
 * The manifest's bytes: stable JSON (sorted keys, two-space indent, final newline), so the
 * same output always gives the same manifest and a no-op run does not rewrite it.
 */
export function serializeManifest(manifest: Manifest): string {
  return `${stableStringify({ protoskel: MANIFEST_VERSION, files: Object.fromEntries(manifest) }, 2)}\n`;
}

/** A manifest read from disk (empty when there is none) and what was wrong with it, if anything. */
export interface ReadManifestResult {
  readonly manifest: Manifest;
  /** The file's exact text, or undefined when there is no manifest. */
  readonly text: string | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads `OUT/NAME/.protoskel-manifest.json`. A corrupt manifest, or an entry whose path is
 * unsafe (a manifest is a file in the user's repository and may have been tampered with),
 * is dropped with a warning: protoskel then treats those files as not its own, which can only
 * make it more careful (it will refuse to overwrite them, and will not delete them).
 */
export async function readManifest(outDir: string): Promise<ReadManifestResult> {
  const file = join(outDir, MANIFEST_NAME);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { manifest: new Map(), text: undefined, diagnostics: [] };
    return { manifest: new Map(), text: undefined, diagnostics: [manifestWarning(`cannot read ${MANIFEST_NAME}: ${String(error)}`)] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { manifest: new Map(), text, diagnostics: [manifestWarning(`${MANIFEST_NAME} is not valid JSON; ignoring it`)] };
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if ((parsed as { protoskel?: unknown } | null)?.protoskel !== MANIFEST_VERSION || files === null || typeof files !== "object" || Array.isArray(files)) {
    return { manifest: new Map(), text, diagnostics: [manifestWarning(`${MANIFEST_NAME} has an unknown shape; ignoring it`)] };
  }
  const manifest = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const [path, hash] of Object.entries(files as Record<string, unknown>)) {
    const reason = unsafePathReason(path);
    if (reason !== undefined || typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)) {
      diagnostics.push(manifestWarning(`ignoring manifest entry '${printable(path)}': ${reason ?? "not a SHA-256 hash"}`));
      continue;
    }
    manifest.set(path, hash);
  }
  return { manifest, text, diagnostics };
}

function manifestWarning(message: string): Diagnostic {
  return diagnostic("PSK5009", message, undefined, { severity: "warning" });
}
