import { describe, expect, it } from 'vitest';
import { format, parse } from '../../src/index.js';

describe('format: the JsvFormatter layout (jsv-spec §4)', () => {
  it.each<[string, string]>([
    // Worked example 1 and test vector 53.
    ['{Id:1,Name:Name}', '{\n\tId: 1,\n\tName: Name\n}'],
    // Worked example 2: a container after a key goes on the next line, after `key: `.
    ['{A:{B:1},C:[1,2],D:[],E:{}}', '{\n\tA: \n\t{\n\t\tB: 1\n\t},\n\tC: \n\t[\n\t\t1,\n\t\t2\n\t],\n\tD: [],\n\tE: {}\n}'],
    // Worked example 3 and vectors 54–55: commas and quotes inside quoted strings stay put.
    ['{TestString:"test""",OtherString:"$100,000"}', '{\n\tTestString: "test""",\n\tOtherString: "$100,000"\n}'],
    ['{TestString:"$100,000"}', '{\n\tTestString: "$100,000"\n}'],
    // Worked example 4: the seed's layout.
    ['{data:{String:{boolValue:False,listValue:[null]}}}', '{\n\tdata: \n\t{\n\t\tString: \n\t\t{\n\t\t\tboolValue: False,\n\t\t\tlistValue: \n\t\t\t[\n\t\t\t\tnull\n\t\t\t]\n\t\t}\n\t}\n}'],
    ['[{A:1},{B:2}]', '[\n\t{\n\t\tA: 1\n\t},\n\t{\n\t\tB: 2\n\t}\n]'],
    ['[a,,b]', '[\n\ta,\n\t,\n\tb\n]'],
    ['{A:,B:1}', '{\n\tA: ,\n\tB: 1\n}'],
    ['x', 'x'],
    ['', ''],
  ])('%s', (input, expected) => {
    expect(format(input)).toBe(expected);
  });

  it('differs from JsvFormatter where that breaks meaning: nothing inside quotes or bare values moves', () => {
    // JsvFormatter gives `{⏎⇥A: "[⏎⇥⇥1⏎⇥]"⏎}` and `[⏎⇥2012-01-01T10: 11:12Z⏎]`.
    expect(format('{A:"[1]"}')).toBe('{\n\tA: "[1]"\n}');
    expect(format('[2012-01-01T10:11:12Z]')).toBe('[\n\t2012-01-01T10:11:12Z\n]');
    expect(format('{"a:b":1}')).toBe('{\n\t"a:b": 1\n}');
    expect(format('{A:x]y[z}')).toBe('{\n\tA: x]y[z\n}');
    // Empty containers stay compact everywhere (JsvFormatter: `{⏎⇥⏎}`).
    expect(format('{}')).toBe('{}');
    expect(format('[{}]')).toBe('[\n\t{}\n]');
  });

  it('is idempotent and reads back the same, also from already formatted text', () => {
    const text = '{A:{B:[1,{C:"x, y"}]},D:[[]],E:" edge "}';
    const once = format(text);
    expect(format(once)).toBe(once);
    expect(parse(once)).toEqual(parse(text));
  });

  it('quotes strict-mode values whose edge blanks are data, so a tolerant reader keeps them', () => {
    const formatted = format('{A: x ,B:y}', { whitespace: 'strict' });
    expect(formatted).toBe('{\n\tA: " x ",\n\tB: y\n}');
    expect(parse(formatted)).toEqual(parse('{A: x ,B:y}', { whitespace: 'strict' }));
  });

  it('takes an indent and a line break', () => {
    expect(format('{A:[1]}', { indent: '  ', newline: '\r\n' })).toBe('{\r\n  A: \r\n  [\r\n    1\r\n  ]\r\n}');
  });

  it('rejects what parse rejects, with the same error', () => {
    for (const bad of ['{A:1', '{A:1,A:2}', '[1]x', '{A:"x}', '{A}']) {
      let parseError: unknown;
      let formatError: unknown;
      try {
        parse(bad);
      } catch (e) {
        parseError = e;
      }
      try {
        format(bad);
      } catch (e) {
        formatError = e;
      }
      expect(formatError).toMatchObject({ code: (parseError as { code: string }).code, offset: (parseError as { offset: number }).offset });
    }
  });
});

describe('format: fuzz findings', () => {
  it('keeps a map used as a key whole', () => {
    expect(format('{{k:""}:""}')).toBe('{\n\t{k:""}: ""\n}');
    expect(parse(format('{{k:""}:""}'))).toEqual(parse('{{k:""}:""}'));
  });

  it('quotes a top-level value that starts with U+FEFF, which a reader would take for a byte-order mark', () => {
    for (const text of ['\uFEFF\uFEFF', '\n\uFEFF', '\uFEFF\uFEFFx']) {
      expect(parse(format(text))).toEqual(parse(text));
    }
  });
});
