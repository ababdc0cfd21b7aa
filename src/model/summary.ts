/**
 * The first sentence of a Markdown doc as one plain line: the summary used in tables,
 * one-line TSDoc summaries and scaffold TODOs.
 */
export function firstSentence(doc: string): string {
  const text = doc.replace(/\r\n?/g, "\n").trim();
  const paragraph = text.split(/\n\s*\n/)[0] ?? "";
  const line = paragraph.replace(/\s+/g, " ").trim();
  // A sentence ends at ". ", "! " or "? " outside inline code, or at the paragraph's end.
  let inCode = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "`") inCode = !inCode;
    if (!inCode && (c === "." || c === "!" || c === "?") && (i === line.length - 1 || line[i + 1] === " ")) {
      // Skip common abbreviations so "e.g. foo" does not end the sentence.
      const before = line.slice(Math.max(0, i - 4), i + 1).toLowerCase();
      if (/(e\.g\.|i\.e\.|etc\.|vs\.)$/.test(before)) continue;
      return line.slice(0, i + 1);
    }
  }
  return line;
}
