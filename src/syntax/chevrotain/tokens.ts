/**
 * The JSV vocabulary for the Chevrotain engine, one token set per whitespace mode.
 *
 * JSV is context-sensitive at the lexical level: which characters end a bare value
 * depends on where it stands, `"` `[` `]` `:` are ordinary inside a map value, and strict mode
 * keeps blanks as data in some places and skips them in others. We use lexer modes for that: a
 * mode is the phase of the innermost open container, `{` and `[` push one, `}` and `]` pop it, and
 * `:` / `,` in a map switch between the key phase and the value phase (pop then push). A map
 * value and the separator after it share one mode: anything that is not `,` or `}` after a value
 * lexes as a token the grammar rejects there, at the offset the scanner reports. The extent rules
 * themselves are custom matchers: linear scans with `charCodeAt`, no regular expression that could
 * backtrack. Every mode matches every character, so the lexer never fails; all errors come from
 * the parser, in reading order.
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from 'chevrotain';
import { BOM, COLON, COMMA, CR, isBlank, LBRACE, LBRACKET, LF, QUOTE, RBRACE, RBRACKET, SPACE, TAB } from '../chars.js';

/** Lexer mode names: the phase of the innermost container. */
export const TOP_MODE = 'top';
export const MAP_KEY_MODE = 'mapKey';
export const MAP_VALUE_MODE = 'mapValue';
export const LIST_MODE = 'list';



/**
 * Every UTF-16 code unit except `excluded`, as a `start_chars_hint`. Chevrotain buckets code
 * units above 255 in groups, so the full range costs a few milliseconds once per lexer.
 */
function startCharsExcept(excluded: readonly number[]): number[] {
  const chars: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (!excluded.includes(c)) chars.push(c);
  return chars;
}

const BLANKS = [SPACE, TAB, LF, CR];

/** The two ways the lexer can read blanks; `'auto'` picks one of them per document. */
export type LayoutMode = 'tolerant' | 'strict';

/** End of the run of layout blanks that starts at `offset` (`offset` itself when there is none). */
function blanksEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && isBlank(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Strict mode: blanks between an opening bracket and its closing one (`{ }`, `[ ]`), which leave
 * the container empty, as ServiceStack's `IsEmptyMap` and `StripList` read them.
 */
function emptyInside(open: number, close: number) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    if (offset === 0 || text.charCodeAt(offset - 1) !== open) return null;
    const end = blanksEnd(text, offset);
    return end > offset && text.charCodeAt(end) === close ? [text.slice(offset, end)] : null;
  };
}

/**
 * Strict mode: blanks before a `{` or `[` that opens a value. ServiceStack's writer never puts one
 * there (a string holding a bracket is quoted), so they are layout even in strict reading.
 */
function matchBlanksBeforeContainer(text: string, offset: number): CustomPatternMatcherReturn | null {
  // Only where a value starts: the document's start, or just after `:`, `[` or `,`.
  const before = offset === 0 ? -1 : text.charCodeAt(offset - 1);
  if (!(before === -1 || before === COLON || before === LBRACKET || before === COMMA || (before === BOM && offset === 1))) return null;
  const end = blanksEnd(text, offset);
  if (end === offset) return null;
  const c = text.charCodeAt(end);
  return c === LBRACE || c === LBRACKET ? [text.slice(offset, end)] : null;
}

/** `"…"` with `""` for a literal quote; null when no closing quote follows (see `Unterminated`). */
function matchQuoted(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== QUOTE) return null;
  let i = offset + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return null;
    if (text.charCodeAt(q + 1) !== QUOTE) return [text.slice(offset, q + 1)];
    i = q + 2;
  }
}

/** A `"` with no closing quote: runs to the end of input. The grammar never accepts it. */
function matchUnterminated(text: string, offset: number): CustomPatternMatcherReturn | null {
  return text.charCodeAt(offset) === QUOTE ? [text.slice(offset)] : null;
}

/** One byte-order mark, only as the very first character. */
function matchBom(text: string, offset: number): CustomPatternMatcherReturn | null {
  return offset === 0 && text.charCodeAt(0) === BOM ? ['\ufeff'] : null;
}

