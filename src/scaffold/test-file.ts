/**
 * `CLASS.test.ts`: conformance tests for the user's class, written once by `scaffold`. The
 * class runs under the generated lifecycle monitor along every legal path the lifecycle
 * compiler produced (together they take every transition), with a recorder in front of the
 * class that logs what each callback received. They pass with the TODO bodies, so the user
 * starts green and fills in `todo` entries as behaviour is written.
 *
 * Required callbacks start as stubs that throw "CLASS.name is not implemented yet". The tests
 * accept exactly that error (and no other) and walk on, since the monitor has already taken
 * the call: the rest of the class is exercised from day one, and a callback's real code runs
 * here as soon as it is written. The `todo` entry of each required callback says so.
 */

import { dirname } from "node:path";
import type { Family, Model } from "../model/types.js";
import { fakeValue, usesFakeHelper } from "./fake-values.js";
import { scaffoldHeader } from "./class-file.js";
import { importSpecifier, type GeneratedModules } from "./locate.js";
import { notImplementedMessage } from "./member.js";

/** Test runners the scaffolded test can be written for. */
export type TestRunner = "vitest" | "node";

/** Assertions in each runner's words. */
const ASSERT = {
  vitest: { imports: ['import { describe, expect, it } from "vitest";'], isTrue: (x: string) => `expect(${x}).toBe(true);`, equal: (a: string, b: string) => `expect(${a}).toEqual(${b});` },
  node: {
    imports: ['import assert from "node:assert/strict";', 'import { describe, it } from "node:test";'],
    isTrue: (x: string) => `assert.equal(${x}, true);`,
    equal: (a: string, b: string) => `assert.deepStrictEqual(${a}, ${b});`,
  },
} as const;

const str = (text: string): string => JSON.stringify(text);

