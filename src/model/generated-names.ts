/**
 * The names generated code exports besides the spec's own families and types. The model
 * refuses spec names that would clash with them (PSK2009), and the emitter checks the final
 * set again (PSK4005); both read this one list.
 */

/** What `src/lifecycle.ts` exports (see templates/lifecycle.ts.eta). */
export const MONITOR_EXPORTS: readonly string[] = ["LifecycleDefinition", "LifecycleError", "LifecycleMonitor", "monitored", "monitorOf"];

/** Suffixes of the names generated next to each family class: `FCallbacks`, `FLifecycle`. */
export const GENERATED_NAME_SUFFIXES = ["Callbacks", "Lifecycle"] as const;
