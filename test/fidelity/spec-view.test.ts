/** The small spec reader the fidelity checks use, on made-up documents. */

import { describe, expect, it } from "vitest";
import { camelCase, effectiveCallbacks, specViewFromDocument, tsNameOf } from "./spec-view.js";

const DOCUMENT = {
  naming: { members: "camelCase" },
  families: {
    Root: {
      callbacks: {
        opened: { params: [{ name: "handle" }] },
        closed: { params: [{ name: "err" }] },
      },
    },
    Leaf: {
      extends: "Root",
      callbacks: {
        got_data: { params: [{ name: "chunk_bytes" }], tsName: "onData" },
        opened: { doc: "refined, params left out" },
        closed: { params: [{ name: "reason" }] },
      },
    },
  },
};

describe("spec view", () => {
  const view = specViewFromDocument(DOCUMENT);

  it("lists inherited callbacks first, in declaration order, each in its nearest declaration", () => {
    expect(effectiveCallbacks(view, "Leaf").map((c) => [c.name, c.params])).toEqual([
      ["opened", ["handle"]],
      ["closed", ["reason"]],
      ["got_data", ["chunk_bytes"]],
    ]);
    expect(effectiveCallbacks(view, "Root").map((c) => c.name)).toEqual(["opened", "closed"]);
  });

  it("applies the naming rule unless a tsName is given", () => {
    const [gotData] = effectiveCallbacks(view, "Leaf").filter((c) => c.name === "got_data");
    expect(tsNameOf(view, "connection_made")).toBe("connectionMade");
    expect(tsNameOf(view, "got_data", gotData?.tsName)).toBe("onData");
    const preserved = specViewFromDocument({ ...DOCUMENT, naming: { members: "preserve" } });
    expect(tsNameOf(preserved, "connection_made")).toBe("connection_made");
  });

  it("camel-cases snake_case and leaves other names alone", () => {
    expect(camelCase("pipe_data_received")).toBe("pipeDataReceived");
    expect(camelCase("sizehint")).toBe("sizehint");
    expect(camelCase("_private_thing")).toBe("_privateThing");
  });

  it("reads a malformed document as empty instead of throwing", () => {
    expect(specViewFromDocument("not a spec").families).toEqual([]);
    expect(specViewFromDocument({ families: { Broken: 3 } }).families[0]?.callbacks).toEqual([]);
  });
});
