/**
 * The JSV vocabulary for the Chevrotain engine, one token set per whitespace mode.
 *
 * JSV is context-sensitive at the lexical level (jsv-spec §3.2): which characters end a bare value
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
import type { WhitespaceMode } from '../options.js';
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

/** One byte-order mark, only as the very first character (jsv-spec §3.1). */
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
 * outside quoted strings and trims them from bare values; strict mode skips them only where
 * ServiceStack does (before and after keys, right after `[`) and keeps them as data elsewhere.
 */
export function createJsvTokens(whitespace: WhitespaceMode): JsvTokens {
  const tolerant = whitespace === 'tolerant';
  const Blank = createToken({ name: 'Blank', pattern: /[\t\n\r ]+/, group: Lexer.SKIPPED, line_breaks: true });
  const Bom = createToken({ name: 'Bom', pattern: { exec: matchBom }, start_chars_hint: ['\ufeff'], group: Lexer.SKIPPED, line_breaks: false });

  const LBrace = createToken({ name: 'LBrace', label: "'{'", pattern: '{', push_mode: MAP_KEY_MODE });
  const RBrace = createToken({ name: 'RBrace', label: "'}'", pattern: '}', pop_mode: true });
  // ServiceStack skips blanks right after `[` even in its own strict reading, so in both modes
  // the opening bracket takes them with it.
  const LBracket = createToken({ name: 'LBracket', label: "'['", pattern: /\[[\t\n\r ]*/, push_mode: LIST_MODE, line_breaks: true });
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
  // Keys lose their edge blanks in both modes: ServiceStack trims object keys.
  const BareKey = createToken({
    name: 'BareKey',
    label: 'bare key',
    pattern: { exec: bareMatcher(KEY_STOPS, true) },
    start_chars_hint: startCharsExcept([...KEY_STOPS, ...BLANKS]),
    line_breaks: true,
  });

  // Order matters inside a mode: the first pattern that matches wins, so structure comes before
  // the bare runs that would otherwise swallow it.
  const layout = tolerant ? [Blank] : [];
  const modes: Record<string, TokenType[]> = {
    [TOP_MODE]: [Bom, ...layout, LBrace, LBracket, Quoted, Unterminated, Stray, TopBare],
    [MAP_KEY_MODE]: [Blank, LBrace, RBrace, Colon, Quoted, Unterminated, Stray, BareKey],
    [MAP_VALUE_MODE]: [...layout, LBrace, LBracket, RBrace, MapComma, Quoted, Unterminated, MapBare],
    [LIST_MODE]: [...layout, LBrace, LBracket, RBracket, ListComma, Quoted, Unterminated, Stray, ListBare],
  };
  const all = [Blank, Bom, LBrace, RBrace, LBracket, RBracket, Colon, Comma, MapComma, ListComma, Quoted, Unterminated, Stray, Bare, TopBare, MapBare, ListBare, BareKey];
  return {
    LBrace, RBrace, LBracket, RBracket, Colon, Comma, MapComma, ListComma, Quoted, Unterminated,
    Bare, TopBare, MapBare, ListBare, BareKey, Stray, all,
    definition: { modes, defaultMode: TOP_MODE },
  };
}
