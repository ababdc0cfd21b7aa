/** `protoskel templates list` and `protoskel templates eject`. */

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { hasErrors } from "../../diagnostics/index.js";
import { ejectTemplates, listTemplates } from "../../emit/templates.js";
import { commandContext } from "../context.js";
import { EXIT } from "../output.js";

export async function runTemplatesList(args: { templates?: string | undefined; config?: string | undefined; quiet?: boolean | undefined }): Promise<number> {
  const { context, diagnostics, output } = await commandContext(args);
  if (!context) {
    output.diagnostics(diagnostics);
    return EXIT.badInput;
  }
  const userDir = args.templates !== undefined ? resolve(process.cwd(), args.templates) : context.config.templates;
  const templates = listTemplates();
  const width = Math.max(...templates.map((t) => t.name.length));
  for (const t of templates) {
    const overridden = userDir !== undefined && existsSync(join(userDir, t.name)) ? "  [overridden]" : "";
    output.out(`${t.name.padEnd(width)}  ${t.purpose}${overridden}`);
  }
  output.info(`\nCopy one out to edit it: protoskel templates eject NAME --to templates (then set "templates": "templates" in the config).`);
  return EXIT.ok;
}

export async function runTemplatesEject(args: { names?: string[] | undefined; to?: string | undefined; config?: string | undefined; quiet?: boolean | undefined }): Promise<number> {
  const { context, diagnostics, output } = await commandContext(args);
  if (!context) {
    output.diagnostics(diagnostics);
    return EXIT.badInput;
  }
  const to = args.to !== undefined ? resolve(process.cwd(), args.to) : (context.config.templates ?? resolve(process.cwd(), "templates"));
  const result = await ejectTemplates(args.names ?? [], to);
  output.diagnostics(result.diagnostics);
  for (const file of result.written) output.out(`ejected ${file}`);
  if (result.written.length > 0 && context.config.templates === undefined) {
    output.info(`Point protoskel at them: "templates": "${to}" in protoskel.config.json, or --templates ${to}.`);
  }
  return hasErrors(result.diagnostics) ? EXIT.badInput : EXIT.ok;
}
