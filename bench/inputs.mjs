// The benchmark's inputs: a protoskel spec of N families × M documented callbacks with
// lifecycles, and the same interfaces as a JSON Schema and an OpenAPI document for the peers
// (each family an object type, each callback a documented property holding a function-like
// description: the closest thing those formats have to a documented method).

/** Deterministic, readable names and prose for family `f`, callback `c`. */
const family = (f) => `Channel${String(f).padStart(4, "0")}`;
const callback = (c) => `event_${String(c).padStart(2, "0")}_happened`;
const doc = (f, c) => `Called when event ${c} happens on channel ${f}.`;

/** A protoskel spec (YAML text) of `families` × `callbacks` documented callbacks, each family with a lifecycle. */
export function protoskelSpec(families, callbacks) {
  const out = [
    "protoskel: 1",
    `name: bench${families}`,
    `summary: Generated benchmark input, ${families} families of ${callbacks} callbacks.`,
    "types:",
    "  Payload:",
    "    doc: The data one event carries.",
    "    interface:",
    '      id: { type: "number", doc: "Which event this is." }',
    '      body: { type: "Uint8Array", doc: "The bytes that came with it." }',
    "families:",
  ];
  for (let f = 0; f < families; f++) {
    out.push(`  ${family(f)}:`, `    summary: Benchmark family ${f}, a channel that reports ${callbacks} kinds of event.`);
    out.push("    doc: |", `      Channel ${f} opens, reports events in the order its lifecycle states, then closes.`);
    out.push("    callbacks:");
    for (let c = 0; c < callbacks; c++) {
      out.push(`      ${callback(c)}:`, `        doc: "${doc(f, c)}"`, "        params:");
      out.push("          - name: payload", "            type: Payload", `            doc: What event ${c} carried.`);
      if (c % 4 === 1) out.push("        returns:", '          type: "boolean | void"', "          doc: True to keep the channel open.", '        default: "undefined"');
    }
    // First callback opens, last closes, the middle ones repeat freely in between.
    const middle = Array.from({ length: callbacks - 2 }, (_, i) => callback(i + 1));
    out.push("    lifecycle:");
    out.push(`      order: "start -> ${callback(0)} [-> (${middle.join(" | ")})*] -> ${callback(callbacks - 1)} -> end"`);
  }
  return `${out.join("\n")}\n`;
}

function methodSchema(f, c) {
  return {
    description: doc(f, c),
    type: "object",
    properties: {
      payload: { description: `What event ${c} carried.`, type: "object", properties: { id: { type: "number" }, body: { type: "string" } }, required: ["id", "body"] },
      ...(c % 4 === 1 ? { keepOpen: { description: "True to keep the channel open.", type: "boolean" } } : {}),
    },
    required: ["payload"],
    additionalProperties: false,
  };
}

/** The same interfaces as one JSON Schema: `definitions` holds one object type per family. */
export function jsonSchema(families, callbacks) {
  const definitions = {};
  for (let f = 0; f < families; f++) {
    const properties = {};
    for (let c = 0; c < callbacks; c++) properties[callback(c)] = methodSchema(f, c);
    definitions[family(f)] = { description: `Benchmark family ${f}.`, type: "object", properties, required: Object.keys(properties), additionalProperties: false };
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", title: `Bench${families}`, type: "object", definitions, properties: Object.fromEntries(Object.keys(definitions).map((k) => [k, { $ref: `#/definitions/${k}` }])) };
}

/** The same interfaces as an OpenAPI 3 document: one component schema per family. */
export function openApi(families, callbacks) {
  const schemas = {};
  for (let f = 0; f < families; f++) {
    const properties = {};
    for (let c = 0; c < callbacks; c++) properties[callback(c)] = methodSchema(f, c);
    schemas[family(f)] = { description: `Benchmark family ${f}.`, type: "object", properties, required: Object.keys(properties) };
  }
  return { openapi: "3.0.3", info: { title: `bench${families}`, version: "1.0.0" }, paths: {}, components: { schemas } };
}

/** A one-callback change: the doc of callback 0 of the middle family gets one more sentence. */
export function changeOneCallback(specText, families) {
  const target = `Called when event 0 happens on channel ${Math.floor(families / 2)}.`;
  if (!specText.includes(target)) throw new Error("changeOneCallback: target not found");
  return specText.replace(target, `${target} Changed.`);
}
