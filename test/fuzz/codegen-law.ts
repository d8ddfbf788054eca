/**
 * The codegen law: for any MetadataTypes document, valid-ish or hostile, `codegen` either throws a
 * `CodegenError`, or returns a module that transpiles, evaluates with jsvkit, and whose schemas
 * round-trip the values `arbitrary` makes for them. Never another exception, never a hang.
 *
 * Documents are built from pools that mix what real hosts send (System types, generics, enums,
 * inheritance, nested and tuple types, PascalCase keys, pre-2022 keys) with what a hostile one
 * could (JavaScript's special names as type, property and enum member names, unknown types,
 * wrong arities, cycles, duplicates).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import ts from 'typescript';
import * as jsvkit from '../../src/index.js';
import * as servicestack from '../../src/servicestack/index.js';
import { codegen, type CodegenOptions } from '../../src/codegen/codegen.js';
import { isCodegenError } from '../../src/codegen/codegen-error.js';
import { parse, stringify, t } from '../../src/index.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import { isSchema, type AnySchema } from '../../src/typed/schema.js';

export interface CodegenInput {
  document: unknown;
  pascalKeys: boolean;
  strict: boolean;
  seed: number;
}

const TYPE_NAMES = ['Foo', 'Bar', 'Baz', 'Item', 'Outer', 'Inner', '__proto__', 'constructor', 'class', 't', 'api', 'Infer', 'Object', 'String', 'Array', 'toString', 'hasOwnProperty', 'Value', 'Ñandú', 'Foo2', 'Tuple', 'QueryDb', 'ResponseStatus', 'Stream'];
const NAMESPACES = ['My.Api', 'My.Api', 'Other', '', 'System', 'ServiceStack', 'A.B.C'];
const PROPERTY_NAMES = ['Id', 'Name', 'id', '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'class', 'Item1', 'Key', '$type', '__type', 'a b', 'Ñ', '0x', 'Value', 'Count'];
const ENUM_NAMES = ['A', 'B', 'C', '__proto__', 'constructor', 'toString', 'None', 'Ñ', 'x y'];
const SCALARS = ['String', 'Int32', 'Int64', 'UInt64', 'Boolean', 'Double', 'Decimal', 'Guid', 'DateTime', 'DateTimeOffset', 'TimeSpan', 'Char', 'Byte', 'Byte[]', 'Object', 'Uri', 'Type', 'Stream', 'DateOnly', 'TimeOnly', 'int', 'string', 'IntPtr'];
const GENERIC_WRAPPERS = ['List`1', 'Nullable`1', 'HashSet`1', 'IEnumerable`1', 'Dictionary`2', 'IDictionary`2', 'KeyValuePair`2', 'Tuple`1', 'Tuple`2', 'Tuple`3', 'ValueTuple`2', 'Lazy`1', 'Nullable`1[]', 'List`1[]', 'QueryResponse`1', 'QueryDb`1'];

const nameArb = fc.constantFrom(...TYPE_NAMES);

/** `arbitrary`'s value about one time in `times`, else undefined. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, times = 6): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: times - 1 }, { arbitrary, weight: 1 });
}
const namespaceArb = fc.constantFrom(...NAMESPACES);

/** A .NET type: a name with type arguments, maybe an array of it. */
interface TypeTree {
  name: string;
  args: TypeTree[];
  array: boolean;
}

const WRAPPER_ARITY: Record<string, number> = { List: 1, Nullable: 1, HashSet: 1, IEnumerable: 1, Dictionary: 2, IDictionary: 2, KeyValuePair: 2, Tuple: 2, ValueTuple: 2, Lazy: 1, QueryResponse: 1, QueryDb: 1 };

