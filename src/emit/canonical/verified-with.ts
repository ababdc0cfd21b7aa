/**
 * The Prettier release the canonical layout was proved against (test/emit/canonical-*.test.ts
 * compare it with Prettier's own output). Prettier may change its layout between releases, so
 * with any other installed version nothing is certified and every file is formatted.
 */

import { createRequire } from "node:module";

/** Update together with the prettier dependency, after the canonical tests pass with it. */
export const VERIFIED_PRETTIER_VERSION = "3.10.1";

let installed: string | null | undefined;

/** The installed Prettier's version, read from its package.json (cheap: no Prettier code is loaded). */
export function installedPrettierVersion(): string | null {
  if (installed === undefined) {
    try {
      const manifest = createRequire(import.meta.url)("prettier/package.json") as { version?: unknown };
      installed = typeof manifest.version === "string" ? manifest.version : null;
    } catch {
      installed = null;
    }
  }
  return installed;
}

/** Whether certified output is valid for the Prettier installed here. */
export function canonicalLayoutApplies(): boolean {
  return installedPrettierVersion() === VERIFIED_PRETTIER_VERSION;
}
