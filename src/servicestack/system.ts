/**
 * .NET types from `System` that DTOs use and a host's `/types/metadata` leaves out: the enums keep
 * their .NET member order and values, so an integer reads as the right member.
 */
import * as t from '../typed/t.js';
import type { AnySchema, Infer } from '../typed/schema.js';
import type { KeyValuePairSchema } from '../typed/composites/key-value-pair.js';

/** `System.DayOfWeek`: Sunday = 0 to Saturday = 6. */
export const DayOfWeek = t.enum(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const, 'DayOfWeek');
export type DayOfWeek = Infer<typeof DayOfWeek>;

/** `System.DateTimeKind`: Unspecified = 0, Utc = 1, Local = 2. */
export const DateTimeKind = t.enum(['Unspecified', 'Utc', 'Local'] as const, 'DateTimeKind');
export type DateTimeKind = Infer<typeof DateTimeKind>;

/** `System.Collections.Generic.KeyValuePair<K,V>`: `{ key, value }` (see `t.keyValuePair`). */
export function KeyValuePair<K extends AnySchema, V extends AnySchema>(key: K, value: V): KeyValuePairSchema<K, V> {
  return t.keyValuePair(key, value);
}
/** The decoded `KeyValuePair<K,V>`. */
export type KeyValuePair<K, V> = { key?: K; value?: V };
