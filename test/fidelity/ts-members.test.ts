/** The TypeScript method finder, on hand-written snippets shaped like generated classes. */

import { describe, expect, it } from "vitest";
import { methodTable } from "./ts-members.js";

const SOURCE = `
/**
 * Mentions connectionLost(exc) and datagramReceived(data) in prose only.
 */
export interface DemoCallbacks {
  connectionMade(transport: Transport): void;
  eofReceived?(): boolean | void;
}

export abstract class Demo extends Base implements DemoCallbacks {
  // pipeDataReceived(fd, data): a comment, not a declaration
  override connectionMade(transport: Transport): void {}
  abstract getBuffer(sizehint: number): Uint8Array;
  public datagramReceived(data: Uint8Array, addr: readonly [host: string, port: number] | string): void {
    helper(data);
    if (addr) {
      return;
    }
  }
  withCallback<T>(cb: (x: T, y: number) => void, ...rest: T[]): void {}
  label = "notAMethod(a, b): string";
}
`;

describe("methodTable", () => {
  const table = methodTable(SOURCE);

  it("lists interface and class declarations with their parameter names", () => {
    expect(table.get("connectionMade")).toEqual([["transport"], ["transport"]]);
    expect(table.get("eofReceived")).toEqual([[]]);
    expect(table.get("getBuffer")).toEqual([["sizehint"]]);
  });

  it("splits parameters only at top-level commas, through tuples and function types", () => {
    expect(table.get("datagramReceived")).toEqual([["data", "addr"]]);
    expect(table.get("withCallback")).toEqual([["cb", "rest"]]);
  });

  it("ignores comments, strings, calls and control flow", () => {
    for (const name of ["connectionLost", "pipeDataReceived", "notAMethod", "helper", "if"]) {
      expect(table.has(name), name).toBe(false);
    }
  });
});
