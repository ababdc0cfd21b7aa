/**
 * What `--update` reports and never changes: members of the user's class that override a
 * callback the family no longer has (PSK6003), and overrides whose parameters or return type
 * no longer fit the family's callback (PSK6004). All are warnings with the member's position.
 *
 * Types are compared as TypeScript compares method overrides: a parameter fits when either
 * type is assignable to the other (methods are bivariant, so narrowing `BaseTransport` to
 * `Transport` is fine), the return type when it is assignable to the family's. The family's
 * types come from the generated `FAMILYCallbacks` interface; without it, from the spec text.
 */

import type * as Morph from "ts-morph";
import { diagnostic, type Diagnostic, type SourceLocation } from "../diagnostics/index.js";
import type { Callback, Family } from "../model/types.js";
import { didYouMean } from "../util/did-you-mean.js";

/** A member of the user's class that looks like a callback implementation. */
export interface ClassMethod {
  readonly name: string;
  readonly node: Morph.MethodDeclaration;
  readonly hasOverride: boolean;
}

/** The generated interface's view of one callback, when the generated file could be read. */
type ExpectedSignature = { readonly params: readonly Morph.Type[]; readonly returns: Morph.Type };

/** Where `node` starts, as file:line:col (1-based). */
export function locationOf(node: Morph.Node, file: string): SourceLocation {
  const { line, column } = node.getSourceFile().getLineAndColumnAtPos(node.getStart());
  return { file, line, column };
}

/** Removes whitespace so `Error|null` and `Error | null` compare equal. */
function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The last word of a camelCase name (`dataReceived` → `Received`). */
function lastWord(name: string): string {
  const words = name.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g);
  return words?.[words.length - 1]?.toLowerCase() ?? name.toLowerCase();
}

/**
 * True when a method the family does not have looks like a former callback: it says
 * `override`, or (in a class that `implements` the interface and so cannot say `override`)
 * it is public and named like the family's callbacks (close to one of them, or ending in the
 * same word, such as `…Received`).
 */
function looksLikeFormerCallback(method: ClassMethod, family: Family, style: "extends" | "implements"): boolean {
  if (method.hasOverride) return true;
  if (style === "extends") return false;
  const scope = method.node.getScope();
  if (String(scope) !== "public" || method.name.startsWith("_") || method.name.startsWith("#")) return false;
  const names = family.callbacks.map((cb) => cb.tsName);
  if (didYouMean(method.name, names) !== undefined) return true;
  const word = lastWord(method.name);
  return names.some((n) => n !== method.name && lastWord(n) === word);
}

/** The generated `FAMILYCallbacks` signature of `cb`, or undefined when it cannot be read. */
function expectedSignature(callbacksInterface: Morph.InterfaceDeclaration | undefined, cb: Callback): ExpectedSignature | undefined {
  if (!callbacksInterface) return undefined;
  const property = callbacksInterface.getType().getProperty(cb.tsName);
  const signature = property?.getTypeAtLocation(callbacksInterface).getCallSignatures()[0];
  if (!signature) return undefined;
  return { params: signature.getParameters().map((p) => p.getTypeAtLocation(callbacksInterface)), returns: signature.getReturnType() };
}

/** A parameter of the user's method against the family's: equal text, or assignable one way or the other. */
function paramFits(userParam: Morph.ParameterDeclaration, specText: string, expected: Morph.Type | undefined): boolean {
  const annotation = userParam.getTypeNode();
  if (!annotation || squash(annotation.getText()) === squash(specText)) return true;
  if (!expected) return false;
  const actual = userParam.getType();
  return actual.isAssignableTo(expected) || expected.isAssignableTo(actual);
}

function returnFits(method: Morph.MethodDeclaration, specText: string, expected: Morph.Type | undefined): boolean {
  const annotation = method.getReturnTypeNode();
  if (!annotation || squash(annotation.getText()) === squash(specText)) return true;
  if (!expected) return false;
  return method.getReturnType().isAssignableTo(expected);
}

/** PSK6004 for one override of `cb`, or nothing when it still fits. */
function checkOverride(method: ClassMethod, cb: Callback, expected: ExpectedSignature | undefined, file: string): Diagnostic[] {
  const params = method.node.getParameters();
  const where = locationOf(method.node.getNameNode(), file);
  const wanted = `${cb.tsName}(${cb.params.map((p) => `${p.tsName}${p.optional ? "?" : ""}: ${p.type.text}`).join(", ")}): ${cb.returns.type.text}`;
  const warn = (message: string) => diagnostic("PSK6004", `${message}; the family now declares ${wanted}`, where, { severity: "warning" });
  if (params.length !== cb.params.length) {
    return [warn(`${method.name} takes ${params.length} parameter${params.length === 1 ? "" : "s"}, the callback ${cb.params.length}`)];
  }
  const problems: Diagnostic[] = [];
  params.forEach((param, i) => {
    const specParam = cb.params[i]!;
    if (!paramFits(param, specParam.type.text, expected?.params[i])) {
      problems.push(warn(`parameter ${i + 1} (${param.getName()}) of ${method.name} is ${param.getTypeNode()?.getText() ?? "untyped"}, the callback's ${specParam.tsName} is ${specParam.type.text}`));
    }
  });
  if (!returnFits(method.node, cb.returns.type.text, expected?.returns)) {
    problems.push(warn(`${method.name} returns ${method.node.getReturnTypeNode()?.getText() ?? "?"}, the callback ${cb.returns.type.text}`));
  }
  return problems;
}

/** Every PSK6003 and PSK6004 warning for the methods of the user's class. */
export function checkClassMethods(methods: readonly ClassMethod[], family: Family, style: "extends" | "implements", callbacksInterface: Morph.InterfaceDeclaration | undefined, file: string): Diagnostic[] {
  const byName = new Map(family.callbacks.map((cb) => [cb.tsName, cb] as const));
  const problems: Diagnostic[] = [];
  for (const method of methods) {
    const cb = byName.get(method.name);
    if (cb) {
      problems.push(...checkOverride(method, cb, expectedSignature(callbacksInterface, cb), file));
    } else if (looksLikeFormerCallback(method, family, style)) {
      problems.push(
        diagnostic("PSK6003", `${method.name} is not a callback of ${family.name} any more (it has ${family.callbacks.map((c) => c.tsName).join(", ")})`, locationOf(method.node.getNameNode(), file), { severity: "warning" }),
      );
    }
  }
  return problems;
}
