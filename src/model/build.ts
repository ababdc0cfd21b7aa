/**
 * Raw spec → resolved model. Every semantic rule of the spec format that a schema cannot
 * express is checked here, all in one pass, so a user sees every problem at once. The
 * result is plain immutable data; nothing downstream sees YAML again.
 */

import { diagnostic, hasErrors, type Diagnostic, type SourceLocation } from "../diagnostics/index.js";
import type { CallbackLocation, LifecycleSpecInput, LocatedName } from "../lifecycle/input.js";
import { keyLocation, locatedText, valueLocation, type SpecPath } from "../spec/locate.js";
import { keysInOrder, type LoadedSpec } from "../spec/load.js";
import type { RawCallback, RawFamily, RawParam } from "../spec/schema.js";
import { checkDeclaredNames } from "./check-names.js";
import { resolveInheritance } from "./inheritance.js";
import { camelCase, isIdentifier, RESERVED_MEMBERS, RESERVED_WORDS, WINDOWS_DEVICE_NAMES } from "./names.js";
import { firstSentence } from "./summary.js";
import { TypeResolver } from "./type-resolver.js";
import type { Callback, Family, InterfaceField, Model, Param, TypeDecl, TypeExpr } from "./types.js";

/** What the model stage hands on: the model (when there were no errors) and lifecycle inputs. */
export interface BuildResult {
  readonly model?: Model;
  /** Each `lifecycle:` block, by the family that declares it. */
  readonly lifecycleInputs: ReadonlyMap<string, LifecycleSpecInput>;
  /** Where each family's callbacks (inherited ones included) are declared. */
  readonly callbackLocations: ReadonlyMap<string, readonly CallbackLocation[]>;
  readonly diagnostics: readonly Diagnostic[];
}


