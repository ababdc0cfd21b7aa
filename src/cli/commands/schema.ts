/** `protoskel schema`: print the spec format's JSON Schema. */

import { specJsonSchema } from "../../spec/schema.js";
import { EXIT } from "../output.js";

export async function runSchema(): Promise<number> {
  process.stdout.write(`${JSON.stringify(specJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
