// Measures what the runtime lifecycle monitor costs per call: a plain method call, the same
// call through `monitored(...)`, and `LifecycleMonitor.step` alone. Usage:
//   npm run build && node bench/monitor.mjs [callsPerRound]
// It compiles the asyncio Protocol lifecycle with the built compiler (dist/, or the folder
// in PROTOSKEL_DIST), renders templates/lifecycle.ts.eta and transpiles it with the
// TypeScript bundled in ts-morph, exactly as a generated project would run it.

import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Eta } from "eta";
import { ts } from "ts-morph";

const root = resolve(import.meta.dirname, "..");
const dist = resolve(process.env.PROTOSKEL_DIST ?? join(root, "dist"));
const { compileLifecycles, lifecycleDefinition } = await import(pathToFileURL(join(dist, "lifecycle/index.js")).href);

// The asyncio Protocol family, built by hand (the bench needs no spec reader).
const names = ["connection_made", "connection_lost", "pause_writing", "resume_writing", "data_received", "eof_received"];
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const location = { file: "bench.yaml", line: 1, column: 1 };
const callbacks = names.map((specName) => ({
  specName, tsName: camel(specName), doc: "", summary: "", params: [], required: false, declaredIn: "Protocol", documentedIn: "Protocol", inherited: false,
  returns: { type: { text: "void", references: [], isVoid: true } },
}));
const model = { specFile: "bench.yaml", name: "bench", summary: "", naming: "camelCase", types: [], families: [{ name: "Protocol", summary: "", ancestors: [], children: [], callbacks }] };
const text = (t) => ({ text: t, locate: () => location });
const aliases = { CM: "connection_made", DR: "data_received", ER: "eof_received", CL: "connection_lost", PW: "pause_writing", RW: "resume_writing" };
const input = {
  declaredIn: "Protocol", location, free: [],
  aliases: Object.entries(aliases).map(([alias, target]) => ({ alias: { name: alias, location }, target: { name: target, location } })),
  order: text("start -> CM [-> DR*] [-> ER?] -> CL -> end"),
  rules: [text("(PW -> RW)* [-> PW]")],
};
const { model: compiled, diagnostics } = compileLifecycles(model, new Map([["Protocol", input]]), new Map());
if (diagnostics.length > 0) throw new Error(JSON.stringify(diagnostics));
const definition = lifecycleDefinition("Protocol", compiled.families[0].lifecycle.monitor);

// The runtime module, rendered and transpiled.
const template = await readFile(join(root, "templates/lifecycle.ts.eta"), "utf8");
const source = new Eta({ autoEscape: false }).renderString(template, { header: "// bench" });
const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
const dir = await mkdtemp(join(tmpdir(), "protoskel-bench-"));
await writeFile(join(dir, "lifecycle.mjs"), js);
const { LifecycleMonitor, monitored } = await import(pathToFileURL(join(dir, "lifecycle.mjs")).href);

class Protocol {
  bytes = 0;
  connectionMade() {}
  dataReceived(data) {
    this.bytes += data.length;
  }
  eofReceived() {}
  connectionLost() {}
  pauseWriting() {}
  resumeWriting() {}
}

const calls = Number(process.argv[2] ?? 5_000_000);
const chunk = new Uint8Array(4);

/** ns per call of `body(n)` (which makes n calls), best of 5 rounds after a warm-up. */
function measure(body) {
  body(Math.min(calls, 200_000));
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    body(calls);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / calls);
  }
  return best;
}

const plain = new Protocol();
plain.connectionMade();
const wrapped = monitored(new Protocol(), definition);
wrapped.connectionMade();
const monitor = new LifecycleMonitor(definition);
monitor.step("connectionMade");

const rows = [
  ["plain method call", measure((n) => { for (let i = 0; i < n; i++) plain.dataReceived(chunk); })],
  ["monitored(...) call", measure((n) => { for (let i = 0; i < n; i++) wrapped.dataReceived(chunk); })],
  ["LifecycleMonitor.step", measure((n) => { for (let i = 0; i < n; i++) monitor.step("dataReceived"); })],
];
if (plain.bytes === 0 || wrapped.bytes === 0) throw new Error("calls did not run");

const base = rows[0][1];
console.log(`lifecycle monitor overhead (Node ${process.version}, ${calls} calls per round, best of 5)\n`);
console.log("| case                  | ns/call | overhead vs plain |");
console.log("| --------------------- | ------- | ----------------- |");
for (const [name, ns] of rows) {
  const overhead = ns === base ? "" : `+${(ns - base).toFixed(1)} ns`;
  console.log(`| ${name.padEnd(21)} | ${ns.toFixed(1).padStart(7)} | ${overhead.padStart(17)} |`);
}
