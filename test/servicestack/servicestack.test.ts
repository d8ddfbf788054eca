/**
 * `jsvkit/servicestack`: the DTOs of `ServiceStack.Interfaces` (ResponseStatus.cs, ResponseError.cs,
 * ErrorResponse.cs, EmptyResponse.cs, IQuery.cs), checked against the member lists and order of the
 * blazor-gallery host's metadata, and read as PascalCase (.NET default) and camelCase hosts write them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify, t, type AnySchema, type Infer, type TextCase } from '../../src/index.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import * as ss from '../../src/servicestack/index.js';
import { errorOf } from '../helpers/errors.js';

/**
 * The property names, in order, of these types in a ServiceStack 8.91 host's `/metadata/app.json`
 * (the blazor-gallery demo), which match `[DataMember(Order)]` in ServiceStack.Interfaces.
 */
const METADATA_MEMBERS: Record<string, string[]> = {
  ResponseStatus: ['ErrorCode', 'Message', 'StackTrace', 'Errors', 'Meta'],
  ResponseError: ['ErrorCode', 'FieldName', 'Message', 'Meta'],
  QueryBase: ['Skip', 'Take', 'OrderBy', 'OrderByDesc', 'Include', 'Fields', 'Meta'],
  'QueryResponse`1': ['Offset', 'Total', 'Results', 'Meta', 'ResponseStatus'],
  'KeyValuePair`2': ['Key', 'Value'],
};

function metadataMembers(name: string): string[] {
  return METADATA_MEMBERS[name]!;
}

function declaredMembers(schema: AnySchema): string[] {
  return (schema as unknown as { keys(): string[] }).keys().map((name) => name[0]!.toUpperCase() + name.slice(1));
}

const Row = t.object({ id: t.int(), name: t.string() }, { name: 'Row' });

describe('members match the host metadata, in DataMember order', () => {
  it.each([
    ['ResponseStatus', ss.ResponseStatus],
    ['ResponseError', ss.ResponseError],
    ['QueryBase', ss.QueryBase],
    ['QueryResponse`1', ss.QueryResponse(Row)],
    ['KeyValuePair`2', ss.KeyValuePair(t.string(), t.string())],
  ] as [string, AnySchema][])('%s', (name, schema) => {
    expect(declaredMembers(schema)).toEqual(metadataMembers(name));
  });

  it('QueryDb<T> and QueryData<T> extend QueryBase with no members of their own', () => {
    expect(declaredMembers(ss.QueryDb(Row))).toEqual(metadataMembers('QueryBase'));
    expect(declaredMembers(ss.QueryData(Row))).toEqual(metadataMembers('QueryBase'));
    expect(ss.QueryDb(Row).name).toBe('QueryDb<Row>');
    expect(ss.QueryDb(Row, t.object({}, { name: 'Into' })).name).toBe('QueryDb<Row, Into>');
  });
});

describe('ResponseStatus and friends', () => {
  const pascal = '{ResponseStatus:{ErrorCode:NotFound,Message:Customer 7 does not exist,Errors:[{ErrorCode:NotEmpty,FieldName:Name,Message:"Name must not be empty, please",Meta:{Line:1}}]}}';

  it('read what a PascalCase host writes and write it back byte for byte under PascalCase', () => {
    const value = parse(pascal, ss.ErrorResponse);
    expect(value).toEqual({
      responseStatus: {
        errorCode: 'NotFound',
        message: 'Customer 7 does not exist',
        errors: [{ errorCode: 'NotEmpty', fieldName: 'Name', message: 'Name must not be empty, please', meta: { Line: '1' } }],
      },
    });
    expect(stringify(value, ss.ErrorResponse, { textCase: 'PascalCase' })).toBe(pascal);
  });

  it('read what a camelCase host writes, and write camelCase as declared', () => {
    const camel = '{responseStatus:{errorCode:Forbidden,message:No}}';
    const value = parse(camel, ss.ErrorResponse);
    expect(value).toEqual({ responseStatus: { errorCode: 'Forbidden', message: 'No' } });
    expect(stringify(value, ss.ErrorResponse)).toBe(camel);
    expect(stringify(value, ss.ErrorResponse, { textCase: 'camelCase' })).toBe(camel);
  });

  it('IdResponse, EmptyResponse and the scalar responses', () => {
    expect(parse('{Id:42}', ss.IdResponse)).toEqual({ id: '42' });
    expect(parse('{}', ss.EmptyResponse)).toEqual({});
    expect(parse('{}', ss.IntResponse)).toEqual({ result: 0 });
    expect(parse('{Result:True}', ss.BoolResponse)).toEqual({ result: true });
    expect(parse('{Results:[a,b]}', ss.StringsResponse)).toEqual({ results: ['a', 'b'] });
    expect(stringify({ result: 'x' }, ss.StringResponse, { textCase: 'PascalCase' })).toBe('{Result:x}');
  });

  it('bad members are errors with their path', () => {
    expect(errorOf(() => parse('{ResponseStatus:{Errors:[x]}}', ss.ErrorResponse))).toMatchObject({ code: 'INVALID_TYPE', path: 'responseStatus.errors[0]' });
    // A lone map where a list belongs is a one-element list, as ServiceStack's StripList reads it.
    expect(parse('{ResponseStatus:{Errors:{ErrorCode:E}}}', ss.ErrorResponse).responseStatus?.errors).toEqual([{ errorCode: 'E' }]);
  });
});

