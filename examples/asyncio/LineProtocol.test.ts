// created by protoskel scaffold; yours to edit. It implements Protocol from the spec "specs/asyncio.yaml".

import { describe, expect, it } from "vitest";
import { ProtocolLifecycle } from "../../generated-examples/asyncio/src/Protocol.js";
import {
  LifecycleError,
  LifecycleMonitor,
  monitorOf,
  monitored,
} from "../../generated-examples/asyncio/src/lifecycle.js";
import { LineProtocol } from "./LineProtocol.js";
import { fakeTransport } from "./fake-transport.js";

/** The callbacks of Protocol, inherited ones included. */
type Callback =
  | "connectionMade"
  | "connectionLost"
  | "pauseWriting"
  | "resumeWriting"
  | "dataReceived"
  | "eofReceived";

/** What each callback receives in these tests. Checked against LineProtocol's signatures, so a signature change shows up here. */
const ARGS = {
  connectionMade: [fakeTransport()],
  connectionLost: [null],
  pauseWriting: [],
  resumeWriting: [],
  dataReceived: [new Uint8Array(0)],
  eofReceived: [],
} satisfies { readonly [K in Callback]: Parameters<LineProtocol[K]> };

/** One call that reached the class, with what it received. */
interface Received {
  readonly callback: Callback;
  readonly args: readonly unknown[];
}

/** Puts a recorder in front of each callback of `instance`: it logs the call and its arguments, then runs the callback. */
function recorded(instance: LineProtocol, received: Received[]): LineProtocol {
  for (const callback of Object.keys(ARGS) as Callback[]) {
    const method = Reflect.get(instance, callback) as (
      ...args: unknown[]
    ) => unknown;
    Reflect.set(instance, callback, (...args: unknown[]): unknown => {
      received.push({ callback, args });
      return Reflect.apply(method, instance, args);
    });
  }
  return instance;
}

/** Calls `callback` on `target` with its arguments from ARGS. */
function call(target: LineProtocol, callback: Callback): void {
  Reflect.apply(
    Reflect.get(target, callback) as (...args: unknown[]) => unknown,
    target,
    ARGS[callback],
  );
}

/** Drives a monitored LineProtocol along `path`; returns what its callbacks received and whether the lifecycle is complete. */
function walk(path: readonly Callback[]): {
  received: Received[];
  complete: boolean;
} {
  const received: Received[] = [];
  const instance = monitored(
    recorded(new LineProtocol(), received),
    ProtocolLifecycle,
  );
  const monitor = new LifecycleMonitor(ProtocolLifecycle);
  for (const callback of path) {
    monitor.step(callback);
    call(instance, callback);
  }
  return { received, complete: monitor.complete };
}

describe("LineProtocol", () => {
  describe("follows every legal lifecycle of Protocol", () => {
    it("connectionMade → connectionLost", () => {
      const path: Callback[] = ["connectionMade", "connectionLost"];
      const { received, complete } = walk(path);
      expect(complete).toBe(true);
      expect(received).toEqual(
        path.map((callback) => ({ callback, args: ARGS[callback] })),
      );
    });
    it("connectionMade → pauseWriting → connectionLost", () => {
      const path: Callback[] = [
        "connectionMade",
        "pauseWriting",
        "connectionLost",
      ];
      const { received, complete } = walk(path);
      expect(complete).toBe(true);
      expect(received).toEqual(
        path.map((callback) => ({ callback, args: ARGS[callback] })),
      );
    });
    it("connectionMade → dataReceived → eofReceived → connectionLost", () => {
      const path: Callback[] = [
        "connectionMade",
        "dataReceived",
        "eofReceived",
        "connectionLost",
      ];
      const { received, complete } = walk(path);
      expect(complete).toBe(true);
      expect(received).toEqual(
        path.map((callback) => ({ callback, args: ARGS[callback] })),
      );
    });
    it("connectionMade → pauseWriting → resumeWriting → pauseWriting → dataReceived → eofReceived → connectionLost", () => {
      const path: Callback[] = [
        "connectionMade",
        "pauseWriting",
        "resumeWriting",
        "pauseWriting",
        "dataReceived",
        "eofReceived",
        "connectionLost",
      ];
      const { received, complete } = walk(path);
      expect(complete).toBe(true);
      expect(received).toEqual(
        path.map((callback) => ({ callback, args: ARGS[callback] })),
      );
    });
    it("connectionMade → eofReceived → pauseWriting → resumeWriting → connectionLost", () => {
      const path: Callback[] = [
        "connectionMade",
        "eofReceived",
        "pauseWriting",
        "resumeWriting",
        "connectionLost",
      ];
      const { received, complete } = walk(path);
      expect(complete).toBe(true);
      expect(received).toEqual(
        path.map((callback) => ({ callback, args: ARGS[callback] })),
      );
    });
  });

  describe("behaviour", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);

    it("splits lines across chunk boundaries and strips CR", () => {
      const p = new LineProtocol();
      const m = monitored(p, ProtocolLifecycle);
      m.connectionMade(fakeTransport());
      m.dataReceived(bytes("one\r\ntw"));
      m.dataReceived(bytes("o\nthr"));
      expect(p.lines).toEqual(["one", "two"]);
      expect(m.eofReceived()).toBe(true);
      expect(p.lines).toEqual(["one", "two", "thr"]);
      m.connectionLost(null);
      expect(monitorOf(m)?.complete).toBe(true);
    });

    it("decodes a multi-byte character split between chunks", () => {
      const lines: string[] = [];
      const p = monitored(new LineProtocol((l) => lines.push(l)), ProtocolLifecycle);
      p.connectionMade(fakeTransport());
      const euro = bytes("€\n");
      p.dataReceived(euro.subarray(0, 1));
      p.dataReceived(euro.subarray(1));
      expect(lines).toEqual(["€"]);
    });

    it("the monitor rejects data after EOF", () => {
      const p = monitored(new LineProtocol(), ProtocolLifecycle);
      p.connectionMade(fakeTransport());
      p.eofReceived();
      expect(() => p.dataReceived(bytes("x\n"))).toThrow(LifecycleError);
    });
  });
});
