/**
 * Writes the model as one TypeScript module: imports, then each declaration after what it needs
 * (bases, dictionary and list classes' items), a member that refers to a type declared later (or
 * to its own type) as a getter, generic types as factories, and the `api` table.
 */
import { CodegenError } from './codegen-error.js';
import { assignIdents, paramIdent, propertyKey } from './names.js';
import { declsIn, fallbacksIn, routeVerbs, type Decl, type Expr, type Member, type Model, type OperationModel } from './resolve.js';
import { any, object } from '../typed/t.js';
import { toCamelCase, toPascalCase, toSnakeCase } from '../typed/text-case.js';

/** The verbs `operation({ method })` takes. */
const CLIENT_VERBS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export interface EmitOptions {
  /** Property names: camelCase, PascalCase or snake_case. */
  readonly textCase: 'camel' | 'pascal' | 'snake';
  /** `DateTime` as a lossless `JsvDateTime` (`jsv`) or a JavaScript `Date`. */
  readonly dates: 'jsv' | 'Date';
  /**
   * The package the module imports from: `operation` and the types from `<importFrom>`, the `t`
   * builders from `<importFrom>/t`, `jsvkit/servicestack` types from `<importFrom>/servicestack`.
   */
  readonly importFrom: string;
  /** Comment lines (without `//`) written first. */
  readonly header: readonly string[];
  /** Told of each member written with a fallback schema, and each base left out. */
  readonly onWarning?: ((warning: { reason: string; path: string }) => void) | undefined;
}

/** Writes `model` (whose declarations are already selected) as TypeScript source. */
export function emitModule(model: Model, options: EmitOptions): string {
  return new Emitter(model, options).run();
}

/** Longest chain of declarations that need one another before they can be ordered. */
const MAX_CHAIN = 2000;

class Emitter {
  private readonly declared = new Set<Decl>();
  private readonly out: string[] = [];
  /** Generic parameter identifiers of the factory being written. */
  private params = new Map<string, string>();
  private readonly idents: Set<string>;

  constructor(
    private readonly model: Model,
    private readonly options: EmitOptions,
  ) {
    assignIdents(model.decls);
    this.idents = new Set(model.decls.map((decl) => decl.ident));
  }

  run(): string {
    checkGenericCycles(this.model.decls);
    const body: string[] = [];
    for (const decl of this.order()) {
      this.out.length = 0;
      this.declare(decl);
      body.push(this.out.join('\n'));
      this.declared.add(decl);
    }
    const api = this.model.operations.length > 0 ? this.api() : undefined;
    const head = this.options.header.map((line) => (line === '' ? '//' : `// ${line}`));
    const imports = this.imports(api !== undefined);
    return [...head, ...(head.length > 0 ? [''] : []), ...imports, '', ...body.flatMap((text) => [text, '']), ...(api !== undefined ? [api, ''] : [])].join('\n');
  }

  private imports(withApi: boolean): string[] {
    const types = ['Infer'];
    if (this.model.decls.some((decl) => decl.params.length > 0 && decl.known === undefined)) types.unshift('AnySchema');
    const root = withApi ? `import { operation, ${types.map((name) => `type ${name}`).join(', ')} }` : `import type { ${types.join(', ')} }`;
    // The builders come from their own entry: a namespace the module imports itself is one every
    // bundler (esbuild too) trims to the builders used, where the root's `t`, re-exported as a
    // namespace, keeps them all in an esbuild bundle (Evo Voice's DTOs with `parse`: 26.4 -> 18.9 KB gzipped).
    const lines = [`${root} from ${quote(this.options.importFrom)};`, `import * as t from ${quote(entrySpecifier(this.options.importFrom, 't', 'typed/t'))};`];
    const known = this.model.decls
      .filter((decl) => decl.known !== undefined)
      .map((decl) => (decl.known!.export === decl.ident ? decl.ident : `${decl.known!.export} as ${decl.ident}`))
      .sort();
    if (known.length > 0) lines.push(`import { ${known.join(', ')} } from ${quote(entrySpecifier(this.options.importFrom, 'servicestack', 'servicestack/index'))};`);
    return lines;
  }

