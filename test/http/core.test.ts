/** The framework-neutral pieces: negotiation order, body rules, and the error mapping. */
import { describe, expect, it } from 'vitest';
import { JsvError } from '../../src/index.js';
import { bodyFormatOf, checkBodyType, checkDeclaredLength, decodeUtf8, DEFAULT_BODY_LIMIT, resolveLimit } from '../../src/http/body-type.js';
import { formatSuffix, negotiate } from '../../src/http/negotiate.js';
import { withJsv } from '../../src/http/fetch.js';
import { HttpError, toErrorResponse } from '../../src/http/response-status.js';

describe('negotiate', () => {
  const at = (url: string, accept?: string, contentType?: string) => negotiate({ url, headers: { accept, 'content-type': contentType } });

  it('strips a .jsv or .json suffix and keeps the query', () => {
    expect(at('/customers.jsv?x=1')).toMatchObject({ format: 'jsv', source: 'suffix', url: '/customers?x=1', varyAccept: false });
    expect(at('/customers/7.json')).toMatchObject({ format: 'json', source: 'suffix', url: '/customers/7' });
  });

  it('reads the suffix as ServiceStack does: after the last dot of the path, case-sensitively', () => {
    expect(formatSuffix('/a.jsv/b')).toBeUndefined();
    expect(formatSuffix('/customers.JSV')).toBeUndefined();
    expect(formatSuffix('/files/report.v2.jsv')).toBe('jsv');
    expect(formatSuffix('/customers.xml')).toBeUndefined();
    // A dot in the query is not a suffix.
    expect(at('/customers?name=a.jsv')).toMatchObject({ source: 'accept', url: '/customers?name=a.jsv' });
  });

  it('uses ?format before Accept and ignores formats it does not serve', () => {
    expect(at('/c?format=jsv', 'application/json')).toMatchObject({ format: 'jsv', source: 'query', varyAccept: false });
    expect(at('/c?a=1&format=Json.pretty', 'text/jsv')).toMatchObject({ format: 'json', source: 'query' });
    expect(at('/c?format=csv', 'text/jsv')).toMatchObject({ format: 'jsv', source: 'accept', varyAccept: true });
  });

  it("reads Accept: application/jsv (ServiceStack's MimeTypes.Jsv, what JsvServiceClient sends) as JSV", () => {
    expect(at('/c', 'application/jsv')).toMatchObject({ format: 'jsv', source: 'accept' });
    expect(at('/c', 'application/json;q=0.5, application/jsv')).toMatchObject({ format: 'jsv' });
  });

  it('answers */* and a missing Accept in the body format, JSON without a body', () => {
    expect(at('/c', '*/*', 'text/jsv; charset=utf-8').format).toBe('jsv');
    expect(at('/c', undefined, 'application/jsv').format).toBe('jsv');
    expect(at('/c', '*/*', 'application/json').format).toBe('json');
    expect(at('/c', '*/*').format).toBe('json');
    expect(at('/c').format).toBe('json');
  });

  it('falls back to JSON for an empty, unknown or malformed Accept header', () => {
    for (const accept of ['', 'application/xml', 'text/html;q=1', ';;;', 'text/jsv;charset=latin1']) {
      expect(at('/c', accept, 'text/jsv').format, accept).toBe('json');
    }
  });

  it('answers application/jsv to a client that names application/jsv (ServiceStack MimeTypes.Jsv), text/jsv otherwise', () => {
    // What ServiceStack's C# JsvServiceClient sends: Accept and Content-Type application/jsv.
    expect(at('/c', 'application/jsv', 'application/jsv')).toMatchObject({ format: 'jsv', contentType: 'application/jsv' });
    expect(at('/c', 'application/jsv')).toMatchObject({ format: 'jsv', contentType: 'application/jsv' });
    expect(at('/c', undefined, 'application/jsv; charset=utf-8').contentType).toBe('application/jsv');
    // A client that names the charset still gets ServiceStack's type, which has none.
    expect(at('/c', 'application/jsv; charset=utf-8').contentType).toBe('application/jsv');
    expect(at('/c', '*/*', 'text/jsv').contentType).toBe('text/jsv; charset=utf-8');
    expect(at('/c', 'text/jsv', 'application/jsv').contentType).toBe('text/jsv; charset=utf-8');
    expect(at('/c', 'application/json, application/jsv;q=0.5', 'application/jsv').format).toBe('json');
  });

  it('gives the response content types the issue fixes', () => {
    expect(at('/c.jsv').contentType).toBe('text/jsv; charset=utf-8');
    expect(at('/c.json').contentType).toBe('application/json; charset=utf-8');
  });
});

