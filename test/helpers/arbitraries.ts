/** fast-check generators for untyped JSV values, biased towards the characters that matter. */
import fc from 'fast-check';
import type { JsvValue } from '../../src/index.js';

/** Strings that stress quoting: structure characters, edge blanks, CR/LF, look-alikes, astral text. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'ab {}[],:"\'\\\t\r\n\u00a0\u200b\u2028😀é'.split(/(?:)/u)), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', 'True', 'False', '123', '-0', '1E+17', ' a', 'a ', '""', '"', '{}', '[]', ',', ':', '\u200b', '\uFEFFx') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** Any value `stringify` can write and `parse` reads back unchanged. */
export const jsvValue: fc.Arbitrary<JsvValue> = fc.letrec<{ value: JsvValue; list: JsvValue[]; map: Record<string, JsvValue> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, nastyString, tie('list'), tie('map')),
  // A list whose only item is null has no text (W1); nulls elsewhere are empty slots.
  list: fc
    .array(fc.oneof({ weight: 5, arbitrary: tie('value') }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 5 })
    .filter((items) => !(items.length === 1 && items[0] === null)),
  // Maps never hold null: the writer leaves such entries out.
  map: fc.dictionary(nastyString, tie('value') as fc.Arbitrary<JsvValue>, { maxKeys: 5 }).map((record) => ({ ...record })),
})).value;

/** Text made of JSV's special characters, letters and blanks: mostly invalid, sometimes valid. */
export const jsvishText: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom(...'{}[],:"" ab\t\n\r\u00a0😀'.split(/(?:)/u)), maxLength: 40 });
