/**
 * The built bin, spawned as a user runs it: the shebang build works, exit statuses reach the
 * shell, `| head` ends quietly, and a large document is handled in bounded memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtBin, ROOT, spawnBin } from './harness.js';

let bin: string;
beforeAll(async () => {
  bin = await builtBin();
}, 60_000);

describe('the jsvkit bin', () => {
  it('starts with a node shebang and prints its version', async () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await spawnBin(bin, ['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('passes exit statuses 0, 1 and 2 to the shell', async () => {
    expect((await spawnBin(bin, ['check'], '{A:1}')).status).toBe(0);
    const bad = await spawnBin(bin, ['check'], '{A:1,}');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:1:6: /);
    expect((await spawnBin(bin, ['nope'])).status).toBe(2);
  });

  it('converts JSV to JSON and back through pipes', async () => {
    const json = await spawnBin(bin, ['to-json', '--infer'], '{Name:"Me, Junior",Tags:[a,b],N:1.5}');
    expect(json.stdout).toBe('{"Name":"Me, Junior","Tags":["a","b"],"N":1.5}\n');
    expect((await spawnBin(bin, ['from-json'], json.stdout)).stdout).toBe('{Name:"Me, Junior",Tags:[a,b],N:1.5}');
  });

  it('colours only on a terminal: a pipe gets plain text even without NO_COLOR', async () => {
    const { stderr } = await spawnBin(bin, ['check'], '{A:"x"y}', { FORCE_COLOR: '1' });
    expect(stderr).not.toContain('\x1b[');
  });

  it('ends quietly when the reader goes away (| head)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsvkit-bin-'));
    const input = join(dir, 'many.jsv');
    writeFileSync(input, `[${Array.from({ length: 200_000 }, (_, i) => `{id:${i},name:n${i}}`).join(',')}]`);
    const pipeline = `"${process.execPath}" "${bin}" to-json "${input}" 2>"${join(dir, 'err')}" | head -c 20; echo " status=\${PIPESTATUS[0]}"`;
    const shell = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8' });
    expect(shell.stdout).toBe('[{"id":"0","name":"n status=0\n');
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
  });

  it('formats, checks and converts a 24 MB document within a 100 MB heap (no tree, streamed output)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsvkit-bin-'));
    const item = '{id:12345,name:"Me, Junior",tags:[a,b,c],when:2021-03-04T05:06:07Z,deep:{x:{y:[1,2,{z:q}]}}}';
    const input = join(dir, 'large.jsv');
    writeFileSync(input, `[${Array(Math.ceil(24e6 / (item.length + 1))).fill(item).join(',')}]`);
    for (const args of [['check', input], ['fmt', input], ['to-json', input]]) {
      const result = spawnSync(process.execPath, ['--max-old-space-size=100', bin, ...args], { encoding: 'buffer', maxBuffer: 1 << 30 });
      expect({ args, status: result.status, stderr: result.stderr.toString() }).toEqual({ args, status: 0, stderr: '' });
      if (args[0] === 'fmt') expect(result.stdout.subarray(0, 12).toString()).toBe('[\n\t{\n\t\tid: 1');
    }
  }, 60_000);
});
