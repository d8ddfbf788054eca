/**
 * Streaming conversions of one whole document, as the CLI runs them on 100 MB files: JSV -> JSV
 * laid out (`format`), JSV -> JSON, JSON -> JSV, and a syntax check. Each pauses every few
 * thousand values so its caller can take the output gathered so far (`output.out`), write it
 * with backpressure and report progress; driven to the end without pausing, each is what the
 * one-call function (`format`, `jsonToJsv`, `parse`) gives.
 */
import { FormatSink, type FormatOptions } from './format.js';
import { JsonToJsv, type JsonToJsvOptions } from './json-to-jsv.js';
import { JsonSink } from './jsv-to-json.js';
import type { ParseOptions } from './options.js';
import { createScanner, NULL_SINK, walkJsv, type JsvSink } from './walk.js';

export interface Conversion {
  /** Runs the conversion; each step ends at a pause. @throws JsvError for bad input. */
  readonly steps: Generator<void, void, void>;
  /** Output gathered and not yet taken: the caller empties `out` at pauses. */
  readonly output: { out: string };
  /** How far into the input the conversion is (a UTF-16 offset). */
  position(): number;
}

/** Walks JSV `text` into `sink`, with parse's options. */
function walking(text: string, options: ParseOptions | undefined, sink: JsvSink, output: { out: string }): Conversion {
  const scanner = createScanner(text, options);
  return { steps: walkJsv(scanner, sink), output, position: () => scanner.pos };
}

/** Checks JSV syntax only; writes nothing. */
export function checkingJsv(text: string, options?: ParseOptions): Conversion {
  return walking(text, options, NULL_SINK, { out: '' });
}

/** JSV laid out as `format` lays it out. */
export function formattingJsv(text: string, options?: FormatOptions): Conversion {
  const sink = new FormatSink(options?.newline, options?.indent);
  return walking(text, options, sink, sink);
}

export interface JsvToJsonOptions extends ParseOptions {
  /** Bare `true`/`false` (any case) and bare JSON-number text become JSON booleans and numbers. */
  infer?: boolean;
}

/** JSV as compact JSON, keys in document order; scalars are strings unless `infer` is set. */
export function jsvToJsonConversion(text: string, options?: JsvToJsonOptions): Conversion {
  const sink = new JsonSink(options?.infer === true);
  return walking(text, options, sink, sink);
}

/** JSON as compact JSV, as `jsonToJsv` writes it. */
export function jsonToJsvConversion(text: string, options?: JsonToJsvOptions): Conversion {
  const converter = new JsonToJsv(text, options);
  return { steps: converter.convert(), output: converter, position: () => converter.pos };
}