  /**
   * Declaration order: a declaration comes after the ones it needs when it is created (its base,
   * the items of a dictionary or list class), and, where no cycle prevents it, after the types
   * its members use, so getters are needed only to close cycles.
   */
  private order(): Decl[] {
    const decls = this.model.decls.filter((decl) => decl.known === undefined);
    const strong = new Map<Decl, Decl[]>();
    const weak = new Map<Decl, Decl[]>();
    for (const decl of decls) {
      const needed = declsIn(decl.base);
      declsIn(decl.collection, needed);
      strong.set(decl, needed.filter((d) => d.known === undefined));
      const used: Decl[] = [];
      // A factory's members are read when it is called, after every declaration.
      if (decl.params.length === 0) for (const member of decl.members) declsIn(member.expr, used);
      weak.set(decl, used.filter((d) => d.known === undefined));
    }
    const reach = (from: Decl): Set<Decl> => {
      const seen = new Set<Decl>();
      const stack = [...strong.get(from)!];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...strong.get(next)!);
      }
      return seen;
    };
    const done = new Set<Decl>();
    const open = new Set<Decl>();
    const ordered: Decl[] = [];
    const visit = (decl: Decl, chain: readonly Decl[]): void => {
      if (done.has(decl) || open.has(decl)) return;
      // Each step is a type another one needs; a chain this long is no real API, and would exhaust the stack.
      if (chain.length > MAX_CHAIN) throw new CodegenError('UNSUPPORTED', `${decl.dotnet} is reached through more than ${MAX_CHAIN} types that need each other`, decl.path);
      open.add(decl);
      for (const needed of strong.get(decl)!) {
        if (open.has(needed)) {
          const cycle = [...chain.slice(chain.indexOf(needed)), decl, needed].map((d) => d.dotnet).join(' → ');
          throw new CodegenError('INHERITANCE_CYCLE', `${decl.dotnet} needs itself to be created: ${cycle}`, decl.path);
        }
        visit(needed, [...chain, decl]);
      }
      for (const used of weak.get(decl)!) {
        // Visiting now would need a type still open, through its base or items: it comes later.
        if (done.has(used) || open.has(used)) continue;
        if ([...reach(used)].some((d) => open.has(d))) continue;
        visit(used, [...chain, decl]);
      }
      open.delete(decl);
      done.add(decl);
      ordered.push(decl);
    };
    for (const decl of decls) visit(decl, []);
    return ordered;
  }

  private declare(decl: Decl): void {
    for (const note of decl.notes) this.options.onWarning?.(note);
    const notes = decl.notes.map((note) => `@remarks jsvkit codegen: ${note.reason}.`);
    this.doc(decl.description === undefined ? [] : [decl.description], '', [...enumDocs(decl), ...notes]);
    const ident = decl.ident;
    if (decl.shape === 'enum' || decl.shape === 'flags') {
      this.out.push(`export const ${ident} = ${this.enumText(decl)};`);
      this.out.push(`export type ${ident} = Infer<typeof ${ident}>;`);
      return;
    }
    if (decl.params.length > 0) {
      this.params = new Map(decl.params.map((param) => [param, paramIdent(param, this.idents)]));
      const params = [...this.params.values()];
      const generics = params.map((p) => `${p} extends AnySchema`).join(', ');
      const name = `\`${decl.dotnet}<${params.map((p) => `\${${p}.name}`).join(',')}>\``;
      this.out.push(`export const ${ident} = <${generics}>(${params.map((p) => `${p}: ${p}`).join(', ')}) =>`);
      this.out.push(`  ${this.bodyText(decl, name, '  ')};`);
      this.out.push(`export type ${ident}<${generics}> = Infer<ReturnType<typeof ${ident}<${params.join(', ')}>>>;`);
      this.params = new Map();
      return;
    }
    this.out.push(`export const ${ident} = ${this.bodyText(decl, quote(decl.dotnet), '')};`);
    this.out.push(`export type ${ident} = Infer<typeof ${ident}>;`);
  }

  /** `t.object({…}, { name })`, `Base.extend({…}, { name })` or a dictionary or list class's schema. */
  private bodyText(decl: Decl, name: string, indent: string): string {
    if (decl.shape === 'collection') return this.exprText(decl.collection!);
    const members = this.membersText(decl.members, decl, indent);
    const head = decl.base ? `${this.exprText(decl.base)}.extend(` : 't.object(';
    return `${head}${members}, { name: ${name} })`;
  }

  /** `{ … }` of an object's members, each key checked as the schema will check it. */
  private membersText(members: readonly Member[], owner: Decl | undefined, indent: string): string {
    const keys = new Map<string, Member>();
    const lines = members.map((member) => {
      const key = member.aliased ? member.name : this.caseOf(member.name);
      const other = keys.get(key);
      if (other !== undefined) throw new CodegenError('DUPLICATE_TYPE', `${other.name} and ${member.name} are both written ${JSON.stringify(key)}`, `${member.path}.name`);
      keys.set(key, member);
      try {
        object({ [key]: any() });
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        throw new CodegenError('UNSUPPORTED', error.message, `${member.path}.name`);
      }
      return this.memberText(member, key, owner, `${indent}  `);
    });
    return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
  }

  private memberText(member: Member, name: string, owner: Decl | undefined, indent: string): string {
    const key = propertyKey(name);
    let schema = this.exprText(member.expr, indent);
    if (member.required) schema += '.required()';
    else if (member.expr.kind !== 'nullable') {
      const zero = this.zeroOf(member.expr);
      if (zero !== undefined) schema += `.default(${zero})`;
    }
    const fallbacks = fallbacksIn(member.expr);
    for (const fallback of fallbacks) this.options.onWarning?.({ reason: fallback.reason, path: fallback.path });
    const lines = [...(member.description === undefined ? [] : [docText(member.description, indent)]), ...fallbacks.map((f) => `@remarks Not typed exactly: ${docText(f.reason, indent)}.`)];
    const docs = lines.length === 0 ? '' : lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((line) => `${indent} * ${line}\n`).join('')}${indent} */\n`;
    // Inside a factory everything is declared by the time it runs, but a member read then must
    // not run before the module has finished: getters keep that true for every reference.
    // Members of an inline object (a tuple) are read when the member holding it is.
    const deferred = owner !== undefined && declsIn(member.expr).some((d) => d.known === undefined && (owner.params.length > 0 || !this.declared.has(d)));
    if (deferred) return `${docs}${indent}get ${key}() {\n${indent}  return ${schema};\n${indent}},`;
    return `${docs}${indent}${key}: ${schema},`;
  }

  private caseOf(name: string): string {
    switch (this.options.textCase) {
      case 'camel':
        return toCamelCase(name);
      case 'snake':
        return toSnakeCase(name);
      default:
        return toPascalCase(name);
    }
  }

  /** The TypeScript text of a .NET value type's default, where jsvkit has a literal for it. */
  private zeroOf(expr: Expr): string | undefined {
    switch (expr.kind) {
      case 'scalar':
        return expr.scalar.kind === 'date' ? undefined : expr.scalar.zero;
      case 'decl': {
        const decl = expr.decl;
        if (decl.shape === 'flags') return '0';
        if (decl.shape === 'enum') return quote(decl.enumMembers[0]!.name);
        if (decl.known?.kind === 'enum') return quote(decl.known.members![0]!);
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private exprText(expr: Expr, indent = ''): string {
    switch (expr.kind) {
      case 'scalar':
        if (expr.scalar.kind === 'date' && this.options.dates === 'Date') return "t.date({ as: 'Date' })";
        return `t.${expr.scalar.builder}()`;
      case 'bytes':
        return 't.bytes()';
      case 'struct':
        return 't.string()';
      case 'array':
        return `t.array(${this.elementText(expr.element, indent)})`;
      case 'dict': {
        const value = this.argText(expr.value, indent);
        const stringKey = expr.key.kind === 'scalar' && expr.key.scalar.kind === 'string';
        return stringKey ? `t.dict(${value})` : `t.dict(${value}, { key: ${this.exprText(expr.key, indent)} })`;
      }
      case 'pair':
        return `t.keyValuePair(${this.argText(expr.key, indent)}, ${this.argText(expr.value, indent)})`;
      case 'nullable':
        return this.exprText(expr.of, indent);
      case 'param':
        return this.params.get(expr.name) ?? expr.name;
      case 'decl':
        return expr.args.length === 0 ? expr.decl.ident : `${expr.decl.ident}(${expr.args.map((arg) => this.argText(arg, indent)).join(', ')})`;
      case 'tuple': {
        const members = expr.items.map((item, i): Member => ({ name: i < 7 ? `Item${i + 1}` : 'Rest', aliased: false, expr: item, required: false, description: undefined, path: '' }));
        return `t.object(${this.membersText(members, undefined, indent)}, { name: 'Tuple' })`;
      }
      case 'fallback':
        return this.exprText(expr.as, indent);
    }
  }

  /** A list element: null is allowed for .NET reference types and `Nullable<T>`, as .NET lists hold them. */
  private elementText(expr: Expr, indent: string): string {
    if (expr.kind === 'nullable') return `${this.exprText(expr.of, indent)}.nullable()`;
    return isReference(expr) ? `${this.exprText(expr, indent)}.nullable()` : this.exprText(expr, indent);
  }

  private argText(expr: Expr, indent: string): string {
    return expr.kind === 'nullable' ? `${this.exprText(expr.of, indent)}.nullable()` : this.exprText(expr, indent);
  }

  private enumText(decl: Decl): string {
    const members = decl.enumMembers;
    if (decl.shape === 'flags') {
      const entries = members.map((m, i) => `${propertyKey(m.name)}: ${m.value ?? i}`);
      return `t.flags({ ${entries.join(', ')} }, ${quote(decl.dotnet)})`;
    }
    const options = [`name: ${quote(decl.dotnet)}`];
    if (members.some((m, i) => m.value !== undefined && m.value !== i)) options.push(`values: { ${members.map((m, i) => `${propertyKey(m.name)}: ${m.value ?? i}`).join(', ')} }`);
    const wire = members.filter((m) => m.wireName !== undefined);
    if (wire.length > 0) options.push(`wireNames: { ${wire.map((m) => `${propertyKey(m.name)}: ${quote(m.wireName!)}`).join(', ')} }`);
    return `t.enum([${members.map((m) => quote(m.name)).join(', ')}] as const, { ${options.join(', ')} })`;
  }

  private api(): string {
    const entries = this.model.operations.map((op) => this.operationText(op));
    return `export const api = {\n${entries.join('\n')}\n} as const;`;
  }

  private operationText(op: OperationModel): string {
    const meta = op.operation;
    const fields = [`request: ${op.request.ident}`];
    const fallbacks = fallbacksIn(op.response);
    for (const fallback of fallbacks) this.options.onWarning?.({ reason: fallback.reason, path: fallback.path });
    const notes = fallbacks.map((f) => `  // ${op.name}: the response is not typed exactly: ${f.reason.replace(/\s+/g, ' ')}\n`).join('');
    if (op.response !== undefined) fields.push(`response: ${this.exprText(op.response)}`);
    if (meta.actions !== undefined && meta.actions.length > 0) fields.push(`verbs: ${list(meta.actions.map((verb) => verb.toUpperCase()))}`);
    // The verb clients send with: ServiceStack derives it from IVerb markers and AutoQuery
    // interfaces too, which the metadata does not otherwise show, so it is kept as written.
    const method = meta.method?.toUpperCase();
    if (method !== undefined && CLIENT_VERBS.has(method)) fields.push(`method: ${quote(method)}`);
    if (meta.routes !== undefined && meta.routes.length > 0) {
      const routes = meta.routes.map((route) => {
        const verbs = routeVerbs(route.verbs);
        return verbs.length > 0 ? `{ path: ${quote(route.path)}, verbs: ${list(verbs)} }` : `{ path: ${quote(route.path)} }`;
      });
      fields.push(`routes: [${routes.join(', ')}]`);
    }
    if (meta.requiresAuth === true) fields.push('requiresAuth: true');
    if (meta.requiredRoles?.length) fields.push(`requiredRoles: ${list(meta.requiredRoles)}`);
    if (meta.requiresAnyRole?.length) fields.push(`requiresAnyRole: ${list(meta.requiresAnyRole)}`);
    if (meta.requiredPermissions?.length) fields.push(`requiredPermissions: ${list(meta.requiredPermissions)}`);
    if (meta.requiresAnyPermission?.length) fields.push(`requiresAnyPermission: ${list(meta.requiresAnyPermission)}`);
    if (op.request.type?.description) fields.push(`description: ${quote(op.request.type.description)}`);
    if (meta.tags?.length) fields.push(`tags: ${list(meta.tags)}`);
    const name = op.request.dotnet === op.name.replace(/`\d+$/, '') ? '' : `name: ${quote(op.name)}, `;
    return `${notes}  ${propertyKey(op.request.dotnet)}: operation({ ${name}${fields.join(', ')} }),`;
  }

  private doc(lines: readonly string[], indent: string, extra: readonly string[]): void {
    const all = [...lines, ...extra];
    if (all.length === 0) return;
    const text = all.join('\n');
    if (!text.includes('\n')) {
      this.out.push(`${indent}/** ${docText(text, indent)} */`);
      return;
    }
    this.out.push(`${indent}/**`);
    for (const line of text.split(/\r?\n/)) this.out.push(`${indent} *${line.trim() === '' ? '' : ' ' + escapeDoc(line)}`);
    this.out.push(`${indent} */`);
  }
}

/** An enum's member descriptions and wire names, for its JSDoc. */
function enumDocs(decl: Decl): string[] {
  const described = decl.enumMembers.filter((m) => m.description !== undefined);
  if (described.length === 0) return [];
  return ['', ...described.map((m) => `- \`${m.name}\`: ${m.description!.replace(/\s+/g, ' ')}`)];
}

