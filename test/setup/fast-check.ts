/**
 * Global fast-check settings for every property in the suite: a failing property must report
 * within bounded time in CI rather than shrink for many minutes (shrinking large generated
 * specs can take that long). Locally, rerun a failure with its seed to shrink further.
 */
import fc from "fast-check";

fc.configureGlobal({ interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true });
