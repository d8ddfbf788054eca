/**
 * `t.any()`: a .NET `object` member. ServiceStack hands an `object` target the raw value text
 * (`DeserializeType.ObjectStringToType`) and writes whatever the runtime value is.
 * jsvkit reads the value as untyped JSV (`JsvValue`: strings, lists, maps, null; what `parse`
 * without a schema gives) and writes any value the untyped `stringify` can write.
 */
import { readTree } from '../../syntax/tree-builder.js';
import type { JsvValue } from '../../syntax/value.js';
import { SchemaBase } from '../schema.js';
import type { Decoder, Encoder, SchemaTypes } from '../protocol.js';

export class UntypedSchema extends SchemaBase {
  declare readonly '~types'?: SchemaTypes<JsvValue>;
  readonly kind = 'any';
  readonly name = 'object';

  /** @internal */
  protected compileDecoder(): Decoder {
    // `valueStart` left the cursor at the value, so the untyped reader classifies it again.
    return (d, ctx) => readTree(d.scanner, ctx);
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    // The untyped writer runs on the encode's own state: its errors carry the whole path, and its
    // nesting and cycles count with the typed containers around it.
    return (e, value) => {
      e.writeAny(value);
    };
  }
}
