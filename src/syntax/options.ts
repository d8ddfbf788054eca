/** Options shared by the syntax-layer entry points, with their defaults in one place. */
import { COLON, COMMA, LBRACE, LBRACKET, QUOTE } from './chars.js';
import { resolveMaxDepth } from './limits.js';
import type { JsvValue } from './value.js';

export type WhitespaceMode = 'auto' | 'tolerant' | 'strict';

/**
 * A parse engine other than the built-in scanner. The Chevrotain engine (the grammar of record) is
 * one, exported by `jsvkit/chevrotain`: it lives behind its own entry so that importing `jsvkit`
 * does not load Chevrotain (hundreds of modules, most of a browser bundle's weight).
 */
export interface ParseEngine {
  /** Shown in error messages. */
  readonly name: string;
  /** Same contract as `parse(text, options)`: a value, or a `JsvError`. */
  parse(text: string, options?: ParseOptions): JsvValue;
}

/** `'scanner'` (the default) or an engine object such as `chevrotain` from `jsvkit/chevrotain`. */
export type Engine = 'scanner' | ParseEngine;

export interface ParseOptions {
  /** Deepest nesting of `{` and `[` allowed (default 256); deeper input throws `MAX_DEPTH`. */
  maxDepth?: number;
  /**
   * How blanks (space, TAB, CR, LF) outside quoted strings are read.
   * - `'strict'`: as ServiceStack reads them: blanks are data in keys and values (`{ a :x }` has
   *   the key `" a "` and the value `"x "`).
   * - `'tolerant'`: blanks around structure and at the edges of unquoted keys and values are
   *   layout, so pretty-printed JSV parses.
   * - `'auto'` (default): strict for text with no line break outside a quoted string, tolerant
   *   otherwise. ServiceStack's writer quotes every string holding a line break, so its output
   *   reads strictly (edge blanks kept), while laid-out text (`format`, ServiceStack's
   *   JsvFormatter, the metadata pages) reads tolerantly.
   */
  whitespace?: WhitespaceMode;
  /**
   * `'scanner'` (default): the hand-written single-pass engine. Or an engine object: `chevrotain`
   * from `jsvkit/chevrotain` is the grammar of record.
   */
  engine?: Engine;
}

export interface ResolvedParseOptions {
  maxDepth: number;
  tolerant: boolean;
}

/** Checks the options and settles the whitespace mode for `text` (`'auto'` looks at the text). */
export function resolveParseOptions(options: ParseOptions | undefined, text: string): ResolvedParseOptions {
  const maxDepth = resolveMaxDepth(options?.maxDepth);
  const whitespace = options?.whitespace ?? 'auto';
  if (whitespace !== 'auto' && whitespace !== 'tolerant' && whitespace !== 'strict') {
    throw new TypeError(`whitespace must be 'auto', 'tolerant' or 'strict', got ${String(whitespace)}`);
  }
  const tolerant = whitespace === 'tolerant' || (whitespace === 'auto' && hasUnquotedLineBreak(text));
  return { maxDepth, tolerant };
}

/**
 * True when `text` has a CR or LF outside a quoted string: the mark of laid-out text, since
 * ServiceStack's writer quotes every string that holds one. A quoted string is one whose `"`
 * opens a key or value: at the start, or after `{` `[` `,` `:` and any spaces or TABs.
 *
 * It jumps from quote to quote with `indexOf` rather than visiting every character: everything
 * between the end of one quoted string and the next `"` is outside quotes, so a line break there
 * answers the question. A `"` that does not open a value (inside bare text: `2" x 1"`) is passed
 * over. Text without line breaks, as writer output mostly is, costs two `indexOf`. A loop over
 * every character took half of `parse`'s time on a list of strings.
 */
export function hasUnquotedLineBreak(text: string): boolean {
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  if (lf < 0 && cr < 0) return false;
  const length = text.length;
  if (lf < 0) lf = length;
  if (cr < 0) cr = length;
  let i = 0;
  for (;;) {
    // Outside quotes at `i`: the nearest line break and the nearest quote decide.
    if (lf < i) lf = indexOr(text, '\n', i, length);
    if (cr < i) cr = indexOr(text, '\r', i, length);
    const q = indexOr(text, '"', i, length);
    if (lf < q || cr < q) return true;
    if (q === length) return false;
    if (opensValue(text, q)) {
      // Past the closing quote; `""` inside is a literal quote. Unterminated: no break outside.
      let close = q;
      for (;;) {
        close = text.indexOf('"', close + 1);
        if (close < 0) return false;
        if (text.charCodeAt(close + 1) !== QUOTE) break;
        close++;
      }
      i = close + 1;
    } else {
      i = q + 1;
    }
  }
}

function indexOr(text: string, search: string, from: number, none: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? none : at;
}

/**
 * Whether the `"` at `q` opens a quoted key or value: only spaces and TABs stand between it and
 * the start of the text or one of `{` `[` `,` `:`. The look-back stops at the first other
 * character, so over a whole text it visits each blank at most once.
 */
function opensValue(text: string, q: number): boolean {
  let i = q - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i--;
      continue;
    }
    return c === LBRACE || c === LBRACKET || c === COMMA || c === COLON;
  }
  return true;
}
