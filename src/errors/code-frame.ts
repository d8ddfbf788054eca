/** A printable excerpt: the offending line with a caret under the column (used by the CLI). */
import type { JsvError } from './jsv-error.js';
import { lineText } from './source-position.js';

export interface CodeFrameOptions {
  /** Shown before `line:column`, usually a file name. */
  source?: string;
  /** Wraps the caret, e.g. to colour it on a terminal. */
  highlight?: (caret: string) => string;
}

export function codeFrame(text: string, error: JsvError, options: CodeFrameOptions = {}): string {
  const where = `${options.source ?? '<input>'}:${error.line}:${error.column}`;
  const raw = lineText(text, error.line);
  // Long lines (minified JSV is one line) are cut around the column so the caret stays visible.
  const width = 100;
  let start = 0;
  if (raw.length > width) start = Math.max(0, Math.min(error.column - 1 - width / 2, raw.length - width));
  const shown = raw.slice(start, start + width).replace(/\t/g, ' ');
  const prefix = start > 0 ? '…' : '';
  const caret = ' '.repeat(prefix.length + error.column - 1 - start) + '^';
  const highlight = options.highlight ?? ((s: string) => s);
  return `${where}: ${error.message}\n  ${prefix}${shown}\n  ${highlight(caret)}`;
}
