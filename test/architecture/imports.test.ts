/**
 * The shape of src/: imports go one way. Layers stand in the order errors → syntax → typed →
 * everything built on them (http, cli, client, codegen, testing, ...) → the demo program, and no
 * module imports a higher layer; no module imports the public facade src/index.ts; and the
 * imports among modules form no circle. Type-only imports count too: a circle of types is a
 * circle of concepts, even though it costs nothing at run time.
 *
 * `allowedTypeEdges` lists the type-only imports that still close a circle, each with why it
 * is there. The check fails when a listed import disappears, so the list only shrinks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

/** `from → to` (paths under src/) that may close a circle, with the reason. Only type-only imports may be listed. */
const allowedTypeEdges: Record<string, string> = {};

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

/** Every relative import and re-export of a module, resolved to a path under src/. */
function importsOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean): void => {
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return;
    const target = resolve(dirname(file), specifier.text).replace(/\.js$/, '.ts');
    edges.push({ from: relative(srcDir, file), to: relative(srcDir, target), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (!clause.name && named !== undefined && named.length > 0 && named.every((element) => element.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier, node.isTypeOnly || (named !== undefined && named.length > 0 && named.every((element) => element.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const edges = sourceFiles(srcDir).flatMap(importsOf);
const edgeName = (edge: Edge) => `${edge.from} → ${edge.to}`;

/** Layer of a module: its top folder's rank. Folders not named here are application layers (3). */
const layerRank: Record<string, number> = { errors: 0, syntax: 1, typed: 2, demo: 4, 'index.ts': 5 };
const rankOf = (path: string) => layerRank[path.split('/')[0]!] ?? 3;

/** The circles of a graph: its strongly connected components of more than one module (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found;
}

describe('imports in src/', () => {
  it('never import the public facade src/index.ts', () => {
    expect(edges.filter((edge) => edge.to === 'index.ts').map(edgeName)).toEqual([]);
  });

  it('go down the layers: errors → syntax → typed → http, cli, ... → demo', () => {
    expect(edges.filter((edge) => rankOf(edge.to) > rankOf(edge.from)).map(edgeName)).toEqual([]);
  });

  it('form no circle, apart from the listed type-only imports', () => {
    const graph = new Map<string, string[]>();
    for (const edge of edges) {
      if (allowedTypeEdges[edgeName(edge)] !== undefined) continue;
      graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge.to]);
    }
    expect(circles(graph)).toEqual([]);
  });

  it('list only type-only imports that exist and still close a circle', () => {
    for (const name of Object.keys(allowedTypeEdges)) {
      const edge = edges.find((candidate) => edgeName(candidate) === name);
      expect(edge, `${name} is no longer imported: remove it from allowedTypeEdges`).toBeDefined();
      expect(edge!.typeOnly, `${name} imports values: a circle at run time is not allowed`).toBe(true);
      // Without it, is there still a path back? If not, it closes no circle and needs no listing.
      const graph = new Map<string, string[]>();
      for (const other of edges) if (other !== edge) graph.set(other.from, [...(graph.get(other.from) ?? []), other.to]);
      const reachable = new Set<string>([edge!.to]);
      const queue = [edge!.to];
      while (queue.length > 0) for (const next of graph.get(queue.pop()!) ?? []) if (!reachable.has(next)) (reachable.add(next), queue.push(next));
      expect(reachable.has(edge!.from), `${name} closes no circle any more: remove it from allowedTypeEdges`).toBe(true);
    }
  });
});
