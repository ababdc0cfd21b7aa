/**
 * Test inputs with the expected diagnostic position marked inline by `«`: the marker is
 * removed and its line and column (1-based) returned, so a case states where it expects
 * the error right where the error is.
 */
export function marked(text: string): { text: string; line: number; column: number } {
  const index = text.indexOf("«");
  if (index < 0) throw new Error("test input has no « marker");
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return { text: before + text.slice(index + 1), line, column };
}
