/**
 * The front half of the pipeline, shared by every command: spec file → loaded spec →
 * resolved model → model with compiled lifecycles. Stops after the first stage that
 * reports errors, so later stages only ever see sound input.
 */

import { hasErrors, type Diagnostic } from "../diagnostics/index.js";
import { compileLifecycles } from "../lifecycle/index.js";
import { buildModel } from "../model/build.js";
import type { Model } from "../model/types.js";
import { loadSpecFile, loadSpecText, type LoadResult } from "../spec/load.js";
import type { StageTimer } from "./timing.js";

/** A spec's model, or the diagnostics that stopped it; with the spec text for code frames. */
export interface ModelResult {
  readonly model?: Model;
  readonly diagnostics: readonly Diagnostic[];
  /** The spec's text by display name, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Loads a spec file and resolves it into a model. `displayName` is the spec path diagnostics and headers use. */
export async function loadModel(path: string, displayName = path, timer?: StageTimer): Promise<ModelResult> {
  timer?.start("load");
  const loaded = await loadSpecFile(path, displayName);
  return finish(loaded, displayName, timer);
}

/** Same as {@link loadModel} for spec text in memory. */
export async function loadModelFromText(text: string, displayName = "spec.yaml"): Promise<ModelResult> {
  return finish(await loadSpecText(text, displayName), displayName);
}

async function finish(loaded: LoadResult, displayName: string, timer?: StageTimer): Promise<ModelResult> {
  const sources = new Map<string, string>();
  if (loaded.text !== undefined) sources.set(displayName, loaded.text);
  if (!loaded.spec || hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics, sources };
  timer?.start("model");
  const built = await buildModel(loaded.spec, displayName);
  // Lifecycle problems are reported even when the model has other errors, so that one run shows all.
  if (!built.model) return { diagnostics: built.diagnostics, sources };
  timer?.start("lifecycle");
  const compiled = compileLifecycles(built.model, built.lifecycleInputs, built.callbackLocations);
  const diagnostics = [...built.diagnostics, ...compiled.diagnostics];
  timer?.stop();
  return hasErrors(diagnostics) ? { diagnostics, sources } : { model: compiled.model, diagnostics, sources };
}
