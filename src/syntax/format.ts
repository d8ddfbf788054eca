/**
 * `format(text)`: the indented layout of ServiceStack's `JsvFormatter`, the one the
 * metadata pages and the seed's samples show: one entry or item per line, TAB indentation, `key: value`,
 * and `key: ` followed by the container on the next line. Unlike JsvFormatter, it reads the text
 * with the real grammar (the walk in walk.ts), so quoted strings and bare values are never broken
 * or spaced, and it is idempotent. Values keep their own spelling; empty containers stay `{}` and `[]`.
 */
import { BOM, isBlank, LBRACE, QUOTE } from './chars.js';
import type { ParseOptions } from './options.js';
import { quote } from './quoting.js';
import { Scanner } from './scanner.js';
import { walkJsv, type JsvSink } from './walk.js';

const LAYOUT_BLANK = /[\t\n\r ]/;

export interface FormatOptions extends Omit<ParseOptions, 'engine'> {
  /** One level of indentation (default a TAB, as ServiceStack). */
  indent?: string;
  /** Line break (default `\n`; ServiceStack uses the host's, CRLF on Windows). */
  newline?: string;
}

/**
 * Pretty-prints JSV text. The result parses (tolerant mode) to the same value as the input.
 *
 * @throws JsvError for malformed input, exactly as `parse` does.
 */
export function format(text: string, options?: FormatOptions): string {
  if (typeof text !== 'string') throw new TypeError(`format expects a string, got ${text === null ? 'null' : typeof text}`);
  const scanner = new Scanner(text, options);
  const sink = new FormatSink(options?.newline, options?.indent);
  try {
    for (const _pause of walkJsv(scanner, sink));
  } catch (error) {
    // Indentation grows with depth, so output grows with its square: a document allowed to nest
    // far past the default maxDepth can outgrow the largest string the engine can hold.
    if (error instanceof RangeError) {
      throw scanner.fail(scanner.pos, 'MAX_DEPTH', 'The formatted text would be too large for a string at this nesting depth; lower maxDepth or use stringify');
    }
    throw error;
  }
  return sink.out;
}

/**
 * Writes the layout into `out` as the walk reports the document. The CLI drains `out` while it
 * walks, so `jsvkit fmt` never holds a whole 100 MB output.
 */
export class FormatSink implements JsvSink {
  /** Output not yet taken by the caller. */
  out = '';
  private depth = 0;
  /** A value just ended, so the next key or item needs `,` and a line break first. */
  private comma = false;
  private afterKey = false;
  /** Line breaks for the levels documents use; deeper ones are built when needed. */
  private readonly breaks: string[] = [];

  constructor(
    private readonly newline = '\n',
    private readonly indent = '\t',
  ) {}

  private lineBreak(level: number): string {
    if (level > 64) return this.newline + this.indent.repeat(level);
    return this.breaks[level] ?? (this.breaks[level] = this.newline + this.indent.repeat(level));
  }

  private separate(): void {
    if (this.comma) this.out += ',' + this.lineBreak(this.depth);
  }

  private open(bracket: string): void {
    this.separate();
    if (this.afterKey) this.out += this.lineBreak(this.depth);
    this.depth++;
    this.out += bracket + this.lineBreak(this.depth);
    this.comma = false;
    this.afterKey = false;
  }

  private close(bracket: string): void {
    this.depth--;
    this.out += this.lineBreak(this.depth) + bracket;
    this.comma = true;
  }

  private value(text: string): void {
    this.separate();
    this.out += text;
    this.comma = true;
    this.afterKey = false;
  }

  openMap(): void {
    this.open('{');
  }

  openList(): void {
    this.open('[');
  }

  closeMap(): void {
    this.close('}');
  }

  closeList(): void {
    this.close(']');
  }

  key(text: string, start: number, end: number, key: string): void {
    this.separate();
    // A map used as a key is kept as its raw text. Strict input may hold blanks in it as data
    // (`{k: "}` has the value ` "`), which a tolerant reader of this layout would skip instead;
    // written quoted, the key reads back as the same text in either mode.
    // A bare strict key may have edge blanks as data, which a tolerant reader would trim.
    const first = text.charCodeAt(start);
    const quoted = first === LBRACE ? LAYOUT_BLANK.test(key) : first !== QUOTE && key.length > 0 && (isBlank(key.charCodeAt(0)) || isBlank(key.charCodeAt(key.length - 1)));
    this.out += (quoted ? quote(key) : text.slice(start, end)) + ': ';
    this.comma = false;
    this.afterKey = true;
  }

  emptyMap(): void {
    this.value('{}');
  }

  emptyList(): void {
    this.value('[]');
  }

  quoted(text: string, start: number, end: number): void {
    this.value(text.slice(start, end));
  }

  bare(text: string, start: number, end: number): void {
    const value = text.slice(start, end);
    this.value(this.mustQuote(value) ? quote(value) : value);
  }

  empty(): void {
    this.value('');
  }

  /**
   * Strict input may carry edge blanks as data, which a tolerant reader would trim; a top-level
   * value starting with U+FEFF would be taken for a byte-order mark. Quotes keep both.
   */
  private mustQuote(value: string): boolean {
    if (value.length === 0) return false;
    if (isBlank(value.charCodeAt(0)) || isBlank(value.charCodeAt(value.length - 1))) return true;
    return this.depth === 0 && value.charCodeAt(0) === BOM;
  }
}
