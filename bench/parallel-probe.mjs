// How many cores this process can really use right now: the same CPU-bound loop on 1 thread,
// then on one thread per core at once. On an idle 2-core machine the second figure is ~2;
// when other work keeps the cores busy it drops towards 1, and no worker pool can help.
// Prints one JSON line: { cores, oneThreadMs, allThreadsMs, effectiveCores }.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

const LOOP = `
const { parentPort, workerData } = require("node:worker_threads");
let x = 0;
const start = performance.now();
for (let i = 0; i < workerData; i++) x = (x + i * 7) % 1000003;
parentPort.postMessage({ ms: performance.now() - start, x });
`;
const iterations = Number(process.argv[2] ?? 150_000_000);
const run = (threads) =>
  new Promise((resolve) => {
    const started = performance.now();
    let left = threads;
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(LOOP, { eval: true, workerData: iterations });
      worker.once("message", () => {
        void worker.terminate();
        if (--left === 0) resolve(performance.now() - started);
      });
    }
  });

const cores = availableParallelism();
await run(1); // warm-up
const oneThreadMs = await run(1);
const allThreadsMs = await run(cores);
console.log(JSON.stringify({ cores, oneThreadMs: Math.round(oneThreadMs), allThreadsMs: Math.round(allThreadsMs), effectiveCores: Number(((cores * oneThreadMs) / allThreadsMs).toFixed(2)) }));
