// Running one command as a whole, cold process and measuring it: wall time, CPU (user + sys)
// and peak RSS of the child, read from GNU time (`/usr/bin/time -f`), which sees the child's
// own rusage; Node cannot report a child's rusage by itself.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
export const haveGnuTime = existsSync(GNU_TIME);

/**
 * Runs `command args` in `cwd`; returns { wall, cpu, rssMiB, stdout, stderr, status } with
 * times in seconds. Throws when the command fails, unless `allowFailure`.
 */
export function runMeasured(command, args, { cwd, env, allowFailure = false, timeoutMs = 30 * 60_000 } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "protoskel-measure-"));
  const report = join(scratch, "time.txt");
  const started = process.hrtime.bigint();
  const child = haveGnuTime
    ? spawnSync(GNU_TIME, ["-o", report, "-f", "%U %S %M", command, ...args], { cwd, env: { ...process.env, ...env }, encoding: "utf8", timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let cpu = NaN;
  let rssMiB = NaN;
  if (haveGnuTime && existsSync(report)) {
    // GNU time writes "Command exited with non-zero status N" first when the command fails.
    const last = readFileSync(report, "utf8").trim().split("\n").pop();
    const [user, sys, kb] = last.split(" ").map(Number);
    cpu = user + sys;
    rssMiB = kb / 1024;
  }
  rmSync(scratch, { recursive: true, force: true });
  if (child.status !== 0 && !allowFailure) {
    throw new Error(`${command} ${args.join(" ")} failed (status ${child.status}):\n${(child.stderr ?? "").slice(0, 2000)}${child.error ? String(child.error) : ""}`);
  }
  return { wall, cpu, rssMiB, stdout: child.stdout ?? "", stderr: child.stderr ?? "", status: child.status };
}

/** The median of numbers (NaN when empty). */
export function median(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `once(i)` `n` times (each returns a measurement, and may prepare state first) and
 * returns the medians of wall, cpu, rssMiB, plus the median of each `--timing` stage found in
 * stderr, and n.
 */
export function medianOf(n, once) {
  const runs = Array.from({ length: n }, (_, i) => once(i));
  const stages = {};
  const parsed = runs.map((r) => parseTiming(r.stderr));
  for (const key of new Set(parsed.flatMap((p) => Object.keys(p)))) stages[key] = median(parsed.map((p) => p[key] ?? 0)) / 1000;
  return {
    n,
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
    stages,
  };
}

/** The `timing (ms): {...}` line protoskel prints with --timing, as an object (empty when absent). */
export function parseTiming(stderr) {
  const line = stderr.split("\n").find((l) => l.startsWith("timing (ms): "));
  return line ? JSON.parse(line.slice("timing (ms): ".length)) : {};
}
