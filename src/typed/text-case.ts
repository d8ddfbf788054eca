/**
 * Property-name conventions on write: ServiceStack's `ToCamelCase` and
 * `ToLowercaseUnderscore`, and the case-insensitive name matching its reader uses.
 */

export type TextCase = 'default' | 'camelCase' | 'PascalCase' | 'snake_case';

/** In the order `Encoding.caseIndex` and `writtenNames` use. */
export const TEXT_CASES: readonly TextCase[] = ['default', 'camelCase', 'PascalCase', 'snake_case'];

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * ServiceStack's `ToCamelCase`: the first character is lower-cased if it is an ASCII capital;
 * after it, each capital of the leading run is lower-cased while the next character is a capital
 * too (or the end): `AccountId` → `accountId`, `ID` → `id`, `URLValue` → `urlValue`.
 */
export function toCamelCase(name: string): string {
  let out = '';
  let leading = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const next = i + 1 < name.length ? name.charCodeAt(i + 1) : 65;
    if (leading && isAsciiUpper(c) && (isAsciiUpper(next) || i === 0)) {
      out += String.fromCharCode(c + 32);
    } else {
      leading = false;
      out += name[i];
    }
  }
  return out;
}

/** The first character upper-cased, so names declared in camelCase come out as C# declares them. */
export function toPascalCase(name: string): string {
  return name.length === 0 ? name : name[0]!.toUpperCase() + name.slice(1);
}

const LOWER_OR_DIGIT = /^[\p{Ll}\p{Nd}_]$/u;

/**
 * ServiceStack's `ToLowercaseUnderscore`: camelCase first, then every character that is not a
 * lower-case letter, a digit or `_` becomes `_` and its lower-case form: `AccountId` → `account_id`.
 */
export function toSnakeCase(name: string): string {
  const camel = toCamelCase(name);
  let out = '';
  for (const ch of camel) out += LOWER_OR_DIGIT.test(ch) ? ch : '_' + ch.toLowerCase();
  return out;
}

/** The name written under each text case, indexed like `TEXT_CASES`. */
export function writtenNames(name: string): readonly string[] {
  return [name, toCamelCase(name), toPascalCase(name), toSnakeCase(name)];
}

/**
 * A key folded for OrdinalIgnoreCase matching: each UTF-16 unit upper-cased on its own (simple
 * case mapping), never changing the length as full case mapping (`ß` → `SS`) would.
 */
export function foldCase(key: string): string {
  let ascii = true;
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return key.toUpperCase();
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    const upper = ch.toUpperCase();
    out += upper.length === 1 ? upper : ch;
  }
  return out;
}
