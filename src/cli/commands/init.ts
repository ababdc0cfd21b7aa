/** `protoskel init [DIR]`: write a starter config and spec, never over existing files. */

import { access, mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CONFIG_FILE_NAMES } from "../../config/load.js";
import { diagnostic } from "../../diagnostics/index.js";
import { createOutput, EXIT } from "../output.js";

const CONFIG = `{
  "$schema": "./node_modules/protoskel/schema/config.schema.json",
  "specs": ["specs/*.yaml"],
  "outDir": "generated",
  "emit": { "classes": true, "docs": true, "tests": "vitest" }
}
`;

const SPEC = `# yaml-language-server: $schema=./node_modules/protoskel/schema/protoskel.schema.json
# A starter spec (type imports are relative to the generated file, generated/echo/src/).
# A starter spec: one stream protocol. Run \`npx protoskel generate\`, then read generated/echo/docs/README.md.
protoskel: 1
name: echo
summary: A small stream protocol to start from.
types:
  Transport: { from: "../../../src/transport.js", doc: "The transport a connection runs over (src/transport.ts, yours to edit)." }
families:
  StreamProtocol:
    summary: Callbacks for a byte stream connection.
    callbacks:
      connection_made:
        doc: Called once when the connection is ready; keep \`transport\` to write replies.
        params: [{ name: transport, type: Transport }]
      data_received:
        doc: Called with each chunk of bytes that arrives.
        params: [{ name: data, type: Uint8Array, doc: "The bytes received; chunk boundaries carry no meaning." }]
      eof_received:
        doc: The peer will send no more data. Return true to keep the connection half-open.
        returns: "boolean | void"
        default: "undefined"
      connection_lost:
        doc: Called once when the connection is closed.
        params: [{ name: exc, type: "Error | null", doc: "The error that closed it, or null for a normal close." }]
    lifecycle:
      aliases: { CM: connection_made, DR: data_received, ER: eof_received, CL: connection_lost }
      order: "start -> CM [-> DR*] [-> ER?] -> CL -> end"
`;

const TRANSPORT = `/** The transport your protocol writes to. Replace with your own. */
export interface Transport {
  write(data: Uint8Array): void;
  close(): void;
}
`;

export async function runInit(args: { dir?: string | undefined; quiet?: boolean | undefined }): Promise<number> {
  const output = createOutput({ quiet: args.quiet === true });
  const dir = resolve(process.cwd(), args.dir ?? ".");
  const files = [
    { path: join(dir, "protoskel.config.json"), content: CONFIG },
    { path: join(dir, "specs", "echo.yaml"), content: SPEC },
    { path: join(dir, "src", "transport.ts"), content: TRANSPORT },
  ];
  const existing: string[] = [];
  for (const name of CONFIG_FILE_NAMES) if (await exists(join(dir, name))) existing.push(join(dir, name));
  for (const f of files.slice(1)) if (await exists(f.path)) existing.push(f.path);
  if (existing.length > 0) {
    output.diagnostics(existing.map((path) => diagnostic("PSK5004", `'${path}' already exists; init never overwrites`, undefined, { hint: "Remove the file, or run init in an empty folder." })));
    return EXIT.badInput;
  }
  for (const f of files) {
    await mkdir(join(f.path, ".."), { recursive: true });
    await writeFile(f.path, f.content, { flag: "wx" });
    output.info(`created ${f.path}`);
  }
  output.info("\nNext: npx protoskel generate   (then open generated/echo/docs/README.md)");
  output.info('Generated code is ES modules (NodeNext): your package.json needs "type": "module".');
  return EXIT.ok;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
