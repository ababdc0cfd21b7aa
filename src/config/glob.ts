/**
 * Minimal glob expansion for spec lists (`specs/*.yaml`, `protocols/**\/*.yml`); Node 20
 * has no fs.glob. Results are sorted so generation order never depends on the disk.
 */

import { readdir } from "node:fs/promises";
import { join, posix } from "node:path";

/** True when a pattern has wildcard characters. */
export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

function segmentRegExp(segment: string): RegExp {
  let re = "";
  for (const c of segment) {
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Expands `pattern` (posix separators, relative to `root`) to matching files, relative and sorted. */
export async function expandGlob(root: string, pattern: string): Promise<string[]> {
  const segments = posix.normalize(pattern).split("/").filter((s) => s !== "" && s !== ".");
  const out = new Set<string>();
  async function walk(dir: string, rel: string, index: number): Promise<void> {
    if (index === segments.length) return;
    const segment = segments[index]!;
    let entries;
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    const last = index === segments.length - 1;
    if (segment === "**") {
      await walk(dir, rel, index + 1);
      for (const e of entries) {
        if (e.isDirectory() && e.name !== "node_modules" && !e.name.startsWith(".")) await walk(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name, index);
      }
      return;
    }
    const re = segmentRegExp(segment);
    for (const e of entries) {
      if (!re.test(e.name)) continue;
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (last && e.isFile()) out.add(childRel);
      else if (!last && e.isDirectory()) await walk(join(dir, e.name), childRel, index + 1);
    }
  }
  await walk(".", "", 0);
  return [...out].sort();
}
