// created by protoskel scaffold; yours to edit. It implements Protocol from the spec "specs/asyncio.yaml".

import { describe, expect, it } from "vitest";
import { ProtocolLifecycle } from "../../generated-examples/asyncio/src/Protocol.js";
import {
  LifecycleError,
  LifecycleMonitor,
  monitorOf,
  monitored,
} from "../../generated-examples/asyncio/src/lifecycle.js";
import { EchoProtocol } from "./EchoProtocol.js";
import { fakeTransport } from "./fake-transport.js";

/** The callbacks of Protocol, inherited ones included. */
type Callback =
  | "connectionMade"
  | "connectionLost"
  | "pauseWriting"
  | "resumeWriting"
  | "dataReceived"
  | "eofReceived";

/** What each callback receives in these tests. Checked against EchoProtocol's signatures, so a signature change shows up here. */
const ARGS = {
  connectionMade: [fakeTransport()],
  connectionLost: [null],
  pauseWriting: [],
  resumeWriting: [],
  dataReceived: [new Uint8Array(0)],
  eofReceived: [],
} satisfies { readonly [K in Callback]: Parameters<EchoProtocol[K]> };

/** One call that reached the class, with what it received. */
interface Received {
  readonly callback: Callback;
  readonly args: readonly unknown[];
}

/** Puts a recorder in front of each callback of `instance`: it logs the call and its arguments, then runs the callback. */
function recorded(instance: EchoProtocol, received: Received[]): EchoProtocol {
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
function call(target: EchoProtocol, callback: Callback): void {
  Reflect.apply(
    Reflect.get(target, callback) as (...args: unknown[]) => unknown,
    target,
    ARGS[callback],
  );
}

/** Drives a monitored EchoProtocol along `path`; returns what its callbacks received and whether the lifecycle is complete. */
function walk(path: readonly Callback[]): {
  received: Received[];
  complete: boolean;
} {
  const received: Received[] = [];
  const instance = monitored(
    recorded(new EchoProtocol(), received),
    ProtocolLifecycle,
  );
  const monitor = new LifecycleMonitor(ProtocolLifecycle);
  for (const callback of path) {
    monitor.step(callback);
    call(instance, callback);
  }
  return { received, complete: monitor.complete };
}

describe("EchoProtocol", () => {
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
    const text = (chunks: readonly Uint8Array[]) => chunks.map((c) => new TextDecoder().decode(c)).join("");

    it("echoes each chunk back, in order", () => {
      const transport = fakeTransport();
      const p = monitored(new EchoProtocol(), ProtocolLifecycle);
      p.connectionMade(transport);
      p.dataReceived(bytes("hello "));
      p.dataReceived(bytes("world"));
      p.connectionLost(null);
      expect(text(transport.written)).toBe("hello world");
      expect(monitorOf(p)?.complete).toBe(true);
    });

    it("queues while writing is paused and flushes on resume", () => {
      const transport = fakeTransport();
      const p = monitored(new EchoProtocol(), ProtocolLifecycle);
      p.connectionMade(transport);
      p.pauseWriting();
      p.dataReceived(bytes("a"));
      p.dataReceived(bytes("b"));
      expect(transport.written).toEqual([]);
      p.resumeWriting();
      expect(text(transport.written)).toBe("ab");
      p.connectionLost(null);
    });

    it("flushes queued data at EOF and lets the transport close", () => {
      const transport = fakeTransport();
      const p = monitored(new EchoProtocol(), ProtocolLifecycle);
      p.connectionMade(transport);
      p.pauseWriting();
      p.dataReceived(bytes("tail"));
      expect(p.eofReceived()).toBe(false);
      expect(text(transport.written)).toBe("tail");
    });

    it("the monitor rejects data after the connection is lost", () => {
      const p = monitored(new EchoProtocol(), ProtocolLifecycle);
      p.connectionMade(fakeTransport());
      p.connectionLost(null);
      expect(() => p.dataReceived(bytes("late"))).toThrow(LifecycleError);
    });

    it("the monitor rejects a second pause without a resume", () => {
      const p = monitored(new EchoProtocol(), ProtocolLifecycle);
      p.connectionMade(fakeTransport());
      p.pauseWriting();
      expect(() => p.pauseWriting()).toThrow(/pauseWriting/);
    });
  });
});
