import type { GeneratedFile } from "../../../src/write/types.js";

/** A TypeScript output file with the given content. */
export function ts(path: string, content: string): GeneratedFile {
  return { path, content, parser: "typescript" };
}

/** A small, already formatted output set such as one spec produces. */
export function sampleOutput(): GeneratedFile[] {
  return [
    ts("src/Protocol.ts", "export abstract class Protocol {}\n"),
    ts("src/index.ts", 'export * from "./Protocol.js";\n'),
    { path: "docs/README.md", content: "# Protocols\n", parser: "markdown" },
    ts("test/Protocol.test.ts", 'import { test } from "vitest";\ntest.todo("Protocol");\n'),
  ];
}
