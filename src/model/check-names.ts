/**
 * Names the spec declares (types and families) against each other, against TypeScript and
 * against what protoskel generates: identifiers, reserved words, built-in types, Windows
 * device names, generated file and export names, and case-only clashes (which collide on
 * case-insensitive disks).
 */

import { diagnostic, type Diagnostic, type DiagnosticCode, type SourceLocation } from "../diagnostics/index.js";
import { BUILTIN_TYPES } from "./builtins.js";
import { GENERATED_NAME_SUFFIXES, MONITOR_EXPORTS } from "./generated-names.js";
import { isIdentifier, isPascalCase, RESERVED_WORDS, TYPE_KEYWORDS, WINDOWS_DEVICE_NAMES } from "./names.js";

/** Where a declared name's key is in the spec. */
export interface NameLocator {
  type(name: string): SourceLocation;
  family(name: string): SourceLocation;
}

type Report = (code: DiagnosticCode, message: string, location: SourceLocation) => void;

const GENERATED_EXPORTS: ReadonlySet<string> = new Set(MONITOR_EXPORTS);
/** Generated file names (lower-cased) a family's file must not collide with, on a case-insensitive disk too. */
const GENERATED_FILE_STEMS = new Set(["types", "index", "lifecycle", "readme"]);

/** Every problem with the declared type and family names, in declaration order. */
export function checkDeclaredNames(typeNames: readonly string[], familyNames: readonly string[], at: NameLocator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error: Report = (code, message, location) => out.push(diagnostic(code, message, location));
  checkTypeNames(typeNames, familyNames, at, error);
  checkFamilyNames(familyNames, typeNames, at, error);
  return out;
}

function checkTypeNames(typeNames: readonly string[], familyNames: readonly string[], at: NameLocator, error: Report): void {
  for (const name of typeNames) {
    const where = at.type(name);
    if (!isIdentifier(name)) error("PSK2011", `type name '${name}' is not a valid identifier`, where);
    else if (RESERVED_WORDS.has(name) || TYPE_KEYWORDS.has(name)) error("PSK2010", `type name '${name}' is a reserved word`, where);
    else if (BUILTIN_TYPES.has(name)) error("PSK2010", `type name '${name}' would shadow the built-in type of that name`, where);
    else if (GENERATED_EXPORTS.has(name)) error("PSK2009", `type name '${name}' clashes with a name protoskel generates`, where);
    if (familyNames.includes(name)) error("PSK2008", `'${name}' is declared both as a type and as a family`, where);
  }
}

function checkFamilyNames(familyNames: readonly string[], typeNames: readonly string[], at: NameLocator, error: Report): void {
  const byLower = new Map<string, string>();
  const exported = new Map<string, string>();
  for (const name of [...typeNames]) exported.set(name, `type '${name}'`);
  for (const name of familyNames) {
    const where = at.family(name);
    if (!isIdentifier(name)) {
      error("PSK2011", `family name '${name}' is not a valid identifier (families are TypeScript class names, e.g. 'StreamProtocol')`, where);
      continue;
    }
    if (RESERVED_WORDS.has(name) || TYPE_KEYWORDS.has(name)) error("PSK2010", `family name '${name}' is a reserved word`, where);
    else if (!isPascalCase(name)) error("PSK2011", `family name '${name}' is not PascalCase (e.g. '${name[0]!.toUpperCase()}${name.slice(1).replace(/_(.)/g, (_, c: string) => c.toUpperCase())}')`, where);
    else if (BUILTIN_TYPES.has(name)) error("PSK2010", `family name '${name}' would shadow the built-in type of that name`, where);
    else if (WINDOWS_DEVICE_NAMES.has(name.toLowerCase())) error("PSK2010", `family name '${name}' is a reserved device name on Windows and cannot be a file name`, where);
    else if (GENERATED_FILE_STEMS.has(name.toLowerCase())) error("PSK2009", `family name '${name}' clashes with the generated file '${name.toLowerCase()}.ts' on case-insensitive disks`, where);
    const lower = name.toLowerCase();
    const clash = byLower.get(lower);
    if (clash !== undefined) error("PSK2009", `family '${name}' differs from family '${clash}' only in case; their files would clash on case-insensitive disks`, where);
    else byLower.set(lower, name);
    for (const exportName of [name, ...GENERATED_NAME_SUFFIXES.map((s) => name + s)]) {
      const owner = exported.get(exportName);
      if (owner !== undefined && exportName !== name) error("PSK2009", `family '${name}' generates '${exportName}', which clashes with ${owner}`, where);
      else if (GENERATED_EXPORTS.has(exportName)) error("PSK2009", `family '${name}' clashes with '${exportName}', which protoskel generates`, where);
      exported.set(exportName, `the name generated for family '${name}'`);
    }
  }
}
