/**
 * The seed's request and response (jsv-spec §5) through the Evo Voice schemas: decoded field by
 * field, written back in camelCase, and through `format`.
 */
import { describe, expect, it } from 'vitest';
import { format, parse, stringify } from '../../src/index.js';
import { CustomerInfo, NewCustomer, type Struct, type Value } from '../../examples/evovoice/dtos.js';
import { errorOf } from '../helpers/errors.js';
import { compact, seedRequest, seedResponse } from '../helpers/seed.js';

/** The seed's Struct: `String` → Value, nested as AutoMapping's recursion guard allows (§5.1). */
function expectSeedStruct(struct: Struct | undefined, levels: number): void {
  expect(Object.keys(struct!)).toEqual(['String']);
  const value = struct!['String']!;
  expect(value.boolValue).toBe(false);
  expect(value.stringValue).toBe('String');
  expect(value.numberValue).toBe(0);
  expect(value.listValue).toHaveLength(1);
  if (levels === 1) {
    // The fourth level is a null dictionary, which ServiceStack spells `null` (§5.2).
    expect(value.listValue).toEqual([null]);
    expect(value).not.toHaveProperty('structValue');
    return;
  }
  expectSeedStruct(value.listValue![0]!, levels - 1);
  expectSeedStruct(value.structValue, levels - 1);
}

describe('the seed request (NewCustomer)', () => {
  const request = parse(seedRequest, NewCustomer);

  it('decodes every field', () => {
    expect(request.accountId).toBe('String');
    expect(request.name).toBe('String');
    expect(request.parentCustomerId).toBe('String');
    expect(request.referenceId).toBe('String');
    expectSeedStruct(request.data, 3);
  });

  it('decodes the compact form to the same value', () => {
    expect(parse(compact(seedRequest), NewCustomer)).toEqual(request);
  });

  it('writes back as the compact seed, byte for byte, null dictionaries spelt `null` as ServiceStack does (§2.3)', () => {
    expect(stringify(request, NewCustomer, { textCase: 'camelCase' })).toBe(compact(seedRequest));
    expect(parse(stringify(request, NewCustomer), NewCustomer)).toEqual(request);
  });

  it('survives format', () => {
    expect(parse(format(stringify(request, NewCustomer)), NewCustomer)).toEqual(request);
    expect(format(stringify(request, NewCustomer, { textCase: 'camelCase' }))).toBe(seedRequest.replace(/\n$/, ''));
  });

  it('reads the null token in both whitespace modes: the compact sample reads strictly to the same value', () => {
    const strict = parse(compact(seedRequest), NewCustomer, { whitespace: 'strict' });
    expect(strict).toEqual(parse(seedRequest, NewCustomer, { whitespace: 'tolerant' }));
    expect(parse(compact(seedRequest), NewCustomer)).toEqual(strict);
  });
});

describe('the seed response (CustomerInfo)', () => {
  const info = parse(seedResponse, CustomerInfo);

  it('decodes every field', () => {
    expect(info.accountId).toBe('String');
    expect(info.parentCustomerId).toBe('String');
    expect(info.breadcrumb).toEqual([{ id: 'String', name: 'String' }]);
    expect(info.accountName).toBe('String');
    expect(info.isStaging).toBe(false);
    expect(info.name).toBe('String');
    expect(info.referenceId).toBe('String');
    expectSeedStruct(info.data, 3);
    expect(info.tags).toEqual([{ id: 'String', name: 'String', color: 'Magenta' }]);
    const schedule = info.schedule!;
    expect(schedule.timeZoneId).toBe('String');
    expect(schedule.inherit).toBe(false);
    expect(schedule.forceClosed).toBe(false);
    expect(schedule.defaultState).toBe('String');
    expect(schedule.rules).toHaveLength(1);
    const rule = schedule.rules![0]!;
    for (const key of ['id', 'name', 'state', 'source', 'condition', 'customerState', 'flowId', 'startDate', 'startTime', 'endTime', 'untilDate'] as const) {
      expect(rule[key]).toBe('String');
    }
    expect(rule.priority).toBe(0);
    expect(rule.simpleRuleType).toBe('Always');
    expectSeedStruct(rule.flowParams, 3);
    expect(rule.isAllDay).toBe(false);
    for (const key of ['bySetPosition', 'byMonth', 'byWeekNo', 'byYearDay', 'byMonthDay', 'byHour', 'byMinute'] as const) {
      expect(rule[key]).toEqual([0]);
    }
    expect(rule.byDay).toEqual([{ offset: 0, dayOfWeek: 'Sunday' }]);
    expect(rule.interval).toBe(0);
    expect(rule.count).toBe(0);
    expect(rule.frequency).toBe('None');
    expect(info.integrationData).toEqual({ String: { thirdPartyId: 'String' } });
    expect(info.overrideBillingSettings).toBe(false);
    const item = { baseCost: 0, rawUnitMultiplier: 0, unitCost: 0, allowance: 0 };
    expect(info.billingSettings).toEqual({
      base: item,
      localNumbers: item,
      tollFreeNumbers: item,
      inboundVoiceCalls: item,
      outboundVoiceCalls: item,
      inboundFaxes: item,
      outboundFaxes: item,
      inboundSmsMessages: item,
      outboundSmsMessages: item,
    });
    expect(info.overrideAppSettings).toBe(false);
    expect(info.appSettings).toEqual({
      enablePhoneNumberManagement: false,
      enableDeviceManagement: false,
      enableDialer: false,
      enableCallHistory: false,
      showFileNameInMessageCenter: false,
      chakraTheme: 'String',
      customCss: 'String',
      pageTitle: 'String',
      stringMappings: 'String',
      logoutUrl: 'String',
      portMyNumberUrl: 'String',
    });
    expect(info.id).toBe('String');
    expect(info.dateCreated).toBe('String');
    expect(info.dateLastModified).toBe('String');
    expect(info.createdBy).toBe('String');
    expect(info.lastModifiedBy).toBe('String');
  });

  it('writes own members first and EntityInfo members last, byte for byte as the seed shows (§2.2)', () => {
    const expected = compact(seedResponse);
    expect(stringify(info, CustomerInfo, { textCase: 'camelCase' })).toBe(expected);
    expect(format(stringify(info, CustomerInfo, { textCase: 'camelCase' }))).toBe(seedResponse.replace(/\n$/, ''));
    expect(parse(format(expected), CustomerInfo)).toEqual(info);
  });
});
