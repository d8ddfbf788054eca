/** `npm run grammar`: writes grammar/diagrams.html from the Chevrotain parser (the grammar of record). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { grammarDiagramsHtml } from '../src/syntax/chevrotain/diagrams.js';

const target = fileURLToPath(new URL('../grammar/diagrams.html', import.meta.url));
writeFileSync(target, grammarDiagramsHtml());
console.log(`wrote ${target}`);
