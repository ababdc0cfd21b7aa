/**
 * Prettier for scaffolded files, with the user's own Prettier config for the file's place
 * (as `prettier --write` would use), line endings forced to LF so output is the same
 * everywhere. Loaded lazily: only the scaffold command pays for it.
 */

import { diagnostic, type Diagnostic } from "../diagnostics/index.js";

/** Formatted text, or a PSK4004 diagnostic when Prettier rejects the text (a bug in the scaffold, or an odd type in the spec). */
export async function formatTypeScript(text: string, filePath: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const prettier = await import("prettier");
  try {
    const config = (await prettier.resolveConfig(filePath)) ?? {};
    const formatted = await prettier.format(text, { ...config, filepath: filePath, parser: "typescript", endOfLine: "lf" });
    return { text: formatted, diagnostics: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { diagnostics: [diagnostic("PSK4004", `cannot format ${filePath}: ${message}`)] };
  }
}

/** The indentation unit the user's Prettier config asks for at `filePath` (two spaces by default). */
export async function indentUnit(filePath: string): Promise<string> {
  const prettier = await import("prettier");
  const config = (await prettier.resolveConfig(filePath).catch(() => null)) ?? {};
  if (config.useTabs === true) return "\t";
  return " ".repeat(typeof config.tabWidth === "number" ? config.tabWidth : 2);
}
