import { Worker } from "node:worker_threads";
import { FORMAT_WORKER_SOURCE } from "./format-worker-source.js";

/** One file to format: its content and the complete, serialisable Prettier options. */
export interface FormatJob {
  readonly index: number;
  readonly content: string;
  readonly options: Readonly<Record<string, unknown>>;
}

/** What formatting one job gave: the text, or Prettier's complaint (with a position when known). */
export type FormatOutcome =
  | { readonly ok: true; readonly formatted: string }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/** Formats one job on the calling thread. */
export type FormatOne = (job: FormatJob) => Promise<FormatOutcome>;

/** How the pool is set up: Prettier's location for the workers, and how many workers. */
export interface PoolOptions {
  readonly prettierUrl: string;
  readonly prettierVersion: string;
  readonly workers: number;
  /**
   * Parsers the run will use. Each worker loads the plugin of the one it prefers (see
   * JobQueue.take) as soon as it starts, so that a pool started early has it loaded by the
   * time the files arrive; loading all of them would delay the worker's first job.
   */
  readonly warm?: readonly string[];
}

/** A batch handed to a worker is at most about this many characters, so messages stay few but balance stays good. */
const CHUNK_CHARS = 48 * 1024;
const CHUNK_MAX_JOBS = 16;
/** Work left for a parser below which a thread without that parser's plugin leaves it to others. */
const STEAL_MIN_CHARS = 64 * 1024;
/** Old-space limit of a worker; formatting one generated file needs a small fraction of it. */
const WORKER_OLD_SPACE_MB = 160;

type WorkerMessage =
  | { kind: "ready"; version: string }
  | { kind: "failed"; message: string }
  | { kind: "done"; outcomes: Array<{ index: number; outcome: FormatOutcome }> };

/** The jobs of one {@link FormatPool.run}, grouped by parser, each group largest first. */
class JobQueue {
  private readonly groups = new Map<string, FormatJob[]>();
  remainingChars = 0;

  constructor(jobs: readonly FormatJob[]) {
    for (const job of [...jobs].sort((a, b) => b.content.length - a.content.length || a.index - b.index)) this.push(job);
  }

  push(job: FormatJob): void {
    const parser = String(job.options["parser"] ?? "");
    const group = this.groups.get(parser) ?? [];
    group.push(job);
    this.groups.set(parser, group);
    this.remainingChars += job.content.length;
  }

  get empty(): boolean {
    return this.remainingChars === 0 && [...this.groups.values()].every((g) => g.length === 0);
  }

  /**
   * The next job for a thread, from the first of its preferred parsers that has work left.
   * Thread `preference` starts at that place in {@link PARSER_ORDER}, so that each thread
   * mostly needs one Prettier plugin. Beyond its first choice, a thread takes work for a
   * parser it has not `loaded` only when enough of it is left to pay for loading that plugin and warming it up (about
   * as long as formatting a few files); otherwise the thread that has it loaded finishes it.
   */
  take(preference: number, loaded?: ReadonlySet<string>): FormatJob | undefined {
    const parsers = [...this.groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < parsers.length; i++) {
      const parser = parsers[(i + preference) % parsers.length]!;
      const group = this.groups.get(parser)!;
      if (i > 0 && loaded && !loaded.has(parser) && charsOf(group) < STEAL_MIN_CHARS) continue;
      const job = group.shift();
      if (job) {
        this.remainingChars -= job.content.length;
        return job;
      }
    }
    return undefined;
  }
}

const charsOf = (jobs: readonly FormatJob[]) => jobs.reduce((sum, job) => sum + job.content.length, 0);

/** The order threads are spread over parsers in (see JobQueue.take). */
const PARSER_ORDER = ["typescript", "markdown", "json"];
const rank = (parser: string) => (PARSER_ORDER.includes(parser) ? PARSER_ORDER.indexOf(parser) : PARSER_ORDER.length);

/** The state of one {@link FormatPool.run} call. */
interface Run {
  readonly queue: JobQueue;
  readonly outcomes: Map<number, FormatOutcome>;
  /** Workers still holding jobs of this run. */
  busy: number;
  /** Called when a worker finishes a chunk, so the calling thread can stop waiting. */
  wake: () => void;
}

/**
 * Worker threads that format with Prettier, started once and reused by every batch. Starting a
 * worker costs a Prettier load (~0.25 s of CPU), so a pool is started early (while the caller
 * loads specs and renders templates) and shared by all specs of a run. The pool never loses a
 * job: a worker that fails to start or dies hands its jobs back, and the calling thread, which
 * formats too, finishes whatever is left. Output never depends on which thread did the work.
 */
export class FormatPool {
  private readonly workers: PoolWorker[] = [];
  private run: Run | undefined;
  /** Parsers the calling thread has formatted with (their plugins are loaded there). */
  private readonly mainParsers = new Set<string>();

  private constructor(readonly options: PoolOptions) {
    for (let i = 0; i < options.workers; i++) this.workers.push(new PoolWorker(this, options, i + 1));
  }

  /** Starts `options.workers` workers loading Prettier now. */
  static start(options: PoolOptions): FormatPool {
    return new FormatPool(options);
  }

  /** Workers that have not failed. */
  get size(): number {
    return this.workers.filter((w) => !w.stopped).length;
  }

