/**
 * fast-check arbitraries over the spec format (/work/shared/design/spec-format.md):
 * `validSpec` builds specs that protoskel must accept, full of hostile doc text, and
 * renders them as YAML in varied styles; `pathLikeSpec` breaks one name of a valid spec
 * so that it looks like a path; `arbitraryText` is anything at all, for the loader.
 *
 * Valid specs are built as plain objects first (so tests can inspect them) and serialised
 * with the `yaml` library, whose quoting handles lone surrogates, NUL and CRLF in scalars.
 */
import fc from "fast-check";
import { parseDocument, stringify } from "yaml";

/** The plain-object form of a spec, as it would be parsed from YAML. */
export type SpecObject = Record<string, unknown> & { name: string; families: Record<string, FamilyObject> };

/** One family of a {@link SpecObject}. */
export interface FamilyObject {
  extends?: string;
  summary: string;
  doc?: string;
  callbacks: Record<string, Record<string, unknown>>;
  lifecycle?: Record<string, unknown>;
}

/** A generated spec: its object form, its YAML text and the family names in declaration order. */
export interface GeneratedSpec {
  readonly object: SpecObject;
  readonly text: string;
  readonly families: readonly string[];
}

/** Fragments that have broken comment, Markdown or string escaping somewhere before. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  "*/", "/*", "/**", "*/ export const pwned = 1; /*", "<!--", "-->", "`", "```", "```ts\nx\n```", "|", "| a | b |",
  "@ts-ignore", "// @ts-nocheck", "/// <reference path=\"x\" />", "@param x", "{@link Nope}", "${x}", "\\", "'", "\"",
  "\r\n", "\n", "\r", "\t", "\0", "\u202e", "\u2066", "\u2069", "\u200f", "\u2028", "\u2029",
  "\ud800", "\udfff", "x\udbff", "🦀", "👩‍💻", "é", "# heading", "- item", "<script>alert(1)</script>", "</", "]]>",
];

/** Fragments for one-line text (summaries): no line breaks. */
const ONE_LINE_FRAGMENTS = HOSTILE_FRAGMENTS.filter((f) => !/[\r\n]/.test(f));

const WORDS = ["alpha", "bravo", "called", "once", "when", "the", "peer", "closes", "data", "arrives", "ready"];

/** Markdown text with hostile fragments and random Unicode; starts with a word so it has a first sentence. */
export function hostileText(oneLine = false): fc.Arbitrary<string> {
  const fragments = oneLine ? ONE_LINE_FRAGMENTS : HOSTILE_FRAGMENTS;
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...fragments) },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }).map((s) => (oneLine ? s.replace(/[\r\n\u0085]/g, " ") : s)) },
  );
  return fc
    .tuple(fc.constantFrom("Called", "Signals", "Notes"), fc.array(piece, { maxLength: 8 }), fc.constantFrom("", ".", " end."))
    .map(([head, pieces, tail]) => `${head} ${pieces.join(" ")}${tail}`);
}

const FAMILY_WORDS = ["Stream", "Datagram", "Pipe", "Socket", "Channel", "Relay", "Beacon", "Tunnel", "Session", "Probe", "Link", "Port"];
const TYPE_WORDS = ["Address", "Limits", "Token", "FrameInfo", "Header", "ChunkMeta"];
const VERBS = ["connection", "data", "eof", "pause", "resume", "error", "timeout", "frame", "peer", "close"];
const NOUNS = ["made", "received", "lost", "writing", "seen", "sent", "ready", "opened"];
const PARAM_NAMES = ["data", "exc", "addr", "count", "chunk", "peer_name", "reason", "flag", "limits", "frame_no"];

/** Type expressions that need no declaration. */
const BUILTIN_TYPE_EXPRS = [
  "string", "number", "boolean", "bigint", "unknown", "Uint8Array", "Error", "Error | null", "readonly string[]",
  "ReadonlyMap<string, number>", "Promise<void>", "Record<string, unknown>", "readonly [host: string, port: number]",
  "[Uint8Array, number]", "\"open\" | \"closed\"", "(reason: string) => void", "undefined | string", "Array<number | null>",
];

