import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readBoolean, writeBoolean } from '../../../src/typed/scalars/boolean.js';
import { expectScalarError } from './expect-error.js';

describe('readBoolean (jsv-spec §3.7, StringSpanExtensions.ParseBoolean)', () => {
  it.each(['1', 't', 'T', 'y', 'Y', 'on', 'True', 'true', 'TRUE', 'tRuE', ' True ', '\tTrue\n', 'True\u00a0', 'true\0'])('%j is true', (text) => {
    expect(readBoolean(text)).toBe(true);
  });
  it.each(['0', 'f', 'F', 'n', 'N', 'off', 'ofx', 'of1', 'False', 'false', 'FALSE', ' false ', '\u3000False'])('%j is false', (text) => {
    expect(readBoolean(text)).toBe(false);
  });
  it.each(['yes', 'no', 'On', 'ON', 'OFF', 'Off', 'of', '2', 'x', ' ', '', 'truee', 'tru', ' t', 't ', '"True"', 'True,'])('%j is INVALID_BOOLEAN', (text) => {
    expectScalarError(() => readBoolean(text), 'INVALID_BOOLEAN');
  });
  it('vector 25: True reads as true', () => {
    expect(readBoolean('True')).toBe(true);
  });
});

describe('writeBoolean (jsv-spec §2.5)', () => {
  it('writes .NET capitalised names (vector 56: Bool:False)', () => {
    expect(writeBoolean(true)).toBe('True');
    expect(writeBoolean(false)).toBe('False');
  });
  it('law: read(write(b)) === b', () => {
    fc.assert(fc.property(fc.boolean(), (b) => readBoolean(writeBoolean(b)) === b));
  });
  it('law: write(read(t)) === t for the texts ServiceStack writes', () => {
    for (const text of ['True', 'False']) expect(writeBoolean(readBoolean(text))).toBe(text);
  });
  it('law: any string either reads or throws ScalarError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (text) => {
        try {
          expect(typeof readBoolean(text)).toBe('boolean');
        } catch (error) {
          expect((error as Error).name).toBe('ScalarError');
        }
      }),
    );
  });
});
