/**
 * Fingerprints of everything a spec's output depends on, so that `check` can answer "up to
 * date" without loading the pipeline when nothing has changed since the last verified run.
 *
 * A fingerprint is recorded only after a run that left the output exactly as generated (a
 * successful `generate`, or a `check` with no drift). A later `check` may then skip the
 * pipeline when (1) the inputs hash the same — the spec, the config, every template
 * (built-in and override), every Prettier and EditorConfig file that could apply, and the
 * build of protoskel and Prettier — and (2) the output folder is byte for byte what its
 * manifest says, with no extra file. Generation is deterministic, so the full check would
 * then find no drift either. Anything unusual (no record, a YAML config, an unreadable
 * file) just means the full check runs. This module imports nothing heavy on purpose.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../write/disk.js";
import { sha256, stableStringify } from "../write/hash.js";
import { MANIFEST_NAME } from "../write/paths.js";

/** What a fingerprint is computed from. */
export interface FingerprintInputs {
  readonly specPath: string;
  readonly outDir: string;
  readonly configFile?: string;
  /** The user's templates folder, when there is one. */
  readonly templatesDir?: string;
}

/** One recorded, verified state of a spec's output. */
interface Record {
  /** The spec's output folder, OUT/NAME (known only once the spec has been read). */
  readonly outDir: string;
  readonly inputs: string;
  readonly manifest: string;
}

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Files Prettier (and EditorConfig) read for a file in some folder, checked in each folder up to the root. */
const FORMAT_CONFIG_NAMES = [
  ".prettierrc", ".prettierrc.json", ".prettierrc.yaml", ".prettierrc.yml", ".prettierrc.json5", ".prettierrc.js",
  ".prettierrc.cjs", ".prettierrc.mjs", ".prettierrc.ts", ".prettierrc.cts", ".prettierrc.mts", ".prettierrc.toml",
  "prettier.config.js", "prettier.config.cjs", "prettier.config.mjs", "prettier.config.ts", "prettier.config.cts",
  "prettier.config.mts", ".editorconfig", "package.json", "package.yaml", ".prettierignore",
];

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** Every file below `dir` (relative path → content), sorted; empty when it does not exist. */
function folderContents(dir: string | undefined): [string, string][] {
  if (dir === undefined) return [];
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const text = readOrNull(join(dir, name));
    return text === null ? [] : [[name, text] as [string, string]];
  });
}

/** The build of protoskel itself: its compiled files' names, sizes and times, and the Prettier version. */
function buildIdentity(): string {
  const dist = join(PACKAGE_ROOT, "dist");
  const files = (() => {
    try {
      return readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith(".js")).sort();
    } catch {
      return [];
    }
  })();
  const stamp = files.map((f) => {
    const s = statSync(join(dist, f));
    return `${f}:${s.size}:${s.mtimeMs}`;
  });
  return sha256([readOrNull(join(PACKAGE_ROOT, "package.json")), readOrNull(join(PACKAGE_ROOT, "node_modules", "prettier", "package.json")), ...stamp].join("\n"));
}

/** The hash of everything the spec's output depends on. */
export function inputsHash(inputs: FingerprintInputs): string {
  const formatConfigs: [string, string][] = [];
  for (let dir = resolve(inputs.outDir); ; dir = dirname(dir)) {
    for (const name of FORMAT_CONFIG_NAMES) {
      const text = readOrNull(join(dir, name));
      if (text !== null) formatConfigs.push([join(dir, name), text]);
    }
    if (dirname(dir) === dir) break;
  }
  return sha256(
    stableStringify({
      build: buildIdentity(),
      spec: [inputs.specPath, readOrNull(inputs.specPath)],
      config: inputs.configFile === undefined ? null : [inputs.configFile, readOrNull(inputs.configFile)],
      builtinTemplates: folderContents(join(PACKAGE_ROOT, "templates")),
      userTemplates: folderContents(inputs.templatesDir),
      formatConfigs,
      outDir: resolve(inputs.outDir),
    }),
  );
}

/**
 * The hash of the output folder as it is, or undefined when it is not exactly what its
 * manifest lists (a file changed, missing, or extra in a generated folder).
 */
export function verifiedOutputHash(outDir: string): string | undefined {
  const manifestText = readOrNull(join(outDir, MANIFEST_NAME));
  if (manifestText === null) return undefined;
  let files: { [path: string]: string };
  try {
    files = (JSON.parse(manifestText) as { files: { [path: string]: string } }).files;
  } catch {
    return undefined;
  }
  const paths = Object.keys(files);
  for (const path of paths) {
    const text = readOrNull(join(outDir, path));
    if (text === null || sha256(text) !== files[path]) return undefined;
  }
  const known = new Set(paths);
  const folders = new Set(paths.filter((p) => p.includes("/")).map((p) => p.slice(0, p.indexOf("/"))));
  for (const folder of folders) for (const file of listFiles(outDir, folder)) if (!known.has(file)) return undefined;
  return sha256(manifestText);
}

function storePath(projectDir: string): string {
  return join(projectDir, "node_modules", ".cache", "protoskel", "fingerprints.json");
}

async function readStore(projectDir: string): Promise<{ [specPath: string]: Record }> {
  try {
    return JSON.parse(await readFile(storePath(projectDir), "utf8")) as { [specPath: string]: Record };
  } catch {
    return {};
  }
}

/** Records that the outputs of these specs are verified as generated. Best effort: never throws. */
export async function recordFingerprints(projectDir: string, entries: readonly FingerprintInputs[]): Promise<void> {
  try {
    const store = await readStore(projectDir);
    for (const entry of entries) {
      const manifest = verifiedOutputHash(entry.outDir);
      if (manifest === undefined) delete store[entry.specPath];
      else store[entry.specPath] = { outDir: resolve(entry.outDir), inputs: inputsHash(entry), manifest };
    }
    const path = storePath(projectDir);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, stableStringify(store, 2));
    await rename(temp, path);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}

/**
 * The output folders of these specs when every one is verified up to date by its recorded
 * fingerprint; undefined otherwise (run the full check).
 */
export async function verifiedUpToDate(projectDir: string, entries: readonly Omit<FingerprintInputs, "outDir">[]): Promise<string[] | undefined> {
  if (entries.length === 0) return undefined;
  const store = await readStore(projectDir);
  const outDirs: string[] = [];
  for (const entry of entries) {
    const record = store[entry.specPath];
    if (record === undefined || typeof record.outDir !== "string") return undefined;
    if (record.manifest !== verifiedOutputHash(record.outDir)) return undefined;
    if (record.inputs !== inputsHash({ ...entry, outDir: record.outDir })) return undefined;
    outDirs.push(record.outDir);
  }
  return outDirs;
}
