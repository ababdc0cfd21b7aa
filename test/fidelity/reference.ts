/**
 * Reads the plain-text rendering of a Python module's reference page (pydoc-style: a
 * "Classes" heading, then each class name at column 0 followed by its docstring and its
 * methods as `name(self, a, b)` lines) into classes, methods and parameters.
 *
 * The text does not print base classes (no `Name(Base)` headings), so a class's base is
 * inferred from the page's structure: pydoc repeats inherited methods verbatim under each
 * subclass, so the base is the largest other class whose methods all reappear here with
 * the same parameters and the same docs.
 */

/** One method as the reference lists it. */
export interface ReferenceMethod {
  readonly name: string;
  /** Parameter names in call order, without `self`. */
  readonly params: readonly string[];
  /** The method's docstring, dedented and trimmed (used to recognise inherited copies). */
  readonly doc: string;
}

/** A "State machine of calls" block from a class docstring. */
export interface ReferenceStateMachine {
  /** The expression, e.g. `start -> CM [-> DR*] [-> ER?] -> CL -> end`. */
  readonly order: string;
  /** alias → method name, from the `* CM: connection_made()` legend. */
  readonly aliases: ReadonlyMap<string, string>;
}

/** One class of the reference. */
export interface ReferenceClass {
  readonly name: string;
  /** The direct base class within the module, if any. */
  readonly base?: string;
  /** Whether `base` was printed in the heading or inferred from the methods. */
  readonly baseSource: "stated" | "inferred" | "none";
  readonly doc: string;
  readonly methods: readonly ReferenceMethod[];
  readonly stateMachine?: ReferenceStateMachine;
}

// A method heading: an identifier at column 0 whose parameter list starts with `self`.
const METHOD_HEADING = /^([A-Za-z_]\w*)\((\s*self\b[^)]*)\)\s*$/;
// A class heading: a PascalCase identifier alone at column 0, optionally `Name(Base, ...)`.
const CLASS_HEADING = /^([A-Z]\w*)(?:\(([\w.,\s]*)\))?\s*$/;
// Bases that mean "no base within this module".
const ROOT_BASES = new Set(["object", "builtins.object"]);

interface RawClass {
  name: string;
  statedBase?: string;
  docLines: string[];
  methods: { name: string; params: string[]; docLines: string[] }[];
}

/** Parses the reference text; classes come back in the order the page lists them. */
export function parseReference(text: string): ReferenceClass[] {
  const lines = text.split(/\r?\n/);
  const classesAt = lines.findIndex((line) => line.trim() === "Classes");
  if (classesAt < 0) return [];

  const raw: RawClass[] = [];
  for (let i = classesAt + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const method = METHOD_HEADING.exec(line);
    const current = raw.at(-1);
    if (method && current) {
      current.methods.push({ name: method[1] ?? "", params: parseParams(method[2] ?? ""), docLines: [] });
      continue;
    }
    const heading = CLASS_HEADING.exec(line);
    // A class name stands alone, followed by a blank line, before its docstring.
    if (heading && (lines[i + 1] ?? "").trim() === "") {
      const statedBase = firstModuleBase(heading[2]);
      raw.push({ name: heading[1] ?? "", ...(statedBase ? { statedBase } : {}), docLines: [], methods: [] });
      continue;
    }
    if (!current) continue;
    const lastMethod = current.methods.at(-1);
    (lastMethod ? lastMethod.docLines : current.docLines).push(line);
  }

  return raw.map((cls) => {
    const methods = cls.methods.map((m) => ({ name: m.name, params: m.params, doc: dedent(m.docLines) }));
    const doc = dedent(cls.docLines);
    const stateMachine = parseStateMachine(doc);
    const base = cls.statedBase ?? inferBase(cls, raw);
    return {
      name: cls.name,
      ...(base ? { base } : {}),
      baseSource: cls.statedBase ? "stated" : base ? "inferred" : "none",
      doc,
      methods,
      ...(stateMachine ? { stateMachine } : {}),
    } satisfies ReferenceClass;
  });
}

/** `self, a, b=1, *args` → `["a", "b", "args"]`. */
function parseParams(list: string): string[] {
  return list
    .split(",")
    .map((p) => p.trim().replace(/^\*{1,2}/, "").split(/[:=]/)[0]?.trim() ?? "")
    .filter((p) => p !== "" && p !== "self" && p !== "/");
}

function firstModuleBase(bases: string | undefined): string | undefined {
  const first = bases?.split(",")[0]?.trim();
  return first && !ROOT_BASES.has(first) ? first : undefined;
}

/** The largest other class whose every method reappears in `cls` unchanged. */
function inferBase(cls: RawClass, all: readonly RawClass[]): string | undefined {
  const own = new Map(cls.methods.map((m) => [m.name, m]));
  const candidates = all.filter(
    (other) =>
      other !== cls &&
      other.methods.length > 0 &&
      other.methods.length < cls.methods.length &&
      other.methods.every((m) => {
        const mine = own.get(m.name);
        return mine !== undefined && sameList(mine.params, m.params) && dedent(mine.docLines) === dedent(m.docLines);
      }),
  );
  const largest = Math.max(0, ...candidates.map((c) => c.methods.length));
  const best = candidates.filter((c) => c.methods.length === largest);
  // Two equally good candidates would make the guess arbitrary; report no base instead.
  return best.length === 1 ? best[0]?.name : undefined;
}

function parseStateMachine(doc: string): ReferenceStateMachine | undefined {
  const lines = doc.split("\n").map((l) => l.trim());
  const at = lines.findIndex((l) => /^State machine of calls:?$/i.test(l));
  if (at < 0) return undefined;
  const order = lines.slice(at + 1).find((l) => l !== "");
  if (!order) return undefined;
  const aliases = new Map<string, string>();
  for (const line of lines.slice(at + 1)) {
    const legend = /^\*\s*([A-Za-z]\w*)\s*:\s*([A-Za-z_]\w*)\(\)/.exec(line);
    if (legend) aliases.set(legend[1] ?? "", legend[2] ?? "");
  }
  return { order, aliases };
}

/** Docstring text with every line's indentation removed: pydoc indents copies alike, but not line one. */
function dedent(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .join("\n")
    .trim();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
