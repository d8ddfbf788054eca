/**
 * `jsvkit/chevrotain`: the grammar of record as a parse engine, kept out of the main entry so that
 * `import('jsvkit')` and browser bundles do not carry Chevrotain. Needs the `chevrotain` package
 * (an optional peer dependency of jsvkit).
 *
 *   import { parse } from 'jsvkit';
 *   import { chevrotain } from 'jsvkit/chevrotain';
 *   parse('{A:x]y[z}', { engine: chevrotain }); // { A: 'x]y[z' }, as with the default scanner
 */
export { chevrotain, CHEVROTAIN_MAX_DEPTH } from './parse.js';
export { grammarDiagramsHtml } from './diagrams.js';
