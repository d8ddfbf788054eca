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

/** The message, excerpt and caret for a `JsvError` in `text` read from `source`. */
export function describeError(text: string, error: JsvError, source: string, color: boolean): string {
  const style = styler(color);
  return codeFrame(text, error, { source, highlight: (caret) => style(['bold', 'red'], caret), emphasis: (where) => style('bold', where) });
}
