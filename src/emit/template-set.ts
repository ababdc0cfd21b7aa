/**
 * The set of templates one run uses: the built-ins, overridden file by file by the user's
 * templates directory. Loads sources, compiles each one up front (so a syntax error is pinned
 * to its own file, not to whichever template includes it), and renders with errors turned
 * into PSK4001 diagnostics naming the template file and line.
 */

import { readdir, readFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { Eta, EtaParseError, EtaRuntimeError } from "eta/core";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";

/** Where the built-in templates live: `templates/` at the package root (from src/emit or dist/emit). */
export const BUILTIN_TEMPLATES_DIR: string = fileURLToPath(new URL("../../templates/", import.meta.url));

/** One template source. */
export interface TemplateSource {
  /** File name, e.g. `family.ts.eta`: the name users override and eject by. */
  readonly name: string;
  /** Where it was read from (shown in diagnostics). */
  readonly path: string;
  readonly text: string;
  readonly origin: "builtin" | "user";
}

/** The result of rendering one template. */
export type RenderResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** File names of the built-in templates, sorted. */
export function builtinTemplateNames(): string[] {
  return readdirSync(BUILTIN_TEMPLATES_DIR)
    .filter((f) => f.endsWith(".eta"))
    .sort();
}

async function readEtaFiles(dir: string, origin: TemplateSource["origin"]): Promise<TemplateSource[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(".eta")).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { name, path: file, text: await readFile(file, "utf8"), origin };
    }),
  );
}

/**
 * Reads the built-ins and, when given, the user's directory (whose files win by name).
 * An unreadable user directory is a PSK1004 diagnostic.
 */
export async function loadTemplateSources(
  userDir?: string,
): Promise<{ sources: Map<string, TemplateSource>; diagnostics: Diagnostic[] }> {
  const sources = new Map<string, TemplateSource>();
  for (const src of await readEtaFiles(BUILTIN_TEMPLATES_DIR, "builtin")) sources.set(src.name, src);
  if (userDir === undefined) return { sources, diagnostics: [] };
  try {
    for (const src of await readEtaFiles(userDir, "user")) sources.set(src.name, src);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { sources, diagnostics: [diagnostic("PSK1004", `cannot read the templates directory '${userDir}': ${reason}`)] };
  }
  return { sources, diagnostics: [] };
}

/** The template line of a JS syntax error in eta's compiled function, from its `__eta.line=` markers. */
function syntaxErrorLine(eta: Eta, text: string): number | undefined {
  const body = eta.compileToString(text);
  const wrapped = `(function (it, options) {\n${body}\n})`;
  try {
    new vm.Script(wrapped, { filename: "template.js" });
    return undefined;
  } catch (error) {
    const match = error instanceof Error ? /template\.js:(\d+)/.exec(error.stack ?? "") : null;
    if (!match) return undefined;
    const lines = wrapped.split("\n").slice(0, Number(match[1]));
    for (let i = lines.length - 1; i >= 0; i--) {
      const marker = /__eta\.line=(\d+)/.exec(lines[i]!);
      if (marker) return Number(marker[1]);
    }
    return 1;
  }
}

/** A compiled, override-aware template set. */
export class TemplateSet {
  private readonly eta: Eta;
  private readonly byPath = new Map<string, TemplateSource>();

  constructor(readonly sources: ReadonlyMap<string, TemplateSource>) {
    this.eta = new Eta({
      autoEscape: false,
      debug: true, // keeps template line numbers in runtime errors
      cache: true,
      // No implicit trimming: code templates need exact newlines; control tags use `-%>`.
      autoTrim: false,
      // `partial(name, data)` is `include` without the partial file's trailing newline(s), so a
      // partial can end with a newline like any text file and still be used inline.
      functionHeader: `const partial = (name, data) => include(name, data).replace(/\\n+$/, "");`,
    });
    for (const src of sources.values()) this.byPath.set(src.path, src);
    // Names in include("…") are file names with or without `.eta`; users override by file name.
    this.eta.resolvePath = (name: string) => {
      const src = sources.get(name) ?? sources.get(`${name}.eta`);
      if (!src) throw new Error(`no template named '${name}'`);
      return src.path;
    };
    this.eta.readFile = (file: string) => this.byPath.get(file)?.text ?? "";
  }

  /** Compiles every template; one PSK4001 per template that does not compile. */
  compileAll(): Diagnostic[] {
    const problems: Diagnostic[] = [];
    for (const src of this.sources.values()) {
      try {
        this.eta.templatesSync.define(src.path, this.eta.compile(src.text));
      } catch (error) {
        problems.push(this.compileDiagnostic(src, error));
      }
    }
    return problems;
  }

