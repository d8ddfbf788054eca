/**
 * What hosts we have not seen put in their metadata, handled as ServiceStack.Text writes it:
 * tuples, [DataContract] classes, interfaces, raw streams, ambiguous nested names, names that
 * collide with JavaScript, keys of older and PascalCase hosts; what cannot be typed exactly is a
 * fallback with a warning, or a located CodegenError under `strict`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codegen, type CodegenWarning } from '../../src/codegen/codegen.js';
import { isCodegenError } from '../../src/codegen/codegen-error.js';
import { parse, stringify } from '../../src/index.js';
import type { AnySchema } from '../../src/typed/schema.js';
import { ROOT } from '../cli/harness.js';
import { evaluateModule } from '../fuzz/codegen-law.js';
import { thrownBy } from '../helpers/errors.js';

const UNSEEN = readFileSync(join(ROOT, 'test/fixtures/metadata/unseen-host.json'), 'utf8');

function generate(text: string, options: { strict?: boolean } = {}): { source: string; module: Record<string, AnySchema & { [key: string]: unknown }>; warnings: CodegenWarning[] } {
  const warnings: CodegenWarning[] = [];
  const source = codegen(text, { ...options, onWarning: (warning) => warnings.push(warning) });
  return { source, module: evaluateModule(source) as Record<string, AnySchema & { [key: string]: unknown }>, warnings };
}

describe('codegen of a host we have not seen', () => {
  const { source, module, warnings } = generate(UNSEEN);
  const Everything = module.Everything!;

  it('reads Tuple<…> members as ServiceStack.Text writes them: {Item1:…,Item2:…}', () => {
    const text = '{Pair:{Item1:1,Item2:a},Triple:{Item1:2,Item2:{X:3,Y:4},Item3:[x,y]},Pairs:[{Item1:k,Item2:5}]}';
    expect(parse(text, Everything)).toEqual({ pair: { item1: 1, item2: 'a' }, triple: { item1: 2, item2: { x: 3, y: 4 }, item3: ['x', 'y'] }, pairs: [{ item1: 'k', item2: 5 }] });
    expect(stringify({ pair: { item1: 1, item2: 'a' } } as never, Everything, { textCase: 'PascalCase' })).toBe('{Pair:{Item1:1,Item2:a}}');
    // The System.Tuple`2 the document defines is not declared again: it is jsvkit's own.
    expect(source).not.toMatch(/export const Tuple/);
  });

  it('keeps only the [DataMember] properties of a [DataContract] class, under their DataMember names', () => {
    expect(parse('{Id:1,display_name:Ann,Secret:s}', module.Contracted!)).toEqual({ id: 1, display_name: 'Ann' });
    expect(stringify({ id: 1, display_name: 'Ann' } as never, module.Contracted!)).toBe('{id:1,display_name:Ann}');
  });

  it('writes what it cannot type exactly as t.any() or text keys, says why in JSDoc, and warns with the path', () => {
    expect(warnings.map((w) => w.path)).toEqual([
      'types[8].properties[0]',
      'types[9].properties[3].type',
      'types[9].properties[4].type',
      'types[9].properties[5].type',
      'types[9].properties[7].type',
      'types[9].properties[8].type',
      'types[11].inherits',
      'operations[1].returnType',
    ]);
    expect(warnings[3]!.reason).toMatch(/IShape is an interface/);
    expect(warnings[4]!.reason).toMatch(/Options is ambiguous: .* defined twice, differently \(at types\[4\] and types\[5\]\)/);
    expect(source).toMatch(/@remarks Not typed exactly: Unknown type Widget in Unseen\.Legacy.*\n {2}legacy: t\.any\(\),/);
    // A dictionary keyed by a class keeps each key's text; a ValueTuple is the text ServiceStack writes.
    expect(parse('{ByPoint:{"{X:1,Y:2}":a},Coordinates:"(1, 2)",Shape:{__type:"Unseen.Square, Unseen",Side:2}}', Everything)).toEqual({
      byPoint: { '{X:1,Y:2}': 'a' },
      coordinates: '(1, 2)',
      shape: { __type: 'Unseen.Square, Unseen', Side: '2' },
    });
    // A Stream response is raw bytes: untyped, with a comment in the api table.
    expect(source).toMatch(/\/\/ Download: the response is not typed exactly: Stream is raw bytes/);
    expect((module.api as unknown as Record<string, { response: AnySchema }>).Download!.response.kind).toBe('any');
  });

  it('under strict, the first of them is a CodegenError with its path', () => {
    const error = thrownBy(() => codegen(UNSEEN, { strict: true }), isCodegenError, 'a CodegenError');
    expect(error).toMatchObject({ code: 'DUPLICATE_TYPE', path: 'types[5].name' });
    const noDuplicate = JSON.parse(UNSEEN) as { types: unknown[] };
    noDuplicate.types.splice(5, 1);
    expect(thrownBy(() => codegen(JSON.stringify(noDuplicate), { strict: true }), isCodegenError, 'a CodegenError')).toMatchObject({ code: 'UNSUPPORTED', path: 'types[8].properties[3].type' });
  });

  it('never declares a global that compiled output relies on, nor a member that is the prototype', () => {
    expect(module.Object).toBeUndefined();
    const value = parse('{constructor:c,__proto__:p}', module.Object_!);
    expect(value).toEqual(JSON.parse('{"constructor":"c","__proto__":"p"}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('maps enums with negative values and wire names, and Type as its name text', () => {
    expect(parse('{Colors:[red,-1,4,blue]}', Everything)).toEqual({ colors: ['Red', 'Red', 'Blue', 'Blue'] });
    expect(parse('{Kind:System.String}', Everything)).toEqual({ kind: 'System.String' });
  });

  it('drops [Required] where it would need an endless value, with a note', () => {
    expect(parse('{}', module.Node!)).toEqual({});
    expect(source).toMatch(/@remarks jsvkit codegen: Next is not required: a required Node would need another without end/);
  });

  it('reads PascalCase keys and the pre-2022 isSystemType/typeNamespace as camelCase ones', () => {
    const pascal = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(pascal) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), pascal(v)])) : value;
    // Servers before 2022 named a property's namespace typeNamespace, with isSystemType.
    const old = JSON.parse(UNSEEN) as { types: { properties?: Record<string, unknown>[] }[] };
    for (const property of old.types.flatMap((type) => type.properties ?? [])) {
      if (property.namespace === 'System') Object.assign(property, { namespace: undefined, typeNamespace: 'System', isSystemType: true });
    }
    expect(codegen(JSON.stringify(pascal(old)), { case: 'camel' })).toBe(codegen(UNSEEN, { case: 'camel' }));
  });

  it('refuses a ServiceStack generic base without its type arguments, and a doubled wire name, where they are', () => {
    const doc = (types: unknown[]): string => JSON.stringify({ types, operations: [] });
    expect(thrownBy(() => codegen(doc([{ name: 'Q', inherits: { name: 'QueryDb`1', namespace: 'ServiceStack' }, properties: [] }])), isCodegenError, 'a CodegenError')).toMatchObject({ code: 'INVALID_DOCUMENT', path: 'types[0].inherits' });
    const twice = { name: 'E', isEnum: true, enumNames: ['A', 'B'], enumMemberValues: ['x', 'x'] };
    expect(thrownBy(() => codegen(doc([twice])), isCodegenError, 'a CodegenError')).toMatchObject({ code: 'UNSUPPORTED', path: 'types[0].enumNames' });
  });
});
