/**
 * Naming rules: what a name in the spec becomes in TypeScript, and which names are
 * refused because they could not be used safely as identifiers, members or file names.
 */

/** ECMAScript/TypeScript reserved words and strict-mode restricted names. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
  "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "await",
  "arguments", "eval", "undefined", "NaN", "Infinity",
]);

/** Type-position keywords: a declared type or family with such a name would be unusable. */
export const TYPE_KEYWORDS: ReadonlySet<string> = new Set([
  "any", "unknown", "number", "bigint", "boolean", "string", "symbol", "object", "never", "void", "undefined",
  "null", "this", "type", "keyof", "readonly", "unique", "infer", "is", "asserts", "as", "satisfies", "declare",
  "abstract", "global", "module", "namespace", "require", "accessor", "out", "override",
]);

/** Member names that would break a class or its prototype if used for a callback. */
export const RESERVED_MEMBERS: ReadonlySet<string> = new Set(["constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"]);

/** File names that Windows refuses whatever the extension. */
export const WINDOWS_DEVICE_NAMES: ReadonlySet<string> = new Set([
  "con", "prn", "aux", "nul", ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`), ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);

/** An ASCII identifier (spec names become identifiers and file names; ASCII keeps both portable). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** `connection_made` → `connectionMade`; leading underscores are kept, `__x__` stays itself. */
export function camelCase(name: string): string {
  const lead = /^_*/.exec(name)![0];
  const rest = name.slice(lead.length);
  if (rest === "" || !rest.includes("_")) return name;
  const trail = /_*$/.exec(rest)![0];
  const core = rest.slice(0, rest.length - trail.length);
  const parts = core.split("_").filter((p) => p !== "");
  const joined = parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join("");
  return lead + joined + trail;
}

/** PascalCase as the spec format requires for family names. */
export function isPascalCase(name: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(name);
}
