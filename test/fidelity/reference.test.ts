/** The reference-text reader, on small made-up pages (runs with or without the real reference). */

import { describe, expect, it } from "vitest";
import { parseReference } from "./reference.js";

const PAGE = [
  "Back to module index",
  "",
  "demo.module",
  "",
  "Classes",
  "",
  "Root",
  "",
  "Shared callbacks.",
  "    More about them.",
  "opened(self, handle)",
  "",
  "  Called on open.",
  "closed(self, err)",
  "",
  "  Called on close.",
  "",
  "Leaf",
  "",
  "A leaf.",
  "",
  "    State machine of calls:",
  "",
  "      start -> OP [-> GOT*] -> CL -> end",
  "",
  "    * OP: opened()",
  "    * GOT: got()",
  "    * CL: closed()",
  "",
  "closed(self, err)",
  "",
  "  Called on close.",
  "got(self, first, second=None, *rest)",
  "",
  "  Called with data.",
  "opened(self, handle)",
  "",
  "  Called on open.",
  "",
  "Stated(Root)",
  "",
  "Says its base.",
  "only(self)",
  "",
  "  Alone.",
].join("\n");

describe("parseReference", () => {
  const classes = parseReference(PAGE);
  const byName = (name: string) => classes.find((c) => c.name === name);

  it("finds the classes in page order, with their methods and parameters", () => {
    expect(classes.map((c) => c.name)).toEqual(["Root", "Leaf", "Stated"]);
    expect(byName("Leaf")?.methods.map((m) => [m.name, m.params])).toEqual([
      ["closed", ["err"]],
      ["got", ["first", "second", "rest"]],
      ["opened", ["handle"]],
    ]);
  });

  it("infers a base from repeated methods, and takes a stated one as given", () => {
    expect(byName("Leaf")).toMatchObject({ base: "Root", baseSource: "inferred" });
    expect(byName("Root")).toMatchObject({ baseSource: "none" });
    expect(byName("Root")?.base).toBeUndefined();
    expect(byName("Stated")).toMatchObject({ base: "Root", baseSource: "stated" });
  });

  it("does not infer a base when an inherited-looking method's docs differ", () => {
    // Leaf's copy of `opened` is the last method before the `Stated` heading.
    const altered = parseReference(PAGE.replace("Called on open.\n\nStated", "Opened differently.\n\nStated"));
    expect(altered).not.toEqual(classes);
    expect(altered.find((c) => c.name === "Leaf")?.base).toBeUndefined();
  });

  it("reads a stated state machine and its legend", () => {
    const machine = byName("Leaf")?.stateMachine;
    expect(machine?.order).toBe("start -> OP [-> GOT*] -> CL -> end");
    expect([...(machine?.aliases ?? [])]).toEqual([
      ["OP", "opened"],
      ["GOT", "got"],
      ["CL", "closed"],
    ]);
    expect(byName("Root")?.stateMachine).toBeUndefined();
  });

  it("returns nothing for text without a Classes section", () => {
    expect(parseReference("just some prose\n\nNoClasses\n")).toEqual([]);
  });
});
