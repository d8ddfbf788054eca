/** The Chevrotain engine on its own: the seed samples, error positions, depth and memory. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isJsvError, parse, type JsvError, type JsvMap, type JsvValue } from '../../src/index.js';
import { chevrotainEngine, CHEVROTAIN_MAX_DEPTH } from '../../src/syntax/chevrotain/parse.js';
import { compact, lineColumn, seedRequest, seedResponse } from '../helpers/seed.js';

const chevrotain = (text: string, options: { whitespace?: 'tolerant' | 'strict'; maxDepth?: number } = {}): JsvValue =>
  parse(text, { ...options, engine: 'chevrotain' });

function failure(text: string, options: { whitespace?: 'tolerant' | 'strict'; maxDepth?: number } = {}): JsvError {
  try {
    chevrotain(text, options);
  } catch (error) {
    if (isJsvError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

const map = (value: JsvValue | undefined): JsvMap => {
  expect(value).toBeTypeOf('object');
  expect(Array.isArray(value)).toBe(false);
  return value as JsvMap;
};

/** Runs an ES module snippet in a fresh Node process (default stack and heap) and returns its JSON output. */
function fresh(script: string, nodeArgs: string[] = []): unknown {
  const out = execFileSync(process.execPath, [...nodeArgs, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out);
}
const enginePath = JSON.stringify(fileURLToPath(new URL('../../src/syntax/chevrotain/parse.ts', import.meta.url)));

describe('Chevrotain engine: the seed samples', () => {
  it('reads the request sample field by field', () => {
    const request = map(chevrotain(seedRequest));
    expect(Object.keys(request)).toEqual(['accountId', 'name', 'parentCustomerId', 'referenceId', 'data']);
    expect(request.accountId).toBe('String');
    const entry = map(map(map(request.data).String));
    expect(entry.boolValue).toBe('False');
    expect(entry.numberValue).toBe('0');
    const nested = map(map((entry.listValue as JsvValue[])[0]).String);
    // `[ null ]` is the text null: the syntax layer has no null literal (jsv-spec §1).
    expect(map(map((nested.listValue as JsvValue[])[0]).String).listValue).toEqual(['null']);
    expect(map(map(nested.structValue).String).listValue).toEqual(['null']);
    const struct = map(map(entry.structValue).String);
    expect(map(map(struct.structValue).String).listValue).toEqual(['null']);
  });

  it('reads the response sample, base-class fields last', () => {
    const response = map(chevrotain(seedResponse));
    const keys = Object.keys(response);
    expect(keys.slice(0, 4)).toEqual(['accountId', 'parentCustomerId', 'breadcrumb', 'accountName']);
    expect(keys.slice(-5)).toEqual(['id', 'dateCreated', 'dateLastModified', 'createdBy', 'lastModifiedBy']);
    expect(response.isStaging).toBe('False');
    expect(response.breadcrumb).toEqual([{ id: 'String', name: 'String' }]);
    expect(response.tags).toEqual([{ id: 'String', name: 'String', color: 'Magenta' }]);
    const rule = map((map(response.schedule).rules as JsvValue[])[0]);
    expect(rule.simpleRuleType).toBe('Always');
    expect(map(response.appSettings).portMyNumberUrl).toBe('String');
  });

  it('reads the compact form of both samples to the same values', () => {
    expect(chevrotain(compact(seedRequest))).toEqual(chevrotain(seedRequest));
    expect(chevrotain(compact(seedResponse))).toEqual(chevrotain(seedResponse));
  });

  it('reads the pretty samples in strict mode as ServiceStack would: blanks are data', () => {
    // Keys keep their line breaks and TABs, and the line break after a closing `]` is no
    // separator: ServiceStack cannot read the pretty request either (jsv-spec §5.3).
    const error = failure(seedRequest, { whitespace: 'strict' });
    expect(error.code).toBe('UNEXPECTED_TOKEN');
    expect(error.reason).toContain('found a line feed');
    expect(error.path).toContain('["\\n\\tdata"]');
    expect(chevrotain(compact(seedRequest), { whitespace: 'strict' })).toEqual(chevrotain(seedRequest, { whitespace: 'tolerant' }));
    // The default, 'auto', sees the unquoted line breaks and reads the layout as layout.
    expect(chevrotain(seedRequest)).toEqual(chevrotain(seedRequest, { whitespace: 'tolerant' }));
  });
});

describe('Chevrotain engine: values', () => {
  it('follows the extent rules of jsv-spec §1 and §3.2', () => {
    expect(chevrotain('{A:x]y[z}')).toEqual({ A: 'x]y[z' });
    expect(chevrotain('{A:a:b:c}')).toEqual({ A: 'a:b:c' });
    expect(chevrotain('{A:a"b}')).toEqual({ A: 'a"b' });
    expect(chevrotain('{One:"""1st",Two:2:nd,Three:"3r,d"}')).toEqual({ One: '"1st', Two: '2:nd', Three: '3r,d' });
    expect(chevrotain('["""1st",2:nd,"3r,d",four%]')).toEqual(['"1st', '2:nd', '3r,d', 'four%']);
    expect(chevrotain('{A:,B:1}')).toEqual({ A: null, B: '1' });
    expect(chevrotain('[a,,b]')).toEqual(['a', null, 'b']);
    expect(chevrotain('[,]')).toEqual([null, null]);
    expect(chevrotain('[]')).toEqual([]);
    expect(chevrotain('Hello,World')).toBe('Hello,World');
    expect(chevrotain('{{a:b}:c}')).toEqual({ '{a:b}': 'c' });
    expect(chevrotain('\ufeff{a:b}')).toEqual({ a: 'b' });
    expect(chevrotain('')).toBeNull();
    expect(chevrotain(' \n\t')).toBeNull();
  });

  it('keeps blanks as data in strict mode, keys included, except in empty brackets and before a container', () => {
    expect(chevrotain('{A: x }', { whitespace: 'strict' })).toEqual({ A: ' x ' });
    expect(chevrotain('{ a : b }', { whitespace: 'strict' })).toEqual({ ' a ': ' b ' });
    expect(chevrotain('[ x , y ]', { whitespace: 'strict' })).toEqual([' x ', ' y ']);
    expect(chevrotain('{ } ', { whitespace: 'tolerant' })).toEqual({});
    expect(chevrotain('{A: [ ],B:\t{ }}', { whitespace: 'strict' })).toEqual({ A: [], B: {} });
    expect(chevrotain('{ a : b }', { whitespace: 'tolerant' })).toEqual({ a: 'b' });
    expect(chevrotain('[ x , y ]', { whitespace: 'tolerant' })).toEqual(['x', 'y']);
  });

  it('stores __proto__, constructor and prototype as own data and never touches a prototype', () => {
    const value = map(chevrotain('{__proto__:{polluted:yes},constructor:c,prototype:p}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Chevrotain engine: errors', () => {
  const cases: [text: string, code: JsvError['code'], offset: number, path: string | undefined][] = [
    ['{A:"x', 'UNTERMINATED_STRING', 3, 'A'],
    ['[a,"x', 'UNTERMINATED_STRING', 3, '[1]'],
    ['{a:1,\n b', 'UNEXPECTED_END', 8, undefined],
    ['{a:1,b:[x,y}', 'UNEXPECTED_TOKEN', 11, 'b[2]'],
    ['{a:1,}', 'UNEXPECTED_TOKEN', 5, undefined],
    ['{a:1}\n}', 'TRAILING_INPUT', 6, undefined],
    [']', 'UNEXPECTED_TOKEN', 0, undefined],
    ['{a:1,a:2}', 'DUPLICATE_KEY', 5, undefined],
    // The duplicate is the key map that starts at offset 13, not the key inside it.
    ['{a:b,{c:d}:e,{c:d}:f}', 'DUPLICATE_KEY', 13, undefined],
    ['{a:{b:"x"y}}', 'UNEXPECTED_TOKEN', 9, 'a.b'],
  ];
  it.each(cases)('%j is %s at offset %i', (text, code, offset, path) => {
    const error = failure(text);
    expect(error.name).toBe('JsvError');
    expect([error.code, error.offset, error.path]).toEqual([code, offset, path]);
    expect({ line: error.line, column: error.column }).toEqual(lineColumn(text, offset));
  });

  it('says what was expected and what was found', () => {
    expect(failure('{a "b:c}', { whitespace: 'tolerant' }).message).toBe('Expected \':\' after the key "a", found \'"\' (line 1, column 4)');
    expect(failure('{a "b:c}').message).toBe('Expected \':\' after the key "a ", found \'"\' (line 1, column 4)');
    expect(failure('{a:"1"x}').reason).toBe("Expected ',' or '}' after the value, found 'x'");
    expect(failure('{a:"x" }', { whitespace: 'strict' }).reason).toMatch(/^Expected ',' or '}' after the value, found ' ' \(space\) \(strict whitespace/);
    expect(failure('[a').reason).toBe("Unexpected end of input: expected ',' or ']'");
    expect(failure('{').reason).toBe('Unexpected end of input: expected a key');
    expect(failure(',').reason).toBe("Expected a value, found ','");
  });

  it('reports end-of-input errors at text.length, never NaN', () => {
    for (const text of ['{', '[', '{a', '{a:', '{a:b', '[a,', '{a:"b"', '  {\n']) {
      const error = failure(text);
      expect(error.offset).toBe(text.length);
      expect(Number.isInteger(error.line) && Number.isInteger(error.column)).toBe(true);
    }
  });

  it('lexes into lean tokens: offsets only, no line or column fields', () => {
    const { lexer } = chevrotainEngine('tolerant');
    for (const token of lexer.tokenize('{a: b ,c:[1,"x"]}').tokens) {
      expect(Object.keys(token).sort()).toEqual(['image', 'startOffset', 'tokenType', 'tokenTypeIdx']);
    }
  });
});

describe('Chevrotain engine: depth', () => {
  it('checks maxDepth before descending, at the offset of the bracket that goes too deep', () => {
    expect(failure('[[[]]]', { maxDepth: 2 })).toMatchObject({ code: 'MAX_DEPTH', offset: 2, path: '[0][0]' });
    // A bracket that cannot open anything there is a syntax error, whatever the depth.
    expect(failure('{a{', { maxDepth: 1 })).toMatchObject({ code: 'UNEXPECTED_TOKEN', offset: 2 });
    expect(failure('{a:b,c:{d:{}}}', { maxDepth: 2 })).toMatchObject({ code: 'MAX_DEPTH', offset: 10, path: 'c.d' });
    // An earlier syntax error still comes first, as in the single-pass scanner.
    expect(failure('{a:b,,c:{d:{}}}', { maxDepth: 2 })).toMatchObject({ code: 'UNEXPECTED_TOKEN', offset: 5 });
    expect(failure('[]', { maxDepth: 0 })).toMatchObject({ code: 'MAX_DEPTH', offset: 0 });
  });

  it('never overflows the stack: a million "[" is MAX_DEPTH at maxDepth or at the engine ceiling', () => {
    const text = '['.repeat(1_000_000);
    expect(failure(text)).toMatchObject({ code: 'MAX_DEPTH', offset: 256 });
    const deep = failure(text, { maxDepth: 1e7 });
    expect(deep).toMatchObject({ code: 'MAX_DEPTH', offset: CHEVROTAIN_MAX_DEPTH });
    expect(deep.reason).toContain(`${CHEVROTAIN_MAX_DEPTH} levels`);
    expect(failure('{a:'.repeat(200_000), { maxDepth: 1e7 })).toMatchObject({ code: 'MAX_DEPTH', offset: 3 * CHEVROTAIN_MAX_DEPTH });
  });

  it('in a fresh process: 200 levels and the default 256 parse, with room for the ceiling and for a deep caller', () => {
    const script = `
      import { parseWithChevrotain as parse } from ${enginePath};
      const maps = (n) => '{a:'.repeat(n) + 'x' + '}'.repeat(n);
      const keys = (n) => '{'.repeat(n) + 'a:b' + '}:c'.repeat(n - 1) + '}';
      const lists = (n) => '['.repeat(n) + ']'.repeat(n);
      const mixed = (n) => '{a:['.repeat(n / 2) + 'x' + ']}'.repeat(n / 2);
      const ok = (f) => { try { f(); return true; } catch (e) { return String(e.code ?? e.name); } };
      const shapes = [maps, keys, lists, mixed];
      const result = {
        at200: shapes.map((s) => ok(() => parse(s(200)))),
        at256: shapes.map((s) => ok(() => parse(s(256)))),
        at257: shapes.map((s) => ok(() => parse(s(258)))),
        // The engine's own ceiling (about twice the default) fits on the default stack...
        ceiling: shapes.map((s) => ok(() => parse(s(${CHEVROTAIN_MAX_DEPTH}), { maxDepth: ${CHEVROTAIN_MAX_DEPTH} }))),
        // ...and the default depth still fits when the caller has used much of the stack itself.
        deepCaller: (function down(n) { return n === 0 ? shapes.map((s) => ok(() => parse(s(256)))) : down(n - 1); })(4000),
      };
      console.log(JSON.stringify(result));`;
    expect(fresh(script)).toEqual({
      at200: [true, true, true, true],
      at256: [true, true, true, true],
      at257: ['MAX_DEPTH', 'MAX_DEPTH', 'MAX_DEPTH', 'MAX_DEPTH'],
      ceiling: [true, true, true, true],
      deepCaller: [true, true, true, true],
    });
  });
});

describe('Chevrotain engine: memory', () => {
  it('keeps no tokens alive after a parse, and peak memory grows linearly with the document', () => {
    // 8 MB of the compact seed response in a list; README reports the 50 MB measurement.
    const script = `
      import { parseWithChevrotain as parse } from ${enginePath};
      const unit = ${JSON.stringify(compact(seedResponse))};
      const doc = '[' + Array(Math.ceil(8e6 / unit.length)).fill(unit).join(',') + ']';
      globalThis.gc();
      const rss0 = process.memoryUsage().rss;
      const heap0 = process.memoryUsage().heapUsed;
      let value = parse(doc);
      const items = value.length;
      value = undefined;
      globalThis.gc();
      const retained = process.memoryUsage().heapUsed - heap0;
      const peak = process.resourceUsage().maxRSS * 1024 - rss0;
      console.log(JSON.stringify({ bytes: doc.length, items, retained, peak }));`;
    const { bytes, items, retained, peak } = fresh(script, ['--expose-gc']) as { bytes: number; items: number; retained: number; peak: number };
    expect(items).toBeGreaterThan(1000);
    // Nothing of the document survives the parse (tokens, values, parser state).
    expect(retained).toBeLessThan(16e6);
    // Measured about 28 bytes of peak RSS per input byte (about 74 bytes per token); allow 2x.
    expect(peak / bytes).toBeLessThan(60);
  });
});
