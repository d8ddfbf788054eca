/**
 * `t.array(S)`: a .NET list or array, `[item,...]`. An empty slot is a null
 * element, allowed only when the element schema is `.nullable()`. Where ServiceStack's reader
 * loses a slot (R15, R16) or its writer writes text that reads back differently (W1–W3), jsvkit
 * reports instead.
 */
import { doubleStack, itemStack, type ItemStack } from '../../syntax/list-builder.js';
import { numberListAsJson } from '../../syntax/number-text.js';
import { readPlainDoubleRun } from '../scalars/number.js';
import { BARE, EMPTY, IN_LIST, LIST, TOP } from '../../syntax/scanner.js';
import { describeValue } from '../encoding.js';
import { SchemaBase } from '../schema.js';
import type { AnySchema, Decoder, Encoder, Infer, InferInput, SchemaTypes } from '../protocol.js';

export interface ArrayTypes<E extends AnySchema> {
  readonly output: Infer<E>[];
  readonly input: readonly InferInput<E>[];
}

export class ArraySchema<E extends AnySchema = AnySchema> extends SchemaBase {
  declare readonly '~types'?: ArrayTypes<E>;
  readonly kind = 'array';

  constructor(readonly element: E) {
    super();
  }

  get name(): string {
    return `list of ${this.element.name}`;
  }

