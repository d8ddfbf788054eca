/** `parse(text)`: JSV text -> untyped values, by the engine the options choose. */
import type { ParseOptions } from './options.js';
import { Scanner, TOP } from './scanner.js';
import { readTree } from './tree-builder.js';
import type { JsvValue } from './value.js';

/**
 * Parses JSV text into untyped data: maps become plain objects, lists arrays, every scalar a
 * string, and an empty value `null`. An empty document is `null`.
 *
 * @throws JsvError `UNEXPECTED_TOKEN`, `UNEXPECTED_END`, `UNTERMINATED_STRING`, `TRAILING_INPUT`,
 * `DUPLICATE_KEY` or `MAX_DEPTH`, with the offset, line and column of the offending text.
 */
export function parseUntyped(text: string, options?: ParseOptions): JsvValue {
  if (typeof text !== 'string') throw new TypeError(`parse expects a string, got ${text === null ? 'null' : typeof text}`);
  const engine = options?.engine;
  if (engine !== undefined && engine !== 'scanner') {
    if (typeof engine === 'object' && engine !== null && typeof engine.parse === 'function') return engine.parse(text, options);
    throw new TypeError(engineReason(engine));
  }
  const scanner = new Scanner(text, options);
  if (scanner.atEmptyDocument()) return null;
  const value = readTree(scanner, TOP);
  scanner.finish();
  return value;
}

/**
 * Why `engine` is not one: Chevrotain is not built in (so `import('jsvkit')` does not load it), and
 * the message says where it is.
 */
function engineReason(engine: unknown): string {
  if (engine === 'chevrotain') {
    return "engine 'chevrotain' is not built in: import { chevrotain } from 'jsvkit/chevrotain' and pass parse(text, { engine: chevrotain })";
  }
  const shown = typeof engine === 'string' ? `'${engine}'` : engine === null ? 'null' : typeof engine;
  return `engine must be 'scanner' or an engine object such as chevrotain from 'jsvkit/chevrotain', got ${shown}`;
}
