/**
 * The error body writer of the adapters against the `ErrorResponse` schema of jsvkit/servicestack:
 * for every ResponseStatus, the same JSV and the same JSON, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeErrorBody } from '../../src/http/error-body.js';
import type { ErrorResponse as ErrorBody, ResponseError, ResponseStatus } from '../../src/http/response-status.js';
import { ErrorResponse } from '../../src/servicestack/responses.js';
import { stringifyJsonTyped } from '../../src/typed/json.js';
import { stringifyTyped } from '../../src/typed/typed-api.js';
import { nastyString } from '../helpers/arbitraries.js';

const text = fc.oneof(nastyString, fc.string(), fc.constantFrom('', ' ', 'null', '[]', '{}', '"', 'a,b', 'a:b', '__proto__', 'constructor'));
const meta = fc.dictionary(text, text, { maxKeys: 4 });

const responseError: fc.Arbitrary<ResponseError> = fc.record(
  { errorCode: text, fieldName: text, message: text, meta },
  { requiredKeys: ['errorCode', 'message'] },
);

const responseStatus: fc.Arbitrary<ResponseStatus> = fc.record(
  { errorCode: text, message: text, stackTrace: text, errors: fc.array(responseError, { maxLength: 3 }), meta },
  { requiredKeys: ['errorCode', 'message'] },
);

describe('writeErrorBody', () => {
  it('writes exactly what the ErrorResponse schema writes, as JSV and as JSON, for every ResponseStatus', () => {
    fc.assert(
      fc.property(responseStatus, (status) => {
        const body: ErrorBody = { responseStatus: status };
        expect(writeErrorBody(body, 'jsv')).toBe(stringifyTyped(body, ErrorResponse));
        expect(writeErrorBody(body, 'json')).toBe(stringifyJsonTyped(body, ErrorResponse));
      }),
      { numRuns: 500 },
    );
  });

  it('writes members in ServiceStack order and leaves out what is not declared', () => {
    const status = { meta: { a: '1' }, message: 'm', extra: 'x', errorCode: 'E', errors: [{ message: 'f', errorCode: 'F', secret: 's' }] } as unknown as ResponseStatus;
    expect(writeErrorBody({ responseStatus: status }, 'jsv')).toBe('{responseStatus:{errorCode:E,message:m,errors:[{errorCode:F,message:f}],meta:{a:1}}}');
    expect(writeErrorBody({ responseStatus: status }, 'json')).toBe('{"responseStatus":{"errorCode":"E","message":"m","errors":[{"errorCode":"F","message":"f"}],"meta":{"a":"1"}}}');
  });
});
