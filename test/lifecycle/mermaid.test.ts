import { describe, expect, test } from "vitest";
import { toMermaid } from "../../src/lifecycle/index.js";
import type { Automaton } from "../../src/model/types.js";

const automaton: Automaton = {
  alphabet: ["open", "data", "ping", "close"],
  states: 3,
  initial: 0,
  accepting: [2],
  transitions: [
    { from: 0, symbol: "open", to: 1 },
    { from: 1, symbol: "data", to: 1 },
    { from: 1, symbol: "ping", to: 1 },
    { from: 1, symbol: "close", to: 2 },
  ],
};

describe("toMermaid", () => {
  test("draws the initial arrow, one edge per state pair (labels in alphabet order) and the accepting arrows", () => {
    expect(toMermaid(automaton).split("\n")).toEqual([
      "stateDiagram-v2",
      "  [*] --> s0",
      "  s0 --> s1: open",
      "  s1 --> s1: data, ping",
      "  s1 --> s2: close",
      "  s2 --> [*]",
      "",
    ]);
  });

  test("uses aliases for labels when given", () => {
    const text = toMermaid(automaton, { aliases: [{ alias: "OP", tsName: "open" }, { alias: "CL", tsName: "close" }] });
    expect(text).toContain("s0 --> s1: OP\n");
    expect(text).toContain("s1 --> s2: CL\n");
    expect(text).toContain("s1 --> s1: data, ping\n");
  });

  test("escapes characters Mermaid could read as syntax, so any identifier is safe", () => {
    const odd: Automaton = { ...automaton, alphabet: ["$on", "ünï"], transitions: [{ from: 0, symbol: "$on", to: 1 }, { from: 1, symbol: "ünï", to: 2 }] };
    const text = toMermaid(odd);
    expect(text).toContain("s0 --> s1: #36;on\n");
    expect(text).toContain("s1 --> s2: #252;n#239;\n");
    expect(text).not.toMatch(/[^\x20-\x7e\n]/);
  });

  test("is deterministic whatever the order of the transitions list", () => {
    const shuffled = { ...automaton, transitions: [...automaton.transitions].reverse() };
    expect(toMermaid(shuffled)).toBe(toMermaid(automaton));
  });
});
