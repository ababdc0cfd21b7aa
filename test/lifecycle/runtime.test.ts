import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { compileLifecycles, lifecycleDefinition, printLifecycleDefinition } from "../../src/lifecycle/index.js";
import type { Automaton } from "../../src/model/types.js";
import { asyncioFixture, calls } from "./helpers.js";
import { HEADER, compileStrict, loadRuntime, renderRuntime, type RuntimeModule } from "./runtime.js";

let protocol: Automaton;
let runtime: RuntimeModule;
beforeAll(async () => {
  const f = asyncioFixture();
  protocol = compileLifecycles(f.model, f.inputs, f.locations).model.families.find((x) => x.name === "Protocol")!.lifecycle!.monitor;
  runtime = await loadRuntime();
});

/** A family module and a user of the monitor, as the emitter and a user would write them. */
function familyModule(): string {
  return [
    'import type { LifecycleDefinition } from "./lifecycle.js";',
    "",
    "export class Protocol {",
    "  readonly log: string[] = [];",
    "  connectionMade(transport: string): void { this.log.push(`made ${transport}`); }",
    "  dataReceived(data: Uint8Array): number { this.log.push(`data ${data.length}`); return data.length; }",
    "  eofReceived(): boolean | void { this.log.push('eof'); return true; }",
    "  connectionLost(exc: Error | null): void { this.log.push(`lost ${exc === null}`); }",
    "  pauseWriting(): void {}",
    "  resumeWriting(): void {}",
    "}",
    "",
    `export const ProtocolLifecycle: LifecycleDefinition = ${printLifecycleDefinition(lifecycleDefinition("Protocol", protocol))};`,
    "",
  ].join("\n");
}

const USER = `
import { LifecycleError, LifecycleMonitor, monitored, monitorOf } from "./lifecycle.js";
import { Protocol, ProtocolLifecycle } from "./Protocol.js";

export function drive(): { log: readonly string[]; complete: boolean; error: string } {
  const p = monitored(new Protocol(), ProtocolLifecycle);
  p.connectionMade("tcp");
  const n: number = p.dataReceived(new Uint8Array(3));
  const keep: boolean | void = p.eofReceived();
  p.connectionLost(null);
  const m: LifecycleMonitor | undefined = monitorOf(p);
  let error = "";
  try {
    p.dataReceived(new Uint8Array(n));
  } catch (e) {
    if (e instanceof LifecycleError) error = e.call + ":" + e.expected.length + ":" + String(keep);
  }
  return { log: p.log, complete: m?.complete ?? false, error };
}
`;

describe("the runtime monitor template", () => {
  test("renders deterministically, header first, with no imports", async () => {
    const text = await renderRuntime();
    expect(text.startsWith(`${HEADER}\n`)).toBe(true);
    expect(await renderRuntime()).toBe(text);
    expect(text).not.toMatch(/^\s*import\b/m);
    expect(text).not.toMatch(/\brequire\(/);
    expect(text).not.toContain("new Proxy");
  });

  test("compiles strictly next to a family module and a user, and works end to end", async () => {
    const result = await compileStrict({
      "lifecycle.ts": await renderRuntime(),
      "Protocol.ts": familyModule(),
      "user.ts": USER,
    });
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
    const user = (await import(pathToFileURL(join(result.dir, "out/user.js")).href)) as {
      drive(): { log: string[]; complete: boolean; error: string };
    };
    expect(user.drive()).toEqual({ log: ["made tcp", "data 3", "eof", "lost true"], complete: true, error: "dataReceived:0:true" });
  });

  test("the strict harness does reject bad code (so passing means something)", async () => {
    const result = await compileStrict({ "bad.ts": "export function f(x: number) { const unused = 1; return x; }\n" });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/TS6133|TS9007/);
  });
});

