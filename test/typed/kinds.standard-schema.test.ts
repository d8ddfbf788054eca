/** Standard Schema `validate` for the metadata kinds: decoded values pass, others give issues with paths. */
import { describe, expect, it } from 'vitest';
import { JsvDateTimeOffset, t } from '../../src/index.js';
import { ResponseStatus, QueryResponse } from '../../src/servicestack/index.js';

const Dto = t.object({
  b: t.byte(),
  ul: t.ulong(),
  at: t.dateTimeOffset(),
  d: t.dateOnly(),
  tm: t.timeOnly(),
  e: t.enum(['A', 'B'] as const, { wireNames: { A: 'a-a' } }),
  o: t.any(),
  kv: t.keyValuePair(t.string(), t.int()),
});

describe('Standard Schema validate', () => {
  it('accepts decoded values as they are', () => {
    const value = { b: 1, ul: 2n, at: new JsvDateTimeOffset(0n), d: '2001-01-13', tm: '13:13:13', e: 'A' as const, o: { x: ['1'] }, kv: { key: 'k', value: 1 } };
    expect(Dto['~standard'].validate(value)).toEqual({ value });
  });

  it('reports each bad member with its path', () => {
    const result = Dto['~standard'].validate({ b: -1, ul: -2n, at: '2001-01-13', d: '2001-1-13', tm: '25:00', e: 'a-a', kv: { key: 1 } });
    expect('issues' in result && result.issues?.map((issue) => issue.path)).toEqual([['b'], ['ul'], ['at'], ['d'], ['tm'], ['e'], ['kv', 'key']]);
  });

  it('fills QueryResponse defaults as decoding does', () => {
    const Rows = QueryResponse(t.object({ id: t.int() }));
    expect(Rows['~standard'].validate({ results: [] })).toEqual({ value: { offset: 0, total: 0, results: [] } });
    expect(ResponseStatus['~standard'].validate({ errors: [{ errorCode: 5 }] })).toMatchObject({ issues: [{ path: ['errors', 0, 'errorCode'] }] });
  });
});
