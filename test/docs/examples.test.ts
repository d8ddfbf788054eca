/**
 * Every TypeScript example in README.md and docs/*.md is type-checked against the sources, and run
 * unless its fence says `ts no-run` (examples that listen on a port or call a remote host). A fence
 * marked `ts excerpt` is skipped: a quotation with elisions (`// …`) from a file that is itself
 * checked (the generated examples/evovoice/dtos.ts), or a side-by-side sketch of one route in three
 * frameworks whose complete, tested form is in test/http. An
 * example is a module of its own: it imports what it uses, from `jsvkit` and `jsvkit/...` as a user
 * would, and may import `./dtos.js`, the Evo Voice DTOs (examples/evovoice/dtos.ts), since each
 * example is written beside that file while the test runs.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const exampleDir = join(root, 'examples', 'evovoice');
/** Dot-files: tsconfig's `include` globs skip them, so a leftover never enters `npm run typecheck`. */
const prefix = '.doc-example-';

interface Example {
  /** `README.md:33`: where the fence opens. */
  where: string;
  file: string;
  code: string;
  run: boolean;
}

function examplesOf(markdown: string): Example[] {
  const text = readFileSync(join(root, markdown), 'utf8');
  const examples: Example[] = [];
  const fence = /^```(ts|typescript)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of text.matchAll(fence)) {
    if (/\bexcerpt\b/.test(match[2]!)) continue;
    const line = text.slice(0, match.index).split('\n').length;
    const name = `${prefix}${markdown.replace(/[^A-Za-z0-9]+/g, '-')}-${line}.ts`;
    examples.push({ where: `${markdown}:${line}`, file: join(exampleDir, name), code: `${match[3]}\nexport {};\n`, run: !/\bno-run\b/.test(match[2]!) });
  }
  return examples;
}

const markdownFiles = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
const examples = markdownFiles.flatMap(examplesOf);

const removeExamples = () => {
  for (const name of readdirSync(exampleDir)) if (name.startsWith(prefix)) rmSync(join(exampleDir, name));
};

beforeAll(() => {
  removeExamples();
  for (const example of examples) writeFileSync(example.file, example.code);
});
afterAll(removeExamples);

describe('README and docs examples', () => {
  it('exist', () => {
    expect(examples.filter((example) => example.where.startsWith('README.md')).length).toBeGreaterThan(0);
  });

  it('type-check', () => {
    const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
    const program = ts.createProgram(examples.map((example) => example.file), { ...options, noEmit: true });
    const problems = examples.flatMap((example) => {
      const source = program.getSourceFile(example.file)!;
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
        const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const [markdown, fenceLine] = example.where.split(':');
        return `${markdown}:${Number(fenceLine) + 1 + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
    });
    expect(problems).toEqual([]);
  });

  it.each(examples.filter((example) => example.run).map((example) => [example.where, example] as const))('%s runs', async (_where, example) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(pathToFileURL(example.file).href);
    } finally {
      log.mockRestore();
    }
  });
});