  /** @internal */
  protected compileDecoder(): Decoder {
    const element = this.element;
    const decode = element.decoder();
    const nullable = element.isNullable;
    const elementKind = element.structuralKind();
    // ServiceStack writes a null dictionary element as `null` (WriteDictionary; docs/jsv-format.md, Nulls);
    // the `null` token reads back as null where the element is a map, as the seed's
    // `listValue:[null]` needs, in both whitespace modes.
    const mapLike = elementKind === 'object' || elementKind === 'dict';
    const nullToken = nullable && mapLike;
    const stringList = elementKind === 'string';
    // Numbers decode to numbers (or, once an issue is reported, to nothing, and the list is then not
    // returned): they are gathered unboxed (see list-builder.ts).
    const doubles = !nullable && (element.kind === 'number' || element.kind === 'float' || element.kind === 'int');
    const stack = (doubles ? doubleStack : itemStack) as ItemStack<unknown>;
    const plainDoubles = doubles && element.kind === 'number';
    const expected = `a list ([…]) of ${element.name}`;
    return (d, ctx, kind) => {
      const sc = d.scanner;
      if (kind !== LIST) {
        // A lone value where a list belongs is a one-element list, as ServiceStack's StripList
        // reads it (`{Tags:x}`, `{ByMonth:1}`, a single map for a list of objects). Not at the top
        // level, where ServiceStack would split the bare text at its commas.
        if (ctx === TOP || kind === EMPTY) return d.wrongShape(ctx, kind, expected);
        const level = d.level;
        d.keys[level] = 0;
        d.level = level + 1;
        const item = decode(d, ctx, kind);
        d.level = level;
        return item === undefined ? undefined : [item];
      }
      // This list's items go on the shared stack above `base`, and are sliced off it at its `]`.
      const base = stack.height;
      const level = d.level;
      d.level = level + 1;
      try {
        // A list of doubles reads its plain numbers in one run first, up to the first item the
        // loop below must judge (or to its `]`).
        if (sc.openList() && !(plainDoubles && readPlainDoubleRun(sc, doubleStack))) {
          // Empty slots at the end of the list, and where the last one began.
          let trailing = 0;
          let lastEmpty = 0;
          let i = stack.height - base;
          do {
            d.keys[level] = i++;
            const itemKind = sc.valueStart(IN_LIST);
            // Null when the item is not read (once an issue is reported, the list is not returned).
            let item: unknown = null;
            if (itemKind === EMPTY) {
              if (!nullable) d.report('NULL_ELEMENT', `Empty list slot, but the elements (${element.name}) are not nullable; mark the element schema .nullable() to allow null`, sc.start);
              trailing++;
              lastEmpty = sc.start;
            } else if (itemKind === BARE && nullToken && sc.text.startsWith('null', sc.start)) {
              const start = sc.start;
              const text = sc.readBare(IN_LIST);
              if (text !== 'null') d.report('INVALID_TYPE', `Expected ${element.name} ({…}), found ${JSON.stringify(text.slice(0, 24))}`, start);
              trailing = 0;
            } else {
              item = decode(d, IN_LIST, itemKind);
              trailing = 0;
            }
            if (doubles) doubleStack.push(typeof item === 'number' ? item : Number.NaN);
            else itemStack.push(item);
          } while (sc.nextItem());
          if (trailing > 0 && mapLike) {
            d.keys[level] = i - 1;
            d.report('NULL_ELEMENT', `A list of ${element.name} cannot end in an empty slot: ServiceStack drops it (docs/jsv-format.md, "Nulls in lists")`, lastEmpty);
          } else if (trailing > 1 && !stringList) {
            d.keys[level] = i - 1;
            d.report('NULL_ELEMENT', `A list of ${element.name} cannot end in two or more empty slots: ServiceStack reads one fewer (docs/jsv-format.md, "Nulls in lists")`, lastEmpty);
          }
        }
      } catch (error) {
        stack.cutTo(base);
        throw error;
      }
      d.level = level;
      return stack.close(base);
    };
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    const element = this.element;
    const encode = element.encoder();
    const nullable = element.isNullable;
    const elementKind = element.structuralKind();
    const mapLike = elementKind === 'object' || elementKind === 'dict';
    // A null map element is written `null`, as ServiceStack writes a null dictionary:
    // the element is a map, so the token cannot be mistaken for text, and tolerant reading (the
    // decoder above) gives null back. An empty slot would not survive after maps (W3, R16).
    const nullToken = nullable && mapLike;
    const stringList = elementKind === 'string';
    const doubles = element.kind === 'number';
    return (e, value) => {
      if (!Array.isArray(value)) return e.fail('INVALID_TYPE', `Expected an array (${this.name}), found ${describeValue(value)}`);
      const list = value as unknown[];
      const length = list.length;
      // Such a list fits its schema, so validation (collect mode) accepts it; only writing fails.
      if (length > 0 && !e.collect && !nullToken && list[length - 1] == null) {
        const problem = unwritableEnd(list, mapLike, stringList);
        if (problem !== undefined) return e.fail('UNREPRESENTABLE_VALUE', problem, length - 1);
      }
      if (!e.enter(value)) return;
      // A list of doubles that JSON writes exactly as .NET does goes out in one call.
      const json = doubles ? numberListAsJson(list) : undefined;
      if (json !== undefined) {
        e.appendFlat(json);
        e.leave();
        return;
      }
      const level = e.depth - 1;
      e.out += '[';
      for (let i = 0; i < length; i++) {
        if (i > 0) e.out += ',';
        const item = list[i];
        e.keys[level] = i;
        if (item === null || item === undefined) {
          if (!nullable) e.fail('NULL_ELEMENT', `Null element, but the elements (${element.name}) are not nullable`);
          // Other null elements are empty slots: `[a,,b]`.
          else if (nullToken) e.out += 'null';
          continue;
        }
        encode(e, item);
        e.cut();
      }
      e.out += ']';
      e.leave();
    };
  }

  /** @internal */
  protected override childrenReachDefault(visiting: Set<AnySchema>): boolean {
    return this.element.reachesDefault(visiting);
  }

  /** @internal */
  override fillDefaults(value: unknown): unknown {
    if (!Array.isArray(value) || !this.reachesDefault()) return value;
    const element = this.element;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const filled = item == null ? item : element.fillDefaults(item);
      if (!Object.is(filled, item)) (copy ??= value.slice())[i] = filled;
    }
    return copy ?? value;
  }
}

/** Why a list ending in null has no text that reads back as it, if so. @internal */
export function unwritableEnd(list: unknown[], mapLike: boolean, stringList: boolean): string | undefined {
  if (list.length === 1) return 'Cannot write a list whose only element is null: JSV writes it as [], which reads back empty (docs/jsv-format.md, "Nulls in lists")';
  if (mapLike) return 'Cannot write a list of maps that ends in null: ServiceStack drops a trailing empty slot after maps (docs/jsv-format.md, "Nulls in lists")';
  if (!stringList && list[list.length - 2] == null) {
    return 'Cannot write a list that ends in two or more nulls: ServiceStack reads one fewer back (docs/jsv-format.md, "Nulls in lists")';
  }
  return undefined;
}
