/**
 * Sample DTOs for the metadata pages, filled as ServiceStack fills its own (`AutoMappingUtils.
 * CreateDefaultValue`): a string is its type name `String`, a value type its default (`0`,
 * `False`, an enum's first member), a list holds one sample element, a dictionary one `String` key.
 * A type nests at most three deep in itself; deeper it is null, which is why the seed's `Struct`
 * sample ends in `listValue: [null]`.
 */
import { safeParse } from '../typed/typed-api.js';
import { ArraySchema } from '../typed/composites/array.js';
import { DictSchema } from '../typed/composites/dict.js';
import { EnumSchema } from '../typed/composites/enum.js';
import { LazySchema } from '../typed/composites/lazy.js';
import { ObjectSchema } from '../typed/composites/object.js';
import { setOwn } from '../syntax/value.js';
import type { AnySchema } from '../typed/schema.js';

// ServiceStack: "do not nest a single type more than this deep" (levels 0, 1 and 2 are filled).
const MAX_LEVEL = 2;

/**
 * The .NET default of a scalar as text, tried in order until the schema reads one: numbers,
 * booleans, `DateTime.MinValue`, dates and times, `TimeSpan.Zero`, `Guid.Empty`, a char.
 */
const SCALAR_TEXTS = ['0', 'False', '0001-01-01T00:00:00.0000000', '0001-01-01', '00:00:00', 'PT0S', '00000000000000000000000000000000', 'A'];

/** A sample value of `schema`, ready for `stringify(value, schema)` and `stringifyJson`. */
export function sampleValue(schema: AnySchema): unknown {
  return new Sampler().value(schema);
}

class Sampler {
  /** How deep each type is nested right now, by identity (clones share their members or element). */
  private readonly levels = new Map<unknown, number>();

  value(schema: AnySchema): unknown {
    const resolved = resolve(schema);
    if (resolved.hasDefault) return resolved.defaultValue;
    if (resolved.kind === 'string') return 'String';
    if (resolved instanceof EnumSchema) return resolved.values[0];
    if (resolved instanceof ObjectSchema) return this.nested(resolved.ownShape, () => this.object(resolved));
    if (resolved instanceof ArraySchema) return this.nested(`list:${resolved.element.name}`, () => [this.value(resolved.element)]);
    if (resolved instanceof DictSchema) return this.nested(`dict:${resolved.value.name}`, () => this.dict(resolved));
    return scalar(resolved);
  }

  private nested(identity: unknown, fill: () => unknown): unknown {
    const level = this.levels.get(identity) ?? 0;
    if (level > MAX_LEVEL) return null;
    this.levels.set(identity, level + 1);
    try {
      return fill();
    } finally {
      this.levels.set(identity, level);
    }
  }

  private object(schema: ObjectSchema): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of schema.keys()) {
      const value = this.value(schema.member(name)!);
      if (value !== null && value !== undefined) setOwn(out, name, value);
    }
    return out;
  }

  private dict(schema: DictSchema): unknown {
    const key = schema.key === undefined ? 'String' : this.value(schema.key);
    const value = this.value(schema.value);
    if (schema.as === 'map') return new Map([[key, value]]);
    const out: Record<string, unknown> = {};
    setOwn(out, String(key), value);
    return out;
  }
}

function scalar(schema: AnySchema): unknown {
  for (const text of SCALAR_TEXTS) {
    const result = safeParse(text, schema);
    if (result.success) return result.value;
  }
  // A kind none of the texts fits (bytes, `t.any`): left out of the sample.
  return undefined;
}

function resolve(schema: AnySchema): AnySchema {
  let current = schema;
  for (let depth = 0; current instanceof LazySchema && depth < 32; depth++) current = current.resolve();
  return current;
}
