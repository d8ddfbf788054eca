/**
 * The JSV grammar of record: a Chevrotain `EmbeddedActionsParser` that builds untyped values while
 * it recognises them. `grammar/jsv.ebnf` is its human-readable twin and `grammar/diagrams.html` is
 * generated from it. Rules follow docs/jsv-format.md (Reading); the extent rules live in the lexer (tokens.ts).
 */
import { EMPTY_ALT, EmbeddedActionsParser, type ParserMethod } from 'chevrotain';
import { errorAt } from '../../errors/jsv-error.js';
import { formatPath } from '../path.js';
import { duplicateKeyReason } from '../scanner.js';
import { setOwn, type JsvMap, type JsvValue } from '../value.js';
import type { JsvTokens } from './tokens.js';

type Container = JsvValue[] | JsvMap;

/** `"a""b"` -> `a"b`. */
function unquote(image: string): string {
  const inner = image.slice(1, -1);
  return inner.indexOf('"') < 0 ? inner : inner.replaceAll('""', '"');
}

export class JsvParser extends EmbeddedActionsParser {
  /** The document being parsed (the actions slice raw key maps and report errors against it). */
  text = '';
  /** Open containers, innermost last, and the key being read in each (undefined while scanning it). */
  private containers: Container[] = [];
  private keys: (string | undefined)[] = [];
  /**
   * Where each map used as a key starts in `containers`: an error inside one carries the path
   * inside that key (or, when it has none, the path of the map the key belongs to).
   */
  private frames: number[] = [];
  /** The key read last, for "expected ':' after the key …" messages. */
  lastKey = '';

  readonly document: ParserMethod<[], JsvValue>;
  readonly value: ParserMethod<[], JsvValue>;
  readonly map: ParserMethod<[], JsvMap>;
  readonly key: ParserMethod<[], string>;
  readonly list: ParserMethod<[], JsvValue[]>;

  constructor(t: JsvTokens) {
    // One token of lookahead is all JSV needs; the engine stops at the first error like the scanner.
    super(t.all, { maxLookahead: 1, recoveryEnabled: false });
    const $ = this;

    // Nesting costs stack here, and a cold (not yet optimised) parser has big frames, so each
    // level of nesting is kept to two rule calls: `value` is nullable instead of wrapped in an
    // OPTION, and a map's entries are part of the map rule.

    /** document = value ; an empty document is null. */
    this.document = $.RULE('document', () => $.SUBRULE($.value));

    /**
     * value = map | list | quoted | bare | empty ; which bare token applies is the lexer's
     * business, and an empty value (nothing before `,` `}` `]` or the end) is null.
     */
    // Alternatives and repetition options are built once (Chevrotain's performance guide); they
    // capture no per-call state, since the open containers live on `this.containers`.
    const valueAlternatives = [
      { ALT: () => $.SUBRULE($.map) },
      { ALT: () => $.SUBRULE($.list) },
      {
        ALT: () => {
          const token = $.CONSUME(t.Quoted);
          return $.ACTION(() => unquote(token.image));
        },
      },
      { ALT: () => $.CONSUME(t.Bare).image },
      { ALT: EMPTY_ALT<JsvValue>(null) },
    ];
    this.value = $.RULE('value', () => $.OR(valueAlternatives));

    /**
     * map = "{" [ key ":" value { "," key ":" value } ] "}" ; a key may appear once per map.
     */
    const entries = {
      SEP: t.Comma,
      DEF: () => {
        const top = $.containers.length - 1;
        const map = $.containers[top] as JsvMap;
        $.ACTION(() => {
          $.keys[top] = undefined;
        });
        const keyToken = $.LA(1);
        const key = $.SUBRULE($.key);
        $.CONSUME(t.Colon);
        $.ACTION(() => {
          if (Object.prototype.hasOwnProperty.call(map, key)) {
            throw errorAt($.text, keyToken.startOffset, 'DUPLICATE_KEY', duplicateKeyReason(key), $.errorPath());
          }
          $.keys[top] = key;
        });
        const value = $.SUBRULE($.value);
        $.ACTION(() => setOwn(map, key, value));
      },
    };
    this.map = $.RULE('map', () => {
      $.CONSUME(t.LBrace);
      const map: JsvMap = {};
      $.ACTION(() => {
        $.containers.push(map);
        $.keys.push(undefined);
      });
      $.MANY_SEP(entries);
      $.CONSUME(t.RBrace);
      $.ACTION(() => {
        $.containers.pop();
        $.keys.pop();
      });
      return map;
    });

    /**
     * key = quoted | map | bare-key. A map key is kept as its raw text, as ServiceStack accepts
     * brace-balanced keys.
     */
    const keyAlternatives = [
      {
        ALT: () => {
          const token = $.CONSUME(t.Quoted);
          return $.ACTION(() => unquote(token.image));
        },
      },
      {
        ALT: () => {
          const open = $.LA(1);
          $.ACTION(() => $.frames.push($.containers.length));
          $.SUBRULE2($.map);
          return $.ACTION(() => {
            $.frames.pop();
            return $.text.slice(open.startOffset, $.LA(0).startOffset + 1);
          });
        },
      },
      { ALT: () => $.CONSUME(t.BareKey).image },
    ];
    this.key = $.RULE('key', () => {
      const key = $.OR(keyAlternatives);
      $.ACTION(() => {
        $.lastKey = key;
      });
      return key;
    });

    /**
     * list = "[" value { "," value } "]" ; each empty slot is null, except that a list with one
     * empty slot and no comma (`[]`) is empty.
     */
    this.list = $.RULE('list', () => {
      $.CONSUME(t.LBracket);
      const list: JsvValue[] = [];
      $.ACTION(() => {
        $.containers.push(list);
        $.keys.push(undefined);
      });
      const first = $.SUBRULE($.value);
      $.ACTION(() => {
        if (first !== null || $.LA(1).tokenType !== t.RBracket) list.push(first);
      });
      $.MANY(() => {
        $.CONSUME(t.Comma);
        const item = $.SUBRULE2($.value);
        $.ACTION(() => list.push(item));
      });
      $.CONSUME(t.RBracket);
      $.ACTION(() => {
        $.containers.pop();
        $.keys.pop();
      });
      return list;
    });

    this.performSelfAnalysis();
  }

