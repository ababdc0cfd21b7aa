/** The `protoskel.config.json` / `.yaml` format, as one zod schema. */

import { z } from "zod";

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  specs: z.array(z.string()).min(1).describe("Spec files or glob patterns (`*`, `**`), relative to the config file."),
  outDir: z.string().default("generated").describe("Output folder; each spec writes to OUT/NAME/."),
  templates: z.string().optional().describe("Folder of template overrides, by file name."),
  emit: z.strictObject({
    classes: z.boolean().optional(),
    docs: z.boolean().optional(),
    tests: z.union([z.enum(["vitest", "node"]), z.literal(false)]).optional(),
  }).optional(),
  cache: z.boolean().optional().describe("Cache formatted output in node_modules/.cache/protoskel (default true)."),
});

/** A config as written in the file. */
export type RawConfig = z.input<typeof ConfigSchema>;

/** A config with paths resolved to absolute paths and defaults applied. */
export interface ResolvedConfig {
  /** The config file, or undefined when none was found (command-line only). */
  readonly file?: string;
  /** The folder paths are relative to: the config's folder, or the working directory. */
  readonly root: string;
  readonly specs: readonly string[];
  readonly outDir: string;
  readonly templates?: string;
  readonly emit: { readonly classes: boolean; readonly docs: boolean; readonly tests: "vitest" | "node" | false };
  readonly cache: boolean;
}

/** The JSON Schema of protoskel.config.json, for editors. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return { $id: "https://protoskel.dev/schema/config-v1.json", title: "protoskel config", ...schema };
}
