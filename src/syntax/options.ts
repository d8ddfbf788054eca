/** Options shared by the syntax-layer entry points, with their defaults in one place. */
import { COLON, COMMA, CR, LBRACE, LBRACKET, LF, QUOTE } from './chars.js';
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
 * opens a key or value: at the start, or after `{` `[` `,` `:` and any spaces or TABs. One linear
 * pass, and none at all (two `indexOf`) for text without line breaks, as writer output mostly is.
 */
export function hasUnquotedLineBreak(text: string): boolean {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return true;
    if (c === QUOTE && atStart) {
      // Past the closing quote; `""` inside is a literal quote. Unterminated: no break outside.
      for (;;) {
        const q = text.indexOf('"', i + 1);
        if (q < 0) return false;
        i = q;
        if (text.charCodeAt(q + 1) !== QUOTE) break;
        i = q + 1;
      }
      atStart = false;
    } else if (c === LBRACE || c === LBRACKET || c === COMMA || c === COLON) {
      atStart = true;
    } else if (c !== 32 && c !== 9) {
      atStart = false;
    }
  }
  return false;
}
