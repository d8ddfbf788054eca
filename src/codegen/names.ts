/**
 * TypeScript identifiers for declarations, and property keys, that never break the module:
 *
 * - A type is named by its .NET name without arity (``QueryResponse`1`` → `QueryResponse`).
 * - The same short name in several namespaces: each gets the shortest namespace suffix that
 *   tells them apart, PascalCased (`Chinook.Types.Customers` → `TypesCustomers`).
 * - The same short name with several arities in one namespace: the lowest arity keeps it, the
 *   others get their arity (`QueryDb`, `QueryDb2`).
 * - A name that is a JavaScript reserved word, one the module itself uses (`t`, `operation`,
 *   `api`, `Infer`, `AnySchema`, `ReturnType`), or a global that compiled output relies on
 *   (`Object`, `Symbol`, `Promise`, `exports`, `require`, …) gets a `_` suffix (`Function_`).
 * - A property key that is not an identifier is quoted; `__proto__` is written computed
 *   (`['__proto__']`) so it is a member, not the object's prototype.
 */
import type { Decl } from './resolve.js';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity ' +
    't operation api Infer AnySchema ReturnType ' +
    // Globals a compiler's or bundler's helpers use (`Object.defineProperty(exports, …)` in CommonJS output).
    'Object Array Function Symbol Promise Reflect Error TypeError String Number Boolean BigInt Math JSON Date RegExp Map Set ' +
    'WeakMap WeakSet Proxy globalThis exports require module __dirname __filename'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Assigns `decl.ident` for every declaration (see the module comment for the rules). */
export function assignIdents(decls: readonly Decl[]): void {
  const groups = new Map<string, Decl[]>();
  for (const decl of decls) {
    const base = sanitize(decl.dotnet);
    const group = groups.get(base);
    if (group) group.push(decl);
    else groups.set(base, [decl]);
  }
  const used = new Set<string>();
  for (const [base, group] of groups) {
    for (const decl of group) {
      let ident = base;
      const sameNamespace = group.filter((other) => other.namespace === decl.namespace);
      if (sameNamespace.length < group.length) ident = namespacePrefix(decl, group) + ident;
      if (sameNamespace.some((other) => other.arity < decl.arity)) ident += String(decl.arity);
      decl.ident = ident;
    }
  }
  for (const decl of decls) {
    let ident = RESERVED.has(decl.ident) ? `${decl.ident}_` : decl.ident;
    while (used.has(ident)) ident += '_';
    used.add(ident);
    decl.ident = ident;
  }
}

/** The shortest run of trailing namespace segments that no other namespace in the group ends with. */
function namespacePrefix(decl: Decl, group: readonly Decl[]): string {
  const segments = decl.namespace.split('.').filter(Boolean);
  const others = group.filter((other) => other.namespace !== decl.namespace).map((other) => other.namespace.split('.').filter(Boolean));
  for (let n = 1; n <= segments.length; n++) {
    const tail = segments.slice(-n).join('.');
    if (others.every((other) => other.slice(-n).join('.') !== tail)) return segments.slice(-n).map(pascal).join('');
  }
  return segments.map(pascal).join('') || 'Global';
}

function pascal(segment: string): string {
  return sanitize(segment[0]!.toUpperCase() + segment.slice(1));
}

function sanitize(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(ascii) ? `_${ascii}` : ascii;
}

/** A safe identifier for a generic parameter inside a factory (never one of the module's names). */
export function paramIdent(name: string, taken: ReadonlySet<string>): string {
  let ident = sanitize(name);
  while (RESERVED.has(ident) || taken.has(ident)) ident += '_';
  return ident;
}

/** An object-literal key: bare when it is an identifier, quoted otherwise, computed for `__proto__`. */
export function propertyKey(name: string): string {
  if (name === '__proto__') return "['__proto__']";
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}
