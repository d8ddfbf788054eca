/**
 * `Accept` parsing and offer choice against the `negotiator` package (a dev dependency kept for
 * this test): jsvkit's own reader must choose as it chooses, or fail where it fails.
 */
import fc from 'fast-check';
import Negotiator from 'negotiator';
import { describe, expect, it } from 'vitest';
import { preferredOffer } from '../../src/http/negotiate.js';

const OFFERS = ['text/jsv; charset=utf-8', 'application/jsv; charset=utf-8', 'application/json; charset=utf-8'];
const ORDERS = [OFFERS, [OFFERS[1]!, OFFERS[0]!, OFFERS[2]!], [OFFERS[2]!, OFFERS[0]!, OFFERS[1]!]];

const type = fc.constantFrom('text', 'TEXT', 'application', 'Application', '*', 'image', 'x', '');
const subtype = fc.constantFrom('jsv', 'JSV', 'json', 'Json', '*', 'html', 'xml', '');
const param = fc.oneof(
  fc.constantFrom('q=0', 'q=1', 'q=0.5', 'q=0.50', 'q=0.9', 'q=1.0', 'q=abc', 'q=', 'Q=0.3', 'q="0.7"', 'q=-1'),
  fc.constantFrom('charset=utf-8', 'charset=UTF-8', 'charset="utf-8"', 'charset=latin1', 'charset=*', 'level=1', 'constructor=x', '__proto__=y', 'a'),
);
const ows = fc.constantFrom('', ' ', '  ', '\t');
const range = fc.tuple(ows, type, subtype, fc.array(fc.tuple(ows, param), { maxLength: 3 }), ows).map(([a, t, s, ps, b]) => `${a}${t}/${s}${ps.map(([w, p]) => `;${w}${p}`).join('')}${b}`);
const accept = fc.oneof(
  fc.array(range, { minLength: 1, maxLength: 5 }).map((ranges) => ranges.join(',')),
  fc.array(fc.oneof(range, fc.constantFrom('', ' ', 'garbage', '*', ';q=1', '"', 'text/"jsv"')), { maxLength: 4 }).map((ranges) => ranges.join(',')),
  fc.string({ maxLength: 20 }),
);

function expected(header: string | undefined, offers: string[]): string | undefined {
  try {
    return new Negotiator({ headers: { accept: header } }).mediaType(offers);
  } catch {
    return 'threw';
  }
}

function actual(header: string | undefined, offers: string[]): string | undefined {
  try {
    return preferredOffer(header, offers);
  } catch {
    return 'threw';
  }
}

describe('preferredOffer', () => {
  it('chooses the offer negotiator chooses, for any Accept header and offer order', () => {
    fc.assert(
      fc.property(fc.option(accept, { nil: undefined }), fc.constantFrom(...ORDERS), (header, offers) => {
        expect(actual(header, offers)).toBe(expected(header, offers));
      }),
      { numRuns: 3000 },
    );
  });

  it('weighs q, then specificity, then the order of the ranges, then the order of the offers', () => {
    expect(preferredOffer('application/json;q=0.9, text/*', OFFERS)).toBe(OFFERS[0]);
    expect(preferredOffer('*/*;q=0.5, application/json', OFFERS)).toBe(OFFERS[2]);
    expect(preferredOffer('text/jsv;charset=latin1, application/json;q=0.1', OFFERS)).toBe(OFFERS[2]);
    expect(preferredOffer('text/jsv;q=0', OFFERS)).toBeUndefined();
    expect(preferredOffer(undefined, ORDERS[2]!)).toBe(OFFERS[2]);
    expect(preferredOffer('', OFFERS)).toBeUndefined();
    expect(preferredOffer('text/"jsv"', OFFERS)).toBeUndefined();
  });
});
