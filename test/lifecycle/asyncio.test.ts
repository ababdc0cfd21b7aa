import { beforeAll, describe, expect, test } from "vitest";
import { accepts, run } from "../../src/lifecycle/dfa.js";
import { fromAutomaton } from "../../src/lifecycle/automaton.js";
import { compileLifecycles, lifecycleDefinition } from "../../src/lifecycle/index.js";
import type { FamilyLifecycle } from "../../src/model/types.js";
import { asyncioFixture, calls } from "./helpers.js";
import { loadRuntime, type RuntimeModule } from "./runtime.js";

let runtime: RuntimeModule;
let lifecycles: Map<string, FamilyLifecycle>;
beforeAll(async () => {
  runtime = await loadRuntime();
  const f = asyncioFixture();
  const result = compileLifecycles(f.model, f.inputs, f.locations);
  expect(result.diagnostics).toEqual([]);
  lifecycles = new Map(result.model.families.flatMap((fam) => (fam.lifecycle ? [[fam.name, fam.lifecycle] as const] : [])));
});

const legal: [string, string][] = [
  ["Protocol", "CM CL"],
  ["Protocol", "CM DR DR ER CL"],
  ["Protocol", "CM PW DR RW DR CL"],
  ["BufferedProtocol", "CM GB BU GB GB BU ER CL"],
];

describe("asyncio lifecycles", () => {
  test("BaseProtocol declares no lifecycle and gets none", () => {
    expect(lifecycles.has("BaseProtocol")).toBe(false);
    expect([...lifecycles.keys()]).toEqual(["Protocol", "BufferedProtocol"]);
  });

  test.each(legal)("%s: %s is a whole legal lifecycle", (family, shorthand) => {
    const lifecycle = lifecycles.get(family)!;
    expect(accepts(fromAutomaton(lifecycle.monitor), calls(shorthand))).toBe(true);
    const monitor = new runtime.LifecycleMonitor(lifecycleDefinition(family, lifecycle.monitor));
    for (const call of calls(shorthand)) {
      expect(monitor.complete).toBe(false);
      monitor.step(call);
    }
    expect(monitor.complete).toBe(true);
  });

  // [sequence, index of the first rejected call, phrases the error message must contain]
  const illegal: [string, number, string[]][] = [
    ["DR CM CL", 0, ["illegal call dataReceived", "state 0", "before any call", "expected connectionMade"]],
    ["CM CL DR", 2, ["illegal call dataReceived", "after connectionMade, connectionLost", "the lifecycle is over"]],
    ["CM ER DR CL", 2, ["illegal call dataReceived", "after connectionMade, eofReceived", "connectionLost", "pauseWriting"]],
    ["CM CL CL", 2, ["illegal call connectionLost", "the lifecycle is over"]],
    ["CM PW PW CL", 2, ["illegal call pauseWriting", "after connectionMade, pauseWriting", "resumeWriting"]],
    ["CM RW CL", 1, ["illegal call resumeWriting", "after connectionMade (1 call)"]],
  ];

  test.each(illegal)("Protocol: %s is rejected at call %i with a clear message", (shorthand, at, phrases) => {
    const sequence = calls(shorthand);
    const lifecycle = lifecycles.get("Protocol")!;
    expect(run(fromAutomaton(lifecycle.monitor), sequence.slice(0, at))).not.toBeUndefined();
    expect(run(fromAutomaton(lifecycle.monitor), sequence.slice(0, at + 1))).toBeUndefined();

    const monitor = new runtime.LifecycleMonitor(lifecycleDefinition("Protocol", lifecycle.monitor));
    sequence.slice(0, at).forEach((call) => monitor.step(call));
    const before = monitor.state;
    let error: (Error & { call?: string; state?: number; expected?: readonly string[]; calls?: readonly string[] }) | undefined;
    try {
      monitor.step(sequence[at]!);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error).toBeInstanceOf(runtime.LifecycleError);
    expect(error!.message).toContain("Protocol lifecycle");
    for (const phrase of phrases) expect(error!.message).toContain(phrase);
    expect(error!.call).toBe(sequence[at]);
    expect(error!.state).toBe(before);
    expect(error!.calls).toEqual(sequence.slice(0, at));
    expect(error!.expected).toEqual(monitor.expected);
    expect(error!.expected).not.toContain(sequence[at]);
    expect(monitor.state).toBe(before); // the rejected call is not applied
  });

  test("pauses and resumes alternate: the expected calls after a pause exclude another pause", () => {
    const monitor = new runtime.LifecycleMonitor(lifecycleDefinition("Protocol", lifecycles.get("Protocol")!.monitor));
    calls("CM PW").forEach((c) => monitor.step(c));
    expect(monitor.expected).toEqual(calls("CL DR ER RW").sort((a, b) => order(a) - order(b)));
  });

  test("the generated illegal paths include each category the spec asks for, with reasons", () => {
    const paths = lifecycles.get("Protocol")!.illegalPaths;
    const find = (shorthand: string) => paths.find((p) => p.calls.join(" ") === calls(shorthand).join(" "));
    expect(find("DR")?.reason).toMatch(/dataReceived.*connectionMade/); // skipped first term
    expect(find("PW")?.reason).toContain("before the lifecycle starts");
    expect(find("CM CL CL")?.reason).toContain("a second `connectionLost`");
    expect(find("CM CL CM")?.reason).toContain("after the lifecycle ended");
    expect(find("CM RW")?.reason).toContain("breaks the rule");
    expect(find("CM PW PW")?.reason).toContain("breaks the rule");
  });

  test("the legal paths of BufferedProtocol take every transition", () => {
    const lifecycle = lifecycles.get("BufferedProtocol")!;
    const dfa = fromAutomaton(lifecycle.monitor);
    const taken = new Set<string>();
    for (const path of lifecycle.legalPaths) {
      let state = dfa.initial;
      for (const call of path.calls) {
        taken.add(`${state} ${call}`);
        state = dfa.delta[state]![dfa.alphabet.indexOf(call)]!;
      }
      expect(dfa.accepting[state]).toBe(true);
    }
    expect(taken.size).toBe(lifecycle.monitor.transitions.length);
  });
});

const FAMILY_ORDER = calls("CM CL PW RW DR ER");
function order(name: string): number {
  return FAMILY_ORDER.indexOf(name);
}
