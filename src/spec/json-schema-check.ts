/**
 * A fast pre-check of a spec or config against the package's own JSON Schema files, so that
 * the common case (a valid file) never loads zod. zod stays the single definition of both
 * formats and the only source of diagnostics: this check answers only "certainly valid"
 * (true) or "not sure" (false), and every "not sure" goes to zod.
 *
 * It interprets exactly the JSON Schema subset that zod exports for these two schemas. A
 * keyword it does not know anywhere in a schema makes that whole schema "not sure" for every
 * value, so a future schema change can make the fast path slower, never wrong.
 */

import { readFileSync } from "node:fs";

/** The schema files shipped in the package's `schema/` folder. */
export type SchemaFile = "protoskel.schema.json" | "config.schema.json";

/** A compiled schema: true when the value certainly matches. */
export type CertainCheck = (value: unknown) => boolean;

/** The only dialect interpreted: `items` and friends mean different things in older drafts. */
const DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** Keywords that only annotate and never change whether a value is valid. */
const ANNOTATIONS = new Set(["$id", "title", "description", "default", "$comment", "examples"]);

/** Own keys that could reach a prototype in code that copies the data later. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Deeper data than this is "not sure" rather than risk the stack. */
const MAX_DEPTH = 200;

const JSON_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

const compiledByFile = new Map<SchemaFile, CertainCheck | undefined>();

/**
 * True when `value` is plain JSON data that certainly matches the schema in `schema/<file>`;
 * false means "not sure" (invalid, unusual data, or a schema this interpreter cannot read).
 */
export function certainlyMatchesSchema(file: SchemaFile, value: unknown): boolean {
  const check = schemaCheck(file);
  if (check === undefined) return false;
  try {
    return isPlainJson(value, 0, new Set()) && check(value);
  } catch {
    // Whatever went wrong (a stack overflow on odd data, say), zod gets to decide.
    return false;
  }
}

/** The compiled check of a schema file, read and compiled once; undefined when unusable. */
function schemaCheck(file: SchemaFile): CertainCheck | undefined {
  if (compiledByFile.has(file)) return compiledByFile.get(file);
  let check: CertainCheck | undefined;
  try {
    // src/spec/ under vitest and dist/spec/ when built are both two levels below the package root.
    const text = readFileSync(new URL(`../../schema/${file}`, import.meta.url), "utf8");
    check = compileSchemaCheck(JSON.parse(text));
  } catch {
    check = undefined;
  }
  compiledByFile.set(file, check);
  return check;
}

/**
 * Compiles a JSON Schema (draft 2020-12) into a check, or returns undefined when the schema
 * uses anything outside the interpreted subset. The check assumes plain JSON data.
 */
export function compileSchemaCheck(schema: unknown): CertainCheck | undefined {
  if (isObject(schema) && "$schema" in schema && schema["$schema"] !== DIALECT) return undefined;
  return compile(schema);
}

function compile(schema: unknown): CertainCheck | undefined {
  if (schema === true) return () => true;
  if (schema === false) return () => false;
  if (!isObject(schema)) return undefined;
  const checks: CertainCheck[] = [];
  for (const [keyword, argument] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword === "$schema") continue;
    const check = compileKeyword(keyword, argument, schema);
    if (check === undefined) return undefined;
    checks.push(check);
  }
  return (value) => checks.every((check) => check(value));
}