/**
 * A bare run from `offset` up to (not including) a stop character or the end, without its
 * trailing layout blanks when `trim` is set. The image is the value itself.
 */
function bareMatcher(stops: readonly number[], trim: boolean) {
  // Every stop is ASCII: one table lookup per character instead of a comparison per stop.
  const stopAt = new Uint8Array(128);
  for (const stop of stops) stopAt[stop] = 1;
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    const length = text.length;
    let end = offset;
    while (end < length) {
      const k = text.charCodeAt(end);
      if (k < 128 && stopAt[k] === 1) break;
      end++;
    }
    if (trim) while (end > offset && isBlank(text.charCodeAt(end - 1))) end--;
    return end > offset ? [text.slice(offset, end)] : null;
  };
}

/** Stops of each bare run: a map value ends at `,` `}`; a list item also at `]`; a key at any structure. */
const MAP_VALUE_STOPS = [COMMA, RBRACE];
const LIST_ITEM_STOPS = [COMMA, RBRACKET, RBRACE];
const KEY_STOPS = [COLON, COMMA, LBRACE, RBRACE, LBRACKET, RBRACKET, QUOTE];

/** The token types of one whitespace mode, plus the lexer definition that orders them by mode. */
export interface JsvTokens {
  readonly LBrace: TokenType;
  readonly RBrace: TokenType;
  readonly LBracket: TokenType;
  readonly RBracket: TokenType;
  readonly Colon: TokenType;
  /** Category of `MapComma` and `ListComma` (they differ only in how they move the lexer mode). */
  readonly Comma: TokenType;
  readonly MapComma: TokenType;
  readonly ListComma: TokenType;
  readonly Quoted: TokenType;
  readonly Unterminated: TokenType;
  /** Category of the three bare-value tokens (top level, map value, list item). */
  readonly Bare: TokenType;
  readonly TopBare: TokenType;
  readonly MapBare: TokenType;
  readonly ListBare: TokenType;
  readonly BareKey: TokenType;
  /** A structural character where none can stand (e.g. `]` in a map key); never accepted. */
  readonly Stray: TokenType;
  readonly all: TokenType[];
  readonly definition: { modes: Record<string, TokenType[]>; defaultMode: string };
}

/**
 * Creates the token set for one whitespace mode. Tolerant mode skips layout blanks everywhere
 * outside quoted strings and trims them from bare values and keys; strict mode keeps them as data
 * (in keys too, as ServiceStack's dictionaries do) and skips them only inside an otherwise empty
 * `{ }` or `[ ]` and before a `{` or `[` that opens a value.
 */
