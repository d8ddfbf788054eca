/**
 * `t.keyValuePair(K, V)`: .NET's `KeyValuePair<K,V>`. ServiceStack writes the struct's two
 * properties, `{Key:…,Value:…}`, and reads `key` and `value` in any case
 * (`DeserializeKeyValuePair.cs`). jsvkit makes it an object schema with the members `key` and `value`,
 * so it follows the `textCase` option like any DTO: `{key:…,value:…}` as declared (and under
 * camelCase), `{Key:…,Value:…}` under PascalCase; both read back either way.
 */
import type { AnySchema } from '../protocol.js';
import { ObjectSchema } from './object.js';

export type KeyValuePairShape<K extends AnySchema, V extends AnySchema> = { readonly key: K; readonly value: V };

export class KeyValuePairSchema<K extends AnySchema = AnySchema, V extends AnySchema = AnySchema> extends ObjectSchema<KeyValuePairShape<K, V>> {
  constructor(
    /** The schema of `Key` (named like `DictSchema.key`). */
    readonly key: K,
    /** The schema of `Value` (named like `DictSchema.value`). */
    readonly value: V,
  ) {
    super({ key, value }, undefined, { name: `KeyValuePair<${key.name}, ${value.name}>` });
  }
}
