/**
 * The emit stage: resolved model → the files of one spec's output folder, rendered through
 * the (overridable) templates. Formatting and writing belong to the write stage; this stage
 * promises text that parses and is already close to Prettier's style, LF only, byte-for-byte
 * deterministic.
 */

import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import type { Model } from "../model/types.js";
import type { GeneratedFile } from "../write/types.js";
import { templateHelpers } from "./helpers.js";
import { isCanonicalMarkdown } from "./canonical/markdown.js";
import { isCanonicalTypeScript } from "./canonical/typescript.js";
import { canonicalLayoutApplies } from "./canonical/verified-with.js";
import { checkGeneratedNames } from "./names.js";
import { loadTemplateSources, TemplateSet } from "./template-set.js";
import { findSyntaxError, type SyntaxProblem } from "./ts-check.js";
import { buildSpecView, type FamilyTemplateData, type TemplateData } from "./view.js";

export { listTemplates, ejectTemplates, type TemplateInfo, type EjectResult } from "./templates.js";
export { BUILTIN_TEMPLATES_DIR } from "./template-set.js";
export type * from "./view.js";
export type { TemplateHelpers, MarkdownHelpers } from "./helpers.js";
export type { SyntaxProblem } from "./ts-check.js";

/** What to emit and how. */
export interface EmitOptions {
  /** The user's templates directory: its files override the built-ins by file name. */
  templatesDir?: string;
  /** The runner the stub tests are written for. */
  tests: "vitest" | "node";
  /** Which groups of outputs to emit; each defaults to true. */
  emit?: { classes?: boolean; docs?: boolean; tests?: boolean };
  /**
   * Whether to parse each rendered TypeScript file here (default true). Parsing is most of
   * what rendering costs, and the write stage parses every file again to format it; a caller
   * that formats the files passes false and turns the formatter's parse errors into PSK4002
   * with {@link EmitResult.syntaxDiagnostic}, so each file is parsed once. When rendering
   * fails anyway, the files are parsed here regardless, so one run still reports every problem.
   */
  checkSyntax?: boolean;
}

/** The files of one spec, or diagnostics (and no files) when anything failed. */
export interface EmitResult {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  /**
   * PSK4002 for the emitted file at `path` failing to parse at `problem` (found by whoever
   * parsed it): names the output line and the template line that most likely produced it.
   * Undefined for a path this result did not render.
   */
  syntaxDiagnostic(path: string, problem: SyntaxProblem): Diagnostic | undefined;
}

const NO_FILES = (): undefined => undefined;

/** One output to render. */
interface Job {
  readonly path: string;
  readonly template: string;
  readonly parser: GeneratedFile["parser"];
  readonly data: object;
}

/** LF only, no trailing spaces, at most one blank line in a row in code, one final newline. */
function tidy(text: string, parser: GeneratedFile["parser"]): string {
  let out = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  // Searching for the rare case first is much cheaper than a multiline pattern over every space.
  if (out.includes(" \n") || out.includes("\t\n") || /[ \t]$/.test(out)) out = out.replace(/[ \t]+$/gm, "");
  if (parser === "typescript") out = out.replace(/\n{3,}/g, "\n\n");
  // Trimmed by hand: a `\n*$` pattern retries at every position of a large file.
  let start = 0;
  while (out.charCodeAt(start) === 10) start++;
  let end = out.length;
  while (end > start && out.charCodeAt(end - 1) === 10) end--;
  return `${out.slice(start, end)}\n`;
}

function plannedJobs(view: ReturnType<typeof buildSpecView>, options: EmitOptions, base: Omit<TemplateData, "header">, headers: { ts: string; md: string }): Job[] {
  const jobs: Job[] = [];
  const ts = { ...base, header: headers.ts };
  const md = { ...base, header: headers.md };
  const perFamily = (family: (typeof view.families)[number], header: string): FamilyTemplateData => ({ ...base, header, family });
  if (options.emit?.classes ?? true) {
    for (const family of view.families) {
      jobs.push({ path: `src/${family.name}.ts`, template: "family.ts.eta", parser: "typescript", data: perFamily(family, headers.ts) });
    }
    jobs.push({ path: "src/types.ts", template: "types.ts.eta", parser: "typescript", data: ts });
    jobs.push({ path: "src/index.ts", template: "index.ts.eta", parser: "typescript", data: ts });
    if (view.hasLifecycle) jobs.push({ path: "src/lifecycle.ts", template: "lifecycle.ts.eta", parser: "typescript", data: ts });
  }
  if (options.emit?.docs ?? true) {
    jobs.push({ path: "docs/README.md", template: "readme.md.eta", parser: "markdown", data: md });
    for (const family of view.families) {
      jobs.push({ path: `docs/${family.name}.md`, template: "family.md.eta", parser: "markdown", data: perFamily(family, headers.md) });
    }
  }
  if (options.emit?.tests ?? true) {
    for (const family of view.families) {
      jobs.push({
        path: `test/${family.name}.test.ts`,
        template: `family.test.${options.tests}.ts.eta`,
        parser: "typescript",
        data: perFamily(family, headers.ts),
      });
    }
  }
  return jobs;
}