  private compileDiagnostic(src: TemplateSource, error: unknown): Diagnostic {
    // eta reports a JavaScript syntax error inside a tag as a parse error without a position.
    const badJs = error instanceof EtaParseError && error.message.startsWith("Bad template syntax");
    if (error instanceof EtaParseError && !badJs) {
      const at = / at line (\d+) col (\d+)/.exec(error.message);
      const line = at ? Number(at[1]) : 1;
      const column = at ? Number(at[2]) : 1;
      const what = error.message.split("\n")[0]!.replace(/ at line \d+ col \d+:?$/, "");
      return diagnostic("PSK4001", `template ${src.name}, line ${line}: ${what}`, { file: src.path, line, column });
    }
    const line = syntaxErrorLine(this.eta, src.text) ?? 1;
    const what = error instanceof Error ? (/\n\n(.*)\n/.exec(error.message)?.[1] ?? error.message.split("\n")[0]) : String(error);
    return diagnostic("PSK4001", `template ${src.name}, line ${line}: invalid JavaScript in a tag: ${what}`, {
      file: src.path,
      line,
      column: 1,
    });
  }

  /** Renders a template by file name; a thrown error becomes PSK4001 at the innermost template and line. */
  render(name: string, data: object): RenderResult {
    const src = this.sources.get(name);
    if (!src) return { ok: false, diagnostic: diagnostic("PSK4003", `no template named '${name}'`) };
    try {
      return { ok: true, text: this.eta.render(name, data) };
    } catch (error) {
      // With only built-in templates, a throw is protoskel's own bug, not a template to fix:
      // it goes to the crash report (exit 70) rather than pointing the user at our template.
      if (this.builtinOnly) throw error;
      return { ok: false, diagnostic: this.runtimeDiagnostic(src, error) };
    }
  }

  /** True when no template of the set comes from the user. */
  private get builtinOnly(): boolean {
    return [...this.sources.values()].every((source) => source.origin === "builtin");
  }

  private runtimeDiagnostic(top: TemplateSource, error: unknown): Diagnostic {
    // eta wraps the error once per template on the include stack; the deepest wrapper names
    // the template that failed, and its cause is the original error.
    let innermost: EtaRuntimeError | undefined;
    let cause: unknown = error;
    while (cause instanceof Error) {
      if (cause instanceof EtaRuntimeError) innermost = cause;
      cause = cause.cause;
    }
    const at = innermost ? /^(.*):(\d+)\n/.exec(innermost.message) : null;
    const src = (at && this.byPath.get(at[1]!)) || top;
    const line = at ? Number(at[2]) : 1;
    const original = innermost?.cause instanceof Error ? innermost.cause : error;
    const what = original instanceof Error ? original.message : String(original);
    return diagnostic("PSK4001", `template ${src.name}, line ${line}: ${what}`, { file: src.path, line, column: 1 });
  }

  /**
   * Best guess at the template line that produced `outputLine`. The built-ins are tested to
   * render valid TypeScript, so the user's overrides are searched first; within a group, the
   * line whose literal text (tags removed) appears in order in the output line and covers the
   * most characters wins, the top-level template first on a tie.
   */
  locateOutputLine(topName: string, outputLine: string): { source: TemplateSource; line: number } | undefined {
    const target = outputLine.trim();
    if (target === "") return undefined;
    const ordered = [...this.sources.values()].sort((a, b) => Number(b.name === topName) - Number(a.name === topName));
    for (const origin of ["user", "builtin"] as const) {
      const best = bestLine(ordered.filter((src) => src.origin === origin), target);
      if (best) return best;
    }
    return undefined;
  }
}

/** The line of `sources` whose literal pieces cover most of `target` (see locateOutputLine). */
function bestLine(sources: readonly TemplateSource[], target: string): { source: TemplateSource; line: number } | undefined {
  let best: { source: TemplateSource; line: number; score: number } | undefined;
  for (const src of sources) {
    const lines = src.text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const pieces = lines[i]!.split(/<%[\s\S]*?%>/).map((p) => p.trim()).filter((p) => p !== "");
      let from = 0;
      let score = 0;
      for (const piece of pieces) {
        const at = target.indexOf(piece, from);
        if (at < 0) {
          score = 0;
          break;
        }
        from = at + piece.length;
        score += piece.length;
      }
      if (score > (best?.score ?? 0)) best = { source: src, line: i + 1, score };
    }
  }
  return best && { source: best.source, line: best.line };
}
