// Writes schema/protoskel.schema.json and schema/config.schema.json from the zod schemas
// (via dist/; run `npm run build` first). test/spec/schema.test.ts keeps them in step.
import { writeFileSync } from "node:fs";
import { specJsonSchema } from "../dist/spec/schema.js";
import { configJsonSchema } from "../dist/config/schema.js";

const write = (name, value) => writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(value, null, 2)}\n`);
write("protoskel.schema.json", specJsonSchema());
write("config.schema.json", configJsonSchema());
