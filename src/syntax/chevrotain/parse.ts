/**
 * `parse(text, { engine: chevrotain })`: lex, check nesting, parse with the grammar of record,
 * and turn anything Chevrotain reports into the same `JsvError` (code and offset) the scanner
 * throws for that text.
 */
import { EOF, Lexer, type IRecognitionException, type IToken } from 'chevrotain';
import { errorAt, type JsvError } from '../../errors/jsv-error.js';
import { readingOverflow, tooDeepToRead } from '../limits.js';
import { resolveParseOptions, type ParseEngine, type ParseOptions } from '../options.js';
import { isBlank } from '../chars.js';
import { describeChar, trailingInputReason } from '../scanner.js';
import type { JsvValue } from '../value.js';
import { JsvParser } from './parser.js';
import { createJsvTokens, type JsvTokens, type LayoutMode } from './tokens.js';

/**
 * The deepest nesting the Chevrotain engine descends into. Its parser is recursive (two rule
 * calls per level). Before V8 optimises it, a fresh process on Node's default stack holds
 * about 500 levels of maps; this ceiling leaves room for the caller's own frames. Deeper
 * documents need the scanner engine, which nests without recursion.
 */
export const CHEVROTAIN_MAX_DEPTH = 400;

interface Engine {
  readonly tokens: JsvTokens;
  readonly lexer: Lexer;
  readonly parser: JsvParser;
}

// Built on first use and reused: constructing a Chevrotain parser analyses the whole grammar.
const engines = new Map<LayoutMode, Engine>();

/** The lexer and parser of one whitespace mode (also used to draw the grammar diagrams). */
export function chevrotainEngine(whitespace: LayoutMode): Engine {
  let engine = engines.get(whitespace);
  if (engine === undefined) {
    const tokens = createJsvTokens(whitespace);
    const lexer = new Lexer(tokens.definition, { positionTracking: 'onlyOffset', ensureOptimizations: true, recoveryEnabled: false });
    engine = { tokens, lexer, parser: new JsvParser(tokens) };
    engines.set(whitespace, engine);
  }
  return engine;
}

/**
 * Parses JSV text with the Chevrotain engine. Same results as the scanner on every input: the
 * same value, or a `JsvError` with the same code and offset. One difference: nesting deeper
 * than `CHEVROTAIN_MAX_DEPTH` is `MAX_DEPTH` even when `maxDepth` allows more.
 *
 * @throws JsvError `UNEXPECTED_TOKEN`, `UNEXPECTED_END`, `UNTERMINATED_STRING`, `TRAILING_INPUT`,
 * `DUPLICATE_KEY` or `MAX_DEPTH`.
 */
export function parseWithChevrotain(text: string, options?: ParseOptions): JsvValue {
  if (typeof text !== 'string') throw new TypeError(`parse expects a string, got ${text === null ? 'null' : typeof text}`);
  const { maxDepth, tolerant } = resolveParseOptions(options, text);
  const { tokens: t, lexer, parser } = chevrotainEngine(tolerant ? 'tolerant' : 'strict');

  const lexed = lexer.tokenize(text);
  // Every lexer mode matches every character, so this is a safety net only.
  const lexError = lexed.errors[0];
  if (lexError !== undefined) throw errorAt(text, lexError.offset, 'UNEXPECTED_TOKEN', `No token can start at ${describeChar(text, lexError.offset)}`);
  const tokens = lexed.tokens;
  if (tokens.length === 0) return null;

  // Nesting is checked before the recursive parser descends. The document is cut just after the
  // first bracket that opens one level too many: if the parser fails before it opens that
  // container, that error comes first (the scanner meets it first too); if the parser opens it,
  // it then runs out of tokens one level deeper than allowed, and the depth is the error.
  const limit = Math.min(maxDepth, CHEVROTAIN_MAX_DEPTH);
  const tooDeep = firstTooDeep(tokens, limit, t);
  const deepOpen = tooDeep >= 0 ? tokens[tooDeep]! : undefined;
  if (deepOpen !== undefined) tokens.length = tooDeep + 1;

  parser.begin(text);
  parser.input = tokens;
  try {
    const value = parser.document();
    const error = parser.errors[0];
    if (deepOpen !== undefined && (error === undefined || error.token.tokenType === EOF)) {
      throw depthError(text, deepOpen.startOffset, maxDepth, parser.errorPath('innermost'));
    }
    if (error !== undefined) throw syntaxError(text, error, tokens, parser, t);
    return value;
  } catch (error) {
    // Only reachable when the caller's own stack is already deep: still a JsvError, never a RangeError.
    const offset = parser.nextOffset();
    throw readingOverflow(error, text, offset < 0 ? text.length : offset, undefined, 'the Chevrotain engine recurses, use the default scanner engine');
  } finally {
    parser.end();
  }
}

