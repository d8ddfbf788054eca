/**
 * JSV text -> compact JSON, streamed: a sink for the walk (`jsvkit to-json`, and the conversions
 * in conversion.ts). Keys keep their document order, which a
 * JavaScript object would not promise for integer-like keys, and no object is ever built, so a
 * `__proto__` key is just text. Untyped JSV scalars are strings; with `infer`, bare `true`/`false`
 * (any case, as ServiceStack reads booleans) become booleans and bare number text that is also
 * valid JSON number text (`-12`, `1.5`, `1E+17`) becomes a number, digits kept as written.
 */
import type { JsvSink } from './walk.js';

// JSON's number grammar (RFC 8259 §6); it has no nested quantifiers, so it runs in linear time.
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** JSON for one bare JSV value under `--infer`. */
export function inferJson(value: string): string {
  if (value.length === 4 || value.length === 5) {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower;
  }
  if (JSON_NUMBER.test(value)) return value;
  return JSON.stringify(value);
}

export class JsonSink implements JsvSink {
  /** Output not yet taken by the caller. */
  out = '';
  /** A value just ended, so the next key or item needs a `,` first. */
  private comma = false;

  constructor(private readonly infer = false) {}

  private separate(): void {
    if (this.comma) this.out += ',';
  }

  private value(json: string): void {
    if (this.comma) this.out += ',';
    this.out += json;
    this.comma = true;
  }

  openMap(): void {
    this.separate();
    this.out += '{';
    this.comma = false;
  }

  openList(): void {
    this.separate();
    this.out += '[';
    this.comma = false;
  }

  closeMap(): void {
    this.out += '}';
    this.comma = true;
  }

  closeList(): void {
    this.out += ']';
    this.comma = true;
  }

  key(_text: string, _start: number, _end: number, key: string): void {
    this.separate();
    this.out += JSON.stringify(key) + ':';
    this.comma = false;
  }

  emptyMap(): void {
    this.value('{}');
  }

  emptyList(): void {
    this.value('[]');
  }

  quoted(text: string, start: number, end: number): void {
    const inner = text.slice(start + 1, end - 1);
    // Quoted text is always a string, even under --infer: quotes are how JSV keeps `"123"` text.
    this.value(JSON.stringify(inner.indexOf('"') < 0 ? inner : inner.replaceAll('""', '"')));
  }

  bare(text: string, start: number, end: number): void {
    const value = text.slice(start, end);
    this.value(this.infer ? inferJson(value) : JSON.stringify(value));
  }

  empty(): void {
    this.value('null');
  }
}
