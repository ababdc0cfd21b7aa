/** The Prettier parser a generated file is formatted with. */
export type OutputParser = "typescript" | "markdown" | "json";

/**
 * One file the emit stage produced, before or after formatting. `path` is POSIX style and
 * relative to the spec's output folder (`OUT/NAME/`), e.g. `src/Protocol.ts`.
 */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
  readonly parser: OutputParser;
  /**
   * Set by the emit stage when the content is certainly what Prettier 3 prints for it with
   * default options (built-in templates, checked by src/emit/canonical/). The write stage then
   * skips Prettier for the file when the user's Prettier options are the defaults too.
   */
  readonly canonical?: boolean;
}