describe('body rules', () => {
  it('recognises JSV and JSON media types, whatever their parameters and case', () => {
    expect(bodyFormatOf('text/jsv')).toBe('jsv');
    expect(bodyFormatOf('Application/JSV; charset=utf-8')).toBe('jsv');
    expect(bodyFormatOf('application/json;charset=utf-8')).toBe('json');
    expect(bodyFormatOf('text/plain')).toBeUndefined();
    expect(bodyFormatOf(undefined)).toBeUndefined();
  });

  it('accepts UTF-8 under any of its labels and rejects other charsets with 415', () => {
    for (const ok of ['text/jsv', 'text/jsv; charset=utf-8', 'text/jsv; charset="UTF-8"', 'text/jsv; charset=utf8']) expect(() => checkBodyType(ok)).not.toThrow();
    for (const bad of ['text/jsv; charset=latin1', 'text/jsv; charset=windows-1252', 'text/jsv; charset=utf-16']) {
      expect(() => checkBodyType(bad), bad).toThrow(expect.objectContaining({ status: 415 }));
    }
  });

  it('checks Content-Length against the limit before reading', () => {
    expect(checkDeclaredLength('10', 10)).toBe(10);
    expect(checkDeclaredLength(undefined, 10)).toBeUndefined();
    expect(() => checkDeclaredLength('11', 10)).toThrow(expect.objectContaining({ status: 413 }));
    expect(() => checkDeclaredLength('-1', 10)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkDeclaredLength('1e3', 10_000)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('defaults the limit to 1 MiB and rejects a nonsense limit up front', () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1_048_576);
    expect(resolveLimit(undefined)).toBe(1_048_576);
    expect(resolveLimit({ limit: 0 })).toBe(0);
    expect(() => resolveLimit({ limit: -1 })).toThrow(TypeError);
    expect(() => resolveLimit({ limit: 1.5 })).toThrow(TypeError);
  });

  it('decodes UTF-8 strictly: a lone continuation byte, an overlong form or a surrogate is a 400', () => {
    expect(decodeUtf8(new TextEncoder().encode('Zoë'))).toBe('Zoë');
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    for (const bytes of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      expect(() => decodeUtf8(new Uint8Array(bytes)), String(bytes)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});

describe('toErrorResponse', () => {
  it('gives every 401 a WWW-Authenticate challenge: Bearer unless the error names its own', () => {
    expect(toErrorResponse(new HttpError(401, 'Unauthorized', 'Not Authenticated')).headers).toEqual({ 'www-authenticate': 'Bearer' });
    const own = new HttpError(401, 'Unauthorized', 'Not Authenticated', undefined, { headers: { 'WWW-Authenticate': 'Basic realm="demo"' } });
    expect(toErrorResponse(own).headers).toEqual({ 'www-authenticate': 'Basic realm="demo"' });
    expect(toErrorResponse(Object.assign(new Error('no'), { statusCode: 401 })).headers).toEqual({ 'www-authenticate': 'Bearer' });
    expect(toErrorResponse(new HttpError(403, 'Forbidden', 'Invalid Role')).headers).toEqual({});
  });

  it('keeps an HttpError as it is', () => {
    const errors = [{ errorCode: 'NotEmpty', fieldName: 'name', message: "'Name' must not be empty." }];
    expect(toErrorResponse(new HttpError(400, 'NotEmpty', "'Name' must not be empty.", errors))).toEqual({
      status: 400,
      body: { responseStatus: { errorCode: 'NotEmpty', message: "'Name' must not be empty.", errors } },
      headers: {},
      statusDescription: 'NotEmpty',
    });
  });

  it("sends an HttpError's code as the reason phrase, as ServiceStack's HttpError sets StatusDescription, unless it names another or cannot be one", () => {
    expect(toErrorResponse(new HttpError(404, 'NotFound', 'gone')).statusDescription).toBe('NotFound');
    expect(toErrorResponse(new HttpError(405, 'NotImplementedException', 'no PUT', undefined, { statusDescription: 'Method Not Allowed' })).statusDescription).toBe('Method Not Allowed');
    expect(toErrorResponse(new HttpError(400, 'Bad\r\nInjected: 1', 'x')).statusDescription).toBeUndefined();
    expect(toErrorResponse(new HttpError(400, 'Ünïcode', 'x')).statusDescription).toBeUndefined();
    expect(toErrorResponse(new Error('boom')).statusDescription).toBeUndefined();
  });

  it('gives the reason phrase to the fetch adapter as Response.statusText', async () => {
    const handler = withJsv(() => {
      throw new HttpError(404, 'NotFound', 'gone');
    });
    const response = await handler(new Request('http://host/customers/1', { headers: { accept: 'application/jsv' } }));
    expect([response.status, response.statusText]).toEqual([404, 'NotFound']);
  });

  it('maps a JsvError to 400 with its path as fieldName and its position as meta', () => {
    const error = new JsvError({ code: 'INVALID_ENUM', reason: 'Expected one of Red, Green', offset: 12, line: 2, column: 3, path: 'tags[0].color' });
    expect(toErrorResponse(error)).toEqual({
      status: 400,
      body: {
        responseStatus: {
          errorCode: 'INVALID_ENUM',
          message: error.message,
          errors: [{ errorCode: 'INVALID_ENUM', fieldName: 'tags[0].color', message: 'Expected one of Red, Green', meta: { line: '2', column: '3', offset: '12' } }],
        },
      },
      headers: {},
    });
  });

  it('keeps the 4xx status of framework errors and names it as .NET does', () => {
    const error = Object.assign(new Error('Unsupported Media Type: application/xml'), { statusCode: 415 });
    expect(toErrorResponse(error)).toEqual({ status: 415, body: { responseStatus: { errorCode: 'UnsupportedMediaType', message: 'Unsupported Media Type: application/xml' } }, headers: {} });
  });

  it('hides the message and stack of other errors unless debug is on', () => {
    const error = new TypeError('password=hunter2');
    expect(toErrorResponse(error)).toEqual({ status: 500, body: { responseStatus: { errorCode: 'TypeError', message: 'Internal Server Error' } }, headers: {} });
    const debug = toErrorResponse(error, { debug: true }).body.responseStatus;
    expect(debug.message).toBe('password=hunter2');
    expect(debug.stackTrace).toContain('TypeError: password=hunter2');
    // A 5xx status on the error does not make it a client error.
    expect(toErrorResponse(Object.assign(new Error('x'), { status: 503 })).status).toBe(500);
    expect(toErrorResponse('a string').body.responseStatus).toEqual({ errorCode: 'InternalServerError', message: 'Internal Server Error' });
  });
});
