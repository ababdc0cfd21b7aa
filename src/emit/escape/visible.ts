/**
 * Characters that must never reach generated text as themselves: they are invisible, reorder
 * the text around them (bidi controls, the "Trojan Source" trick), or are not valid UTF-16.
 * Each is shown instead as `\u{hex}`, so a reader sees that something was there.
 */

/**
 * C0 controls except TAB and LF, DEL, C1 controls (NEL included), the Arabic letter mark, the
 * LRM/RLM marks, the bidi embeddings, overrides and isolates, the BOM / zero-width no-break
 * space, and the interlinear annotation controls.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any character {@link makeVisible} may change: terminators, invisible characters, surrogates. */
const NEEDS_CHANGE = /[\r\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]/;

/** Every line terminator JavaScript or a text editor may honour. */
const LINE_TERMINATOR = /\r\n|\r|\u2028|\u2029/g;

/** `\u{202e}` for U+202E: a visible stand-in for one code unit. */
export function visibleCodePoint(char: string): string {
  return `\\u{${char.charCodeAt(0).toString(16)}}`;
}

/** Turns CR, CRLF, U+2028 and U+2029 into LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(LINE_TERMINATOR, "\n");
}

/**
 * Normalises line terminators to LF, then shows invisible or reordering characters and lone
 * surrogates as `\u{hex}`. Tabs and LF stay as they are.
 */
export function makeVisible(text: string): string {
  if (!NEEDS_CHANGE.test(text)) return text; // the usual case, tested in one pass
  return normaliseNewlines(text).replace(INVISIBLE, visibleCodePoint).replace(LONE_SURROGATE, visibleCodePoint);
}