/**
 * Renders every output of one spec. On any error (a template that fails to compile or render,
 * rendered TypeScript that does not parse, generated names that clash) it returns no files.
 */
export async function emitSpec(model: Model, options: EmitOptions): Promise<EmitResult> {
  const diagnostics: Diagnostic[] = checkGeneratedNames(model);
  const loaded = await loadTemplateSources(options.templatesDir);
  diagnostics.push(...loaded.diagnostics);
  if (hasErrors(diagnostics)) return { files: [], diagnostics, syntaxDiagnostic: NO_FILES };

  const templates = new TemplateSet(loaded.sources);
  diagnostics.push(...templates.compileAll());
  if (hasErrors(diagnostics)) return { files: [], diagnostics, syntaxDiagnostic: NO_FILES };

  const view = buildSpecView(model);
  const base: Omit<TemplateData, "header"> = { ...templateHelpers, spec: view, tests: options.tests };
  const tsHeader = templates.render("_header.ts.eta", { ...base, header: "" });
  const mdHeader = templates.render("_header.md.eta", { ...base, header: "" });
  if (!tsHeader.ok || !mdHeader.ok) {
    for (const r of [tsHeader, mdHeader]) if (!r.ok) diagnostics.push(r.diagnostic);
    return { files: [], diagnostics, syntaxDiagnostic: NO_FILES };
  }
  const headers = { ts: tsHeader.text.replace(/\n+$/, ""), md: mdHeader.text.replace(/\n+$/, "") };

  // Render everything first; whether to parse here is known only once all renders are done.
  const rendered: Array<{ job: Job; content: string } | { job: Job; failure: Diagnostic }> = [];
  for (const job of plannedJobs(view, options, base, headers)) {
    const result = templates.render(job.template, job.data);
    rendered.push(result.ok ? { job, content: tidy(result.text, job.parser) } : { job, failure: result.diagnostic });
  }
  const renderFailed = rendered.some((r) => "failure" in r);
  const parseHere = (options.checkSyntax ?? true) || renderFailed;

  const files: GeneratedFile[] = [];
  // Certification relies on the built-in templates' layout, so any override turns it off.
  // It was proved against one Prettier release, so another installed version turns it off too.
  const mayCertify = canonicalLayoutApplies() && [...templates.sources.values()].every((source) => source.origin === "builtin");
  // Only what syntaxDiagnostic needs: keeping the jobs would keep every family's view alive.
  const byPath = new Map<string, { job: Pick<Job, "path" | "template">; content: string }>();
  for (const entry of rendered) {
    if ("failure" in entry) {
      diagnostics.push(entry.failure);
      continue;
    }
    const { job, content } = entry;
    if (job.parser === "typescript") {
      byPath.set(job.path, { job: { path: job.path, template: job.template }, content });
      const problem = parseHere ? await findSyntaxError(content) : undefined;
      if (problem) {
        diagnostics.push(syntaxDiagnostic(templates, job, content, problem));
        continue;
      }
    }
    const canonical = mayCertify && isCanonical(content, job.parser);
    files.push({ path: job.path, content, parser: job.parser, ...(canonical ? { canonical } : {}) });
  }
  const explain = (path: string, problem: SyntaxProblem): Diagnostic | undefined => {
    const entry = byPath.get(path);
    return entry && syntaxDiagnostic(templates, entry.job, entry.content, problem);
  };
  if (hasErrors(diagnostics)) return { files: [], diagnostics: uniqueByPosition(diagnostics), syntaxDiagnostic: explain };
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics, syntaxDiagnostic: explain };
}

/** Whether a file rendered by the built-in templates is already in Prettier's form. */
function isCanonical(content: string, parser: GeneratedFile["parser"]): boolean {
  if (parser === "markdown") return isCanonicalMarkdown(content);
  if (parser === "typescript") return isCanonicalTypeScript(content);
  return false;
}

/**
 * One diagnostic per template position: a broken partial used by every family would otherwise
 * be reported once per output file.
 */
export function uniqueByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = d.location ? `${d.code}|${d.location.file}|${d.location.line}|${d.location.column}` : `${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** PSK4002: names the output line, and the template line that most likely produced it. */
function syntaxDiagnostic(
  templates: TemplateSet,
  job: Pick<Job, "path" | "template">,
  content: string,
  problem: { line: number; column: number; message: string },
): Diagnostic {
  const outputLine = content.split("\n")[problem.line - 1] ?? "";
  const origin = templates.locateOutputLine(job.template, outputLine);
  const top = templates.sources.get(job.template);
  const where = origin ? `${origin.source.name}, line ${origin.line}` : job.template;
  const message =
    `template ${where} rendered ${job.path}, which does not parse: ${problem.message} ` +
    `(output line ${problem.line}: ${JSON.stringify(outputLine.trim())})`;
  const location = origin
    ? { file: origin.source.path, line: origin.line, column: 1 }
    : top
      ? { file: top.path, line: 1, column: 1 }
      : undefined;
  return diagnostic("PSK4002", message, location);
}
