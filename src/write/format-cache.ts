import { statSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A content-addressed store of formatted output: key (a hash of everything that decides
 * Prettier's result) → formatted text. Formatting is the costliest step of a run, and most
 * runs change few files, so a warm run mostly reads this cache instead of running Prettier.
 */
export interface FormatCache {
  /** The formatted text stored under `key`, if any; marks the entry as recently used. */
  get(key: string): string | undefined;
  /** Stores a formatted text; it is kept on disk at the next `save()`. */
  set(key: string, formatted: string): void;
  /** Writes the cache back if anything was added. Best effort: never throws. Call once per run. */
  save(): Promise<void>;
}

/** Bounds that keep the cache file from growing without limit. */
export interface FormatCacheLimits {
  /** Most entries kept (default 20,000). */
  readonly maxEntries?: number;
  /** Most characters of formatted text kept (default 64 Mi). */
  readonly maxChars?: number;
}

/** Where the cache of a project lives: the place tools conventionally keep caches. */
export function formatCacheDir(projectDir: string): string {
  return join(projectDir, "node_modules", ".cache", "protoskel");
}

const CACHE_FILE = "format-cache.json";
const CACHE_FORMAT_VERSION = 1;

/**
 * Whether `projectDir` has a cache file left by an earlier run: a cheap hint (no read) that
 * most files of this run will be cache hits, so there is no point starting workers early.
 */
export function hasFormatCache(projectDir: string): boolean {
  try {
    return statSync(join(formatCacheDir(projectDir), CACHE_FILE)).size > 0;
  } catch {
    return false;
  }
}

interface CacheFileShape {
  readonly version: number;
  /** Most recently used first. */
  readonly entries: ReadonlyArray<readonly [string, string]>;
}

/**
 * Opens the format cache of `projectDir` (under `node_modules/.cache/protoskel/`). A missing,
 * unreadable or corrupt cache file is treated as empty: the cache can only ever save time,
 * never change the output (keys include the Prettier version and options).
 */
export async function openFormatCache(projectDir: string, limits: FormatCacheLimits = {}): Promise<FormatCache> {
  const dir = formatCacheDir(projectDir);
  const previous = await readCacheFile(join(dir, CACHE_FILE));
  return new FileFormatCache(dir, previous, limits.maxEntries ?? 20_000, limits.maxChars ?? 64 * 1024 * 1024);
}

async function readCacheFile(file: string): Promise<Map<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    if (!isCacheFileShape(parsed)) return new Map();
    return new Map(parsed.entries);
  } catch {
    return new Map();
  }
}

function isCacheFileShape(value: unknown): value is CacheFileShape {
  if (value === null || typeof value !== "object") return false;
  const { version, entries } = value as { version?: unknown; entries?: unknown };
  return (
    version === CACHE_FORMAT_VERSION &&
    Array.isArray(entries) &&
    entries.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string")
  );
}

class FileFormatCache implements FormatCache {
  /** Entries touched in this run, in the order first touched; they survive eviction first. */
  private readonly used = new Map<string, string>();
  private dirty = false;

  constructor(
    private readonly dir: string,
    private readonly previous: Map<string, string>,
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(key: string): string | undefined {
    const hit = this.used.get(key) ?? this.previous.get(key);
    if (hit !== undefined) this.used.set(key, hit);
    return hit;
  }

  set(key: string, formatted: string): void {
    this.used.set(key, formatted);
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const kept: Array<[string, string]> = [];
    let chars = 0;
    const keep = (key: string, value: string) => {
      if (kept.length >= this.maxEntries || chars + value.length > this.maxChars) return false;
      kept.push([key, value]);
      chars += value.length;
      return true;
    };
    for (const [key, value] of this.used) if (!keep(key, value)) break;
    for (const [key, value] of this.previous) {
      if (this.used.has(key)) continue;
      if (!keep(key, value)) break;
    }
    const body: CacheFileShape = { version: CACHE_FORMAT_VERSION, entries: kept };
    // Write beside the target and rename, so a concurrent reader never sees half a file.
    const temp = join(this.dir, `${CACHE_FILE}.${process.pid}.${Date.now()}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, JSON.stringify(body));
      await rename(temp, join(this.dir, CACHE_FILE));
      this.dirty = false;
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
