/** Options shared by the syntax-layer entry points, with their defaults in one place. */
import type { JsvValue } from './value.js';

export type WhitespaceMode = 'tolerant' | 'strict';

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

/**
 * Default nesting limit. Documents 200 levels deep parse by default; the recursive Chevrotain
 * engine stays well inside the stack it has (see test/syntax/depth.test.ts).
 */
export const DEFAULT_MAX_DEPTH = 256;

export interface ParseOptions {
  /** Deepest nesting of `{` and `[` allowed (default 256); deeper input throws `MAX_DEPTH`. */
  maxDepth?: number;
  /**
   * `'tolerant'` (default) ignores layout blanks around structure and at the edges of unquoted
   * values, so pretty-printed JSV parses. `'strict'` keeps every blank as data, as ServiceStack does.
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

export function resolveParseOptions(options: ParseOptions | undefined): ResolvedParseOptions {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (typeof maxDepth !== 'number' || !(maxDepth >= 0)) {
    throw new TypeError(`maxDepth must be a non-negative number, got ${String(maxDepth)}`);
  }
  const whitespace = options?.whitespace ?? 'tolerant';
  if (whitespace !== 'tolerant' && whitespace !== 'strict') {
    throw new TypeError(`whitespace must be 'tolerant' or 'strict', got ${String(whitespace)}`);
  }
  return { maxDepth, tolerant: whitespace === 'tolerant' };
}
