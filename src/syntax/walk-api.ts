/**
 * `walk(text, sink)`: the low-level layer under `parse` and `format`, public. The document's
 * structure goes to a sink as events (open, key, scalar, close) instead of into a tree, so a user
 * can write a converter or a streaming consumer without building values. The events, the options
 * and the errors are the public contract; the scanner behind them is not.
 */
import type { ParseOptions } from './options.js';
import { createScanner, walkJsv, type JsvSink } from './walk.js';

/** Options of `walk`: those of `parse`, without the engine (the walk is the scanner's). */
export type WalkOptions = Omit<ParseOptions, 'engine'>;

/**
 * Reads JSV `text` and reports its structure to `sink`, in document order. It accepts and rejects
 * exactly what `parse` does; an empty document reports one `empty()`.
 *
 * @throws JsvError as `parse(text, options)` would (code, offset, line, column and path). Events
 * for the part of the document before the error have been delivered by then.
 */
export function walk(text: string, sink: JsvSink, options?: WalkOptions): void {
  if (typeof text !== 'string') throw new TypeError(`walk expects a string, got ${text === null ? 'null' : typeof text}`);
  for (const _pause of walkJsv(createScanner(text, options), sink));
}
