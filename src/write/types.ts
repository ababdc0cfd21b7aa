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
}