  /**
   * Formats `jobs` with the calling thread (through `formatOne`) and every worker pulling from
   * one queue; outcomes come back in job order. One run at a time.
   */
  async format(jobs: readonly FormatJob[], formatOne: FormatOne): Promise<FormatOutcome[]> {
    if (this.run) throw new Error("FormatPool.format: a run is already in progress");
    const run: Run = { queue: new JobQueue(jobs), outcomes: new Map(), busy: 0, wake: () => undefined };
    this.run = run;
    try {
      for (const worker of this.workers) worker.offerWork();
      // The calling thread has Prettier loaded too: it formats one file at a time and yields
      // between files so that worker messages (asking for more work) are answered promptly.
      for (;;) {
        // Work for a plugin this thread lacks only if there is a lot, or nobody else can do it.
        const job = run.queue.take(0, this.mainParsers) ?? (run.busy === 0 ? run.queue.take(0) : undefined);
        if (job) {
          if (!run.outcomes.has(job.index)) run.outcomes.set(job.index, await formatOne(job));
          this.mainParsers.add(String(job.options["parser"] ?? ""));
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        if (run.busy === 0) break;
        // Wait for a worker to finish (or give back) its chunk; it may hand jobs back.
        await new Promise<void>((resolve) => (run.wake = resolve));
      }
      return jobs.map((job) => run.outcomes.get(job.index)!);
    } finally {
      this.run = undefined;
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
  }

  /** A chunk for worker number `preference`, or nothing; counts it as busy with this run. */
  takeChunk(preference: number, loaded: ReadonlySet<string>): { run: Run; chunk: FormatJob[] } | undefined {
    const run = this.run;
    if (!run) return undefined;
    const chunk: FormatJob[] = [];
    let chars = 0;
    // Near the end, smaller chunks, so that no thread is left alone with a big batch.
    const limit = Math.max(1, Math.min(CHUNK_CHARS, run.queue.remainingChars / (2 * (this.workers.length + 1))));
    while (chunk.length < CHUNK_MAX_JOBS && chars < limit) {
      const job = run.queue.take(preference, loaded);
      if (!job) break;
      chunk.push(job);
      chars += job.content.length;
    }
    if (chunk.length === 0) return undefined;
    run.busy++;
    return { run, chunk };
  }

  /** A worker is done with its chunk: record what it formatted and return the rest. */
  finishChunk(run: Run, chunk: readonly FormatJob[], outcomes: ReadonlyArray<{ index: number; outcome: FormatOutcome }>): void {
    for (const { index, outcome } of outcomes) run.outcomes.set(index, outcome);
    for (const job of chunk) if (!run.outcomes.has(job.index)) run.queue.push(job);
    run.busy--;
    run.wake();
  }
}

/** One worker thread of a {@link FormatPool}. */
class PoolWorker {
  private readonly worker: Worker;
  private ready = false;
  stopped = false;
  private inFlight: { run: Run; chunk: FormatJob[] } | undefined;
  /** Parsers whose plugins this worker has loaded (warmed at start, or used since). */
  private readonly loaded: Set<string>;
  private readonly exited: Promise<void>;

  constructor(
    private readonly pool: FormatPool,
    options: PoolOptions,
    private readonly preference: number,
  ) {
    const used = [...(options.warm ?? [])].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const warm = used.length > 0 ? [used[preference % used.length]!] : [];
    this.loaded = new Set(warm);
    this.worker = new Worker(FORMAT_WORKER_SOURCE, {
      eval: true,
      workerData: { prettierUrl: options.prettierUrl, warm },
      // A bounded heap makes the worker collect its garbage instead of growing (peak RSS). A
      // file too big for it kills only the worker: its jobs go back to the calling thread.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
    });
    // An idle worker must not keep the process alive; one holding jobs must (see offerWork).
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "ready") {
        // A different Prettier would format differently: keep the output deterministic.
        if (message.version !== options.prettierVersion) void this.stop();
        else {
          this.ready = true;
          this.offerWork();
        }
      } else if (message.kind === "done") {
        const flight = this.inFlight;
        this.inFlight = undefined;
        this.worker.unref();
        if (flight) {
          for (const job of flight.chunk) this.loaded.add(String(job.options["parser"] ?? ""));
          this.pool.finishChunk(flight.run, flight.chunk, message.outcomes);
        }
        this.offerWork();
      } else {
        void this.stop();
      }
    });
    this.worker.on("error", () => void this.stop());
    this.worker.on("exit", () => void this.stop());
  }

  /** Sends a chunk if this worker is ready, idle, and the pool has work. */
  offerWork(): void {
    if (!this.ready || this.stopped || this.inFlight) return;
    const next = this.pool.takeChunk(this.preference, this.loaded);
    if (!next) return;
    this.inFlight = next;
    // The calling thread may be waiting on nothing but this worker's answer.
    this.worker.ref();
    this.worker.postMessage(next.chunk);
  }

  /** Stops the worker, handing back the jobs it held. */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      const flight = this.inFlight;
      this.inFlight = undefined;
      if (flight) this.pool.finishChunk(flight.run, flight.chunk, []);
      await this.worker.terminate().catch(() => undefined);
    }
    await this.exited;
  }
}

/**
 * Formats `jobs` with the calling thread plus a pool of `pool.workers` threads started for
 * this batch alone (see {@link FormatPool} to start one early and share it).
 */
export async function formatInPool(jobs: readonly FormatJob[], formatOne: FormatOne, pool: PoolOptions): Promise<FormatOutcome[]> {
  // No warming: the jobs are already waiting, and a worker loads its plugin with its first job.
  const started = FormatPool.start(pool);
  try {
    return await started.format(jobs, formatOne);
  } finally {
    await started.close();
  }
}