/** Builds the resolved model of a loaded spec. */
export async function buildModel(spec: LoadedSpec, specFile: string): Promise<BuildResult> {
  return new ModelBuilder(spec, specFile).build();
}

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly raw;
  private readonly source;
  private readonly naming: "camelCase" | "preserve";

  constructor(spec: LoadedSpec, private readonly specFile: string) {
    this.raw = spec.raw;
    this.source = spec.source;
    this.naming = spec.raw.naming?.members ?? "camelCase";
  }

  private error(code: Parameters<typeof diagnostic>[0], message: string, location: SourceLocation): void {
    this.diagnostics.push(diagnostic(code, message, location));
  }

  private key(path: SpecPath): SourceLocation {
    return keyLocation(this.source, path);
  }

  private value(path: SpecPath): SourceLocation {
    return valueLocation(this.source, path);
  }

  private text(path: SpecPath, value: string) {
    return locatedText(this.source, path, value);
  }

  private tsMember(name: string): string {
    return this.naming === "camelCase" ? camelCase(name) : name;
  }

  async build(): Promise<BuildResult> {
    if (!/^[a-z][a-z0-9-]*$/.test(this.raw.name)) {
      this.error("PSK2015", `spec name '${this.raw.name}' is not kebab-case`, this.value(["name"]));
    } else if (WINDOWS_DEVICE_NAMES.has(this.raw.name)) {
      // The name becomes a folder; Windows refuses these whatever follows them.
      this.error("PSK2015", `spec name '${this.raw.name}' is a reserved device name on Windows and cannot be a folder name`, this.value(["name"]));
    } else if (WINDOWS_DEVICE_NAMES.has(this.raw.name)) {
      // The name becomes the output sub-folder, and Windows cannot create a folder named like a device.
      const hint = "Choose another name: Windows reserves con, prn, aux, nul, com1–com9 and lpt1–lpt9 in every folder.";
      this.diagnostics.push(diagnostic("PSK2015", `spec name '${this.raw.name}' is a reserved device name on Windows and cannot be a folder name`, this.value(["name"]), { hint }));
    }
    const typeNames = keysInOrder(this.source, ["types"]);
    const familyNames = keysInOrder(this.source, ["families"]);
    this.diagnostics.push(...checkDeclaredNames(typeNames, familyNames, {
      type: (name) => this.key(["types", name]),
      family: (name) => this.key(["families", name]),
    }));

    const declared = new Set([...typeNames, ...familyNames]);
    const resolver = new TypeResolver(declared);
    const types = await this.resolveTypes(typeNames, resolver);

    const rawFamilies = new Map(familyNames.map((name) => [name, this.raw.families[name]!]));
    const inheritance = resolveInheritance(familyNames.map((name) => {
      const parent = rawFamilies.get(name)!.extends;
      return parent === undefined ? { name } : { name, parent };
    }));
    for (const name of inheritance.unknownParents) {
      const parent = rawFamilies.get(name)!.extends!;
      const guess = familyNames.filter((f) => f !== name);
      const hint = guess.length ? ` (families: ${guess.join(", ")})` : "";
      this.error("PSK2006", `family '${name}' extends '${parent}', which is not a family of this spec${hint}`, this.value(["families", name, "extends"]));
    }
    for (const cycle of inheritance.cycles) {
      this.error("PSK2007", `inheritance cycle: ${[...cycle, cycle[0]].join(" → ")}`, this.value(["families", cycle[0]!, "extends"]));
    }

    const resolved = new Map<string, Callback[]>();
    const callbackLocations = new Map<string, CallbackLocation[]>();
    for (const name of inheritance.order) {
      const raw = rawFamilies.get(name)!;
      const parent = raw.extends;
      const inherited = parent ? (resolved.get(parent) ?? []) : [];
      const inheritedLocations = parent ? (callbackLocations.get(parent) ?? []) : [];
      const { callbacks, locations } = await this.resolveCallbacks(name, raw, inherited, inheritedLocations, resolver);
      resolved.set(name, callbacks);
      callbackLocations.set(name, locations);
    }
    this.diagnostics.push(...resolver.diagnostics);

    const lifecycleInputs = new Map<string, LifecycleSpecInput>();
    for (const name of familyNames) {
      const input = this.lifecycleInput(name, rawFamilies.get(name)!);
      if (input) lifecycleInputs.set(name, input);
    }

    const diagnostics = this.diagnostics;
    if (hasErrors(diagnostics) || types === undefined) return { lifecycleInputs, callbackLocations, diagnostics };

    const families: Family[] = familyNames.map((name) => {
      const raw = rawFamilies.get(name)!;
      const ancestors: string[] = [];
      for (let p = raw.extends; p !== undefined; p = rawFamilies.get(p)?.extends) ancestors.push(p);
      const family: Family = {
        name,
        summary: raw.summary,
        ...(raw.doc !== undefined ? { doc: raw.doc } : {}),
        ...(raw.extends !== undefined ? { parent: raw.extends } : {}),
        ancestors,
        children: familyNames.filter((child) => rawFamilies.get(child)!.extends === name),
        callbacks: resolved.get(name)!,
        location: this.key(["families", name]),
      };
      return family;
    });
    const model: Model = {
      specFile: this.specFile,
      name: this.raw.name,
      summary: this.raw.summary,
      ...(this.raw.doc !== undefined ? { doc: this.raw.doc } : {}),
      naming: this.naming,
      types,
      families,
    };
    return { model: deepFreeze(model), lifecycleInputs, callbackLocations, diagnostics };
  }

  private async resolveTypes(typeNames: readonly string[], resolver: TypeResolver): Promise<TypeDecl[] | undefined> {
    const decls = await Promise.all(typeNames.map(async (name): Promise<TypeDecl | undefined> => {
      const raw = this.raw.types![name]!;
      const doc = raw.doc !== undefined ? { doc: raw.doc } : {};
      if ("from" in raw) {
        if (raw.from.trim() === "" || /[\u0000-\u001f\u2028\u2029]/.test(raw.from)) {
          this.error("PSK2005", `type '${name}': 'from' must be a module specifier`, this.value(["types", name, "from"]));
          return undefined;
        }
        return { kind: "import", name, from: raw.from, ...doc };
      }
      if ("alias" in raw) {
        const type = await resolver.type(this.text(["types", name, "alias"], raw.alias));
        return type ? { kind: "alias", name, type, ...doc } : undefined;
      }
      const fieldNames = keysInOrder(this.source, ["types", name, "interface"]);
      const fields = await Promise.all(fieldNames.map(async (field): Promise<InterfaceField | undefined> => {
        const rawField = raw.interface[field]!;
        const path = typeof rawField === "string" ? ["types", name, "interface", field] : ["types", name, "interface", field, "type"];
        if (!isIdentifier(field)) this.error("PSK2011", `property name '${field}' is not a valid identifier`, this.key(["types", name, "interface", field]));
        const typeText = typeof rawField === "string" ? rawField : rawField.type;
        const type = await resolver.type(this.text(path, typeText));
        if (!type) return undefined;
        const optional = typeof rawField === "string" ? false : rawField.optional === true;
        const fieldDoc = typeof rawField === "string" || rawField.doc === undefined ? {} : { doc: rawField.doc };
        return { name: field, type, optional, ...fieldDoc };
      }));
      if (fields.some((f) => f === undefined)) return undefined;
      return { kind: "interface", name, fields: fields as InterfaceField[], ...doc };
    }));
    return decls.some((d) => d === undefined) ? undefined : (decls as TypeDecl[]);
  }

  private async resolveCallbacks(
    family: string,
    raw: RawFamily,
    inherited: readonly Callback[],
    inheritedLocations: readonly CallbackLocation[],
    resolver: TypeResolver,
  ): Promise<{ callbacks: Callback[]; locations: CallbackLocation[] }> {
    const names = keysInOrder(this.source, ["families", family, "callbacks"]);
    if (names.length === 0 && raw.extends === undefined) {
      this.error("PSK2018", `family '${family}' declares no callbacks and extends no family`, this.key(["families", family]));
    }
    const callbacks = inherited.map((cb) => ({ ...cb, inherited: true }));
    const locations = [...inheritedLocations];
    const byTsName = new Map(callbacks.map((cb) => [cb.tsName, cb.specName]));
    const own = await Promise.all(names.map((name) => this.resolveCallback(family, name, raw.callbacks[name]!, inherited.find((cb) => cb.specName === name), resolver)));
    names.forEach((name, i) => {
      const callback = own[i];
      const at = this.key(["families", family, "callbacks", name]);
      if (inherited.some((cb) => cb.specName === name)) {
        if (callback) callbacks[callbacks.findIndex((cb) => cb.specName === name)] = callback;
        return;
      }
      // Checked on the name alone, so a clash is reported even when the callback has other errors.
      const tsName = raw.callbacks[name]!.tsName ?? this.tsMember(name);
      const clash = byTsName.get(tsName);
      if (clash !== undefined) {
        this.error("PSK2009", `callback '${name}' becomes '${tsName}' in TypeScript, as '${clash}' does`, at);
        return;
      }
      byTsName.set(tsName, name);
      if (!callback) return;
      callbacks.push(callback);
      locations.push({ specName: name, tsName, location: at });
    });
    return { callbacks, locations };
  }

  private async resolveCallback(family: string, name: string, raw: RawCallback, parent: Callback | undefined, resolver: TypeResolver): Promise<Callback | undefined> {
    const path = ["families", family, "callbacks", name];
    const at = this.key(path);
    let ok = true;
    if (!isIdentifier(name)) {
      this.error("PSK2011", `callback name '${name}' is not a valid identifier`, at);
      return undefined;
    }
    const tsName = raw.tsName ?? this.tsMember(name);
    const tsAt = raw.tsName !== undefined ? this.value([...path, "tsName"]) : at;
    if (!isIdentifier(tsName)) {
      this.error("PSK2011", `TypeScript name '${tsName}' is not a valid identifier`, tsAt);
      ok = false;
    } else if (RESERVED_WORDS.has(tsName) || RESERVED_MEMBERS.has(tsName)) {
      this.error("PSK2010", `callback '${name}' would be the member '${tsName}', which is reserved`, tsAt);
      ok = false;
    }
    if (raw.required === true && raw.default !== undefined) {
      this.error("PSK2016", `callback '${name}' is required (abstract) and also has a default`, this.key([...path, "default"]));
      ok = false;
    }

    const params = raw.params === undefined ? undefined : await this.resolveParams(path, raw.params, resolver);
    const rawReturns = raw.returns;
    const returnsText = rawReturns === undefined ? undefined : typeof rawReturns === "string" ? rawReturns : rawReturns.type;
    const returnsPath = typeof rawReturns === "string" ? [...path, "returns"] : [...path, "returns", "type"];
    const returnsType = returnsText === undefined ? undefined : await resolver.type(this.text(returnsPath, returnsText));
    const defaultExpr = raw.default === undefined ? undefined : await resolver.value(this.text([...path, "default"], raw.default));
    if (params === null || (returnsText !== undefined && returnsType === undefined) || (raw.default !== undefined && defaultExpr === undefined)) ok = false;

    if (parent) {
      // A redeclaration refines docs; the signature must stay what subclasses already override.
      if (tsName !== parent.tsName) {
        this.error("PSK2013", `callback '${name}' redeclares '${parent.declaredIn}.${name}' with another TypeScript name`, tsAt);
        ok = false;
      }
      if (params && !sameParams(params, parent.params)) {
        this.error("PSK2013", `callback '${name}' redeclares '${parent.declaredIn}.${name}' with other parameters (${describeParams(params)} instead of ${describeParams(parent.params)})`, this.key([...path, "params"]));
        ok = false;
      }
      if (returnsType && returnsType.text !== parent.returns.type.text) {
        this.error("PSK2013", `callback '${name}' redeclares '${parent.declaredIn}.${name}' returning '${returnsType.text}' instead of '${parent.returns.type.text}'`, this.value(returnsPath));
        ok = false;
      }
    }
    const returnType: TypeExpr = returnsType ?? parent?.returns.type ?? VOID;
    const required = raw.required ?? (parent?.required === true && raw.default === undefined);
    const effectiveDefault = defaultExpr ?? (parent && raw.required === undefined ? parent.defaultExpr : undefined);
    if (ok && !returnType.isVoid && !required && effectiveDefault === undefined) {
      this.error("PSK2012", `callback '${name}' returns '${returnType.text}' but has no 'default' and is not 'required'`, returnsText !== undefined ? this.key([...path, "returns"]) : at);
      ok = false;
    }
    if (!ok || params === null) return undefined;
    const doc = raw.doc;
    const returnsDoc = typeof rawReturns === "object" && rawReturns.doc !== undefined ? rawReturns.doc : rawReturns === undefined ? parent?.returns.doc : undefined;
    return {
      specName: name,
      tsName,
      doc,
      summary: firstSentence(doc),
      params: params ?? parent?.params ?? [],
      returns: { type: returnType, ...(returnsDoc !== undefined ? { doc: returnsDoc } : {}) },
      ...(effectiveDefault !== undefined && !required && !returnType.isVoid ? { defaultExpr: effectiveDefault } : {}),
      required,
      ...(raw.remarks !== undefined ? { remarks: raw.remarks } : parent?.remarks !== undefined ? { remarks: parent.remarks } : {}),
      declaredIn: parent?.declaredIn ?? family,
      documentedIn: family,
      inherited: false,
    };
  }

  /** Parameters, or null when any is invalid (diagnostics recorded). */
  private async resolveParams(path: SpecPath, raw: readonly RawParam[], resolver: TypeResolver): Promise<Param[] | null> {
    const seenSpec = new Set<string>();
    const seenTs = new Map<string, string>();
    let ok = true;
    let sawOptional = false;
    const params = await Promise.all(raw.map(async (p, i): Promise<Param | undefined> => {
      const at = this.value([...path, "params", i, "name"]);
      const tsName = this.tsMember(p.name);
      let good = true;
      if (!isIdentifier(p.name)) {
        this.error("PSK2011", `parameter name '${p.name}' is not a valid identifier`, at);
        good = false;
      } else if (RESERVED_WORDS.has(p.name) || RESERVED_WORDS.has(tsName)) {
        this.error("PSK2010", `parameter name '${p.name}' is a reserved word`, at);
        good = false;
      } else if (seenSpec.has(p.name)) {
        this.error("PSK2008", `parameter '${p.name}' is listed twice`, at);
        good = false;
      } else if (seenTs.has(tsName)) {
        this.error("PSK2009", `parameter '${p.name}' becomes '${tsName}' in TypeScript, as '${seenTs.get(tsName)!}' does`, at);
        good = false;
      }
      seenSpec.add(p.name);
      seenTs.set(tsName, p.name);
      if (p.optional) sawOptional = true;
      else if (sawOptional) {
        this.error("PSK2005", `required parameter '${p.name}' follows an optional one`, at);
        good = false;
      }
      const type = await resolver.type(this.text([...path, "params", i, "type"], p.type));
      if (!type || !good) return undefined;
      return { specName: p.name, tsName, type, optional: p.optional === true, ...(p.doc !== undefined ? { doc: p.doc } : {}) };
    }));
    for (const p of params) if (!p) ok = false;
    return ok ? (params as Param[]) : null;
  }

  private lifecycleInput(family: string, raw: RawFamily): LifecycleSpecInput | undefined {
    const lifecycle = raw.lifecycle;
    if (!lifecycle) return undefined;
    const base = ["families", family, "lifecycle"];
    const located = (path: SpecPath, name: string): LocatedName => ({ name, location: this.value(path) });
    const aliasNames = keysInOrder(this.source, [...base, "aliases"]);
    return {
      declaredIn: family,
      location: this.key(base),
      aliases: aliasNames.map((alias) => ({
        alias: { name: alias, location: this.key([...base, "aliases", alias]) },
        target: located([...base, "aliases", alias], lifecycle.aliases![alias]!),
      })),
      ...(lifecycle.order !== undefined ? { order: this.text([...base, "order"], lifecycle.order) } : {}),
      rules: (lifecycle.rules ?? []).map((rule, i) => this.text([...base, "rules", i], rule)),
      free: (lifecycle.free ?? []).map((name, i) => located([...base, "free", i], name)),
    };
  }
}

const VOID: TypeExpr = { text: "void", references: [], isVoid: true };

function sameParams(a: readonly Param[], b: readonly Param[]): boolean {
  return a.length === b.length && a.every((p, i) => p.specName === b[i]!.specName && p.type.text === b[i]!.type.text && p.optional === b[i]!.optional);
}

function describeParams(params: readonly Param[]): string {
  return `(${params.map((p) => `${p.specName}${p.optional ? "?" : ""}: ${p.type.text}`).join(", ")})`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
