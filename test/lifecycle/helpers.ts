/** Hand-built models and lifecycle inputs for the lifecycle tests. */

import type { SourceLocation } from "../../src/diagnostics/index.js";
import type { CallbackLocation, LifecycleSpecInput, LocatedName, LocatedText } from "../../src/lifecycle/input.js";
import type { Callback, Family, Model } from "../../src/model/types.js";

export const SPEC_FILE = "specs/test.yaml";

/** A snake_case spec name to camelCase. */
export function camel(specName: string): string {
  return specName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A located string sitting on `line` starting at `column` (both 1-based), as a one-line YAML scalar would. */
export function located(text: string, line = 10, column = 12): LocatedText {
  return { text, locate: (offset) => ({ file: SPEC_FILE, line, column: column + offset }) };
}

/** A name with a made-up position. */
export function locatedName(name: string, line = 5, column = 3): LocatedName {
  return { name, location: { file: SPEC_FILE, line, column } };
}

function callback(specName: string, declaredIn: string, inherited: boolean): Callback {
  return {
    specName,
    tsName: camel(specName),
    doc: `${specName}.`,
    summary: `${specName}.`,
    params: [],
    returns: { type: { text: "void", references: [], isVoid: true } },
    required: false,
    declaredIn,
    documentedIn: declaredIn,
    inherited,
  };
}

/** One family of a hand-built model: its own callbacks (spec names) and optional parent. */
export interface FamilySketch {
  readonly name: string;
  readonly parent?: string;
  readonly callbacks: readonly string[];
}

/** Builds a Model from sketches, flattening inherited callbacks as the model stage would. */
export function makeModel(sketches: readonly FamilySketch[]): Model {
  const byName = new Map(sketches.map((s) => [s.name, s]));
  const ancestors = (s: FamilySketch): string[] => (s.parent ? [s.parent, ...ancestors(byName.get(s.parent)!)] : []);
  const families = sketches.map((s): Family => {
    const lineage = [...ancestors(s)].reverse();
    const callbacks = [
      ...lineage.flatMap((a) => byName.get(a)!.callbacks.map((c) => callback(c, a, true))),
      ...s.callbacks.map((c) => callback(c, s.name, false)),
    ];
    return {
      name: s.name,
      summary: s.name,
      ...(s.parent ? { parent: s.parent } : {}),
      ancestors: ancestors(s),
      children: sketches.filter((c) => c.parent === s.name).map((c) => c.name),
      callbacks,
    };
  });
  return { specFile: SPEC_FILE, name: "test", summary: "test", naming: "camelCase", types: [], families };
}

/** Callback locations: callback i of a family's own list on line 100 + i. */
export function callbackLocations(sketches: readonly FamilySketch[]): Map<string, CallbackLocation[]> {
  return new Map(
    sketches.map((s, f) => [
      s.name,
      s.callbacks.map((c, i): CallbackLocation => ({ specName: c, tsName: camel(c), location: at(100 + f * 20 + i, 7) })),
    ]),
  );
}

/** A source location in the test spec. */
export function at(line: number, column: number): SourceLocation {
  return { file: SPEC_FILE, line, column };
}

/** A lifecycle block; expressions are placed on successive lines starting at line 30, column 12. */
export function lifecycleInput(
  declaredIn: string,
  block: { aliases?: Record<string, string>; order?: string; rules?: readonly string[]; free?: readonly string[] },
): LifecycleSpecInput {
  const aliases = Object.entries(block.aliases ?? {}).map(([alias, target], i) => ({
    alias: locatedName(alias, 20 + i, 7),
    target: locatedName(target, 20 + i, 7 + alias.length + 2),
  }));
  return {
    declaredIn,
    location: at(19, 5),
    aliases,
    ...(block.order !== undefined ? { order: located(block.order, 30, 12) } : {}),
    rules: (block.rules ?? []).map((r, i) => located(r, 31 + i, 12)),
    free: (block.free ?? []).map((f, i) => locatedName(f, 40 + i, 9)),
  };
}

export const ASYNCIO_ALIASES = {
  CM: "connection_made",
  DR: "data_received",
  ER: "eof_received",
  CL: "connection_lost",
  PW: "pause_writing",
  RW: "resume_writing",
  GB: "get_buffer",
  BU: "buffer_updated",
};

/** BaseProtocol, Protocol and BufferedProtocol with their asyncio lifecycles. */
export function asyncioFixture(): { model: Model; inputs: Map<string, LifecycleSpecInput>; locations: Map<string, CallbackLocation[]> } {
  const sketches: FamilySketch[] = [
    { name: "BaseProtocol", callbacks: ["connection_made", "connection_lost", "pause_writing", "resume_writing"] },
    { name: "Protocol", parent: "BaseProtocol", callbacks: ["data_received", "eof_received"] },
    { name: "BufferedProtocol", parent: "BaseProtocol", callbacks: ["get_buffer", "buffer_updated", "eof_received"] },
  ];
  const rule = "(PW -> RW)* [-> PW]";
  const { GB: _gb, BU: _bu, ...protocolAliases } = ASYNCIO_ALIASES;
  const { DR: _dr, ...bufferedAliases } = ASYNCIO_ALIASES;
  const inputs = new Map([
    ["Protocol", lifecycleInput("Protocol", { aliases: protocolAliases, order: "start -> CM [-> DR*] [-> ER?] -> CL -> end", rules: [rule] })],
    [
      "BufferedProtocol",
      lifecycleInput("BufferedProtocol", { aliases: bufferedAliases, order: "start -> CM [-> GB [-> BU?]]* [-> ER?] -> CL -> end", rules: [rule] }),
    ],
  ]);
  return { model: makeModel(sketches), inputs, locations: callbackLocations(sketches) };
}

/** Expands alias shorthand ("CM DR CL") into TS names. */
export function calls(shorthand: string): string[] {
  if (shorthand.trim() === "") return [];
  return shorthand
    .trim()
    .split(/\s+/)
    .map((a) => camel(ASYNCIO_ALIASES[a as keyof typeof ASYNCIO_ALIASES]));
}