  /** Clears the per-document state before a parse. */
  begin(text: string): void {
    this.text = text;
    this.containers = [];
    this.keys = [];
    this.frames = [];
    this.lastKey = '';
  }

  /** Drops every reference to the last document, so its tokens and values can be collected. */
  end(): void {
    this.input = [];
    this.text = '';
    this.containers = [];
    this.keys = [];
    this.frames = [];
    this.lastKey = '';
  }

  /** True while the innermost map is between the start of a key and its `:`. */
  readingKey(): boolean {
    const top = this.containers.length - 1;
    return top >= 0 && !Array.isArray(this.containers[top]) && this.keys[top] === undefined;
  }

  /** The offset of the next token, or -1 at the end (used when the call stack runs out). */
  nextOffset(): number {
    const offset = this.LA(1).startOffset;
    return Number.isNaN(offset) ? -1 : offset;
  }

  /**
   * The path of the value being read, such as `data.list[2]`, as the scanner reports it: inside a
   * map used as a key, the path within that key (or, when that is empty, the path of the map the
   * key belongs to); otherwise from the top. The scanner fails some reads before the parser's
   * state catches up: `placeholder` drops the null slot the list rule already added for an item
   * that never started, `innermost` leaves out a container the scanner never entered.
   */
  errorPath(adjust: 'none' | 'placeholder' | 'innermost' = 'none'): string | undefined {
    let end = this.containers.length - (adjust === 'innermost' ? 1 : 0);
    const placeholder = adjust === 'placeholder';
    for (let f = this.frames.length; f >= 0; f--) {
      const start = Math.min(f > 0 ? this.frames[f - 1]! : 0, end);
      const path = this.pathBetween(start, end, placeholder && f === this.frames.length);
      if (path !== '') return path;
      end = start;
    }
    return undefined;
  }

  private pathBetween(start: number, end: number, placeholder: boolean): string {
    const segments = this.containers.map((container, i) => (Array.isArray(container) ? container.length - (placeholder && i === end - 1 ? 1 : 0) : this.keys[i]));
    return formatPath(segments, end, start);
  }
}
