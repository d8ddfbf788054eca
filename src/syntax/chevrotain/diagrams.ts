/**
 * Railroad diagrams of the grammar of record, drawn from the Chevrotain parser itself, so
 * `grammar/diagrams.html` cannot drift from the code (a test compares the two).
 */
import { createSyntaxDiagramsCode } from 'chevrotain';
import { chevrotainEngine } from './parse.js';

/**
 * The HTML page `npm run grammar` writes to `grammar/diagrams.html`. Both whitespace modes share
 * one grammar (they differ only in their token patterns), so the tolerant parser draws it. The
 * page loads Chevrotain's diagram script from a CDN when opened.
 */
export function grammarDiagramsHtml(): string {
  return createSyntaxDiagramsCode(chevrotainEngine('tolerant').parser.getSerializedGastProductions());
}