/** Non-void returns and a default the no-op implementation may return. */
const RETURNS: readonly (readonly [type: string, defaults: fc.Arbitrary<string>])[] = [
  ["boolean", fc.constantFrom("false", "true")],
  ["number", fc.integer({ min: -5, max: 1000 }).map(String)],
  ["boolean | void", fc.constant("undefined")],
  ["string | null", fc.constant("null")],
  ["readonly string[]", fc.constant("[]")],
  ["Uint8Array", fc.constant("new Uint8Array(0)")],
  // A string default carries hostile text into a string literal; bidi and line separators
  // are refused raw in expressions (PSK2017), so they arrive as escapes, as a user would write them.
  ["string", hostileText(true).map((s) => JSON.stringify(s).replace(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`))],
];

/** Builds a type expression from declared names and built-ins: plain, union or tuple. */
function typeExpr(declared: readonly string[]): fc.Arbitrary<string> {
  const leaf = declared.length > 0 ? fc.oneof(fc.constantFrom(...BUILTIN_TYPE_EXPRS), fc.constantFrom(...declared)) : fc.constantFrom(...BUILTIN_TYPE_EXPRS);
  // Function types need parentheses inside unions and tuples; keep compound parts simple.
  const simple = leaf.map((t) => (t.includes("=>") ? "string" : t));
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.uniqueArray(simple, { minLength: 2, maxLength: 3 }).map((ts) => ts.join(" | ")) },
    { weight: 1, arbitrary: fc.tuple(simple, simple, fc.boolean()).map(([a, b, ro]) => `${ro ? "readonly " : ""}[${a.includes("|") ? `(${a})` : a}, ${b.includes("|") ? `(${b})` : b}]`) },
  );
}

/** How the object is written as YAML: quoting style, line width and line endings. */
interface RenderStyle {
  readonly stringType: "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED";
  readonly lineWidth: number;
  readonly crlf: boolean;
  readonly flow: boolean;
}

const renderStyle: fc.Arbitrary<RenderStyle> = fc.record({
  stringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
  lineWidth: fc.constantFrom(0, 20, 80),
  crlf: fc.boolean(),
  flow: fc.boolean(),
});

/** Serialises a spec object as YAML text in the given style. */
export function renderSpec(object: SpecObject, style: RenderStyle = { stringType: "PLAIN", lineWidth: 80, crlf: false, flow: false }): string {
  const text = stringify(object, {
    defaultStringType: style.stringType,
    defaultKeyType: "PLAIN",
    lineWidth: style.lineWidth,
    minContentWidth: 0,
    collectionStyle: style.flow ? "flow" : "any",
    aliasDuplicateObjects: false,
  });
  // The yaml library's stringifier can fold a long double-quoted line inside an escape
  // (`\udb` + newline) or emit text its own parser rejects in odd styles; that is a flaw of
  // this test helper's serialiser, not input protoskel should accept. Such a rendering is
  // replaced by JSON, which is YAML too, so every generated spec stays valid.
  const safe = parseDocument(text).errors.length === 0 ? text : JSON.stringify(object, null, 1);
  return style.crlf ? safe.replace(/\n/g, "\r\n") : safe;
}

/** Options of {@link validSpec}. */
export interface ValidSpecOptions {
  /** The spec's `name` (default: a random kebab-case name). */
  readonly name?: string;
}

/** An arbitrary of valid specs: 1–4 families, 1–5 callbacks each, declared types and lifecycles. */
export function validSpec(options: ValidSpecOptions = {}): fc.Arbitrary<GeneratedSpec> {
  return fc.tuple(fc.gen(), renderStyle).map(([g, style]) => {
    const object = buildSpec(g, options);
    return { object, text: renderSpec(object, style), families: Object.keys(object.families) };
  });
}

type Gen = fc.GeneratorValue;

interface CallbackInfo {
  readonly specName: string;
  readonly tsName: string;
}

function buildSpec(g: Gen, options: ValidSpecOptions): SpecObject {
  const naming = g(() => fc.constantFrom<"camelCase" | "preserve" | undefined>(undefined, "camelCase", "preserve"));
  const toTs = (name: string) => (naming === "preserve" ? name : name.replace(/_(.)/g, (_, c: string) => c.toUpperCase()));

  const typeNames = g(() => fc.subarray(TYPE_WORDS, { maxLength: 3 }));
  const familyNames = g(() => fc.shuffledSubarray(FAMILY_WORDS, { minLength: 1, maxLength: 4 }));
  const declared = [...typeNames, ...familyNames];

  const types: Record<string, unknown> = {};
  typeNames.forEach((name, i) => {
    const doc = g(() => fc.option(hostileText(), { nil: undefined }));
    // Aliases may use earlier declared types; interfaces use built-ins and earlier types.
    const earlier = typeNames.slice(0, i);
    if (g(() => fc.boolean())) {
      types[name] = { alias: g(() => typeExpr(earlier)), ...(doc !== undefined ? { doc } : {}) };
    } else {
      const fieldNames = g(() => fc.subarray(["high", "low", "host", "port", "label"], { minLength: 1 }));
      const fields: Record<string, unknown> = {};
      for (const field of fieldNames) {
        const type = g(() => typeExpr(earlier));
        const optional = g(() => fc.boolean());
        const fieldDoc = g(() => fc.option(hostileText(), { nil: undefined }));
        fields[field] = optional || fieldDoc !== undefined ? { type, ...(optional ? { optional } : {}), ...(fieldDoc !== undefined ? { doc: fieldDoc } : {}) } : type;
      }
      types[name] = { interface: fields, ...(doc !== undefined ? { doc } : {}) };
    }
  });

  // Callback names are unique across the spec (by TS name too), so inheritance never clashes.
  const callbackPool = g(() => fc.shuffledSubarray(VERBS.flatMap((v) => NOUNS.map((n) => `${v}_${n}`)), { minLength: 20, maxLength: 20 }));
  let nextCallback = 0;

  const families: Record<string, FamilyObject> = {};
  const allCallbacks = new Map<string, CallbackInfo[]>();
  const hasLifecycle = new Map<string, boolean>();
  familyNames.forEach((name, i) => {
    const parent = i > 0 && g(() => fc.boolean()) ? familyNames[g(() => fc.nat({ max: i - 1 }))]! : undefined;
    const inherited = parent ? allCallbacks.get(parent)! : [];
    const count = g(() => fc.integer({ min: parent ? 0 : 1, max: parent ? 3 : 5 }));
    const callbacks: Record<string, Record<string, unknown>> = {};
    const own: CallbackInfo[] = [];
    for (let c = 0; c < count; c++) {
      const specName = callbackPool[nextCallback++]!;
      callbacks[specName] = g(() => callbackArbitrary(declared));
      own.push({ specName, tsName: toTs(specName) });
    }
    // A redeclaration refines the docs only; the signature is inherited.
    if (inherited.length > 0 && g(() => fc.boolean())) {
      const target = inherited[g(() => fc.nat({ max: inherited.length - 1 }))]!;
      callbacks[target.specName] = { doc: g(() => hostileText()) };
    }
    const all = [...inherited, ...own];
    allCallbacks.set(name, all);
    // An inherited lifecycle must cover new callbacks, so a family that adds any declares its own.
    const inheritsLifecycle = parent !== undefined && hasLifecycle.get(parent) === true;
    const declareLifecycle = (inheritsLifecycle && own.length > 0) || g(() => fc.boolean());
    const familyDoc = g(() => fc.option(hostileText(), { nil: undefined }));
    families[name] = {
      ...(parent !== undefined ? { extends: parent } : {}),
      summary: g(() => hostileText(true)),
      ...(familyDoc !== undefined ? { doc: familyDoc } : {}),
      callbacks,
      ...(declareLifecycle ? { lifecycle: g(() => lifecycleArbitrary(all)) } : {}),
    };
    hasLifecycle.set(name, declareLifecycle || inheritsLifecycle);
  });

  const specDoc = g(() => fc.option(hostileText(), { nil: undefined }));
  return {
    protoskel: 1,
    name: options.name ?? g(() => fc.stringMatching(/^[a-z0-9-]{0,10}$/)).replace(/^/, "p-"),
    summary: g(() => hostileText(true)),
    ...(specDoc !== undefined ? { doc: specDoc } : {}),
    ...(naming !== undefined ? { naming: { members: naming } } : {}),
    ...(typeNames.length > 0 ? { types } : {}),
    families,
  };
}

/** One callback: params (optional ones last), returns with a default or `required`, remarks. */
function callbackArbitrary(declared: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const param = (name: string, optional: boolean) =>
    fc.record({ type: typeExpr(declared), doc: fc.option(hostileText(), { nil: undefined }) }).map(({ type, doc }) => ({
      name,
      type,
      ...(doc !== undefined ? { doc } : {}),
      ...(optional ? { optional: true } : {}),
    }));
  const params = fc
    .tuple(fc.subarray(PARAM_NAMES, { maxLength: 4 }).chain((names) => fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length })), fc.nat())
    .chain(([names, optionalFrom]) => {
      const firstOptional = names.length === 0 ? 0 : optionalFrom % (names.length + 1);
      return fc.tuple(...names.map((n, i) => param(n, i >= firstOptional)));
    });
  const returns = fc.oneof(
    fc.constant({}),
    fc.constantFrom(...RETURNS).chain(([type, defaults]) =>
      fc.tuple(fc.boolean(), fc.boolean(), defaults, fc.option(hostileText(), { nil: undefined })).map(([required, asObject, value, doc]) => ({
        returns: asObject || doc !== undefined ? { type, ...(doc !== undefined ? { doc } : {}) } : type,
        ...(required ? { required: true } : { default: value }),
      })),
    ),
  );
  return fc
    .record({ doc: hostileText(), params: fc.option(params, { nil: undefined }), returns, remarks: fc.option(hostileText(), { nil: undefined }), required: fc.boolean() })
    .map(({ doc, params: ps, returns: ret, remarks, required }) => ({
      doc,
      ...(ps !== undefined ? { params: ps } : {}),
      ...ret,
      // `required: true` on a void callback makes it abstract too.
      ...(!("default" in ret) && !("required" in ret) && required ? { required: true } : {}),
      ...(remarks !== undefined ? { remarks } : {}),
    }));
}

/**
 * A lifecycle over `callbacks` that names every one of them exactly once, in `order`, in
 * one rule or under `free`. With anchors, the order's first and last items are plain terms
 * and every rule accepts the empty sequence, so the language is never empty.
 */
function lifecycleArbitrary(callbacks: readonly CallbackInfo[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.gen().map((g) => {
    const shuffled = g(() => fc.shuffledSubarray([...callbacks], { minLength: callbacks.length, maxLength: callbacks.length }));
    const aliases: Record<string, string> = {};
    const term = (cb: CallbackInfo): string => {
      const how = g(() => fc.constantFrom("spec", "ts", "alias"));
      if (how === "ts") return cb.tsName;
      if (how === "spec") return cb.specName;
      const alias = `A${Object.keys(aliases).length}`;
      aliases[alias] = cb.specName;
      return alias;
    };
    // Split: the order takes at least one callback; then up to two rules; the rest are free.
    const orderCount = g(() => fc.integer({ min: 1, max: shuffled.length }));
    const orderTerms = shuffled.slice(0, orderCount).map(term);
    let rest = shuffled.slice(orderCount);
    const rules: string[][] = [];
    for (let r = 0; r < 2 && rest.length > 0; r++) {
      const n = g(() => fc.integer({ min: 0, max: rest.length }));
      if (n > 0) rules.push(rest.slice(0, n).map(term));
      rest = rest.slice(n);
    }
    const free = rest.map(term);

    const startAnchor = g(() => fc.boolean());
    const endAnchor = g(() => fc.boolean());
    const anchored = startAnchor || endAnchor;
    const body = sequence(g, orderTerms, { plainFirst: startAnchor, plainLast: endAnchor });
    const order = `${startAnchor ? "start -> " : ""}${body}${endAnchor ? " -> end" : ""}`;
    const ruleTexts = rules.map((terms) => {
      const text = sequence(g, terms, { plainFirst: false, plainLast: false });
      return anchored ? g(() => fc.constantFrom(`(${text})*`, `[${text}]`)) : text;
    });
    return {
      ...(Object.keys(aliases).length > 0 ? { aliases } : {}),
      order,
      ...(ruleTexts.length > 0 ? { rules: ruleTexts } : {}),
      ...(free.length > 0 || g(() => fc.boolean()) ? { free } : {}),
    };
  });
}

/** Joins `terms` (each used once) into a call-order expression of varied shapes. */
function sequence(g: Gen, terms: readonly string[], ends: { plainFirst: boolean; plainLast: boolean }): string {
  const items: string[] = [];
  let i = 0;
  while (i < terms.length) {
    const isFirst = i === 0;
    const left = terms.length - i;
    const mustBePlain = (isFirst && ends.plainFirst) || (left === 1 && ends.plainLast);
    const pair = !mustBePlain && left >= 2 && !(left === 2 && ends.plainLast) && g(() => fc.boolean());
    if (pair) {
      const [a, b] = [terms[i]!, terms[i + 1]!];
      items.push(g(() => fc.constantFrom(`(${a} | ${b})`, `(${a} -> ${b})*`, `[${a} -> ${b}]`, `(${a} | ${b})+`, `(${a} -> ${b}?)`)));
      i += 2;
    } else {
      const t = terms[i]!;
      items.push(mustBePlain ? t : g(() => fc.constantFrom(t, `${t}?`, `${t}*`, `${t}+`, `[${t}]`, isFirst ? t : `[-> ${t}]`)));
      i += 1;
    }
  }
  // `[-> X]` attaches to the item before it, without its own arrow.
  return items.reduce((acc, item) => (acc === "" ? item : item.startsWith("[->") ? `${acc} ${item}` : `${acc} -> ${item}`), "");
}

/** Names that look like paths or prototype keys; each must be refused wherever it is used, never written. */
export const PATH_LIKE_NAMES: readonly string[] = [
  "../x", "../../escape", "a/b", "a\\b", "/etc/passwd", "C:\\Windows", "..", ".", "Foo/../../Bar", "./Evil", "~root",
  "%2e%2e", "x\0y", "__proto__", "Foo\nBar", "a:b", "",
];

/** Windows device names: refused where a name becomes a file or folder (spec and family names), fine as callbacks. */
export const DEVICE_NAMES: readonly string[] = ["con", "CON", "Nul", "nul", "aux", "COM1", "com1", "lpt9", "Prn"];

/** A valid spec with its name, one family name, one `extends` or one callback name replaced by a path-like name. */
export function pathLikeSpec(): fc.Arbitrary<GeneratedSpec & { readonly replaced: string }> {
  const slotAndName = fc.oneof(
    fc.tuple(fc.constantFrom("name", "family", "callback", "extends"), fc.constantFrom(...PATH_LIKE_NAMES)),
    fc.tuple(fc.constantFrom("name", "family"), fc.constantFrom(...DEVICE_NAMES)),
  );
  return fc.tuple(validSpec(), slotAndName, fc.nat()).map(([spec, [where, bad], pick]) => {
    const object = structuredClone(spec.object);
    const familyNames = Object.keys(object.families);
    const target = familyNames[pick % familyNames.length]!;
    if (where === "name") object.name = bad;
    else if (where === "family") object.families = renameKey(object.families, target, bad);
    else if (where === "extends") object.families[target]!.extends = bad;
    else {
      const family = object.families[target]!;
      const names = Object.keys(family.callbacks);
      if (names.length === 0) family.callbacks = { [bad]: { doc: "Path-like." } };
      else family.callbacks = renameKey(family.callbacks, names[pick % names.length]!, bad);
    }
    return { object, text: renderSpec(object), families: Object.keys(object.families), replaced: `${where}=${JSON.stringify(bad)}` };
  });
}

function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  // Built with defineProperty so that `__proto__` becomes an own key, as YAML would parse it.
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) Object.defineProperty(out, key === from ? to : key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** YAML-ish tokens, so random text often gets past the YAML parser into the later stages. */
const YAML_TOKENS = [
  "protoskel: 1\n", "name: x\n", "summary: s\n", "families:\n", "  Foo:\n", "    callbacks:\n", "      ping: {doc: d}\n",
  "lifecycle: {order: \"start -> ping -> end\"}\n", "- ", ": ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a\n", "!!str ",
  "!tag ", "|\n", ">-\n", "\"", "'", "#", "  ", "\t", "\n", "\r\n", "---\n", "...\n", "%YAML 1.2\n", "\ufeff", "\0", "\ud800",
  "extends: Foo\n", "types: {T: {alias: \"string\"}}\n", "params: [{name: a, type: T}]\n", "__proto__: {}\n", "1e999",
];

/** Anything a user could feed the loader: random Unicode, YAML-like token soup, or JSON-ish values. */
export function arbitraryText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 }).map((tokens) => tokens.join("")),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.array(fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join("")),
  );
}

/** A byte-level mutation of a text: flips, deletions and insertions at random offsets, decoded as UTF-8. */
export function mutatedText(text: string): fc.Arbitrary<string> {
  const bytes = Buffer.from(text, "utf8");
  const edit = fc.record({ kind: fc.constantFrom("flip", "delete", "insert"), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    const out = [...bytes];
    for (const { kind, at, value } of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (kind === "flip" && out.length > 0) out[i] = out[i]! ^ (value || 1);
      else if (kind === "delete") out.splice(i, 1);
      else out.splice(i, 0, value);
    }
    return Buffer.from(out).toString("utf8");
  });
}
