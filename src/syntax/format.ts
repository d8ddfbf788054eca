/**
 * `format(text)`: the indented layout of ServiceStack's `JsvFormatter` (jsv-spec §4), the one the
 * metadata pages and the seed's samples show: one entry or item per line, TAB indentation, `key: value`,
 * and `key: ` followed by the container on the next line. Unlike JsvFormatter, it reads the text
 * with the real grammar, so quoted strings and bare values are never broken or spaced, and it is
 * idempotent. Values keep their own spelling; empty containers stay `{}` and `[]`.
 */
import type { ParseOptions } from './options.js';
import { isBlank } from './chars.js';
import { duplicateKeyReason, IN_LIST, IN_MAP, LIST, MAP, QUOTED, BARE, Scanner, TOP, type Context } from './scanner.js';
import { quote } from './quoting.js';

export interface FormatOptions extends Omit<ParseOptions, 'engine'> {
  /** One level of indentation (default a TAB, as ServiceStack). */
  indent?: string;
  /** Line break (default `\n`; ServiceStack uses the host's, CRLF on Windows). */
  newline?: string;
}

/**
 * Pretty-prints JSV text. The result parses (tolerant mode) to the same value as the input.
 *
 * @throws JsvError for malformed input, exactly as `parse` does.
 */
export function format(text: string, options?: FormatOptions): string {
  if (typeof text !== 'string') throw new TypeError(`format expects a string, got ${text === null ? 'null' : typeof text}`);
  const scanner = new Scanner(text, options);
  if (scanner.atEmptyDocument()) return '';
  const newline = options?.newline ?? '\n';
  const indent = options?.indent ?? '\t';
  // Line breaks are cached for the levels documents use; deeper ones are built when needed.
  const breaks: string[] = [];
  const lineBreak = (level: number): string => {
    if (level > 64) return newline + indent.repeat(level);
    return breaks[level] ?? (breaks[level] = newline + indent.repeat(level));
  };
  try {
    return layOut(scanner, lineBreak);
  } catch (error) {
    // Indentation grows with depth, so output grows with its square: a document allowed to nest
    // far past the default maxDepth can outgrow the largest string the engine can hold.
    if (error instanceof RangeError) {
      throw scanner.fail(scanner.pos, 'MAX_DEPTH', 'The formatted text would be too large for a string at this nesting depth; lower maxDepth or use stringify');
    }
    throw error;
  }
}

function layOut(scanner: Scanner, lineBreak: (level: number) => string): string {
  const text = scanner.text;

  const stack: Context[] = [];
  // Keys seen in each open map, so that format rejects exactly what parse rejects.
  const seen: Set<string>[] = [];
  let ctx: Context = TOP;
  let afterKey = false;
  let out = '';
  for (;;) {
    const kind = scanner.valueStart(ctx);
    const level = stack.length;
    if (kind === MAP || kind === LIST) {
      const open = kind === MAP ? scanner.openMap() : scanner.openList();
      if (open) {
        if (afterKey) out += lineBreak(level);
        out += (kind === MAP ? '{' : '[') + lineBreak(level + 1);
        stack.push(kind === MAP ? IN_MAP : IN_LIST);
        ctx = stack[stack.length - 1]!;
        if (kind === MAP) {
          seen.push(new Set());
          out += mapKey(scanner, seen);
          afterKey = true;
        } else {
          afterKey = false;
        }
        continue;
      }
      out += kind === MAP ? '{}' : '[]';
    } else if (kind === QUOTED) {
      const start = scanner.pos;
      scanner.readQuoted();
      out += text.slice(start, scanner.pos);
    } else if (kind === BARE) {
      const value = scanner.readBare(ctx);
      out += mustQuoteBare(value, ctx) ? quote(value) : value;
    }
    // Close every container that ends here; stop at the next entry or item.
    for (;;) {
      if (stack.length === 0) {
        scanner.finish();
        return out;
      }
      const inMap = stack[stack.length - 1] === IN_MAP;
      const more = inMap ? scanner.nextEntry() : scanner.nextItem();
      if (more) {
        out += ',' + lineBreak(stack.length);
        if (inMap) out += mapKey(scanner, seen);
        afterKey = inMap;
        break;
      }
      stack.pop();
      if (inMap) seen.pop();
      out += lineBreak(stack.length) + (inMap ? '}' : ']');
    }
    ctx = stack[stack.length - 1]!;
  }
}

/**
 * Strict input may carry edge blanks as data, which a tolerant reader would trim; a top-level value
 * starting with U+FEFF would be taken for a byte-order mark. Quotes keep both.
 */
function mustQuoteBare(value: string, ctx: Context): boolean {
  if (value.length === 0) return false;
  if (isBlank(value.charCodeAt(0)) || isBlank(value.charCodeAt(value.length - 1))) return true;
  return ctx === TOP && value.charCodeAt(0) === 0xfeff;
}

function mapKey(scanner: Scanner, seen: Set<string>[]): string {
  const key = scanner.readKey();
  const keys = seen[seen.length - 1]!;
  if (keys.has(key)) throw scanner.fail(scanner.keyStart, 'DUPLICATE_KEY', duplicateKeyReason(key));
  keys.add(key);
  return scanner.text.slice(scanner.keyStart, scanner.keyEnd) + ': ';
}