/** A .NET reference type (its value may be null in a list). */
function isReference(expr: Expr): boolean {
  switch (expr.kind) {
    case 'scalar':
      return !expr.scalar.valueType;
    case 'struct':
    case 'pair':
      return false;
    case 'decl':
      return expr.decl.shape !== 'enum' && expr.decl.shape !== 'flags' && expr.decl.known?.kind !== 'enum';
    case 'param':
      // A type argument may be either; values of a class are the common case in DTOs.
      return true;
    case 'fallback':
      return isReference(expr.as);
    default:
      return true;
  }
}

/**
 * A generic type whose members reach a generic type again, through generic types only, would
 * build a new schema on every read (each factory call makes another): rejected.
 */
function checkGenericCycles(decls: readonly Decl[]): void {
  const generic = decls.filter((decl) => decl.params.length > 0 && decl.known === undefined);
  const edges = new Map<Decl, { to: Decl; path: string }[]>();
  for (const decl of generic) {
    const list: { to: Decl; path: string }[] = [];
    const add = (expr: Expr | undefined, path: string): void => {
      if (expr === undefined) return;
      for (const to of declsIn(expr)) if (to.params.length > 0 && to.known === undefined) list.push({ to, path });
    };
    add(decl.base, `${decl.path}.inherits`);
    add(decl.collection, `${decl.path}.inherits`);
    for (const member of decl.members) add(member.expr, `${member.path}.type`);
    edges.set(decl, list);
  }
  for (const start of generic) {
    const seen = new Set<Decl>();
    const stack: { decl: Decl; via: string; chain: string[] }[] = edges.get(start)!.map((e) => ({ decl: e.to, via: e.path, chain: [start.dotnet, e.to.dotnet] }));
    while (stack.length > 0) {
      const { decl, via, chain } = stack.pop()!;
      if (decl === start) {
        throw new CodegenError('GENERIC_CYCLE', `Generic type ${start.dotnet} refers to itself through generic types (${chain.join(' → ')}): each factory call would build another without end`, via);
      }
      if (seen.has(decl)) continue;
      seen.add(decl);
      for (const e of edges.get(decl) ?? []) stack.push({ decl: e.to, via, chain: [...chain, e.to.dotnet] });
    }
  }
}

/**
 * Where the entry `jsvkit/<name>` is for the package `importFrom`: `<package>/<name>`, or, for a path
 * to jsvkit's source or per-module build entry (`…/src/index.ts`, `…/dist/esm/index.js`), that
 * entry's module beside it (`modulePath`, relative to the entry's folder, without extension).
 */
function entrySpecifier(importFrom: string, name: string, modulePath: string): string {
  const entry = /\/index(\.[cm]?[jt]s)$/.exec(importFrom);
  return entry ? `${importFrom.slice(0, entry.index)}/${modulePath}${entry[1]}` : `${importFrom}/${name}`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

function list(items: readonly string[]): string {
  return `[${items.map(quote).join(', ')}]`;
}

function escapeDoc(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

function docText(text: string, indent: string): string {
  return escapeDoc(text.replace(/\s*\r?\n\s*/g, ` `)).trim() || indent;
}
