// created by protoskel scaffold; yours to edit. It implements Protocol from the spec "specs/asyncio.yaml".

import { Protocol } from "../../generated-examples/asyncio/src/Protocol.js";
import type { BaseTransport, Transport } from "../../generated-examples/asyncio/src/index.js";

/**
 * Echoes every chunk back to the peer. Honours flow control: while the transport has asked
 * it to pause writing, chunks are queued and sent when it resumes. On EOF it lets the
 * transport close (returns false), which flushes what is queued first.
 */
export class EchoProtocol extends Protocol {
  private transport: Transport | undefined;
  private paused = false;
  private readonly queued: Uint8Array[] = [];
  /** Bytes echoed so far (for logging and tests). */
  echoed = 0;

  override connectionMade(transport: BaseTransport): void {
    // A stream protocol is always handed a stream transport (see the spec's docs).
    this.transport = transport as Transport;
  }

  override connectionLost(exc: Error | null): void {
    void exc;
    this.transport = undefined;
    this.queued.length = 0;
  }

  override pauseWriting(): void {
    this.paused = true;
  }

  override resumeWriting(): void {
    this.paused = false;
    for (const chunk of this.queued.splice(0)) this.send(chunk);
  }

  override dataReceived(data: Uint8Array): void {
    if (this.paused) this.queued.push(data);
    else this.send(data);
  }

  override eofReceived(): boolean | void {
    for (const chunk of this.queued.splice(0)) this.send(chunk);
    return false;
  }

  private send(chunk: Uint8Array): void {
    this.transport?.write(chunk);
    this.echoed += chunk.byteLength;
  }
}
