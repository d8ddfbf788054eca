/** `describeApi` over the schema kinds whose metadata has its own shape: KeyValuePair, enum values and wire names. */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/index.js';
import { operation } from '../../src/typed/operation.js';
import { describeApi } from '../../src/codegen/describe.js';

describe('describeApi', () => {
  const Level = t.enum(['Low', 'High'] as const, { name: 'Level', values: { Low: 1, High: 10 }, wireNames: { High: 'HIGH' } });
  const Req = t.object({ pair: t.keyValuePair(t.string(), t.int()), level: Level.default('Low') }, { name: 'Req' });
  const doc = describeApi({ Req: operation({ name: 'Req', request: Req, response: undefined, verbs: ['POST'], routes: [] }) } as never);
  const types = [...doc.types, ...doc.operations.map((op) => op.request)];

  it('describes t.keyValuePair as .NET KeyValuePair`2, not as a DTO of its own', () => {
    const req = types.find((type) => type.name === 'Req')!;
    const pair = req.properties!.find((p) => p.name === 'Pair')!;
    // A struct: a member without a default is described as nullable.
    expect(pair).toMatchObject({ type: 'Nullable`1', genericArgs: ['KeyValuePair<String,Int32>'] });
    expect(types.some((type) => type.name.startsWith('KeyValuePair'))).toBe(false);
  });

  it('describes explicit enum values and wire names as enumValues and enumMemberValues', () => {
    const level = types.find((type) => type.name === 'Level')!;
    expect(level).toMatchObject({ isEnum: true, enumNames: ['Low', 'High'], enumValues: ['1', '10'], enumMemberValues: ['Low', 'HIGH'] });
  });
});
