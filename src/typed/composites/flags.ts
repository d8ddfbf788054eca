/**
 * `t.flags({ None: 0, Read: 1, Write: 2 })`: a .NET `[Flags]` enum. ServiceStack always writes its
 * integer value and reads an integer or a comma list of member names in any case
 * (`"Read, Write"` → 3). An unknown name is an error (`INVALID_ENUM`).
 */
import { isUnicodeBlank, trimWith } from '../scalars/blanks.js';
import { readLong } from '../scalars/integer.js';
import { ScalarError } from '../scalars/scalar-error.js';
import { ScalarSchema } from '../primitives.js';
import { foldCase } from '../text-case.js';

/** The range of .NET's int and uint, the underlying types of flags enums. */
const MIN = -2147483648;
const MAX = 4294967295;

export class FlagsSchema<Names extends string = string> extends ScalarSchema<number, 'flags'> {
  override readonly kind = 'flags';
  /** The named members. */
  readonly flags: Readonly<Record<Names, number>>;

  constructor(flags: Record<Names, number>, name?: string) {
    const entries = Object.entries(flags) as [string, number][];
    for (const [member, value] of entries) {
      if (!Number.isInteger(value) || value < MIN || value > MAX) throw new TypeError(`t.flags: ${member} must be an integer from ${MIN} to ${MAX}`);
      if (member === '' || /[,"]/.test(member) || member.trim() !== member) throw new TypeError(`t.flags: invalid member name ${JSON.stringify(member)}`);
    }
    const folded = new Map<string, number>();
    for (const [member, value] of entries) if (!folded.has(foldCase(member))) folded.set(foldCase(member), value);
    const expected = `an integer or a comma list of ${entries.map(([member]) => member).join(', ')}`;
    super('flags', name ?? 'flags', {
      expected,
      is: (value) => typeof value === 'number' && Number.isInteger(value) && value >= MIN && value <= MAX,
      read(text) {
        const trimmed = trimWith(text, isUnicodeBlank);
        if (/^-?\d/.test(trimmed)) {
          const value = Number(readLong(trimmed));
          if (value < MIN || value > MAX) throw new ScalarError('OUT_OF_RANGE', `Expected a flags value from ${MIN} to ${MAX}, found ${trimmed}`);
          return value;
        }
        let result = 0;
        for (const part of trimmed.split(',')) {
          const value = folded.get(foldCase(trimWith(part, isUnicodeBlank)));
          if (value === undefined) throw new ScalarError('INVALID_ENUM', `Expected ${expected}, found ${JSON.stringify(part.trim().slice(0, 40))}`);
          result |= value;
        }
        // `|` works on int32; a uint flags value past 2^31 comes back as its unsigned form.
        return result < 0 && entries.every(([, v]) => v >= 0) ? result >>> 0 : result;
      },
      write: (value) => String(value),
    });
    this.flags = flags;
  }
}
