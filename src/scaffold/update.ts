/**
 * `protoskel scaffold … --update`: brings an existing user class in step with its family.
 * It parses the file with ts-morph (loaded here and only here: it is heavy), finds the class,
 * adds a stub for every callback the class lacks, in the family's order (each after the
 * previous callback the class has, else at the end of the class), and reports what it will
 * not touch: overrides of callbacks the family dropped, and overrides whose signature no
 * longer fits. New text is spliced into the original, so every byte the user wrote is kept.
 */

import { readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type * as Morph from "ts-morph";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import type { Callback, Family, Model } from "../model/types.js";
import { formatTypeScript, indentUnit } from "./format.js";
import { findFamily, generatedModules, importSpecifier } from "./locate.js";
import { renderMember, signatureTypeNames, type ClassStyle } from "./member.js";
import { checkClassMethods, type ClassMethod } from "./signature-check.js";
import { afterNode, applyInsertions, lineEnding, reindentMember, type Insertion } from "./splice.js";

/** What to update. */
export interface UpdateOptions {
  readonly model: Model;
  readonly family: string;
  readonly className: string;
  /** Absolute path of the user's file (`DIR/CLASS.ts`). */
  readonly file: string;
  /** Absolute folder the spec's output is generated in. */
  readonly outDir: string;
  /** Work out the change and report it, write nothing. */
  readonly dryRun?: boolean;
  /** How diagnostics name the file (default: the absolute path). */
  readonly displayName?: string;
}

/** The outcome of an update. */
export interface UpdateResult {
  /** The file as it was (empty when it could not be read). */
  readonly original: string;
  /** The file with the added callbacks (equal to `original` when nothing was missing). */
  readonly updated: string;
  /** TS names of the callbacks added, in family order. */
  readonly added: readonly string[];
  /** Errors (class not found, …) and warnings (PSK6003/PSK6004). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Instance members of the class by name (methods, properties, accessors). */
function memberNames(cls: Morph.ClassDeclaration, morph: typeof Morph): Map<string, Morph.ClassMemberTypes> {
  const members = new Map<string, Morph.ClassMemberTypes>();
  for (const member of cls.getMembers()) {
    if (morph.Node.isConstructorDeclaration(member) || morph.Node.isClassStaticBlockDeclaration(member)) continue;
    if ("isStatic" in member && member.isStatic()) continue;
    const name = "getName" in member ? member.getName() : undefined;
    if (name !== undefined && !members.has(name)) members.set(name, member);
  }
  return members;
}

/** Names a type can be referenced by at the top level of the file: imports and declarations. */
function namesInScope(sf: Morph.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const imp of sf.getImportDeclarations()) {
    for (const named of imp.getNamedImports()) names.add(named.getAliasNode()?.getText() ?? named.getName());
    const def = imp.getDefaultImport();
    if (def) names.add(def.getText());
  }
  for (const decl of [...sf.getClasses(), ...sf.getInterfaces(), ...sf.getTypeAliases(), ...sf.getEnums()]) {
    const name = decl.getName();
    if (name !== undefined) names.add(name);
  }
  return names;
}

/**
 * How far the class's members are indented (from its first member), and the file's
 * indentation step (the members' indent beyond the class's own); Prettier's unit by default.
 */
function memberIndent(text: string, cls: Morph.ClassDeclaration, unit: string): { indent: string; step: string } {
  const lineIndent = (pos: number) => {
    const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
    const indent = text.slice(lineStart, pos);
    return /^[ \t]*$/.test(indent) ? indent : undefined;
  };
  const classIndent = lineIndent(cls.getStart(true)) ?? "";
  const first = cls.getMembers()[0];
  const indent = first ? lineIndent(first.getStart(true)) : undefined;
  if (indent === undefined || !indent.startsWith(classIndent) || indent.length === classIndent.length) return { indent: classIndent + unit, step: unit };
  return { indent, step: indent.slice(classIndent.length) };
}

/** One stub method, formatted as the scaffold formats it, indented for this class. */
async function formattedMember(cb: Callback, options: UpdateOptions, style: ClassStyle, unit: string, layout: { indent: string; step: string }, eol: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const wrapper = `class Wrapper${style === "extends" ? " extends Base" : ""} {\n${renderMember(cb, options.className, style)}\n}\n`;
  const formatted = await formatTypeScript(wrapper, options.file);
  if (formatted.text === undefined) return formatted;
  const lines = formatted.text.trimEnd().split("\n");
  const body = lines.slice(1, -1).join("\n");
  return { text: reindentMember(body, unit, layout.indent, layout.step, eol), diagnostics: [] };
}

/** Adds the callbacks the class lacks; reports what it leaves alone. Never throws for bad input. */
export async function updateClass(options: UpdateOptions): Promise<UpdateResult> {
  const shown = options.displayName ?? options.file;
  const found = findFamily(options.model, options.family);
  if (!found.family) return { original: "", updated: "", added: [], diagnostics: found.diagnostics };
  const family: Family = found.family;
  let original: string;
  try {
    original = await readFile(options.file, "utf8");
  } catch {
    return { original: "", updated: "", added: [], diagnostics: [diagnostic("PSK1004", `cannot read ${shown}`, undefined, { hint: "--update needs the class file scaffold wrote; leave out --update to create it." })] };
  }
  const unchanged = (diagnostics: Diagnostic[]): UpdateResult => ({ original, updated: original, added: [], diagnostics });

  const morph = await import("ts-morph");
  const { ModuleKind, ModuleResolutionKind, ScriptTarget } = morph.ts;
  const compilerOptions = { strict: true, target: ScriptTarget.ES2022, module: ModuleKind.NodeNext, moduleResolution: ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true };
  const project = new morph.Project({ compilerOptions, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const sf = project.createSourceFile(options.file, original, { overwrite: true });
  const cls = sf.getClass(options.className);
  if (!cls) {
    const classes = sf.getClasses().flatMap((c) => (c.getName() !== undefined ? [c.getName()!] : []));
    return unchanged([diagnostic("PSK6005", `${shown} declares no class ${options.className}${classes.length > 0 ? ` (it has ${classes.join(", ")})` : ""}`, { file: shown, line: 1, column: 1 })]);
  }
  const style: ClassStyle = cls.getExtends() ? "extends" : "implements";
  const modules = generatedModules(options.outDir, options.model, family);
  const diagnostics: Diagnostic[] = [];
  const generated = project.addSourceFileAtPathIfExists(`${modules.family}.ts`);
  if (!generated) diagnostics.push(diagnostic("PSK6006", `the generated ${family.name} is not at ${modules.family}.ts; signatures are compared with the spec's text only`, undefined, { severity: "warning" }));
  else project.resolveSourceFileDependencies();

  const members = memberNames(cls, morph);
  const methods: ClassMethod[] = [];
  for (const [name, node] of members) {
    if (morph.Node.isMethodDeclaration(node)) methods.push({ name, node, hasOverride: node.hasOverrideKeyword() });
  }
  diagnostics.push(...checkClassMethods(methods, family, style, generated?.getInterface(`${family.name}Callbacks`), shown));

  const missing = family.callbacks.filter((cb) => !members.has(cb.tsName));
  if (missing.length === 0) return unchanged(diagnostics);

  const eol = lineEnding(original);
  const unit = await indentUnit(options.file);
  const layout = memberIndent(original, cls, unit);
  const insertions: Insertion[] = [];
  const lastMember = cls.getMembers().at(-1);
  const closeBrace = cls.getLastChildByKindOrThrow(morph.SyntaxKind.CloseBraceToken).getStart();
  let previous: Morph.Node | undefined;
  for (const cb of family.callbacks) {
    const existing = members.get(cb.tsName);
    if (existing) {
      previous = existing;
      continue;
    }
    const member = await formattedMember(cb, options, style, unit, layout, eol);
    diagnostics.push(...member.diagnostics);
    if (member.text === undefined) continue;
    const anchor = previous ?? lastMember;
    if (anchor) {
      insertions.push({ at: afterNode(original, anchor.getEnd()), text: `${eol}${eol}${member.text}` });
    } else {
      // An empty class: the first stub goes before `}` (on its own line when the brace is).
      const lineStart = original.lastIndexOf("\n", closeBrace - 1) + 1;
      const braceOnOwnLine = /^[ \t]*$/.test(original.slice(lineStart, closeBrace));
      insertions.push(braceOnOwnLine ? { at: lineStart, text: `${member.text}${eol}` } : { at: closeBrace, text: `${eol}${member.text}${eol}` });
    }
  }
  if (hasErrors(diagnostics)) return unchanged(diagnostics);
  insertions.push(...importInsertions(sf, missing, family, options, eol));

  const updated = applyInsertions(original, mergeEmptyClassInsertions(insertions, eol));
  if (!options.dryRun && updated !== original) await writeFile(options.file, updated);
  return { original, updated, added: missing.map((cb) => cb.tsName), diagnostics };
}

/**
 * Several stubs for an empty class land at the same offset, each with its own line breaks;
 * joined, they need a blank line between them rather than two stubs back to back.
 */
function mergeEmptyClassInsertions(insertions: readonly Insertion[], eol: string): Insertion[] {
  const merged: Insertion[] = [];
  for (const insertion of insertions) {
    const last = merged.at(-1);
    if (last && last.at === insertion.at && !insertion.text.startsWith(eol + eol)) {
      merged[merged.length - 1] = { at: last.at, text: `${last.text}${eol}${insertion.text.startsWith(eol) ? insertion.text.slice(eol.length) : insertion.text}` };
    } else merged.push(insertion);
  }
  return merged;
}

/** A type-only import of declared types the new stubs mention and the file does not have yet, after the last import. */
function importInsertions(sf: Morph.SourceFile, missing: readonly Callback[], family: Family, options: UpdateOptions, eol: string): Insertion[] {
  const inScope = namesInScope(sf);
  const needed = signatureTypeNames(missing, family).filter((name) => !inScope.has(name));
  if (needed.length === 0) return [];
  const modules = generatedModules(options.outDir, options.model, family);
  const line = `import type { ${needed.join(", ")} } from ${JSON.stringify(importSpecifier(dirname(options.file), modules.index))};`;
  const lastImport = sf.getImportDeclarations().at(-1);
  if (lastImport) return [{ at: afterNode(sf.getFullText(), lastImport.getEnd()), text: `${eol}${line}` }];
  const first = sf.getStatements()[0];
  return [{ at: first ? first.getStart() : 0, text: `${line}${eol}${eol}` }];
}
