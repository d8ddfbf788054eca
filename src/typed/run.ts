/**
 * Running a schema's compiled decoder or encoder over one whole document: the machinery under the
 * typed API (`parse`, `safeParse`, `stringify`), Standard Schema `validate` and `.default(value)`
 * checking. It sits below all of them and knows schemas only through their protocol (`decoder()`,
 * `encoder()`, `name`, `isNullable`), so the schemas' own modules can use it without a circle.
 * Arguments are trusted here; the public entry points check them.
 */
import { isJsvError } from '../errors/jsv-error.js';
import { isStackOverflow, STACK_OVERFLOW_WRITING } from '../syntax/limits.js';
import { TOP } from '../syntax/scanner.js';
import { Decoding, type TypedParseOptions } from './decoding.js';
import { Encoding, describeValue, type TypedStringifyOptions } from './encoding.js';
import { IssueLimit, toIssue } from './issues.js';
import type { AnySchema, TypedRun } from './protocol.js';

/**
 * Decodes `text` with `schema`. Not collecting, the first problem is thrown; collecting, every issue
 * (up to the limit) is in `issues` and only a non-JSV failure is thrown.
 */
export function decodeDocument(text: string, schema: AnySchema, options: TypedParseOptions | undefined, collect: boolean): Decoding & { value?: unknown } {
  const d: Decoding & { value?: unknown } = new Decoding(text, options, collect);
  const sc = d.scanner;
  try {
    if (sc.atEmptyDocument()) {
      // An empty document is null, as ServiceStack reads empty text.
      if (!schema.isNullable) d.report('UNEXPECTED_END', `Expected ${schema.name}, found an empty document (mark the schema .nullable() to accept null)`, sc.pos);
      d.value = null;
    } else {
      d.value = schema.decoder()(d, TOP, sc.valueStart(TOP));
      sc.finish();
    }
  } catch (error) {
    if (error instanceof IssueLimit) return d;
    const final = d.finalError(error);
    if (!collect || !isJsvError(final)) throw final;
    if (final !== d.thrown) d.issues.push(toIssue(final, d.segments()));
  }
  return d;
}

/**
 * Writes `value` with `schema`. Not collecting, the first problem is thrown; collecting (Standard
 * Schema `validate`), every issue up to the limit is in `issues`, and nothing is thrown for the value.
 */
export function encodeDocument(value: unknown, schema: AnySchema, options: TypedStringifyOptions | undefined, collect: boolean): Encoding {
  const e = new Encoding(options, collect);
  if (value === null || value === undefined) {
    if (!schema.isNullable) e.fail('INVALID_TYPE', `Expected ${schema.name}, found ${describeValue(value)} (mark the schema .nullable() to write null)`);
    return e;
  }
  try {
    schema.encoder()(e, value);
  } catch (error) {
    if (error instanceof IssueLimit) return e;
    // A maxDepth raised past what the stack holds must still end in a JsvError.
    if (!isStackOverflow(error)) throw error;
    e.fail('MAX_DEPTH', STACK_OVERFLOW_WRITING);
  }
  return e;
}

/** Both, as one value a schema hands out (`typedRun()`). */
export const TYPED_RUN: TypedRun = { decodeDocument, encodeDocument };
