import { describe, expect, it } from 'vitest';
import { format, parse, stringify } from '../../src/index.js';
import { compact, seedRequest, seedResponse } from '../helpers/seed.js';

type Tree = Record<string, any>;

describe('the seed samples (ServiceStack metadata page layout)', () => {
  it('parses the NewCustomer request field by field', () => {
    const request = parse(seedRequest) as Tree;
    expect(Object.keys(request)).toEqual(['accountId', 'name', 'parentCustomerId', 'referenceId', 'data']);
    expect(request.accountId).toBe('String');
    expect(request.name).toBe('String');
    expect(request.parentCustomerId).toBe('String');
    expect(request.referenceId).toBe('String');
    const value = request.data.String;
    expect(value.boolValue).toBe('False');
    expect(value.stringValue).toBe('String');
    expect(value.numberValue).toBe('0');
    // Struct -> Value -> listValue -> Struct, three levels deep, ending in the generator's `[null]`.
    const level2 = value.listValue[0].String;
    expect(level2.listValue[0].String.listValue).toEqual(['null']);
    expect(level2.structValue.String.listValue).toEqual(['null']);
    expect(level2.structValue.String).not.toHaveProperty('structValue');
    expect(value.structValue.String.structValue.String.numberValue).toBe('0');
  });

  it('parses the CustomerInfo response field by field', () => {
    const response = parse(seedResponse) as Tree;
    expect(response.accountId).toBe('String');
    expect(response.breadcrumb).toEqual([{ id: 'String', name: 'String' }]);
    expect(response.isStaging).toBe('False');
    expect(response.tags).toEqual([{ id: 'String', name: 'String', color: 'Magenta' }]);
    const rule = response.schedule.rules[0];
    expect(rule.simpleRuleType).toBe('Always');
    expect(rule.priority).toBe('0');
    expect(rule.bySetPosition).toEqual(['0']);
    expect(rule.byDay).toEqual([{ offset: '0', dayOfWeek: 'Sunday' }]);
    expect(rule.frequency).toBe('None');
    expect(rule.flowParams.String.listValue[0].String.stringValue).toBe('String');
    expect(response.schedule.defaultState).toBe('String');
    expect(response.integrationData).toEqual({ String: { thirdPartyId: 'String' } });
    expect(response.billingSettings.outboundSmsMessages).toEqual({ baseCost: '0', rawUnitMultiplier: '0', unitCost: '0', allowance: '0' });
    expect(response.appSettings.portMyNumberUrl).toBe('String');
    // Base-class (EntityInfo) members come last, as .NET reflection lists them (jsv-spec §2.2).
    expect(Object.keys(response).slice(-5)).toEqual(['id', 'dateCreated', 'dateLastModified', 'createdBy', 'lastModifiedBy']);
  });

  it.each([
    ['request', seedRequest],
    ['response', seedResponse],
  ])('formatting the compacted %s reproduces the sample byte for byte (vector 60)', (_name, sample) => {
    const compacted = compact(sample);
    expect(compacted).not.toMatch(/[\n\t]/);
    expect(format(compacted)).toBe(sample.replace(/\n$/, ''));
  });

  it.each([
    ['request', seedRequest],
    ['response', seedResponse],
  ])('the %s reads the same pretty or compact, and writes back compact', (_name, sample) => {
    const compacted = compact(sample);
    expect(parse(sample)).toEqual(parse(compacted));
    expect(stringify(parse(sample))).toBe(compacted);
    expect(format(sample)).toBe(format(compacted));
  });

  it('strict whitespace reads the compact form but rejects the pretty form, as ServiceStack cannot read it', () => {
    expect(parse(compact(seedResponse), { whitespace: 'strict' })).toEqual(parse(seedResponse));
    expect(() => parse(seedResponse, { whitespace: 'strict' })).toThrow(expect.objectContaining({ name: 'JsvError' }));
  });
});
