/** `parse(text)`: JSV text -> untyped values, by the engine the options choose. */
import { parseWithChevrotain } from './chevrotain/parse.js';
import type { ParseOptions } from './options.js';
import { Scanner, TOP } from './scanner.js';
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
  if (options?.engine === 'chevrotain') return parseWithChevrotain(text, options);
  if (options?.engine !== undefined && options.engine !== 'scanner') {
    throw new TypeError(`engine must be 'scanner' or 'chevrotain', got ${String(options.engine)}`);
  }
  const scanner = new Scanner(text, options);
  if (scanner.atEmptyDocument()) return null;
  const value = scanner.readValue(TOP);
  scanner.finish();
  return value;
}