/**
 * The Chevrotain engine as `parse(text, { engine: chevrotain })` takes it. Exported by
 * `jsvkit/chevrotain` only, so that `import('jsvkit')` never loads Chevrotain.
 */
export const chevrotain: ParseEngine = Object.freeze({ name: 'chevrotain', parse: parseWithChevrotain });

/** Index of the first `{` or `[` that opens a container deeper than `limit`, or -1. */
function firstTooDeep(tokens: IToken[], limit: number, t: JsvTokens): number {
  const open1 = t.LBrace.tokenTypeIdx;
  const open2 = t.LBracket.tokenTypeIdx;
  const close1 = t.RBrace.tokenTypeIdx;
  const close2 = t.RBracket.tokenTypeIdx;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenTypeIdx;
    if (type === open1 || type === open2) {
      if (++depth > limit) return i;
    } else if (type === close1 || type === close2) {
      depth--;
    }
  }
  return -1;
}

function depthError(text: string, offset: number, maxDepth: number, path: string | undefined): JsvError {
  const reason =
    maxDepth <= CHEVROTAIN_MAX_DEPTH
      ? tooDeepToRead(maxDepth)
      : `Nesting is deeper than ${CHEVROTAIN_MAX_DEPTH} levels, the most the recursive Chevrotain engine can hold; use the default scanner engine for deeper documents`;
  return errorAt(text, offset, 'MAX_DEPTH', reason, path);
}

/**
 * Maps Chevrotain's first recognition error to the scanner's error. The rule that failed says
 * what was expected: `key` a key; `map` a key right after `{`, the `:` while a key is being
 * read, else `,` or `}`; `list` a `,` or `]`. A token left over after the document is trailing
 * input (or, as the first token, no value at all).
 */
function syntaxError(text: string, error: IRecognitionException, tokens: IToken[], parser: JsvParser, t: JsvTokens): JsvError {
  const token = error.token;
  // Chevrotain's end-of-input token has NaN offsets; the scanner reports the end as text.length.
  const atEnd = token.tokenType === EOF;
  const offset = atEnd ? text.length : token.startOffset;
  const found = describeChar(text, offset);
  const index = atEnd ? tokens.length : tokens.indexOf(token);
  const previous = index > 0 ? tokens[index - 1] : undefined;

  // A quote that opens a value or key and never closes; elsewhere a `"` is just misplaced. The
  // scanner fails while reading such a list item, before the slot exists.
  if (token.tokenType === t.Unterminated && startsValue(previous, t)) {
    return errorAt(text, offset, 'UNTERMINATED_STRING', 'Unterminated quoted string: no closing \'"\' before the end of input (write a literal quote as "")', parser.errorPath('placeholder'));
  }
  const path = parser.errorPath();
  if (error.name === 'NotAllInputParsedException') {
    if (index === 0) return errorAt(text, offset, 'UNEXPECTED_TOKEN', `Expected a value, found ${found}`, path);
    return errorAt(text, offset, 'TRAILING_INPUT', trailingInputReason(text, offset), path);
  }
  const code = atEnd ? 'UNEXPECTED_END' : 'UNEXPECTED_TOKEN';
  const ruleStack = error.context.ruleStack;
  const rule = ruleStack[ruleStack.length - 1];
  if (rule === 'key' || (rule === 'map' && previous?.tokenType === t.LBrace)) {
    return errorAt(text, offset, code, atEnd ? 'Unexpected end of input: expected a key' : `Expected a key, found ${found}`, path);
  }
  if (rule === 'map' && parser.readingKey()) {
    const key = JSON.stringify(parser.lastKey);
    return errorAt(text, offset, code, atEnd ? `Unexpected end of input: expected ':' after the key ${key}` : `Expected ':' after the key ${key}, found ${found}`, path);
  }
  const close = rule === 'list' ? "']'" : "'}'";
  if (atEnd) return errorAt(text, offset, code, `Unexpected end of input: expected ',' or ${close}`, path);
  const blankHint = isBlank(text.charCodeAt(offset)) ? ' (strict whitespace: blanks after a quoted or nested value are not allowed)' : '';
  return errorAt(text, offset, code, `Expected ',' or ${close} after the value, found ${found}${blankHint}`, path);
}

/** True when a value or key may start right after `previous` (undefined: the document start). */
function startsValue(previous: IToken | undefined, t: JsvTokens): boolean {
  if (previous === undefined) return true;
  const type = previous.tokenType;
  return type === t.LBrace || type === t.LBracket || type === t.MapComma || type === t.ListComma || type === t.Colon;
}
