/**
 * `op.method`, the verb `client.send` uses, survives the metadata round trip: `describeApi` writes
 * it as the operation's `method` and `codegen` writes it back into the `api` table. ServiceStack
 * derives it from IVerb markers and AutoQuery interfaces too, which routes and actions do not show:
 * a DTO marked `IGet` with a verb-less route and an `Any` service method has method GET.
 */
import { describe, expect, it } from 'vitest';
import { codegen } from '../../src/codegen/codegen.js';
import { describeApi } from '../../src/codegen/describe.js';
import { operation } from '../../src/typed/operation.js';
import * as t from '../../src/typed/t.js';

const FindItems = t.object({ Name: t.string() }, { name: 'FindItems' });
const Items = t.object({ Total: t.int() }, { name: 'ItemsResponse' });

describe('op.method through /types/metadata and codegen', () => {
  it('describeApi writes op.method as the metadata method, and codegen writes it into the api table', () => {
    const api = { FindItems: operation({ request: FindItems, response: Items, verbs: ['ANY'], method: 'GET', routes: [{ path: '/items' }] }) };
    const metadata = describeApi(api);
    expect(metadata.operations?.[0]).toMatchObject({ actions: ['ANY'], method: 'GET' });
    expect(codegen(metadata)).toMatch(/FindItems: operation\(\{[^\n]*method: ['"]GET['"]/);
  });

  it('without a method in the descriptor, the metadata carries the derived one', () => {
    const api = { FindItems: operation({ request: FindItems, response: Items, routes: [{ path: '/items', verbs: ['PUT'] }] }) };
    expect(describeApi(api).operations?.[0]?.method).toBe('PUT');
  });
});
