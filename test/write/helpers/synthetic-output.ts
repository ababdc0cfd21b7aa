import type { GeneratedFile } from "../../../src/write/types.js";

/**
 * Emitter-like output for `families` families × `callbacks` documented callbacks: a class
 * file, a docs page and a test file each, deliberately not in Prettier's style so that
 * formatting has work to do. Used to exercise (and time) the parallel formatter.
 */
export function syntheticOutput(families: number, callbacks: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (let f = 0; f < families; f++) {
    const name = `Family${f}`;
    const methods = Array.from({ length: callbacks }, (_, c) => [
      `  /**`,
      `   * Called when event ${c} of ${name} happens; the transport may ${c % 2 ? "pause" : "resume"} reading.`,
      `   * @param data the bytes received, never empty`,
      `   * @param meta extra information about the event`,
      `   */`,
      `  cb${c}( data:Uint8Array,meta: {readonly source:string;readonly at:number} ):void{ }`,
    ].join("\n"));
    files.push({
      path: `src/${name}.ts`,
      parser: "typescript",
      content: `// generated\nexport abstract class ${name}Base {\n${methods.join("\n")}\n}\nexport const ${name}Lifecycle = {states:[${Array.from({ length: callbacks }, (_, c) => `"s${c}"`).join(",")}]} as const;\n`,
    });
    files.push({
      path: `docs/${name}.md`,
      parser: "markdown",
      content: `# ${name}\n\n|callback|params|\n|---|---|\n${Array.from({ length: callbacks }, (_, c) => `|cb${c}|data, meta|`).join("\n")}\n\n${Array.from({ length: callbacks }, (_, c) => `## cb${c}\nCalled when event ${c} happens.\n* data\n* meta\n`).join("\n")}`,
    });
    files.push({
      path: `test/${name}.test.ts`,
      parser: "typescript",
      content: `import {test} from "vitest"\n${Array.from({ length: callbacks }, (_, c) => `test.todo( "cb${c} does its job" )`).join("\n")}\n`,
    });
  }
  return files;
}
