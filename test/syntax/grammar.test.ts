/** grammar/ cannot drift from the code: the diagrams are the parser's own, the EBNF names its rules. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { grammarDiagramsHtml } from '../../src/syntax/chevrotain/diagrams.js';
import { chevrotainEngine } from '../../src/syntax/chevrotain/parse.js';

const grammarDir = fileURLToPath(new URL('../../grammar/', import.meta.url));

describe('grammar/', () => {
  it('diagrams.html is what the parser draws now (run `npm run grammar` after changing the grammar)', () => {
    // Text only: the page's script comes from a CDN, which this test never loads.
    expect(readFileSync(grammarDir + 'diagrams.html', 'utf8')).toBe(grammarDiagramsHtml());
  });

  it('the diagrams draw every rule of the parser', () => {
    const rules = Object.keys(chevrotainEngine('tolerant').parser.getGAstProductions());
    expect(rules).toEqual(['document', 'value', 'map', 'key', 'list']);
    for (const rule of rules) expect(grammarDiagramsHtml()).toContain(`"name": "${rule}"`);
  });

  it('jsv.ebnf defines every parser rule, each with a comment before it', () => {
    const ebnf = readFileSync(grammarDir + 'jsv.ebnf', 'utf8');
    const definitions = [...ebnf.matchAll(/^([a-zA-Z-]+)\s*=/gm)];
    const names = definitions.map((m) => m[1]);
    for (const rule of Object.keys(chevrotainEngine('tolerant').parser.getGAstProductions())) expect(names).toContain(rule);
    // Each rule follows its own comment; helpers share the comment of the rule above them.
    const grouped = ['empty', 'map-value', 'list-value'];
    for (const m of definitions) {
      const before = ebnf.slice(0, m.index).trimEnd();
      if (grouped.includes(m[1]!)) expect(before.endsWith(';'), `rule ${m[1]} follows its group`).toBe(true);
      else expect(before.endsWith('*)'), `rule ${m[1]} has a comment`).toBe(true);
    }
    expect(ebnf).toMatch(/tolerant/);
    expect(ebnf).toMatch(/strict/);
    expect(ebnf).toMatch(/extent rule/i);
  });
});
