/**
 * Vectors from jsv-spec §7 that need no target type, in both directions where they apply. The
 * number is the spec's vector number; "derived" rows come from the spec's source reading and runs,
 * not from a ServiceStack test.
 */
import { describe, expect, it } from 'vitest';
import { format, parse, stringify } from '../../src/index.js';

describe('writer vectors (W)', () => {
  it.each<[string, unknown, string]>([
    ['6', 'https://url.com', '"https://url.com"'],
    ['7', { One: '1st', Two: '2nd', Three: '3rd' }, '{One:1st,Two:2nd,Three:3rd}'],
    ['9', { One: '"1st', Two: '2:nd', Three: '3r,d', Four: 'four%' }, '{One:"""1st",Two:"2:nd",Three:"3r,d",Four:four%}'],
    ['11', ['"1st', '2:nd', '3r,d', 'four%'], '["""1st","2:nd","3r,d",four%]'],
    ['13', ['One', 'Two', 'Three', 'Four', 'Five'], '[One,Two,Three,Four,Five]'],
    ['15', [], '[]'],
    ['16', [[1, 0], [0, 1]], '[[1,0],[0,1]]'],
    ['16 (3-D)', [[[1, 0], [1, 0]], [[0, 1], [0, 1]]], '[[[1,0],[1,0]],[[0,1],[0,1]]]'],
    ['21', new Uint8Array([0, 65, 97, 255]), 'AEFh/w=='],
    ['27', { Name: '' }, '{Name:""}'],
    ['27 (null)', { Name: null }, '{}'],
    ['27 (quotes)', { Name: '"This is a string surrounded with quotes"' }, '{Name:"""This is a string surrounded with quotes"""}'],
    ['28', { ErrorCode: null }, '{}'],
    ['48', new Date(Date.UTC(1979, 4, 9, 0, 0, 1)), '1979-05-09T00:00:01Z'],
    ['48 (ms)', new Date(Date.UTC(1979, 4, 9, 0, 0, 0, 1)), '1979-05-09T00:00:00.0010000Z'],
    ['52', [1, null], '[1,]'],
    ['52 (strings)', { StringListProp: ['hello', null] }, '{StringListProp:[hello,]}'],
    ['58', { A: 1, B: 2, C: 3, D: 4 }, '{A:1,B:2,C:3,D:4}'],
    ['58 (list)', [1, 2, 3, 4, 5], '[1,2,3,4,5]'],
    ['59', { Foo: 'Bar', Greet: 'Hello World!' }, '{Foo:Bar,Greet:Hello World!}'],
    ['59 (comma)', { Name: 'Me, Junior' }, '{Name:"Me, Junior"}'],
    ['59 (quotes)', { Size: '2" x 1"' }, '{Size:"2"" x 1"""}'],
    ['§2.3', ['p', null, ''], '[p,,""]'],
    ['§2.3 (nested)', [[1], null, [2, 3]], '[[1],,[2,3]]'],
    ['§2.4', { a: null, b: 'x', '': '' }, '{b:x,"":""}'],
    ['§2.4 (keys)', { 'a b': 1, 'c:d': 2, 'e,f': 3, '"q': 4, '': 5 }, '{a b:1,"c:d":2,"e,f":3,"""q":4,"":5}'],
  ])('vector %s', (_n, value, text) => {
    expect(stringify(value)).toBe(text);
  });
});

describe('reader vectors (R)', () => {
  it.each<[string, string, unknown]>([
    ['8', '{One:1st,Two:2nd,Three:3rd}', { One: '1st', Two: '2nd', Three: '3rd' }],
    ['10', '{One:"""1st",Two:2:nd,Three:"3r,d"}', { One: '"1st', Two: '2:nd', Three: '3r,d' }],
    ['12', '["""1st",2:nd,"3r,d",four%]', ['"1st', '2:nd', '3r,d', 'four%']],
    ['14', '[One,Two,Three,Four,Five]', ['One', 'Two', 'Three', 'Four', 'Five']],
    ['22', '', null],
    ['23', '[]', []],
    ['23 (map)', '{}', {}],
    ['27', '{Name:""}', { Name: '' }],
    ['27 (null)', '{}', {}],
    ['52', '[1,]', ['1', null]],
    ['52 (strings)', '{StringListProp:[hello,]}', { StringListProp: ['hello', null] }],
    ['57', "{Number:10330,CountryKey:DE,FederalStateKey:\"\",Salutation:,City:''}", { Number: '10330', CountryKey: 'DE', FederalStateKey: '', Salutation: null, City: "''" }],
    ['derived', '{A:,B:1}', { A: null, B: '1' }],
    ['derived (list)', '[a,,b]', ['a', null, 'b']],
  ])('vector %s', (_n, text, value) => {
    expect(parse(text)).toEqual(value);
  });

  it('vector 29: a ServiceStack-written DTO with unquoted `:` in values, a 6-digit fraction and empty values', () => {
    const text =
      '{Id:urn:post:f830c3fd-e664-47fa-b09a-7d06a9db4afd/1,CanPreviewFullLength:False,DateAdded:2010-02-18T12:10:29.804602Z,ActivationDate:0001-01-01,TrackUrns:[],AboutMe:,Tracks:[{Id:urn:track:1,Title:"Hello, World"}]}';
    expect(parse(text)).toEqual({
      Id: 'urn:post:f830c3fd-e664-47fa-b09a-7d06a9db4afd/1',
      CanPreviewFullLength: 'False',
      DateAdded: '2010-02-18T12:10:29.804602Z',
      ActivationDate: '0001-01-01',
      TrackUrns: [],
      AboutMe: null,
      Tracks: [{ Id: 'urn:track:1', Title: 'Hello, World' }],
    });
    // Untyped, every scalar is a string, so the writer quotes the ones holding `:` and the value reads back the same.
    expect(stringify(parse(text))).toContain('Id:"urn:post:f830c3fd-e664-47fa-b09a-7d06a9db4afd/1"');
    expect(parse(stringify(parse(text)))).toEqual({ ...(parse(text) as object), AboutMe: undefined });
  });

  it('derived: `{A: x }` keeps its blanks for a strict reader', () => {
    expect(parse('{A: x }', { whitespace: 'strict' })).toEqual({ A: ' x ' });
    expect(parse('{A: x }', { whitespace: 'tolerant' })).toEqual({ A: 'x' });
    // With no line break in it, the default ('auto') reads it as ServiceStack does.
    expect(parse('{A: x }')).toEqual({ A: ' x ' });
  });
});

describe('formatter vectors (F)', () => {
  it.each<[string, string, string]>([
    ['53', '{Id:1,Name:Name}', '{\n\tId: 1,\n\tName: Name\n}'],
    ['54', '{TestString:"$100,000"}', '{\n\tTestString: "$100,000"\n}'],
    ['55', '{TestString:"test""",OtherString:"$100,000"}', '{\n\tTestString: "test""",\n\tOtherString: "$100,000"\n}'],
  ])('vector %s', (_n, text, formatted) => {
    expect(format(text)).toBe(formatted);
    expect(parse(formatted)).toEqual(parse(text));
  });
});
