import { describe, expect, it } from 'vitest';
import { enumNameLookup } from '../../../src/typed/scalars/enum-name.js';

describe('enumNameLookup (jsv-spec §3.7 enum row)', () => {
  const lookup = enumNameLookup(['Red', 'Green', 'SUN', 'a', 'A']);
  it('matches names in any case, with surrounding blanks', () => {
    expect(lookup('Green')).toBe('Green');
    expect(lookup('green')).toBe('Green');
    expect(lookup(' GREEN ')).toBe('Green');
    expect(lookup('sun')).toBe('SUN');
  });
  it('prefers an exact match among members differing in case', () => {
    expect(lookup('a')).toBe('a');
    expect(lookup('A')).toBe('A');
  });
  it('reports unknown members as undefined (the schema layer raises INVALID_ENUM)', () => {
    expect(lookup('Purple')).toBeUndefined();
    expect(lookup('')).toBeUndefined();
    expect(lookup('Red|Green')).toBeUndefined();
  });
});