/** One keyword's check; `schema` is the keyword's schema object, for keywords that read siblings. */
function compileKeyword(keyword: string, argument: unknown, schema: Record<string, unknown>): CertainCheck | undefined {
  switch (keyword) {
    case "type":
      return compileType(argument);
    case "const":
      return isPrimitive(argument) ? (value) => value === argument : undefined;
    case "enum":
      return Array.isArray(argument) && argument.every(isPrimitive) ? (value) => (argument as unknown[]).includes(value) : undefined;
    case "minItems":
      return isCount(argument) ? (value) => !Array.isArray(value) || value.length >= argument : undefined;
    case "maxItems":
      return isCount(argument) ? (value) => !Array.isArray(value) || value.length <= argument : undefined;
    case "items": {
      const item = compile(argument);
      return item && ((value) => !Array.isArray(value) || value.every(item));
    }
    case "anyOf": {
      if (!Array.isArray(argument) || argument.length === 0) return undefined;
      const branches = argument.map(compile);
      if (!branches.every((b): b is CertainCheck => b !== undefined)) return undefined;
      return (value) => branches.some((branch) => branch(value));
    }
    case "required":
      return Array.isArray(argument) && argument.every((k) => typeof k === "string")
        ? (value) => !isObject(value) || argument.every((k: string) => Object.hasOwn(value, k))
        : undefined;
    case "propertyNames": {
      const name = compile(argument);
      return name && ((value) => !isObject(value) || Object.keys(value).every(name));
    }
    case "properties":
    case "additionalProperties":
      // Both are compiled together: which keys are "additional" depends on `properties`.
      return keyword === "properties" ? compileProperties(argument, schema["additionalProperties"] ?? true) : compileAdditionalOnly(argument, schema);
    default:
      return undefined;
  }
}

function compileType(argument: unknown): CertainCheck | undefined {
  const types = typeof argument === "string" ? [argument] : argument;
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === "string" && JSON_TYPES.has(t))) return undefined;
  return (value) => types.some((type: string) => hasJsonType(value, type));
}

/** `properties` with the `additionalProperties` beside it (true when absent). */
function compileProperties(properties: unknown, additional: unknown): CertainCheck | undefined {
  if (!isObject(properties)) return undefined;
  const byKey = new Map<string, CertainCheck>();
  for (const [key, sub] of Object.entries(properties)) {
    const check = compile(sub);
    if (check === undefined) return undefined;
    byKey.set(key, check);
  }
  const rest = compile(additional);
  if (rest === undefined) return undefined;
  return (value) => {
    if (!isObject(value)) return true;
    for (const key of Object.keys(value)) {
      const check = byKey.get(key) ?? rest;
      if (!check(value[key])) return false;
    }
    return true;
  };
}

/** `additionalProperties` alone; when `properties` is present it already did this work. */
function compileAdditionalOnly(additional: unknown, schema: Record<string, unknown>): CertainCheck | undefined {
  if ("properties" in schema) return isObject(additional) || typeof additional === "boolean" ? () => true : undefined;
  return compileProperties({}, additional);
}

function hasJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

/**
 * Plain JSON data as the yaml library's toJS and JSON.parse produce it: ordinary objects and
 * arrays of strings, finite numbers, booleans and null; no cycles, no accessors, no symbol
 * or hidden keys, and no key that names a prototype.
 */
function isPlainJson(value: unknown, depth: number, ancestors: Set<object>): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || depth > MAX_DEPTH || ancestors.has(value)) return false;
  const keys = Reflect.ownKeys(value);
  ancestors.add(value);
  let plain: boolean;
  if (Array.isArray(value)) {
    plain = Object.getPrototypeOf(value) === Array.prototype && keys.length === value.length + 1 && isPlainArray(value, depth, ancestors);
  } else {
    plain = Object.getPrototypeOf(value) === Object.prototype && keys.every((key) => typeof key === "string" && !UNSAFE_KEYS.has(key) && isPlainProperty(value, key, depth, ancestors));
  }
  ancestors.delete(value);
  return plain;
}

/** Every index is an own element (a loop, because `every` skips holes) holding plain data. */
function isPlainArray(array: readonly unknown[], depth: number, ancestors: Set<object>): boolean {
  for (let index = 0; index < array.length; index++) {
    if (!Object.hasOwn(array, index) || !isPlainJson(array[index], depth + 1, ancestors)) return false;
  }
  return true;
}

function isPlainProperty(object: object, key: string, depth: number, ancestors: Set<object>): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor !== undefined && descriptor.enumerable === true && "value" in descriptor && isPlainJson(descriptor.value, depth + 1, ancestors);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
