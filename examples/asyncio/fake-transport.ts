// A recording stand-in for a stream transport, for the examples' tests.

import type { Transport } from "../../generated-examples/asyncio/src/index.js";

/** A Transport that records what was written and whether it was closed. */
export interface FakeTransport extends Transport {
  readonly written: Uint8Array[];
  closed: boolean;
}

/** Makes a fresh {@link FakeTransport}. */
export function fakeTransport(): FakeTransport {
  const t: FakeTransport = {
    written: [],
    closed: false,
    close: () => void (t.closed = true),
    isClosing: () => t.closed,
    getExtraInfo: (_name, fallback) => fallback,
    write: (data) => void t.written.push(data),
    writeEof: () => undefined,
    canWriteEof: () => true,
    abort: () => void (t.closed = true),
    pauseReading: () => undefined,
    resumeReading: () => undefined,
    isReading: () => true,
    getWriteBufferSize: () => 0,
    setWriteBufferLimits: () => undefined,
  };
  return t;
}
