/**
 * Lists of bare items are read by a run that notes item bounds and slices the list out at `]`
 * (`Scanner.readBareRun`, tree-builder.ts); anything else falls back to the general reader at that item. The two
 * ways must be indistinguishable: the same value, or the same error (code, offset, path, reason),
 * on any text, in both whitespace modes. The Chevrotain engine, which shares no code with either,
 * is the third opinion.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, type WhitespaceMode } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { pendingListItems } from '../../src/syntax/list-builder.js';
import { bareRuns } from '../../src/syntax/tree-builder.js';
import { readOutcome, type ReadOutcome } from '../helpers/errors.js';

function withRuns(enabled: boolean, text: string, whitespace: WhitespaceMode): ReadOutcome {
  bareRuns.enabled = enabled;
  try {
    return readOutcome(() => parse(text, { whitespace }));
  } finally {
    bareRuns.enabled = true;
  }
}

function same(text: string, withChevrotain = true): void {
  for (const whitespace of ['tolerant', 'strict'] as const) {
    const fast = withRuns(true, text, whitespace);
    const general = withRuns(false, text, whitespace);
    expect({ whitespace, text, ...fast }).toEqual({ whitespace, text, ...general });
    if (withChevrotain) expect({ whitespace, text, ...readOutcome(() => parse(text, { whitespace, engine: chevrotain })) }).toEqual({ whitespace, text, ...fast });
    expect(pendingListItems()).toBe(0);
  }
}

/** List items and what stops a run: nested values, quotes, empty slots, blanks, stray closers. */
const item = fc.constantFrom('a', '12', '-3.5', 'x y', 'a:b', 'a"b', ' ', '\t', '\n', ' a ', '"q"', '""', '"a""b"', '{k:v}', '{}', '[]', '[x,y]', '[1,[2]]', '', '}', ']', '[', '{', ':');
const list = fc.array(item, { maxLength: 12 }).map((items) => `[${items.join(',')}]`);
const document = fc.oneof(
  list,
  fc.tuple(list, list).map(([a, b]) => `{a:${a},b:${b}}`),
  fc.tuple(list, list).map(([a, b]) => `[${a},${b},{c:${a}}]`),
  fc.array(item, { maxLength: 12 }).map((items) => `[[${items.join(',')}`),
);

describe('bare runs read lists exactly as the general reader does', () => {
  afterEach(() => {
    bareRuns.enabled = true;
  });

  it('law: same value or same error on lists of mixed items, whole or cut anywhere', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.boolean(), (text, cut, truncate) => {
        same(truncate ? text.slice(0, cut % (text.length + 1)) : text);
      }),
      { numRuns: 1500 },
    );
  });

  it('on long lists, built on the item stack past the large-list size, ended well or badly', () => {
    const items = Array.from({ length: 9000 }, (_, i) => (i % 3 === 0 ? ` ${i}` : String(i)));
    const body = items.join(',');
    for (const text of [`[${body}]`, `{a:[${body}],b:[${body}`, `[${body},{a:1,a:2}]`, `[${body}}`, `[${body},"x]`, `[[${body}],[${body}]]`]) same(text, false);
  });

  it('an error after a run counts the items the run read', () => {
    // The fourth item is a map the run leaves to the general reader; its value is cut off.
    expect(withRuns(true, '[a,b,c,{k:v', 'strict')).toMatchObject({ code: 'UNEXPECTED_END', offset: 11, path: '[3].k' });
    // Two items were read when a `}` stands where `,` or `]` belongs.
    expect(withRuns(true, '{list:[a,b}', 'strict')).toMatchObject({ code: 'UNEXPECTED_TOKEN', offset: 10, path: 'list[2]' });
  });
});
