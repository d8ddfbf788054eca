/** Character codes of JSV's structure, shared by the engines, the writer and the CLI. */

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const COMMA = 44;
export const COLON = 58;
export const LBRACKET = 91;
export const RBRACKET = 93;
export const LBRACE = 123;
export const RBRACE = 125;
export const BOM = 0xfeff;

/** Layout blanks: the only characters tolerant mode treats as insignificant. */
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/**
 * Whether `word` is written in `text` at `at`, compared in place. For the short keys and values
 * the memories compare, this loop is faster than `startsWith` and makes no copy, which
 * `text.slice(…) === word` does.
 */
export function spelledAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}
