/**
 * When and how a string is quoted. ServiceStack quotes a string that contains one of
 * `" : , { } [ ]` CR LF and doubles its quotes; jsvkit also quotes the empty
 * string (`""`) and text with a leading or trailing blank, which a tolerant reader would trim
 * (see docs/jsv-format.md, "Where jsvkit deviates").
 */

const SPACE = 32;
const TAB = 9;

/**
 * A character that forces quotes. One regular expression test (irregexp's native loop, a single
 * character class, so linear) checks a string a fifth faster than a loop over a lookup table.
 */
const FORCES_QUOTES = /[":,{}[\]\r\n]/;

export function needsQuotes(text: string): boolean {
  const length = text.length;
  if (length === 0) return true;
  let c = text.charCodeAt(0);
  if (c === SPACE || c === TAB) return true;
  c = text.charCodeAt(length - 1);
  if (c === SPACE || c === TAB) return true;
  return FORCES_QUOTES.test(text);
}

/** `"…"` with every `"` doubled. */
export function quote(text: string): string {
  return `"${text.indexOf('"') < 0 ? text : text.replaceAll('"', '""')}"`;
}

/** The text a string value is written as. */
export function encodeString(text: string): string {
  return needsQuotes(text) ? quote(text) : text;
}

/**
 * `,Name:` and `Name:` for each map key seen lately. Records of one type repeat the same keys, and
 * appending the same string object again beats quoting and concatenating it anew (about a quarter
 * of the time on the customer fixtures). Cleared when full, so odd keys cannot grow them for ever.
 */
const ENTRY_HEADS = new Map<string, string>();
const FIRST_ENTRY_HEADS = new Map<string, string>();
const ENTRY_HEADS_LIMIT = 4096;

/** The text before a map entry's value after another entry: `,` + the key as written + `:`. */
export function entryHead(key: string): string {
  let head = ENTRY_HEADS.get(key);
  if (head === undefined) {
    if (ENTRY_HEADS.size >= ENTRY_HEADS_LIMIT) ENTRY_HEADS.clear();
    head = ',' + encodeString(key) + ':';
    ENTRY_HEADS.set(key, head);
  }
  return head;
}

/** The text before a map's first entry's value: the key as written + `:` (a slice of entryHead's allocated anew each time). */
export function firstEntryHead(key: string): string {
  let head = FIRST_ENTRY_HEADS.get(key);
  if (head === undefined) {
    if (FIRST_ENTRY_HEADS.size >= ENTRY_HEADS_LIMIT) FIRST_ENTRY_HEADS.clear();
    head = encodeString(key) + ':';
    FIRST_ENTRY_HEADS.set(key, head);
  }
  return head;
}
