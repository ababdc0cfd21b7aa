/**
 * The source of a formatting worker thread, run with `new Worker(source, { eval: true })`.
 * It is a string rather than a file so that the same code runs from `src/` under the test
 * runner (where a `.ts` worker file could not be loaded) and from `dist/` after the build.
 *
 * Protocol: the worker imports Prettier from `workerData.prettierUrl` (the very copy the main
 * thread uses), formats a tiny text with each parser in `workerData.warm` (which loads those
 * plugins before any real work arrives), says `ready` with its version, then answers each batch of jobs with their
 * outcomes. It never throws: a failed format is an outcome, like a successful one.
 */
export const FORMAT_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
function describeFailure(error) {
  const message = String((error && error.message) || error).split("\n")[0];
  const start = error && error.loc && error.loc.start;
  return start && typeof start.line === "number"
    ? { ok: false, message, line: start.line, column: typeof start.column === "number" ? start.column : 1 }
    : { ok: false, message };
}
import(workerData.prettierUrl).then(
  async (loaded) => {
    const prettier = loaded.default && loaded.default.format ? loaded.default : loaded;
    for (const parser of workerData.warm || []) {
      try { await prettier.format("x\n", { parser }); } catch {}
    }
    parentPort.on("message", async (jobs) => {
      const outcomes = [];
      for (const job of jobs) {
        try {
          outcomes.push({ index: job.index, outcome: { ok: true, formatted: await prettier.format(job.content, job.options) } });
        } catch (error) {
          outcomes.push({ index: job.index, outcome: describeFailure(error) });
        }
      }
      parentPort.postMessage({ kind: "done", outcomes });
    });
    parentPort.postMessage({ kind: "ready", version: prettier.version });
  },
  (error) => parentPort.postMessage({ kind: "failed", message: String(error) }),
);
`;
