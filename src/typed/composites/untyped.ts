/**
 * `t.any()`: a .NET `object` member. ServiceStack hands an `object` target the raw value text
 * (`DeserializeType.ObjectStringToType`) and writes whatever the runtime value is.
 * jsvkit reads the value as untyped JSV (`JsvValue`: strings, lists, maps, null; what `parse`
 * without a schema gives) and writes any value the untyped `stringify` can write.
 */
import { isJsvError } from '../../errors/jsv-error.js';
import { stringifyUntyped } from '../../syntax/stringify.js';
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
    return (e, value) => {
      try {
        e.out += stringifyUntyped(value, { maxDepth: e.maxDepth });
      } catch (error) {
        if (!isJsvError(error)) throw error;
        e.fail(error.code, error.path === undefined ? error.reason : `${error.reason} (inside the object value, at ${error.path})`);
      }
    };
  }
}