/** The unformatted text of `CLASS.test.ts`, to be written at `testFile` next to `CLASS.ts`. */
export function renderTestFile(model: Model, family: Family, className: string, testFile: string, modules: GeneratedModules, runner: TestRunner): string {
  const from = dirname(testFile);
  const lc = family.lifecycle;
  const lifecycleConst = `${family.name}Lifecycle`;
  const a = ASSERT[runner];
  const args = family.callbacks.map((cb) => ({ cb, values: cb.params.map((p) => fakeValue(p.type, p.tsName, model)) }));
  const needsFake = args.some(({ values }) => values.some(usesFakeHelper));
  const hasRequired = family.callbacks.some((cb) => cb.required);

  const out: string[] = [scaffoldHeader(model, family), "", ...a.imports];
  if (lc) {
    out.push(`import { ${lifecycleConst} } from ${str(importSpecifier(from, modules.family))};`);
    out.push(`import { LifecycleMonitor, monitored } from ${str(importSpecifier(from, modules.lifecycle))};`);
  }
  out.push(`import { ${className} } from ${str(`./${className}.js`)};`, "");

  out.push(`/** The callbacks of ${family.name}, inherited ones included. */`);
  out.push(`type Callback = ${family.callbacks.map((cb) => str(cb.tsName)).join(" | ")};`, "");
  if (needsFake) {
    out.push(
      "/** An opaque stand-in, typed by where it is used, for a value these tests cannot build (cast through `unknown`); replace it with a real fake once your class uses the value. */",
      "function fake<T>(label: string): T {",
      "return { fake: label } as unknown as T;",
      "}",
      "",
    );
  }
  out.push(
    `/** What each callback receives in these tests. Checked against ${className}'s signatures, so a signature change shows up here. */`,
    "const ARGS = {",
    ...args.map(({ cb, values }) => `${cb.tsName}: [${values.map((v) => v.expression).join(", ")}],`),
    `} satisfies { readonly [K in Callback]: Parameters<${className}[K]> };`,
    "",
    "/** One call that reached the class, with what it received. */",
    "interface Received {",
    "readonly callback: Callback;",
    "readonly args: readonly unknown[];",
    "}",
    "",
    `/** Puts a recorder in front of each callback of \`instance\`: it logs the call and its arguments, then runs the callback. */`,
    `function recorded(instance: ${className}, received: Received[]): ${className} {`,
    "for (const callback of Object.keys(ARGS) as Callback[]) {",
    "const method = Reflect.get(instance, callback) as (...args: unknown[]) => unknown;",
    "Reflect.set(instance, callback, (...args: unknown[]): unknown => {",
    "received.push({ callback, args });",
    "return Reflect.apply(method, instance, args);",
    "});",
    "}",
    "return instance;",
    "}",
    "",
  );
  if (hasRequired) {
    const example = notImplementedMessage(className, family.callbacks.find((cb) => cb.required)!);
    out.push(
      "/**",
      ` * Required callbacks start as stubs that throw, e.g., ${str(example)}.`,
      " * That error, and no other, lets a path go on: the monitor has already taken the call,",
      " * so the rest of the class is still exercised, and your code runs here once written.",
      " */",
      "function isNotImplementedYet(error: unknown, callback: Callback): boolean {",
      `return error instanceof Error && error.message === \`${className}.\${callback} is not implemented yet\`;`,
      "}",
      "",
    );
  }
  out.push(`/** Calls \`callback\` on \`target\` with its arguments from ARGS. */`, `function call(target: ${className}, callback: Callback): void {`);
  const invoke = "Reflect.apply(Reflect.get(target, callback) as (...args: unknown[]) => unknown, target, ARGS[callback]);";
  if (hasRequired) out.push("try {", invoke, "} catch (error) {", "if (!isNotImplementedYet(error, callback)) throw error;", "}");
  else out.push(invoke);
  out.push("}", "");

  if (lc) {
    out.push(
      `/** Drives a monitored ${className} along \`path\`; returns what its callbacks received and whether the lifecycle is complete. */`,
      `function walk(path: readonly Callback[]): { received: Received[]; complete: boolean } {`,
      "const received: Received[] = [];",
      `const instance = monitored(recorded(new ${className}(), received), ${lifecycleConst});`,
      `const monitor = new LifecycleMonitor(${lifecycleConst});`,
      "for (const callback of path) {",
      "monitor.step(callback);",
      "call(instance, callback);",
      "}",
      "return { received, complete: monitor.complete };",
      "}",
      "",
    );
  }

  out.push(`describe(${str(className)}, () => {`);
  if (lc) {
    out.push(`describe(${str(`follows every legal lifecycle of ${family.name}`)}, () => {`);
    for (const path of lc.legalPaths) {
      const name = path.calls.length === 0 ? "the empty lifecycle" : path.calls.join(" → ");
      out.push(
        `it(${str(name)}, () => {`,
        `const path: Callback[] = [${path.calls.map(str).join(", ")}];`,
        "const { received, complete } = walk(path);",
        a.isTrue("complete"),
        a.equal("received", "path.map((callback) => ({ callback, args: ARGS[callback] }))"),
        "});",
      );
    }
    out.push("});", "");
  } else {
    out.push(
      `it(${str("takes every callback once, in the family's order")}, () => {`,
      "const received: Received[] = [];",
      `const instance = recorded(new ${className}(), received);`,
      "const path = Object.keys(ARGS) as Callback[];",
      "for (const callback of path) call(instance, callback);",
      a.equal("received", "path.map((callback) => ({ callback, args: ARGS[callback] }))"),
      "});",
      "",
    );
  }
  out.push(`describe("behaviour", () => {`);
  for (const cb of family.callbacks) {
    const note = cb.required ? " (required: its stub throws until you write it)" : "";
    out.push(`it.todo(${str(`${cb.tsName}${note}: ${cb.summary.replace(/\s+/g, " ").trim()}`)});`);
  }
  out.push("});", "});", "");
  return out.join("\n");
}
