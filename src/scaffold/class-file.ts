/**
 * `CLASS.ts`: the user's implementation, written once by `scaffold` and theirs from then on.
 * It extends the generated family and overrides every callback, inherited ones included, so
 * the whole protocol is in front of the user with a TODO in each body.
 */

import { dirname } from "node:path";
import type { Family, Model } from "../model/types.js";
import { importSpecifier, type GeneratedModules } from "./locate.js";
import { renderMember, signatureTypeNames } from "./member.js";

/** What a scaffolded file says about itself in its first line (no timestamp: output is deterministic). */
export function scaffoldHeader(model: Model, family: Family): string {
  return `// created by protoskel scaffold; yours to edit. It implements ${family.name} from the spec "${model.specFile}".`;
}

/** Doc comment text safe inside `/** … *\/`. */
function docLine(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
}

/** The unformatted text of `CLASS.ts`, to be written at `classFile`. */
export function renderClassFile(model: Model, family: Family, className: string, classFile: string, modules: GeneratedModules): string {
  const from = dirname(classFile);
  const typeNames = signatureTypeNames(family.callbacks, family);
  const lines = [scaffoldHeader(model, family), ""];
  lines.push(`import { ${family.name} } from ${JSON.stringify(importSpecifier(from, modules.family))};`);
  if (typeNames.length > 0) lines.push(`import type { ${typeNames.join(", ")} } from ${JSON.stringify(importSpecifier(from, modules.index))};`);
  lines.push("", `/** ${docLine(`${family.name}: ${family.summary}`)} */`, `export class ${className} extends ${family.name} {`);
  lines.push(family.callbacks.map((cb) => renderMember(cb, className, "extends")).join("\n\n"));
  lines.push("}", "");
  return lines.join("\n");
}
