/**
 * Enum member lookup as ServiceStack's `EnumInfo.Parse` does it: names (or `[EnumMember]` values)
 * match in any letter case, with surrounding blanks.
 */
import { isUnicodeBlank, trimWith } from './blanks.js';

/**
 * Builds a lookup from text to the declared member name. An exact match wins over a
 * case-insensitive one, so members that differ only in case (`A`, `a`) still resolve exactly.
 * @returns a function giving the member name, or `undefined` when no member matches.
 */
export function enumNameLookup(names: readonly string[]): (text: string) => string | undefined {
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const name of names) {
    exact.set(name, name);
    const key = name.toLowerCase();
    if (!folded.has(key)) folded.set(key, name);
  }
  return (text) => {
    const word = trimWith(text, isUnicodeBlank);
    return exact.get(word) ?? folded.get(word.toLowerCase());
  };
}
