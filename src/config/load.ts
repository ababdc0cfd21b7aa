/**
 * Finding and reading the config: `protoskel.config.json`, `.yaml` or `.yml`, from the
 * working directory upward (or the file named by --config).
 */

import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { diagnostic, type Diagnostic, type SourceLocation } from "../diagnostics/index.js";
import { certainlyMatchesSchema } from "../spec/json-schema-check.js";
// Types only: zod itself loads (in readConfig) only for a config the fast check is not sure of.
import type { ConfigSchema, RawConfig, ResolvedConfig } from "./schema.js";

export { CONFIG_FILE_NAMES, findConfig } from "./find.js";

/** Defaults when there is no config file: paths relative to the working directory. */
export function defaultConfig(cwd: string): ResolvedConfig {
  return { root: cwd, specs: [], outDir: resolve(cwd, "generated"), emit: { classes: true, docs: true, tests: "vitest" }, cache: true };
}

/** Reads and validates a config file. */
export async function readConfig(file: string): Promise<{ config?: ResolvedConfig; diagnostics: Diagnostic[] }> {
  const at = { file, line: 1, column: 1 };
  let data: unknown;
  try {
    const text = await readFile(file, "utf8");
    data = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { diagnostics: [diagnostic("PSK5001", `cannot read config '${file}': ${(error as Error).message.split("\n")[0]}`, at)] };
  }
  const checked = await checkConfig(data, at);
  if (checked.config === undefined) return { diagnostics: checked.diagnostics };
  const root = dirname(file);
  const c = checked.config;
  return {
    config: {
      file,
      root,
      specs: c.specs,
      outDir: resolve(root, c.outDir),
      ...(c.templates !== undefined ? { templates: resolve(root, c.templates) } : {}),
      emit: { classes: c.emit?.classes ?? true, docs: c.emit?.docs ?? true, tests: c.emit?.tests ?? "vitest" },
      cache: c.cache ?? true,
    },
    diagnostics: [],
  };
}

/** A config as zod outputs it: the file's data with defaults applied. */
type ParsedConfig = z.output<typeof ConfigSchema>;

/** Checks the config's shape: the fast check first, zod (loaded only now) when it is not sure. */
async function checkConfig(data: unknown, at: SourceLocation): Promise<{ config?: ParsedConfig; diagnostics: Diagnostic[] }> {
  if (certainlyMatchesSchema("config.schema.json", data)) return { config: withConfigDefaults(data as RawConfig), diagnostics: [] };
  const { ConfigSchema } = await import("./schema.js");
  const parsed = ConfigSchema.safeParse(data);
  if (parsed.success) return { config: parsed.data, diagnostics: [] };
  return {
    diagnostics: parsed.error.issues.map((issue) =>
      diagnostic("PSK5001", `config ${issue.path.length ? `'${issue.path.join(".")}'` : "file"}: ${issue.code === "unrecognized_keys" ? `unknown key ${issue.keys.map((k) => `'${k}'`).join(", ")}` : issue.message}`, at),
    ),
  };
}

/**
 * What zod outputs for a config it accepts: the input itself, except that `outDir` has a
 * zod default (the only transform in the schema). Exported for the differential test.
 */
export function withConfigDefaults(raw: RawConfig): ParsedConfig {
  return { ...raw, outDir: raw.outDir ?? "generated" };
}