describe('QueryResponse(T)', () => {
  const Bookings = ss.QueryResponse(Row);

  it('is one schema per row schema', () => {
    expect(ss.QueryResponse(Row)).toBe(Bookings);
    expect(Bookings.name).toBe('QueryResponse<Row>');
  });

  it('reads an AutoQuery page; Offset and Total default to 0 as C# ints', () => {
    const text = '{Offset:0,Total:2,Results:[{Id:1,Name:a},{Id:2,Name:b}],Meta:{x:y}}';
    const page: ss.QueryResponse<Infer<typeof Row>> = parse(text, Bookings);
    expect(page).toEqual({ offset: 0, total: 2, results: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }], meta: { x: 'y' } });
    expect(stringify(page, Bookings, { textCase: 'PascalCase' })).toBe(text);
    expect(parse('{Results:[]}', Bookings)).toEqual({ offset: 0, total: 0, results: [] });
    expect(errorOf(() => parse('{Results:[{Id:x}]}', Bookings))).toMatchObject({ code: 'INVALID_NUMBER', path: 'results[0].id' });
  });

  it('QueryDb(T).extend gives a request DTO with the paging members first-class', () => {
    const QueryRows = ss.QueryDb(Row).extend({ nameContains: t.string() }, { name: 'QueryRows' });
    const request = parse('{Skip:10,Take:5,OrderBy:-Id,NameContains:x}', QueryRows);
    expect(request).toEqual({ skip: 10, take: 5, orderBy: '-Id', nameContains: 'x' });
    expect(stringify(request, QueryRows, { textCase: 'PascalCase' })).toBe('{NameContains:x,Skip:10,Take:5,OrderBy:-Id}');
  });
});

describe('System types', () => {
  it('DayOfWeek: Sunday = 0 to Saturday = 6, written by name', () => {
    expect(['0', '1', '6'].map((n) => parse(n, ss.DayOfWeek))).toEqual(['Sunday', 'Monday', 'Saturday']);
    expect(stringify('Wednesday', ss.DayOfWeek)).toBe('Wednesday');
    expect(errorOf(() => parse('7', ss.DayOfWeek))).toMatchObject({ code: 'INVALID_ENUM' });
  });

  it('DateTimeKind: Unspecified = 0, Utc = 1, Local = 2', () => {
    expect(['0', '1', '2'].map((n) => parse(n, ss.DateTimeKind))).toEqual(['Unspecified', 'Utc', 'Local']);
  });
});

describe('laws: every schema round-trips under the text cases hosts use', () => {
  const schemas: [string, AnySchema][] = [
    ['ResponseStatus', ss.ResponseStatus],
    ['ErrorResponse', ss.ErrorResponse],
    ['IdResponse', ss.IdResponse],
    ['IntResponse', ss.IntResponse],
    ['BoolResponse', ss.BoolResponse],
    ['StringsResponse', ss.StringsResponse],
    ['QueryBase', ss.QueryBase],
    ['QueryResponse(Row)', ss.QueryResponse(Row)],
    ['QueryDb(Row)', ss.QueryDb(Row)],
    ['KeyValuePair', ss.KeyValuePair(t.string(), ss.DayOfWeek)],
  ];
  it.each(schemas)('%s', (_name, schema) => {
    fc.assert(
      fc.property(arbitrary(schema), fc.constantFrom<TextCase>('default', 'camelCase', 'PascalCase'), (value, textCase) => {
        expect(parse(stringify(value, schema, { textCase }), schema)).toEqual(value);
      }),
      { numRuns: 50 },
    );
  });
});
