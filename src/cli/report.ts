/**
 * How the CLI shows a problem: `file:line:column: message`, the offending line and a caret under
 * the column (`codeFrame`), coloured only when stderr is a terminal and `NO_COLOR` is not set.
 */
import type { Writable } from 'node:stream';
import { styleText } from 'node:util';
import { codeFrame } from '../errors/code-frame.js';
import type { JsvError } from '../errors/jsv-error.js';

export type Env = Record<string, string | undefined>;

/** Colour is for people: a terminal, no `NO_COLOR` (https://no-color.org), not a dumb terminal. */
export function colorEnabled(stream: Writable & { isTTY?: boolean }, env: Env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

type Style = Parameters<typeof styleText>[0];

/** A styler that is the identity when colour is off. */
export function styler(enabled: boolean): (style: Style, text: string) => string {
  if (!enabled) return (_style, text) => text;
  // Node 22+ would otherwise re-check process.stdout itself; the decision is already made here.
  const options = { validateStream: false };
  return (style, text) => (styleText as (style: Style, text: string, options: object) => string)(style, text, options);
}

/** The text of the line that holds `offset` (without its line break). */
function lineAround(text: string, offset: number): string {
  const at = Math.min(Math.max(offset, 0), text.length);
  const start = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return text.slice(start, end);
}

/**
 * The message, excerpt and caret for a `JsvError` in `text` read from `source`. `codeFrame` is
 * given only the offending line (as line 1), because finding line N in a 100 MB text by
 * splitting it into lines costs seconds and gigabytes; the real line number is put back.
 */
export function describeError(text: string, error: JsvError, source: string, color: boolean): string {
  const style = styler(color);
  const oneLine = { code: error.code, reason: error.reason, offset: error.column - 1, line: 1, column: error.column, path: error.path, message: error.message } as JsvError;
  const frame = codeFrame(lineAround(text, error.offset), oneLine, { source, highlight: (caret) => style(['bold', 'red'], caret) });
  const shown = `${source}:1:${error.column}`;
  const where = `${source}:${error.line}:${error.column}`;
  const body = frame.startsWith(shown) ? frame.slice(shown.length) : frame;
  return (color ? style('bold', where) : where) + body;
}