const typeTreeArb: fc.Arbitrary<TypeTree> = fc.letrec<{ tree: TypeTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.record({ name: fc.constantFrom(...SCALARS), args: fc.constant<TypeTree[]>([]), array: fc.boolean() }), weight: 4 },
    { arbitrary: fc.record({ name: fc.oneof(nameArb, fc.constantFrom('T', 'IFoo', 'Nope')), args: fc.constant<TypeTree[]>([]), array: fc.boolean() }), weight: 3 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...Object.keys(WRAPPER_ARITY)), fc.array(tie('tree'), { minLength: 3, maxLength: 3 }), fc.boolean(), fc.integer({ min: 1, max: 3 }))
        .map(([name, args, array, tupleArity]) => ({ name, args: args.slice(0, name === 'Tuple' ? tupleArity : WRAPPER_ARITY[name]), array })),
      weight: 3,
    },
  ),
})).tree;

/** C#-style text, as metadata writes a type argument: `List<Dictionary<String,Foo>>`, `Int32[]`. */
function typeText(tree: TypeTree): string {
  return `${tree.name}${tree.args.length > 0 ? `<${tree.args.map(typeText).join(',')}>` : ''}${tree.array ? '[]' : ''}`;
}

/** A property's `type` and `genericArgs`, as ServiceStack writes them: ``List`1`` with `['Foo']`. */
function propertyType(tree: TypeTree): { type: string; genericArgs?: string[] } {
  if (tree.args.length === 0) return { type: `${tree.name}${tree.array ? '[]' : ''}` };
  return { type: `${tree.name}\`${tree.args.length}${tree.array ? '[]' : ''}`, genericArgs: tree.args.map(typeText) };
}

const typeTextArb = typeTreeArb.map(typeText);

const propertyArb = fc
  .record(
    {
      name: fc.constantFrom(...PROPERTY_NAMES),
      tree: typeTreeArb,
      /** A `type` and `genericArgs` that need not agree, as a hostile document sends. */
      raw: rarely(fc.record({ type: fc.constantFrom(...GENERIC_WRAPPERS, 'T[]', 'Foo[]', '', 'List`1<'), genericArgs: fc.array(typeTextArb, { maxLength: 3 }) }), 12),
      namespace: namespaceArb,
      isValueType: fc.boolean(),
      isEnum: fc.boolean(),
      isSystemType: fc.boolean(),
      typeNamespace: namespaceArb,
      dataMember: rarely(fc.record({ name: fc.constantFrom('wire_name', '__proto__', 'Name', 'x y', 'a:b') }, { requiredKeys: [] })),
      attributes: fc.constantFrom([{ name: 'Required' }], [{ name: 'ApiMember', args: [{ name: 'IsRequired', type: 'bool', value: 'true' }] }], []),
      description: fc.constantFrom('a member', '*/ closes a comment', 'line\nbreak'),
    },
    { requiredKeys: ['name', 'tree'] },
  )
  .map(({ tree, raw, ...rest }) => ({ ...rest, ...(raw ?? propertyType(tree)) }));

/** A base class reference, with as many type arguments as its arity. */
const typeRefArb = fc
  .record({ name: fc.oneof({ arbitrary: nameArb, weight: 4 }, { arbitrary: fc.constantFrom('QueryDb`1', 'QueryBase', 'List`1', 'Dictionary`2', 'Object', 'Tuple`2', 'Nope', 'Foo`1'), weight: 2 }), namespace: namespaceArb, args: fc.array(typeTextArb, { minLength: 2, maxLength: 2 }), wrongArity: fc.boolean() })
  .map(({ name, namespace, args, wrongArity }) => {
    const arity = Number(/`(\d)$/.exec(name)?.[1] ?? 0);
    const genericArgs = args.slice(0, wrongArity ? 1 : arity);
    return { name, namespace, ...(genericArgs.length > 0 ? { genericArgs } : {}) };
  });

const classArb = fc
  .record(
    {
      name: fc.oneof({ arbitrary: nameArb, weight: 12 }, { arbitrary: fc.constantFrom('Tuple`2', 'Outer.Inner', 'Nope`x', 'Foo`1', '$x', 'a-b'), weight: 1 }),
      namespace: namespaceArb,
      params: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 4 }, { arbitrary: fc.constantFrom(['T'], ['T', 'U'], ['constructor'], ['t']), weight: 1 }),
      inherits: rarely(typeRefArb, 3),
      implements: fc.array(typeRefArb, { maxLength: 1 }),
      isNested: fc.boolean(),
      isInterface: rarely(fc.constant(true)),
      isAbstract: fc.boolean(),
      dataContract: rarely(fc.record({ name: fc.constant('Contract') })),
      properties: fc.uniqueArray(propertyArb, { maxLength: 4, selector: (p) => String(p.dataMember?.name ?? p.name).toLowerCase() }),
      description: fc.constantFrom('A type', 'has */ in it'),
    },
    { requiredKeys: ['name', 'namespace', 'params', 'properties'] },
  )
  .map(({ name, params, ...rest }) => {
    const generic = params.length > 0 && !name.includes('`');
    return { ...rest, name: generic ? `${name}\`${params.length}` : name, ...(generic ? { genericArgs: params, isGenericTypeDef: true } : {}) };
  });

