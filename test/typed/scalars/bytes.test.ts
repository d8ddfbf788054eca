import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readBytes, writeBytes } from '../../../src/typed/scalars/bytes.js';
import { expectScalarError } from './expect-error.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('writeBytes (jsv-spec §2.5)', () => {
  it('vector 21: {0,65,97,255} is AEFh/w==', () => {
    expect(writeBytes(bytes(0, 65, 97, 255))).toBe('AEFh/w==');
  });
  it('pads to a multiple of four', () => {
    expect(writeBytes(bytes(0xfb))).toBe('+w==');
    expect(writeBytes(bytes(0xfb, 0xff))).toBe('+/8=');
    expect(writeBytes(bytes(0xfb, 0xff, 0xbf))).toBe('+/+/');
  });
  it('W6: an empty array is written "" so it does not read back as null', () => {
    expect(writeBytes(new Uint8Array())).toBe('""');
  });
  it('law: readBytes(writeBytes(b)) equals b (empty arrives unquoted as empty text)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const text = writeBytes(b);
        expect(readBytes(text === '""' ? '' : text)).toEqual(b);
      }),
    );
  });
  it('law: writeBytes agrees with Node’s base64 encoder', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (b) => writeBytes(b) === Buffer.from(b).toString('base64')));
  });
});

describe('readBytes (jsv-spec §3.4 ParseByteArray, .NET Convert.FromBase64String)', () => {
  it.each([
    ['AEFh/w==', [0, 65, 97, 255]],
    [' AEFh /w= = ', [0, 65, 97, 255]],
    ['AE\r\nFh\t/w==', [0, 65, 97, 255]],
    ['', []],
    ['  ', []],
    ['AB==', [0]], // .NET ignores the unused low bits
  ])('%j reads %j', (text, values) => {
    expect(readBytes(text)).toEqual(Uint8Array.from(values));
  });
  it.each(['AEFh/w', 'AEFh/w=', 'A', 'A===', 'AA==AA==', 'AEFh-w==', 'AEFh_w==', '====', 'AEFh/w==\u00a0', '[1,2,3]', '"AEFh/w=="'])(
    '%j is INVALID_BYTES',
    (text) => {
      expectScalarError(() => readBytes(text), 'INVALID_BYTES');
    },
  );
});
