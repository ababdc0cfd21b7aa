// created by protoskel scaffold; yours to edit. It implements Protocol from the spec "specs/asyncio.yaml".

import { Protocol } from "../../generated-examples/asyncio/src/Protocol.js";
import type { BaseTransport } from "../../generated-examples/asyncio/src/index.js";

/**
 * Splits the byte stream into lines (`\n`, with an optional `\r` before it) and hands each
 * complete line to `onLine`. Chunk boundaries carry no meaning, so a line may arrive in
 * pieces; the last unterminated line is delivered at EOF. Keeps the connection half-open
 * after EOF (returns true) so the application can still answer.
 */
export class LineProtocol extends Protocol {
  private readonly decoder = new TextDecoder();
  private pending = "";
  /** The lines received, in order (the default `onLine` collects them). */
  readonly lines: string[] = [];

  private readonly onLine: (line: string) => void;

  constructor(onLine?: (line: string) => void) {
    super();
    this.onLine = onLine ?? ((line) => void this.lines.push(line));
  }

  override connectionMade(transport: BaseTransport): void {
    void transport;
    this.pending = "";
  }

  override connectionLost(exc: Error | null): void {
    void exc;
    this.pending = "";
  }

  override dataReceived(data: Uint8Array): void {
    this.pending += this.decoder.decode(data, { stream: true });
    let newline = this.pending.indexOf("\n");
    while (newline >= 0) {
      this.onLine(this.pending.slice(0, newline).replace(/\r$/, ""));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf("\n");
    }
  }

  override eofReceived(): boolean | void {
    this.pending += this.decoder.decode();
    if (this.pending !== "") this.onLine(this.pending);
    this.pending = "";
    return true;
  }
}