const enumArb = fc
  .record(
    {
      name: nameArb,
      namespace: namespaceArb,
      names: fc.uniqueArray(fc.constantFrom(...ENUM_NAMES), { minLength: 1, maxLength: 4 }),
      values: fc.option(fc.array(fc.oneof({ arbitrary: fc.integer({ min: -5, max: 300 }).map(String), weight: 8 }, { arbitrary: fc.constantFrom('1', '4294967296', '9007199254740993', '-9223372036854775808', 'x'), weight: 1 }), { minLength: 4, maxLength: 4 }), { nil: undefined }),
      wire: fc.option(fc.array(fc.constantFrom('a', 'b', 'A', 'wire name', '__proto__'), { maxLength: 4 }), { nil: undefined }),
      isEnumInt: fc.boolean(),
    },
    { requiredKeys: ['name', 'names'] },
  )
  .map(({ name, namespace, names, values, wire, isEnumInt }) => ({
    name,
    namespace,
    isEnum: true,
    isEnumInt,
    enumNames: names,
    ...(values !== undefined ? { enumValues: values.slice(0, names.length) } : {}),
    ...(wire !== undefined ? { enumMemberValues: names.map((n, i) => wire[i] ?? n) } : {}),
  }));

const operationArb = (requests: fc.Arbitrary<unknown>) =>
  fc.record(
    {
      request: requests,
      returnType: typeRefArb,
      returnsVoid: fc.boolean(),
      actions: fc.oneof({ arbitrary: fc.constantFrom(['POST'], ['ANY'], ['GET', 'put'], ['GET']), weight: 9 }, { arbitrary: fc.constant(['FETCH']), weight: 1 }),
      routes: fc.array(fc.record({ path: fc.oneof({ arbitrary: fc.constantFrom('/a', '/a/{Id}', '/b/{__proto__}'), weight: 9 }, { arbitrary: fc.constant('no-slash'), weight: 1 }), verbs: fc.oneof({ arbitrary: fc.constantFrom('GET', 'GET,POST', 'ANY', 'POST'), weight: 9 }, { arbitrary: fc.constant('BREW'), weight: 1 }) }, { requiredKeys: ['path'] }), { maxLength: 2 }),
      requiresAuth: fc.boolean(),
      requiredRoles: fc.constantFrom(['Admin'], ["O'Brien"]),
    },
    { requiredKeys: ['request'] },
  );

export const metadataDocumentArb: fc.Arbitrary<unknown> = fc
  .array(fc.oneof({ arbitrary: classArb, weight: 3 }, { arbitrary: enumArb, weight: 1 }), { minLength: 1, maxLength: 6 })
  .chain((types) => {
    // Requests are classes, as a host's are (a hostile document gets any type now and then).
    const classes = types.filter((type) => !('isEnum' in type) && !('genericArgs' in type));
    const requests = fc.oneof({ arbitrary: classes.length > 0 ? fc.constantFrom(...classes) : fc.constantFrom(...types), weight: 9 }, { arbitrary: fc.constantFrom(...types), weight: 1 });
    return fc.record({ types: fc.constant(types), operations: fc.uniqueArray(operationArb(requests), { maxLength: 2, selector: (op) => op.request }) });
  });

