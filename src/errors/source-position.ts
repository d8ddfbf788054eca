/** Offset -> 1-based line and column, computed only when an error needs them. */

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Lines end at LF, CRLF or a lone CR (as editors count them). Offsets past the end are clamped,
 * so a position "at the end of input" is still a real line and column.
 */
export function locate(text: string, offset: number): SourcePosition {
  const end = Math.max(0, Math.min(Number.isFinite(offset) ? offset : text.length, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return { line, column: end - lineStart + 1 };
}
