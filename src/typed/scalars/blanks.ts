/**
 * The three notions of "whitespace" that ServiceStack's scalar readers use. They differ, and the
 * difference decides whether text such as `"1\u00a0"` reads as a number or fails.
 */

/**
 * ServiceStack's own `JsonUtils.IsWhiteSpace`: space, TAB to CR, NBSP, U+0085 and U+200B (its
 * empty-string marker). Used by its integer and Guid parsers.
 */
export function isServiceStackBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x85 || c === 0x200b;
}

/** .NET's `IsWhite` inside number parsing: space and TAB to CR only. */
export function isNumberBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** .NET's `char.IsWhiteSpace` (Unicode White_Space), used by `string.Trim()`. */
export function isUnicodeBlank(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `text` without leading and trailing characters for which `isBlank` holds. */
export function trimWith(text: string, isBlank: (c: number) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Shows a value inside an error reason, cut short so a huge input cannot flood a log. */
export function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