/** Every key of a plain JSON value with its first letter upper-cased, as PascalCase hosts write. */
function pascalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key[0]!.toUpperCase() + key.slice(1), pascalKeys(v)]));
}

/** The modules a generated file imports, as the evaluator hands them to it. */
const MODULES: Record<string, unknown> = { jsvkit, 'jsvkit/t': t, 'jsvkit/servicestack': servicestack };

/** Transpiles and runs a generated module; its exports. Throws on a syntax error or a failure while it runs. */
export function evaluateModule(source: string): Record<string, unknown> {
  const output = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const errors = (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (errors.length > 0) throw new Error(`generated module does not transpile: ${errors.join('; ')}`);
  const exports: Record<string, unknown> = {};
  const require = (specifier: string): unknown => {
    if (!(specifier in MODULES)) throw new Error(`generated module imports ${specifier}`);
    return MODULES[specifier];
  };
  new Function('exports', 'require', output.outputText)(exports, require);
  return exports;
}

/** The schemas a module exports, with its generic factories applied to `t.int()`. */
export function exportedSchemas(exports: Record<string, unknown>): [string, AnySchema][] {
  const found: [string, AnySchema][] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (isSchema(value)) found.push([name, value]);
    else if (typeof value === 'function') {
      const schema = (value as (...args: AnySchema[]) => unknown)(...Array.from({ length: value.length }, () => t.int()));
      if (!isSchema(schema)) throw new Error(`generic factory ${name} does not make a schema`);
      found.push([`${name}<int>`, schema]);
    }
  }
  return found;
}

/** Checks the law for one input; throws an Error saying how it broke. */
export function checkCodegen(input: CodegenInput): 'error' | 'module' {
  const document = input.pascalKeys ? pascalKeys(input.document) : input.document;
  const options: CodegenOptions = { strict: input.strict };
  let source: string;
  try {
    source = codegen(JSON.stringify(document), options);
  } catch (error) {
    if (isCodegenError(error)) return 'error';
    throw new Error(`codegen threw ${String(error)} instead of a CodegenError`, { cause: error });
  }
  const exports = evaluateModule(source);
  for (const [name, schema] of exportedSchemas(exports)) {
    for (const value of fc.sample(arbitrary(schema, { maxDepth: 2, maxLength: 2 }), { numRuns: 3, seed: input.seed })) {
      let text: string;
      try {
        text = stringify(value as never, schema);
      } catch (error) {
        throw new Error(`${name}: cannot write its own arbitrary value ${String(error)}`, { cause: error });
      }
      const back = parse(text, schema);
      if (!isDeepStrictEqual(back, value)) throw new Error(`${name}: ${text} reads back as another value`);
    }
  }
  return 'module';
}

export const codegenInputArb: fc.Arbitrary<CodegenInput> = fc.record({ document: metadataDocumentArb, pascalKeys: fc.boolean(), strict: rarely(fc.constant(true), 4).map(Boolean), seed: fc.integer({ min: 0, max: 1000 }) });

export const codegenLaw = {
  name: 'codegen',
  statement: 'codegen of any MetadataTypes document (valid-ish or hostile, camelCase or PascalCase keys, strict or not) throws only CodegenError, or writes a module that transpiles, runs, and whose schemas round-trip their arbitrary values',
  weight: 2,
  arbitrary: codegenInputArb,
  check(input: CodegenInput, tally: { rules: Record<string, number> }): void {
    const outcome = checkCodegen(input);
    tally.rules[`codegen: ${outcome}`] = (tally.rules[`codegen: ${outcome}`] ?? 0) + 1;
  },
};
