// Writes docs/diagnostics.md from the code catalogue (src/diagnostics/codes.ts via dist/).
// Run after `npm run build`: node scripts/diagnostics-doc.mjs. A test keeps the two in step.
import { writeFileSync } from "node:fs";
import { DIAGNOSTIC_CODES } from "../dist/diagnostics/codes.js";

const ranges = [
  ["PSK1", "Reading the spec file"],
  ["PSK2", "Spec schema and semantics"],
  ["PSK3", "Lifecycle (call-order) expressions"],
  ["PSK4", "Templates and emitting"],
  ["PSK5", "Config, arguments and writing"],
  ["PSK6", "Scaffolding user classes"],
];
const cell = (s) => s.replace(/\|/g, "\\|");
let out = `# Diagnostic codes\n\nEvery problem protoskel reports has a stable code. Codes never change meaning; a retired\ncode is never reused. Each diagnostic prints as \`file:line:col - error PSKnnnn: message\`,\nthen a code frame and a hint. Errors exit with code 2 and nothing is written.\n`;
for (const [prefix, title] of ranges) {
  out += `\n## ${prefix}xxx: ${title}\n\n| code | meaning | what to do |\n| --- | --- | --- |\n`;
  for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
    if (code.startsWith(prefix)) out += `| ${code} | ${cell(info.title)} | ${cell(info.hint)} |\n`;
  }
}
writeFileSync(new URL("../docs/diagnostics.md", import.meta.url), out);
