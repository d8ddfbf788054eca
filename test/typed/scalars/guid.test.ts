import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readGuid, writeGuid } from '../../../src/typed/scalars/guid.js';
import { expectScalarError } from './expect-error.js';

const D = '40dfa5a2-8054-4b3e-b7f5-06e61ff387ef';

describe('readGuid (jsv-spec §3.7, DefaultMemory.ParseGuid)', () => {
  it.each([
    '40DFA5A2-8054-4b3e-B7F5-06E61FF387EF', // vector 26: mixed case, D form
    '40dfa5a280544b3eb7f506e61ff387ef',
    '40DFA5A280544B3EB7F506E61FF387EF',
    '{40dfa5a2-8054-4b3e-b7f5-06e61ff387ef}',
    '(40dfa5a2-8054-4b3e-b7f5-06e61ff387ef)',
    ' 40dfa5a280544b3eb7f506e61ff387ef\t',
    '\u00a0{40DFA5A2-8054-4b3e-B7F5-06E61FF387EF}\u200b',
  ])('%j reads the lower-case D form', (text) => {
    expect(readGuid(text)).toBe(D);
  });
  it.each([
    '{0x40dfa5a2,0x8054,0x4b3e,{0xb7,0xf5,0x06,0xe6,0x1f,0xf3,0x87,0xef}}',
    '40dfa5a280544b3eb7f506e61ff387e', // 31 digits
    '40dfa5a280544b3eb7f506e61ff387eff',
    '40dfa5a2-8054-4b3e-b7f5-06e61ff387e',
    '{40dfa5a280544b3eb7f506e61ff387ef}', // braces need dashes
    '{40dfa5a2-8054-4b3e-b7f5-06e61ff387ef)',
    '(40dfa5a2-8054-4b3e-b7f5-06e61ff387ef',
    '40dfa5a2-8054-4b3e-b7f5-06e61ff387ez',
    '40dfa5a28054-4b3e-b7f5-06e61ff387ef0',
    '40dfa5a2 8054 4b3e b7f5 06e61ff387ef',
    'zz',
    '',
    ' ',
  ])('%j is INVALID_GUID', (text) => {
    expectScalarError(() => readGuid(text), 'INVALID_GUID');
  });
});

describe('writeGuid (jsv-spec §2.5, vector 19)', () => {
  it('writes ToString("N"): 32 lower-case hex digits', () => {
    expect(writeGuid(D)).toBe('40dfa5a280544b3eb7f506e61ff387ef');
    expect(writeGuid('00000000-0000-0000-0000-000000000000')).toBe('0'.repeat(32));
    expect(writeGuid('7DA74353-A40C-468E-93AA-7FF51F4F0E84')).toBe('7da74353a40c468e93aa7ff51f4f0e84'); // vector 56
  });
  it('rejects a value that is not a Guid', () => {
    expectScalarError(() => writeGuid('nope'), 'INVALID_GUID');
  });
  it('law: readGuid(writeGuid(g)) === g for every uuid', () => {
    fc.assert(fc.property(fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8, 15] }), (g) => readGuid(writeGuid(g)) === g));
  });
  it('law: writeGuid(readGuid(t)) === t for every N-form text', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), (t) => writeGuid(readGuid(t)) === t));
  });
});
