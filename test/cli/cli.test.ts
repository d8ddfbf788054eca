/**
 * The CLI as a function: arguments and streams in, exit status out. Expected texts come from
 * jsv-spec §4 (layout), §2.5 (.NET number text), §2.1 (quoting) and the seed samples.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { brokenPipe, cli, ROOT } from './harness.js';

const seedRequest = readFileSync(join(ROOT, 'test/fixtures/seed/newcustomer.request.jsv'), 'utf8');
const seedResponse = readFileSync(join(ROOT, 'test/fixtures/seed/customerinfo.response.jsv'), 'utf8');

/** jsv-spec §4: undo the layout by dropping each newline with its TABs and the space after each line's first colon. */
function compact(pretty: string): string {
  return pretty
    .split('\n')
    .map((line) => line.replace(/^\t*/, '').replace(': ', ':'))
    .join('');
}

const dir = mkdtempSync(join(tmpdir(), 'jsvkit-cli-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('global flags and usage errors', () => {
  it('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect((await cli(['-v'])).stdout).toBe(`${version}\n`);
  });

  it('--help lists every command on stdout and exits 0', async () => {
    const { status, stdout } = await cli(['--help']);
    expect(status).toBe(0);
    for (const command of ['fmt', 'to-json', 'from-json', 'check']) expect(stdout).toContain(`  ${command} `);
  });

  it('no command prints the help on stderr and exits 2', async () => {
    const { status, stdout, stderr } = await cli([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: jsvkit <command>');
  });

  it.each(['fmt', 'to-json', 'from-json', 'check'])('%s --help and help %s describe the command', async (command) => {
    const viaFlag = await cli([command, '--help']);
    expect(viaFlag.status).toBe(0);
    expect(viaFlag.stdout).toContain(`Usage: jsvkit ${command} `);
    expect((await cli(['help', command])).stdout).toBe(viaFlag.stdout);
    expect((await cli([command, '-h'])).stdout).toBe(viaFlag.stdout);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['fmt', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['fmt', 'a.jsv', 'b.jsv'], /at most one file/],
    [['check', '--max-depth', 'deep'], /--max-depth must be a whole number/],
    [['to-json', '--infer=yes'], /--infer/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { status, stdout, stderr } = await cli(argv);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Run 'jsvkit( [a-z-]+)? --help' for usage/);
  });
});

describe('fmt', () => {
  it('lays out jsv-spec §4 example 1 and ends with a newline', async () => {
    expect(await cli(['fmt'], { stdin: '{Id:1,Name:Name}' })).toEqual({ status: 0, stdout: '{\n\tId: 1,\n\tName: Name\n}\n', stderr: '' });
  });

  it('lays out jsv-spec §4 example 2: `key: ` before a nested container, empty containers inline', async () => {
    const { stdout } = await cli(['fmt', '-'], { stdin: '{A:{B:1},C:[1,2],D:[],E:{}}' });
    expect(stdout).toBe('{\n\tA: \n\t{\n\t\tB: 1\n\t},\n\tC: \n\t[\n\t\t1,\n\t\t2\n\t],\n\tD: [],\n\tE: {}\n}\n');
  });

  it('keeps a map used as a key whole (jsv-spec §3.2 key = map)', async () => {
    expect((await cli(['fmt'], { stdin: '{{k:""}:v}' })).stdout).toBe('{\n\t{k:""}: v\n}\n');
  });

  it('never breaks a quoted string (unlike JsvFormatter)', async () => {
    const { stdout } = await cli(['fmt'], { stdin: '{TestString:"test""",OtherString:"$100,000",X:"[1]"}' });
    expect(stdout).toBe('{\n\tTestString: "test""",\n\tOtherString: "$100,000",\n\tX: "[1]"\n}\n');
  });

  it.each([
    ['request', seedRequest],
    ['response', seedResponse],
  ])('reproduces the seed %s from its compact form, byte for byte (vector 60)', async (_name, seed) => {
    const compacted = compact(seed);
    expect(compacted).not.toContain('\n');
    const { status, stdout } = await cli(['fmt', file('seed.jsv', compacted)]);
    expect(status).toBe(0);
    expect(stdout).toBe(seed);
  });

  it('quotes a top-level value that starts with U+FEFF, which a reader would take for a byte-order mark', async () => {
    expect((await cli(['fmt'], { stdin: '\n\uFEFF' })).stdout).toBe('"\uFEFF"\n');
    expect((await cli(['from-json'], { stdin: '"\uFEFFa"' })).stdout).toBe('"\uFEFFa"');
  });

  it('writes nothing for an empty document', async () => {
    expect(await cli(['fmt'], { stdin: '  \n' })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--check accepts exactly what fmt writes', async () => {
    expect(await cli(['fmt', '--check', join(ROOT, 'test/fixtures/seed/newcustomer.request.jsv')])).toEqual({ status: 0, stdout: '', stderr: '' });
    const formatted = (await cli(['fmt'], { stdin: '[a,{b:"c,d"}]' })).stdout;
    expect((await cli(['fmt', '--check'], { stdin: formatted })).status).toBe(0);
    expect((await cli(['fmt', '--check'], { stdin: '' })).status).toBe(0);
  });

  it('--check reports the first difference and exits 1', async () => {
    const compacted = file('compact.jsv', compact(seedRequest));
    const result = await cli(['fmt', '--check', compacted]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    // The layout breaks the line right after the opening brace: column 2 of line 1.
    expect(result.stderr).toMatch(new RegExp(`^${compacted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:2: not formatted`));
  });

  it('--check rejects a missing final newline, a CRLF layout and a byte-order mark', async () => {
    expect((await cli(['fmt', '--check'], { stdin: '{\n\tId: 1\n}' })).status).toBe(1);
    expect((await cli(['fmt', '--check'], { stdin: '{\r\n\tId: 1\r\n}\r\n' })).status).toBe(1);
    expect((await cli(['fmt', '--check'], { stdin: '\uFEFF{\n\tId: 1\n}\n' })).status).toBe(1);
    expect((await cli(['fmt', '--check'], { stdin: '{\n\tId: 1\n}\n' })).status).toBe(0);
  });

  it('--strict keeps blanks as data, quoting edge blanks so they survive', async () => {
    expect((await cli(['fmt', '--strict'], { stdin: '{A: x }' })).stdout).toBe('{\n\tA: " x "\n}\n');
    expect((await cli(['fmt'], { stdin: '{A: x }' })).stdout).toBe('{\n\tA: x\n}\n');
  });
});

describe('to-json', () => {
  it('keeps every scalar a string and an empty value null (untyped JSV)', async () => {
    expect(await cli(['to-json'], { stdin: '{A:1,B:[x,"y,z",,""],C:,D:True}' })).toEqual({
      status: 0,
      stdout: '{"A":"1","B":["x","y,z",null,""],"C":null,"D":"True"}\n',
      stderr: '',
    });
  });

  it('keeps map keys in document order, integer-like keys included', async () => {
    expect((await cli(['to-json'], { stdin: '{b:1,2:x,a:y,1:z}' })).stdout).toBe('{"b":"1","2":"x","a":"y","1":"z"}\n');
  });

  it('is prototype-safe: __proto__, constructor and prototype are ordinary keys', async () => {
    const { stdout } = await cli(['to-json'], { stdin: '{__proto__:{polluted:yes},constructor:{prototype:{polluted:yes}}}' });
    expect(stdout).toBe('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('--infer turns bare booleans and JSON-valid number text into JSON values', async () => {
    const { stdout } = await cli(['to-json', '--infer'], { stdin: '{A:True,B:false,C:-12,D:1.5E+17,E:"7",F:007,G:NaN,H:1.,I:-0,J:12345678901234567890,K:+5,L:TRUE}' });
    expect(stdout).toBe('{"A":true,"B":false,"C":-12,"D":1.5E+17,"E":"7","F":"007","G":"NaN","H":"1.","I":-0,"J":12345678901234567890,"K":"+5","L":true}\n');
    expect(JSON.parse(stdout)).toMatchObject({ D: 1.5e17, I: -0 });
  });

  it('writes null for an empty document, as parse returns', async () => {
    expect((await cli(['to-json'], { stdin: '' })).stdout).toBe('null\n');
  });

  it('unquotes top-level quoted text and keeps a BOM out of the value', async () => {
    expect((await cli(['to-json'], { stdin: '\uFEFF"a ""b"", c"' })).stdout).toBe('"a \\"b\\", c"\n');
  });
});

describe('from-json', () => {
  it('writes compact JSV as ServiceStack writes the matching .NET values', async () => {
    const json = '{"a":[1,null,2],"b":null,"c":1e21,"d":12345678901234567890,"e":"x,y","f":true,"g":0.1e1,"h":1e-5,"i":"","j":false,"k":{},"l":[],"m":"2\\" x 1\\""}';
    expect(await cli(['from-json'], { stdin: json })).toEqual({
      status: 0,
      stdout: '{a:[1,,2],c:1E+21,d:12345678901234567890,e:"x,y",f:True,g:1,h:1E-05,i:"",j:False,k:{},l:[],m:"2"" x 1"""}',
      stderr: '',
    });
  });

  it('writes .NET double text for numbers with a fraction or an exponent (jsv-spec §2.5)', async () => {
    const { stdout } = await cli(['from-json'], { stdin: '[1e15,1e16,1e17,1.2345678901234568e17,0.0001,1e-5,0.30000000000000004,1.5e300,5e-324,-0.0,1.7976931348623157e308]' });
    expect(stdout).toBe('[1000000000000000,10000000000000000,1E+17,1.2345678901234568E+17,0.0001,1E-05,0.30000000000000004,1.5E+300,5E-324,-0,1.7976931348623157E+308]');
  });

  it('writes an empty document for null and a bare string for a top-level string', async () => {
    expect((await cli(['from-json'], { stdin: ' null ' })).stdout).toBe('');
    expect((await cli(['from-json'], { stdin: '"Hello World!"' })).stdout).toBe('Hello World!');
  });

  it.each([
    ['[null]', 'UNREPRESENTABLE', 1, 1],
    ['{"a":1,"a":2}', 'Duplicate key', 1, 8],
    ['{"a":1,}', "Expected a quoted key", 1, 8],
    ['[1,\n 2', 'end of JSON input', 2, 3],
    ['[01]', 'leading zero', 1, 2],
    ['{"a":tru}', "'true'", 1, 9],
    ['"abc', 'Unterminated', 1, 1],
    ['[1] x', 'after the end of the JSON value', 1, 5],
  ])('rejects %j with file:line:column', async (json, message, line, column) => {
    const { status, stderr } = await cli(['from-json'], { stdin: json });
    expect(status).toBe(1);
    const first = stderr.split('\n')[0]!;
    expect(first.startsWith(`<stdin>:${line}:${column}: `)).toBe(true);
    if (message !== 'UNREPRESENTABLE') expect(first).toContain(message);
  });
});

describe('check and error reports', () => {
  it('prints nothing for valid input', async () => {
    expect(await cli(['check', join(ROOT, 'test/fixtures/seed/newcustomer.request.jsv'), join(ROOT, 'test/fixtures/seed/customerinfo.response.jsv')])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('shows file:line:column, the offending line and a caret under the column', async () => {
    const { status, stderr } = await cli(['check'], { stdin: '{A:1,\n B:[x,y}' });
    expect(status).toBe(1);
    const [first, excerpt, caret] = stderr.split('\n');
    expect(first).toMatch(/^<stdin>:2:8: /);
    expect(excerpt).toBe('   B:[x,y}');
    expect(caret).toBe(' '.repeat(excerpt!.indexOf('}')) + '^');
  });

  it('checks every file and exits 1 when any is bad or unreadable', async () => {
    const good = file('good.jsv', '{A:1}');
    const bad = file('bad.jsv', '{A:"open}');
    const { status, stderr } = await cli(['check', good, bad, join(dir, 'missing.jsv')]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${bad}:1:4: Unterminated quoted string`);
    expect(stderr).toContain(`jsvkit: cannot read ${join(dir, 'missing.jsv')}: no such file`);
    expect(stderr).not.toContain(good);
  });

  it('reads a directory as bad input, not a crash', async () => {
    const { status, stderr } = await cli(['check', dir]);
    expect(status).toBe(1);
    expect(stderr).toContain('is a directory');
  });

  it('reports bytes that are not UTF-8 with their offset', async () => {
    const { status, stderr } = await cli(['check'], { stdin: Buffer.from([0x7b, 0x41, 0x3a, 0x0a, 0xc3, 0x28, 0x7d]) });
    expect(status).toBe(1);
    expect(stderr).toBe('jsvkit: <stdin>:2: not UTF-8 text: byte 0xC3 at offset 4 does not continue a valid character\n');
  });

  it('--strict reads blanks as ServiceStack does', async () => {
    expect((await cli(['check'], { stdin: '{A:{X:1} ,B:{X:2}}' })).status).toBe(0);
    const strict = await cli(['check', '--strict'], { stdin: '{A:{X:1} ,B:{X:2}}' });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^<stdin>:1:9: /);
  });

  it('--max-depth bounds nesting', async () => {
    expect((await cli(['check', '--max-depth', '2'], { stdin: '[[1]]' })).status).toBe(0);
    const deep = await cli(['check', '--max-depth', '2'], { stdin: '[[[1]]]' });
    expect(deep.status).toBe(1);
    expect(deep.stderr).toMatch(/^<stdin>:1:3: Nesting is deeper than maxDepth \(2\)/);
  });
});

describe('colour and progress', () => {
  const bad = '{A:"x"y}';
  it('colours errors on a terminal', async () => {
    expect((await cli(['check'], { stdin: bad, stderrTTY: true })).stderr).toContain('\x1b[');
  });

  it('never colours with NO_COLOR, a dumb terminal, or when stderr is not a terminal', async () => {
    expect((await cli(['check'], { stdin: bad, stderrTTY: true, env: { NO_COLOR: '1' } })).stderr).not.toContain('\x1b[');
    expect((await cli(['check'], { stdin: bad, stderrTTY: true, env: { TERM: 'dumb' } })).stderr).not.toContain('\x1b[');
    expect((await cli(['check'], { stdin: bad })).stderr).not.toContain('\x1b[');
  });

  const long = `[${Array.from({ length: 20_000 }, (_, i) => `{id:${i}}`).join(',')}]`;
  it('shows progress for a long run on a terminal, then erases it', async () => {
    const { status, stdout, stderr } = await cli(['to-json'], { stdin: long, stderrTTY: true, progressDelayMs: 0 });
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(20_000);
    expect(stderr).toMatch(/jsvkit: <stdin>: converting \d+% \(/);
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('shows no progress when stderr is not a terminal', async () => {
    expect((await cli(['check'], { stdin: long, progressDelayMs: 0 })).stderr).toBe('');
  });
});

describe('a reader that goes away (EPIPE)', () => {
  it.each([['to-json'], ['fmt'], ['from-json']])('%s ends quietly with status 0', async (command) => {
    const input = command === 'from-json' ? JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ id: i }))) : `[${Array.from({ length: 50_000 }, (_, i) => `{id:${i}}`).join(',')}]`;
    const stderr = new PassThrough();
    let errors = '';
    stderr.on('data', (d: Buffer) => (errors += d.toString()));
    const status = await run([command], { stdin: Readable.from([Buffer.from(input)]), stdout: brokenPipe(), stderr });
    expect(status).toBe(0);
    expect(errors).toBe('');
  });
});