export function createJsvTokens(whitespace: LayoutMode): JsvTokens {
  const tolerant = whitespace === 'tolerant';
  const Blank = createToken({ name: 'Blank', pattern: /[\t\n\r ]+/, group: Lexer.SKIPPED, line_breaks: true });
  const Bom = createToken({ name: 'Bom', pattern: { exec: matchBom }, start_chars_hint: ['\ufeff'], group: Lexer.SKIPPED, line_breaks: false });

  const LBrace = createToken({ name: 'LBrace', label: "'{'", pattern: '{', push_mode: MAP_KEY_MODE });
  const RBrace = createToken({ name: 'RBrace', label: "'}'", pattern: '}', pop_mode: true });
  const LBracket = createToken({ name: 'LBracket', label: "'['", pattern: '[', push_mode: LIST_MODE });
  const EmptyMapBlanks = createToken({ name: 'EmptyMapBlanks', pattern: { exec: emptyInside(LBRACE, RBRACE) }, start_chars_hint: BLANKS, group: Lexer.SKIPPED, line_breaks: true });
  const EmptyListBlanks = createToken({ name: 'EmptyListBlanks', pattern: { exec: emptyInside(LBRACKET, RBRACKET) }, start_chars_hint: BLANKS, group: Lexer.SKIPPED, line_breaks: true });
  const ContainerBlanks = createToken({ name: 'ContainerBlanks', pattern: { exec: matchBlanksBeforeContainer }, start_chars_hint: BLANKS, group: Lexer.SKIPPED, line_breaks: true });
  const RBracket = createToken({ name: 'RBracket', label: "']'", pattern: ']', pop_mode: true });
  const Colon = createToken({ name: 'Colon', label: "':'", pattern: ':', pop_mode: true, push_mode: MAP_VALUE_MODE });
  const Comma = createToken({ name: 'Comma', label: "','", pattern: Lexer.NA });
  const MapComma = createToken({ name: 'MapComma', label: "','", pattern: ',', categories: [Comma], pop_mode: true, push_mode: MAP_KEY_MODE });
  const ListComma = createToken({ name: 'ListComma', label: "','", pattern: ',', categories: [Comma] });
  const Quoted = createToken({ name: 'Quoted', label: 'quoted string', pattern: { exec: matchQuoted }, start_chars_hint: ['"'], line_breaks: true });
  const Unterminated = createToken({ name: 'Unterminated', label: 'unterminated quoted string', pattern: { exec: matchUnterminated }, start_chars_hint: ['"'], line_breaks: true });
  const Stray = createToken({ name: 'Stray', label: 'misplaced structural character', pattern: /[,[\]}]/ });

  const Bare = createToken({ name: 'Bare', label: 'bare value', pattern: Lexer.NA });
  const valueStarts = [LBRACE, LBRACKET, QUOTE, COMMA, RBRACE];
  const blanks = tolerant ? BLANKS : [];
  const TopBare = createToken({
    name: 'TopBare',
    label: 'bare value',
    pattern: { exec: bareMatcher([], tolerant) },
    start_chars_hint: startCharsExcept([...valueStarts, RBRACKET, ...blanks]),
    categories: [Bare],
    line_breaks: true,
  });
  const MapBare = createToken({
    name: 'MapBare',
    label: 'bare value',
    pattern: { exec: bareMatcher(MAP_VALUE_STOPS, tolerant) },
    start_chars_hint: startCharsExcept([...valueStarts, ...blanks]),
    categories: [Bare],
    line_breaks: true,
  });
  const ListBare = createToken({
    name: 'ListBare',
    label: 'bare value',
    pattern: { exec: bareMatcher(LIST_ITEM_STOPS, tolerant) },
    start_chars_hint: startCharsExcept([...valueStarts, RBRACKET, ...blanks]),
    categories: [Bare],
    line_breaks: true,
  });
  // Strict keys keep their blanks, as ServiceStack's dictionaries do (its objects trim the name
  // when they look it up, which the typed layer does too).
  const BareKey = createToken({
    name: 'BareKey',
    label: 'bare key',
    pattern: { exec: bareMatcher(KEY_STOPS, tolerant) },
    start_chars_hint: startCharsExcept([...KEY_STOPS, ...blanks]),
    line_breaks: true,
  });

  // Order matters inside a mode: the first pattern that matches wins, so structure comes before
  // the bare runs that would otherwise swallow it.
  const layout = tolerant ? [Blank] : [ContainerBlanks];
  const modes: Record<string, TokenType[]> = {
    [TOP_MODE]: [Bom, ...layout, LBrace, LBracket, Quoted, Unterminated, Stray, TopBare],
    [MAP_KEY_MODE]: [tolerant ? Blank : EmptyMapBlanks, LBrace, RBrace, Colon, Quoted, Unterminated, Stray, BareKey],
    [MAP_VALUE_MODE]: [...layout, LBrace, LBracket, RBrace, MapComma, Quoted, Unterminated, MapBare],
    [LIST_MODE]: [...(tolerant ? [] : [EmptyListBlanks]), ...layout, LBrace, LBracket, RBracket, ListComma, Quoted, Unterminated, Stray, ListBare],
  };
  const all = [Blank, Bom, EmptyMapBlanks, EmptyListBlanks, ContainerBlanks, LBrace, RBrace, LBracket, RBracket, Colon, Comma, MapComma, ListComma, Quoted, Unterminated, Stray, Bare, TopBare, MapBare, ListBare, BareKey];
  return {
    LBrace, RBrace, LBracket, RBracket, Colon, Comma, MapComma, ListComma, Quoted, Unterminated,
    Bare, TopBare, MapBare, ListBare, BareKey, Stray, all,
    definition: { modes, defaultMode: TOP_MODE },
  };
}
