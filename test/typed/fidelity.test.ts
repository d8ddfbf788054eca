/**
 * Reading what ServiceStack reads, without loss. Each case names what it was checked against in
 * ServiceStack.Text's source (ServiceStack/ServiceStack, ServiceStack.Text/src/ServiceStack.Text)
 * or its unit tests (ServiceStack.Text/tests/ServiceStack.Text.Tests), and runs in both
 * whitespace modes where the text has blanks that matter.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify, t, type WhitespaceMode } from '../../src/index.js';
import { Struct } from '../../examples/evovoice/dtos.js';
import { errorOf } from '../helpers/errors.js';

const MODES: WhitespaceMode[] = ['strict', 'tolerant', 'auto'];

describe('keys keep their blanks in strict mode (DeserializeDictionary.ParseDictionary never trims a key)', () => {
  const Dict = t.dict(t.string());

  it.each<[string, Record<string, string>]>([
    ['{  both  :x}', { '  both  ': 'x' }],
    ['{ leading:x}', { ' leading': 'x' }],
    ['{\t:x}', { '\t': 'x' }],
    ['{a:1, spaced key :2,\tleading tab:3}', { a: '1', ' spaced key ': '2', '\tleading tab': '3' }],
  ])('a dictionary reads %j with its keys as written, and writes them back without loss', (text, expected) => {
    const value = parse(text, Dict, { whitespace: 'strict' });
    expect(value).toEqual(expected);
    // Written quoted (edge blanks), so every mode reads the same keys back.
    for (const whitespace of MODES) expect(parse(stringify(value, Dict), Dict, { whitespace })).toEqual(expected);
  });

  it('an object trims the name before it looks the property up (DeserializeTypeRefJsv.StringToType: EatMapKey(...).Trim())', () => {
    const Poco = t.object({ Name: t.string(), Age: t.int() });
    expect(parse('{ Name :x,\u00a0Age\t:1}', Poco, { whitespace: 'strict' })).toEqual({ Name: 'x', Age: 1 });
    expect(errorOf(() => parse('{ Nope :x}', Poco, { whitespace: 'strict', strict: true })).reason).toContain('"Nope"');
  });
});

describe('blanks before a container (JsvTypeSerializer.EatValue, DeserializeListWithElements.StripList)', () => {
  const Rule = t.object({ Name: t.string() });
  const Dto = t.object({ Rules: t.array(Rule), Data: t.dict(t.string()), Tags: t.array(t.string()) });

  // EatValue makes a value that starts with a blank bare text up to the next `,` or `}`, and the
  // list reader trims that chunk (StripList: value.Trim()), so ServiceStack reads `{Tags: [a]}`
  // but not a container holding `,` or `}`. Its writer never puts a blank there, so jsvkit reads
  // every such container, in both modes.
  it.each(MODES)('%s: reads a list and a map after `: `', (whitespace) => {
    expect(parse('{Rules: [{Name:a},{Name:b}],Data:\t{k:v},Tags: [x]}', Dto, { whitespace })).toEqual({
      Rules: [{ Name: 'a' }, { Name: 'b' }],
      Data: { k: 'v' },
      Tags: ['x'],
    });
  });

  it('keeps the blank a list item starts with (TypeSerializerToStringListTests.Can_serialize_values_with_whitespace)', () => {
    expect(parse('[ A , B ]', t.array(t.string()), { whitespace: 'strict' })).toEqual([' A ', ' B ']);
  });
});

describe('`null` for members (WriteType.WriteProperties writes `null` for a null member under IncludeNullValues)', () => {
  const Nested = t.object({ X: t.int() });
  const Dto = t.object({
    Data: t.dict(t.string()),
    Nested,
    Items: t.array(t.int()),
    Tags: t.array(t.string()),
    When: t.date(),
    Count: t.int().default(5),
    Name: t.string(),
  });

  // ServiceStack's readers fail on `null` for these types (StringToType: "Type definitions should
  // start with a '{'"; ParseDictionary: no `:`; ParseIntList: FormatException) and its per-property
  // catch leaves the member unset: null.
  it.each(MODES)('%s: `null` is no value for a map, list, date or number member; a string keeps the text', (whitespace) => {
    const text = '{Data:null,Nested:null,Items:null,Tags:null,When:null,Count:null,Name:null}';
    expect(parse(text, Dto, { whitespace })).toEqual({ Count: 5, Name: 'null' });
    expect(parse('{Data: null ,Name:x}', Dto, { whitespace: 'tolerant' })).toEqual({ Count: 5, Name: 'x' });
  });

  it('a required member that is `null` is missing; text that only starts with null is no null', () => {
    const Required = t.object({ Nested: Nested.required() });
    expect(errorOf(() => parse('{Nested:null}', Required)).code).toBe('MISSING_REQUIRED');
    expect(errorOf(() => parse('{Nested:nullx}', Required)).code).toBe('INVALID_TYPE');
  });

  it.each(MODES)('%s: a null dictionary in a list is written and read as `null` (WriteDictionary writes JsonUtils.Null)', (whitespace) => {
    const List = t.array(t.dict(t.string()).nullable());
    expect(stringify([{ a: 'b' }, null, { c: 'd' }], List)).toBe('[{a:b},null,{c:d}]');
    expect(parse('[{a:b},null,{c:d}]', List, { whitespace })).toEqual([{ a: 'b' }, null, { c: 'd' }]);
  });
});

describe('leniencies that lose nothing', () => {
  const Rule = t.object({ Name: t.string() });
  const Dto = t.object({
    ByMonth: t.array(t.int()),
    Tags: t.array(t.string()),
    Rules: t.array(Rule),
    Id: t.guid(),
    Data: t.bytes(),
    When: t.date(),
  });

  it.each(MODES)('%s: a lone value where a list belongs is a one-element list (StripList keeps text without `[`)', (whitespace) => {
    expect(parse('{ByMonth:1,Tags:x,Rules:{Name:a}}', Dto, { whitespace })).toEqual({ ByMonth: [1], Tags: ['x'], Rules: [{ Name: 'a' }] });
    expect(parse('{Tags:"a,b"}', Dto, { whitespace })).toEqual({ Tags: ['a,b'] });
    expect(errorOf(() => parse('{ByMonth:x}', Dto, { whitespace })).path).toBe('ByMonth[0]');
  });

  it('not at the top level, where ServiceStack splits the bare text at its commas', () => {
    expect(errorOf(() => parse('1,2', t.array(t.int()))).code).toBe('INVALID_TYPE');
  });

  it.each(MODES)('%s: a Guid in braces or parentheses (StringSegmentParse: "{b6170a18-…}".ParseGuid())', (whitespace) => {
    const id = 'b6170a18-3dd7-4a9b-b5d6-21033b5ad162';
    expect(parse(`{Id:{${id}}}`, Dto, { whitespace })).toEqual({ Id: id });
    expect(parse(`{Id:(${id})}`, Dto, { whitespace })).toEqual({ Id: id });
    expect(parse(`[{${id.toUpperCase()}},${id}]`, t.array(t.guid()), { whitespace })).toEqual([id, id]);
    expect(errorOf(() => parse('{Id:{x:1}}', Dto, { whitespace })).code).toBe('INVALID_GUID');
  });

  it.each(MODES)('%s: a byte[] as a list of numbers (DeserializeArray.ParseByteArray; SpecialTypesTests.Can_Serialize_Type_with_ByteArray_as_Int_Array)', (whitespace) => {
    expect(parse('{Data:[1,2,3,4,5]}', Dto, { whitespace })).toEqual({ Data: Uint8Array.from([1, 2, 3, 4, 5]) });
    expect(parse('{Data:[]}', Dto, { whitespace })).toEqual({ Data: new Uint8Array(0) });
    expect(errorOf(() => parse('{Data:[1,256]}', Dto, { whitespace })).path).toBe('Data[1]');
    expect(errorOf(() => parse('{Data:[1,,2]}', Dto, { whitespace })).code).toBe('INVALID_BYTES');
  });

  it('an empty value for an optional member is no value, as for a nullable value type (DeserializeBuiltin: IsNullOrEmpty → null)', () => {
    expect(parse('{When:,Tags:[a]}', Dto)).toEqual({ Tags: ['a'] });
  });

  it('TimeSpan `P` and `PT` name no part and are INVALID_TIMESPAN (TimeSpanConverter.FromXsdDuration reads them as zero)', () => {
    const Span = t.object({ T: t.timeSpan() });
    for (const text of ['{T:P}', '{T:PT}', '{T:-P}']) expect(errorOf(() => parse(text, Span)).code).toBe('INVALID_TIMESPAN');
  });
});

describe("whitespace 'auto' reads what a .NET client posts exactly (JsvServiceClient writes strings and keys bare)", () => {
  it('keeps edge blanks in values and keys of a compact Struct', () => {
    const text = '{StringValue:{StringValue:  padded  },Blank:{StringValue:   }, spaced key :{StringValue:x},\tleading tab:{boolValue:True}}';
    expect(parse(text, Struct)).toEqual({
      StringValue: { stringValue: '  padded  ' },
      Blank: { stringValue: '   ' },
      ' spaced key ': { stringValue: 'x' },
      '\tleading tab': { boolValue: true },
    });
  });
});
