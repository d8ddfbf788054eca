/**
 * Paths into the data, as every error names them: `schedule.rules[2]["first name"]`. Readers
 * (scanner, walk, the Chevrotain engine, the typed decoders) and writers (`stringify`, the typed
 * encoders) all spell them here, so one value has one path whichever side reports it.
 *
 * A path is whole however deep the value (`JsvError.path` promises that); the error's `message`
 * shows a long one with its middle cut out (`elideMiddle` in errors/jsv-error.ts, below this layer).
 */

/** One step of a path: a map key or property name, or a list index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `a` first, `.a` after, or `["a b"]` for a key that is not a plain identifier. */
export function formatPathKey(key: string, first: boolean): string {
  if (IDENTIFIER.test(key)) return first ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

/**
 * The path of the first `count` of `segments` (all by default): `a.b[2]["x y"]`. An undefined
 * segment is a map whose key is still being read: the path stops before it.
 */
export function formatPath(segments: readonly (PathSegment | undefined)[], count = segments.length, from = 0): string {
  let path = '';
  for (let i = from; i < count; i++) {
    const segment = segments[i];
    if (segment === undefined) break;
    path += typeof segment === 'number' ? `[${segment}]` : formatPathKey(segment, path === '');
  }
  return path;
}

/** `inner`, a path inside the value at `outer`, as one path from the top: `outer` + `.x` or `[2]`. */
export function joinPaths(outer: string, inner: string | undefined): string {
  if (inner === undefined || inner === '') return outer;
  if (outer === '') return inner;
  return inner.startsWith('[') ? outer + inner : `${outer}.${inner}`;
}
