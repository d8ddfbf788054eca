/**
 * What ServiceStack's native-types generators (`/types/typescript`, `/types/csharp`) share: their
 * options header facts and the reading of the C# type texts a `MetadataTypes` document carries in
 * `genericArgs` (`Dictionary<String,Value>`).
 */

export interface NativeTypesOptions {
  /** The host's base URL, written as `BaseUrl:` (what the reference tools update from). */
  baseUrl: string;
  /** The `Date:` line, `yyyy-MM-dd HH:mm:ss` of this instant (ServiceStack writes its local time; we write UTC). */
  date: Date;
  /** The `Version:` line: the ServiceStack version the host claims (default `10.15`). */
  version?: string;
}

/** The version the demo's documents claim, ServiceStack's `Env.VersionString` of the release read. */
export const NATIVE_TYPES_VERSION = '10.15';

/** A C# type written as text in `genericArgs` (`Dictionary<String,Value>`, `List<Int32>`), read into a name and arguments. */
export interface TypeNode {
  name: string;
  args: TypeNode[];
}

// Generic arguments come from the metadata document, which may come from anywhere: bound the
// nesting a type text may have.
const MAX_TYPE_DEPTH = 16;

export function parseTypeText(text: string): TypeNode {
  let at = 0;
  const read = (depth: number): TypeNode => {
    if (depth > MAX_TYPE_DEPTH) throw new TypeError(`type "${text}" nests deeper than ${MAX_TYPE_DEPTH} levels`);
    let name = '';
    while (at < text.length && !'<>,'.includes(text[at]!)) name += text[at++];
    const node: TypeNode = { name: name.trim(), args: [] };
    if (text[at] === '<') {
      at++;
      for (;;) {
        node.args.push(read(depth + 1));
        if (text[at] === ',') at++;
        else break;
      }
      if (text[at] !== '>') throw new TypeError(`type "${text}" is missing a ">"`);
      at++;
    }
    return node;
  };
  const node = read(0);
  if (at !== text.length) throw new TypeError(`type "${text}" has text after its end`);
  return node;
}

/** `2026-12-04 19:30:00`, ServiceStack's `DateTime.ToString("s")` with the `T` replaced. */
export function headerDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

