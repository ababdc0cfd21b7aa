/**
 * Layout helpers for the code templates (`it.layout`): they print spec-dependent constructs
 * (lists of names, imports, long calls) the way Prettier would, breaking them only when they
 * do not fit in 80 columns, so that the rendered code is already in Prettier's form.
 */

/** Helpers on `it.layout`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TsLayoutHelpers {}

/** The one layout helpers object (stateless, so shared). */
export const tsLayout: TsLayoutHelpers = {};
