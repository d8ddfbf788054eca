/** Error messages a person can use: bounded, positioned only where there is text, and worded right. */
import { describe, expect, it } from 'vitest';
import { parse, stringify, t, type Schema } from '../../src/index.js';
import { Struct } from '../../examples/evovoice/dtos.js';
import { errorOf } from '../helpers/errors.js';

describe('messages are bounded; error.path keeps the whole path', () => {
  it('a typed MAX_DEPTH error on a deep Struct', () => {
    const depth = 300;
    const text = '{key:{structValue:'.repeat(depth) + '{}' + '}}'.repeat(depth);
    const error = errorOf(() => parse(text, Struct));
    expect(error.code).toBe('MAX_DEPTH');
    expect(error.path!.length).toBeGreaterThan(1000);
    expect(error.message.length).toBeLessThanOrEqual(300);
    // The middle of the path is elided; both ends stay readable.
    expect(error.message).toContain('…');
    expect(error.message).toContain(' at key.structValue.key');
  });

  it('a circular reference, typed and untyped', () => {
    const Node: Schema<{ next?: unknown; name?: string }> = t.object({
      name: t.string(),
      get next() {
        return Node;
      },
    });
    const node: { next?: unknown; name: string } = { name: 'n' };
    node.next = node;
    for (const action of [() => stringify(node, Node), () => stringify(node)]) {
      const error = errorOf(action);
      expect(error.code).toBe('CIRCULAR_REFERENCE');
      expect(error.path!.length).toBeGreaterThan(1000);
      expect(error.message.length).toBeLessThanOrEqual(300);
    }
  });

  it('a long key in a reason', () => {
    const key = 'k'.repeat(5000);
    const error = errorOf(() => parse(`{${key}:1,${key}:2}`));
    expect(error.code).toBe('DUPLICATE_KEY');
    expect(error.reason).toContain(key);
    expect(error.message.length).toBeLessThanOrEqual(300);
  });
});

describe('write errors have no text position', () => {
  it('say where in the value instead, and leave offset, line and column undefined', () => {
    const error = errorOf(() => stringify({ list: [1, () => 2] }));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_VALUE', path: 'list[1]', offset: undefined, line: undefined, column: undefined });
    expect(error.message).toBe('Cannot write a function as JSV at list[1]');
    expect(error.toJSON()).toEqual({ name: 'JsvError', code: 'UNSUPPORTED_VALUE', message: error.message, path: 'list[1]' });
    const typed = errorOf(() => stringify({ n: 'x' } as never, t.object({ n: t.int() })));
    expect(typed).toMatchObject({ code: 'INVALID_TYPE', path: 'n', offset: undefined });
    expect(typed.message).not.toMatch(/line \d/);
  });
});

describe('wording', () => {
  it('text after the value says what was found', () => {
    expect(errorOf(() => parse('{A:1}\n', { whitespace: 'strict' })).reason).toBe('Expected the end of input after the value, found a line feed');
    expect(errorOf(() => parse('{A:1}x', { engine: 'chevrotain' })).reason).toBe("Expected the end of input after the value, found 'x'");
  });
});

describe('stringify calls toJSON as JSON.stringify does', () => {
  it('on plain objects, arrays and class instances, with the key, once', () => {
    const plain = { toJSON: () => ({ a: 1 }) };
    expect(stringify(plain)).toBe('{a:1}');
    expect(stringify({ x: { toJSON: (key: string) => `key ${key}` } })).toBe('{x:key x}');
    expect(stringify([{ toJSON: (key: string) => key }, 'b'])).toBe('[0,b]');
    // Not again on what toJSON returns.
    expect(stringify({ toJSON: () => ({ inner: { v: 1 } }) })).toBe('{inner:{v:1}}');
    // A member whose toJSON gives undefined is left out, as JSON.stringify leaves it out.
    const absent = { a: { toJSON: () => undefined }, b: 1 };
    expect(JSON.stringify(absent)).toBe('{"b":1}');
    expect(stringify(absent)).toBe('{b:1}');
    class Money {
      constructor(readonly cents: number) {}
      toJSON(): string {
        return (this.cents / 100).toFixed(2);
      }
    }
    expect(stringify({ price: new Money(1250) })).toBe('{price:12.50}');
  });

  it('but writes a Date as .NET writes a DateTime, not as its ISO toJSON text', () => {
    expect(stringify({ d: new Date(Date.UTC(2021, 2, 4, 5, 6, 7)) })).toBe('{d:2021-03-04T05:06:07Z}');
  });
});