describe("LifecycleMonitor and monitored", () => {
  test("history, callCount, expected and reset", () => {
    const m = new runtime.LifecycleMonitor(lifecycleDefinition("Protocol", protocol));
    expect(m.expected).toEqual(["connectionMade"]);
    calls("CM DR DR").forEach((c) => m.step(c));
    expect(m.history).toEqual(calls("CM DR DR"));
    expect(m.callCount).toBe(3);
    m.reset();
    expect([m.state, m.callCount, m.history.length, m.complete]).toEqual([0, 0, 0, false]);
  });

  test("history keeps the latest 16 calls of a long lifecycle, and the error says how many came before", () => {
    const m = new runtime.LifecycleMonitor(lifecycleDefinition("Protocol", protocol));
    m.step("connectionMade");
    for (let i = 0; i < 40; i++) m.step("dataReceived");
    expect(m.history).toEqual(Array(16).fill("dataReceived"));
    expect(() => m.step("connectionMade")).toThrow(/after …, dataReceived.*\(41 calls\)/);
  });

  test("an unknown callback name is an error too", () => {
    const m = new runtime.LifecycleMonitor(lifecycleDefinition("Protocol", protocol));
    expect(() => m.step("bogus")).toThrow(runtime.LifecycleError);
  });

  test("monitored passes arguments, results and `this` through, blocks illegal calls, and keeps other members", () => {
    class Impl {
      seen: unknown[] = [];
      readonly label = "impl";
      connectionMade(t: string): string {
        this.seen.push(t);
        return `ok ${t}`;
      }
      dataReceived(d: number): void {
        this.seen.push(d);
      }
      connectionLost(): void {
        this.seen.push("lost");
      }
      helper(): string {
        return this.label;
      }
    }
    const impl = new Impl();
    const p = runtime.monitored(impl, lifecycleDefinition("Protocol", protocol));
    expect(() => p.dataReceived(1)).toThrow(runtime.LifecycleError);
    expect(impl.seen).toEqual([]); // the illegal call never reached the instance
    expect(p.connectionMade("x")).toBe("ok x");
    p.dataReceived(2);
    expect(p.helper()).toBe("impl");
    expect(p.label).toBe("impl");
    expect(runtime.monitorOf(p)!.complete).toBe(false);
    p.connectionLost();
    expect(runtime.monitorOf(p)!.complete).toBe(true);
    expect(impl.seen).toEqual(["x", 2, "lost"]);
    expect(runtime.monitorOf(impl)).toBeUndefined();
  });
});

test("monitored keeps private fields, accessors and field writes on the real instance", () => {
  class Secretive {
    #secret = 1;
    count = 0;
    get secret(): number {
      return this.#secret;
    }
    bump(): number {
      this.#secret += 1;
      return this.#secret;
    }
    connectionMade(): void {
      this.#secret = 10;
    }
  }
  const real = new Secretive();
  const p = runtime.monitored(real, lifecycleDefinition("Protocol", protocol));
  expect(p).toBeInstanceOf(Secretive);
  expect(p.bump()).toBe(2);
  p.connectionMade();
  expect(p.secret).toBe(10);
  p.count = 5;
  expect(real.count).toBe(5);
  expect(Object.keys(p)).toEqual([]);
});

describe("lifecycleDefinition and its printer", () => {
  test("the printed literal holds exactly the definition", () => {
    const definition = lifecycleDefinition("Protocol", protocol);
    const printed = printLifecycleDefinition(definition);
    const asJson = printed.replace(/\/\/.*$/gm, "").replace(/(\w+):/g, '"$1":').replace(/,(\s*[\]}])/g, "$1");
    expect(JSON.parse(asJson)).toEqual(definition);
    expect(definition.delta).toHaveLength(protocol.states);
    expect(definition.delta.flat().filter((t) => t >= 0)).toHaveLength(protocol.transitions.length);
  });

  test("names are quoted safely", () => {
    const printed = printLifecycleDefinition(
      lifecycleDefinition('Odd"Name', { alphabet: ["a$b", "ünï"], states: 1, initial: 0, accepting: [0], transitions: [] }),
    );
    expect(printed).toContain('family: "Odd\\"Name"');
    expect(printed).toContain('alphabet: ["a$b", "ünï"]');
  });
});
