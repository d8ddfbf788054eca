/** The public streaming walk: the events rebuild what parse reads, and it fails where parse fails. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError, parse, stringify, walk, type JsvSink, type JsvValue, type WalkOptions } from '../../src/index.js';
import { jsvishText, jsvValue } from '../helpers/arbitraries.js';

/** A sink that builds the untyped value from the events, as a user's would. */
class TreeSink implements JsvSink {
  result: JsvValue = null;
  private readonly open: { container: JsvValue[] | Record<string, JsvValue>; key: string }[] = [];

  private add(value: JsvValue): void {
    const top = this.open[this.open.length - 1];
    if (top === undefined) this.result = value;
    else if (Array.isArray(top.container)) top.container.push(value);
    else Object.defineProperty(top.container, top.key, { value, enumerable: true, writable: true, configurable: true });
  }
  openMap(): void {
    const map: Record<string, JsvValue> = {};
    this.add(map);
    this.open.push({ container: map, key: '' });
  }
  key(_text: string, _start: number, _end: number, key: string): void {
    this.open[this.open.length - 1]!.key = key;
  }
  closeMap(): void {
    this.open.pop();
  }
  openList(): void {
    const list: JsvValue[] = [];
    this.add(list);
    this.open.push({ container: list, key: '' });
  }
  closeList(): void {
    this.open.pop();
  }
  emptyMap(): void {
    this.add({});
  }
  emptyList(): void {
    this.add([]);
  }
  quoted(text: string, start: number, end: number): void {
    this.add(text.slice(start + 1, end - 1).replaceAll('""', '"'));
  }
  bare(text: string, start: number, end: number): void {
    this.add(text.slice(start, end));
  }
  empty(): void {
    this.add(null);
  }
}

function walked(text: string, options?: WalkOptions): { value: JsvValue } | { error: unknown } {
  const sink = new TreeSink();
  try {
    walk(text, sink, options);
    return { value: sink.result };
  } catch (error) {
    return { error };
  }
}

function parsed(text: string, options?: WalkOptions): { value: JsvValue } | { error: unknown } {
  try {
    return { value: parse(text, options) };
  } catch (error) {
    return { error };
  }
}

function agree(text: string, options?: WalkOptions): void {
  const a = walked(text, options);
  const b = parsed(text, options);
  if ('error' in b) {
    expect('error' in a).toBe(true);
    const error = (a as { error: unknown }).error;
    expect(isJsvError(error)).toBe(true);
    expect(error).toMatchObject({ code: (b.error as { code: string }).code, offset: (b.error as { offset: number }).offset, path: (b.error as { path?: string }).path });
  } else {
    expect(a).toEqual(b);
  }
}

describe('walk', () => {
  it('law: the events of written values rebuild what parse reads', () => {
    fc.assert(fc.property(jsvValue, (value) => agree(stringify(value))), { numRuns: 300 });
  });

  it('law: on any text it accepts and rejects what parse does, with the same code, offset and path', () => {
    fc.assert(
      fc.property(jsvishText, fc.constantFrom<WalkOptions['whitespace']>('tolerant', 'strict', 'auto'), (text, whitespace) => agree(text, { whitespace })),
      { numRuns: 1500 },
    );
  });

  it('reports an empty document as one empty(), and honours maxDepth', () => {
    expect(walked('')).toEqual({ value: null });
    const deep = walked('[[[1]]]', { maxDepth: 2 });
    expect((deep as { error: unknown }).error).toMatchObject({ code: 'MAX_DEPTH', path: '[0][0]' });
  });

  it('passes an error thrown by the sink through unchanged, and checks its text argument', () => {
    const failure = new Error('sink gave up');
    const sink = new TreeSink();
    sink.bare = () => {
      throw failure;
    };
    expect(() => walk('{a:1}', sink)).toThrow(failure);
    expect(() => walk(42 as never, new TreeSink())).toThrow(new TypeError('walk expects a string, got number'));
  });
});
