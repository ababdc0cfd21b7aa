/**
 * One stubbed callback in a user's class, as unformatted TypeScript: the exact signature of
 * the generated base class, a `// TODO:` with the callback's summary, `void p;` for each
 * parameter (the user's build has noUnusedParameters on, and renaming to `_p` would hide the
 * documented names), then the default return value, or, for a required callback, an error
 * saying it is not implemented yet. Both `scaffold` and `scaffold --update` render methods
 * here, so a method added later looks like one written at the start.
 */

import type { Callback, Family } from "../model/types.js";

/** How the class relates to the family: `extends` needs `override`, `implements` must not have it. */
export type ClassStyle = "extends" | "implements";

/** The parameter list and return type, `(a: A, b?: B): R`, as the generated class declares them. */
export function signatureText(cb: Callback): string {
  const params = cb.params.map((p) => `${p.tsName}${p.optional ? "?" : ""}: ${p.type.text}`).join(", ");
  return `(${params}): ${cb.returns.type.text}`;
}

/** The message a required callback's stub throws; the scaffolded tests recognise it. */
export function notImplementedMessage(className: string, cb: Callback): string {
  return `${className}.${cb.tsName} is not implemented yet`;
}

/** A one-line comment text: line breaks in a summary must not end the `//` comment early. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The stub method for `cb`, unformatted (Prettier lays it out). */
export function renderMember(cb: Callback, className: string, style: ClassStyle): string {
  const lines = [`// TODO: ${oneLine(cb.summary)}`, ...cb.params.map((p) => `void ${p.tsName};`)];
  if (cb.required) lines.push(`throw new Error(${JSON.stringify(notImplementedMessage(className, cb))});`);
  else if (cb.defaultExpr !== undefined) lines.push(`return ${cb.defaultExpr};`);
  const modifier = style === "extends" ? "override " : "";
  return `${modifier}${cb.tsName}${signatureText(cb)} {\n${lines.join("\n")}\n}`;
}

/** Declared type names (spec types and other families) that the signatures of `callbacks` mention, in first-use order. */
export function signatureTypeNames(callbacks: readonly Callback[], family: Family): string[] {
  const names: string[] = [];
  for (const cb of callbacks) {
    for (const ref of [...cb.params.flatMap((p) => p.type.references), ...cb.returns.type.references]) {
      if (ref !== family.name && !names.includes(ref)) names.push(ref);
    }
  }
  return names;
}
