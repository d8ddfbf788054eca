import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { format, parse } from '../../src/index.js';

const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('nesting depth', () => {
  it('documents 200 levels deep parse by default; 256 is the default limit', () => {
    expect(() => parse(nested(200))).not.toThrow();
    expect(() => parse(nested(256))).not.toThrow();
    expect(() => parse(nested(257))).toThrow(expect.objectContaining({ code: 'MAX_DEPTH', offset: 256 }));
    expect(() => parse(`{a:${'{a:'.repeat(256)}1${'}'.repeat(257)}`)).toThrow(expect.objectContaining({ code: 'MAX_DEPTH' }));
    expect(() => format(nested(257))).toThrow(expect.objectContaining({ code: 'MAX_DEPTH' }));
  });

  it('maxDepth is an option, and 0 allows scalars only', () => {
    expect(() => parse(nested(3), { maxDepth: 2 })).toThrow(expect.objectContaining({ code: 'MAX_DEPTH', offset: 2 }));
    expect(parse('x', { maxDepth: 0 })).toBe('x');
    expect(() => parse('[]', { maxDepth: 0 })).toThrow(expect.objectContaining({ code: 'MAX_DEPTH', offset: 0 }));
  });

  it('a million open brackets never overflow the stack, whatever maxDepth says', () => {
    const text = '['.repeat(1_000_000);
    expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'MAX_DEPTH' }));
    expect(() => parse(text, { maxDepth: 1e7 })).toThrow(expect.objectContaining({ code: 'UNEXPECTED_END', offset: 1_000_000 }));
    const closed = nested(100_000, '{a:', '}').replace(/\{a:\}/, '{a:1}');
    expect(() => parse(closed, { maxDepth: 1e7 })).not.toThrow();
    // Formatting that deep outgrows any string: still a JsvError, never a RangeError.
    expect(() => format(text, { maxDepth: 1e7 })).toThrow(expect.objectContaining({ name: 'JsvError' }));
  });

  it('in a fresh process with the default stack, 100,000 levels parse when allowed', () => {
    const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
    const script = `import { parse } from ${JSON.stringify(index)}; const t = '['.repeat(100000) + ']'.repeat(100000); let d = 0; let v = parse(t, { maxDepth: 1e6 }); while (Array.isArray(v) && v.length) { v = v[0]; d++; } console.log(d);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('99999');
  });
});

describe('maps used as keys, nested inside each other', () => {
  it('end in MAX_DEPTH, never a RangeError, however far maxDepth is raised', () => {
    const text = '{'.repeat(20_000) + 'a:x}' + ':x}'.repeat(19_999);
    expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'MAX_DEPTH', offset: 256 }));
    expect(() => parse(text, { maxDepth: 1e7 })).toThrow(expect.objectContaining({ name: 'JsvError', code: 'MAX_DEPTH' }));
    expect(() => format(text, { maxDepth: 1e7 })).toThrow(expect.objectContaining({ name: 'JsvError', code: 'MAX_DEPTH' }));
  });
});
