/**
 * Memoisation for the pure text helpers templates call: the same doc text is escaped for the
 * class, the interface, the docs page and the tests, once per family that inherits it, so on a
 * large spec most calls repeat an earlier one.
 */

/** Entries kept before a cache starts over (bounds memory in a long `--watch` session). */
const LIMIT = 20_000;

/** `fn` with results remembered by argument. */
export function memoText<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    if (cache.size >= LIMIT) cache.clear();
    const result = fn(text);
    cache.set(text, result);
    return result;
  };
}

/** Like {@link memoText} for a function returning lines: each caller gets its own copy to change. */
export function memoLines(fn: (text: string) => string[]): (text: string) => string[] {
  const remembered = memoText((text): readonly string[] => fn(text));
  return (text) => [...remembered(text)];
}
