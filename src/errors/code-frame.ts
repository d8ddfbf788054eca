/** A printable excerpt: the offending line with a caret under the column (used by the CLI). */
import type { JsvError } from './jsv-error.js';

export interface CodeFrameOptions {
  /** Shown before `line:column`, usually a file name (default `<input>`). */
  source?: string;
  /** Wraps the caret, e.g. to colour it on a terminal. */
  highlight?: (caret: string) => string;
  /** Wraps the `source:line:column` prefix. */
  emphasis?: (where: string) => string;
}

/** Longest part of a line shown: minified JSV is one line, so it is cut around the column. */
const WIDTH = 100;

/**
 * `source:line:column: reason at path`, then the offending line and a caret under the column.
 * The line is found from `error.offset` alone, so the cost does not grow with the text.
 */
export function codeFrame(text: string, error: JsvError, options: CodeFrameOptions = {}): string {
  const emphasis = options.emphasis ?? ((s: string) => s);
  const reason = error.path ? `${error.reason} at ${error.path}` : error.reason;
  // A write error has no position in any text: there is no line to show.
  if (error.offset === undefined) return `${emphasis(options.source ?? '<input>')}: ${reason}`;
  const where = `${options.source ?? '<input>'}:${error.line}:${error.column}`;
  const at = Math.min(Math.max(error.offset, 0), text.length);
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  let lineEnd = at;
  while (lineEnd < text.length && lineEnd - lineStart < at - lineStart + WIDTH) {
    const c = text.charCodeAt(lineEnd);
    if (c === 10 || c === 13) break;
    lineEnd++;
  }
  const column = at - lineStart;
  const start = Math.max(0, Math.min(column - WIDTH / 2, lineEnd - lineStart - WIDTH));
  const shown = text.slice(lineStart + start, Math.min(lineEnd, lineStart + start + WIDTH)).replace(/\t/g, ' ');
  const prefix = start > 0 ? '…' : '';
  const caret = ' '.repeat(prefix.length + column - start) + '^';
  const highlight = options.highlight ?? ((s: string) => s);
  return `${emphasis(where)}: ${reason}\n  ${prefix}${shown}\n  ${highlight(caret)}`;
}
