/**
 * Lays out walked JSV exactly as `format()` does (jsv-spec §4: one entry or item per line, TAB
 * indentation, `key: value`, `key: ` before a container on the next line), but into a buffer the
 * CLI drains while it walks, so `jsvkit fmt` never holds the whole output. A fuzz law holds its
 * text equal to `format()`'s.
 */
import { quote } from '../syntax/quoting.js';
import { isBlank } from '../syntax/chars.js';
import type { JsvSink } from './jsv-walk.js';

export class FormatSink implements JsvSink {
  /** Output not yet taken by the caller. */
  out = '';
  private depth = 0;
  /** A value just ended, so the next key or item needs `,` and a line break first. */
  private comma = false;
  private afterKey = false;
  private readonly breaks: string[];

  constructor(
    private readonly newline = '\n',
    private readonly indent = '\t',
  ) {
    this.breaks = [newline];
  }

  private lineBreak(level: number): string {
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

  key(text: string, start: number, end: number): void {
    this.separate();
    this.out += text.slice(start, end) + ': ';
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
    // Strict input may carry edge blanks as data; quotes keep them through a tolerant reader. A
    // top-level value starting with U+FEFF would be read as a byte-order mark: quoted too.
    const edge = value.length > 0 && (isBlank(value.charCodeAt(0)) || isBlank(value.charCodeAt(value.length - 1)));
    this.value(edge || (this.depth === 0 && value.charCodeAt(0) === 0xfeff) ? quote(value) : value);
  }

  empty(): void {
    this.value('');
  }
}
