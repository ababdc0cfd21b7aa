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
}

/** A batch handed to a worker is about this many characters, so messages stay few but balance stays good. */
const CHUNK_CHARS = 48 * 1024;
const CHUNK_MAX_JOBS = 16;

/**
 * Formats `jobs` with the calling thread plus `workers` worker threads pulling from one queue
 * (largest files first, so no thread is left with a big file at the end). Results come back
 * in job order whatever thread did the work, so the output cannot depend on scheduling.
 * A worker that fails to start or dies hands its jobs back to the queue; the calling thread
 * finishes whatever is left, so the pool never loses a job.
 */
export async function formatInPool(jobs: readonly FormatJob[], formatOne: FormatOne, pool: PoolOptions): Promise<FormatOutcome[]> {
  const outcomes = new Map<number, FormatOutcome>();
  const queue = [...jobs].sort((a, b) => b.content.length - a.content.length || a.index - b.index);
  let cursor = 0;

  const takeChunk = (): FormatJob[] => {
    const chunk: FormatJob[] = [];
    let chars = 0;
    while (cursor < queue.length && chunk.length < CHUNK_MAX_JOBS && chars < CHUNK_CHARS) {
      const job = queue[cursor++]!;
      chunk.push(job);
      chars += job.content.length;
    }
    return chunk;
  };
  const giveBack = (chunk: readonly FormatJob[]) => {
    for (const job of chunk) if (!outcomes.has(job.index)) queue.push(job);
  };

  const workers = Array.from({ length: pool.workers }, () => runWorker(pool, takeChunk, giveBack, outcomes));

  // The calling thread already has Prettier loaded: it formats too, one file at a time, and
  // yields between files so that worker messages (asking for more work) are answered promptly.
  while (cursor < queue.length) {
    const job = queue[cursor++]!;
    outcomes.set(job.index, await formatOne(job));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  // Jobs handed back by a worker that died after the loop above ended.
  while (cursor < queue.length) {
    const job = queue[cursor++]!;
    if (!outcomes.has(job.index)) outcomes.set(job.index, await formatOne(job));
  }
  return jobs.map((job) => outcomes.get(job.index)!);
}

type WorkerMessage =
  | { kind: "ready"; version: string }
  | { kind: "failed"; message: string }
  | { kind: "done"; outcomes: Array<{ index: number; outcome: FormatOutcome }> };

/** Runs one worker until the queue is empty; resolves (never rejects) when it has stopped. */
function runWorker(
  pool: PoolOptions,
  takeChunk: () => FormatJob[],
  giveBack: (chunk: readonly FormatJob[]) => void,
  outcomes: Map<number, FormatOutcome>,
): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(FORMAT_WORKER_SOURCE, { eval: true, workerData: { prettierUrl: pool.prettierUrl } });
    let inFlight: FormatJob[] = [];
    let finished = false;
    const stop = () => {
      if (finished) return;
      finished = true;
      giveBack(inFlight);
      inFlight = [];
      void worker.terminate().finally(resolve);
    };
    const sendNext = () => {
      inFlight = takeChunk();
      if (inFlight.length === 0) stop();
      else worker.postMessage(inFlight);
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "ready") {
        // A different Prettier would format differently: keep the output deterministic.
        if (message.version !== pool.prettierVersion) stop();
        else sendNext();
      } else if (message.kind === "done") {
        for (const { index, outcome } of message.outcomes) outcomes.set(index, outcome);
        inFlight = [];
        sendNext();
      } else {
        stop();
      }
    });
    worker.on("error", stop);
    worker.on("exit", stop);
  });
}
