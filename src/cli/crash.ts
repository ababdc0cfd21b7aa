/**
 * A crash is a bug in protoskel, not the user's fault: print a short report that says so
 * (version, command, where) and exit 70, instead of a bare stack trace.
 */

import { EXIT } from "./output.js";

/** Prints the crash report and exits with code 70. */
export function reportCrash(error: unknown, version: string): never {
  const err = error instanceof Error ? error : new Error(String(error));
  const frames = err.stack?.split("\n").slice(1).map((line) => line.trim()).filter((line) => line.startsWith("at ")) ?? [];
  // Prefer protoskel's own frame; else the top frame (e.g. inside a dependency); else say so.
  const frame = frames.find((line) => line.includes("protoskel") || line.includes("/src/") || line.includes("/dist/")) ?? frames[0] ?? "(no stack)";
  const command = process.argv.slice(2).map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ");
  process.stderr.write(
    [
      "protoskel crashed: this is a bug in protoskel, not in your input.",
      `  error:   ${err.name}: ${err.message.split("\n")[0]}`,
      `  where:   ${frame}`,
      `  version: protoskel ${version}, Node.js ${process.version}, ${process.platform}-${process.arch}`,
      `  command: protoskel ${command}`,
      "Nothing was written. Please report this with the command and, if you can, the spec.",
      process.env["PROTOSKEL_DEBUG"] ? `\n${err.stack ?? ""}` : "Set PROTOSKEL_DEBUG=1 for the full stack trace.",
      "",
    ].join("\n"),
  );
  process.exit(EXIT.crash);
}
