/**
 * What the model stage hands the lifecycle stage: a family's `lifecycle:` block as written,
 * with enough position information to point a diagnostic at a column inside an expression.
 */

import type { SourceLocation } from "../diagnostics/index.js";

/** A string from the spec that can map an offset inside its value back to the file. */
export interface LocatedText {
  readonly text: string;
  /** Where the character at `offset` of `text` sits in the spec file (offset may equal text.length). */
  locate(offset: number): SourceLocation;
}

/** A name from the spec with its position. */
export interface LocatedName {
  readonly name: string;
  readonly location: SourceLocation;
}

/** One family's `lifecycle:` block, uncompiled. */
export interface LifecycleSpecInput {
  /** The family whose spec declares the block. */
  readonly declaredIn: string;
  /** Where the `lifecycle:` key is. */
  readonly location: SourceLocation;
  readonly aliases: readonly { readonly alias: LocatedName; readonly target: LocatedName }[];
  readonly order?: LocatedText;
  readonly rules: readonly LocatedText[];
  readonly free: readonly LocatedName[];
}

/** Where each callback of a family is declared, for "not covered" diagnostics. */
export interface CallbackLocation {
  readonly specName: string;
  readonly tsName: string;
  readonly location: SourceLocation;
}
