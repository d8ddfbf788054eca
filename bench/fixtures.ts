/**
 * Deterministic benchmark fixtures: each is a JavaScript value plus the JSV and JSON texts that
 * stand for it, generated from a fixed seed so every run and every process sees the same bytes.
 *
 * The JSV text comes from `referenceJsv`, a deliberately naive writer kept here (independent of
 * `src/`) so a benchmark checks jsvkit's output against something it did not produce itself.
 */

/** mulberry32: a tiny seeded PRNG; good enough to vary shapes, and identical on every run. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
export type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

function int(rng: Random, max: number): number {
  return Math.floor(rng() * max);
}

function pick<T>(rng: Random, items: readonly T[]): T {
  return items[int(rng, items.length)]!;
}

const WORDS = [
  'voice', 'number', 'call', 'flow', 'queue', 'agent', 'office', 'support', 'sales', 'billing',
  'main', 'line', 'after', 'hours', 'holiday', 'message', 'transfer', 'greeting', 'menu', 'team',
  'north', 'south', 'branch', 'review', 'customer', 'account', 'fax', 'device', 'desk', 'mobile',
];
const NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Soylent'];
const COLORS = ['Magenta', 'Red', 'Volcano', 'Orange', 'Gold', 'Lime', 'Green', 'Cyan', 'Blue', 'GeekBlue', 'Purple'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RULE_TYPES = ['Always', 'CustomerState', 'Time'];
const FREQUENCIES = ['None', 'Daily', 'Weekly', 'Monthly', 'Yearly'];

function guid(rng: Random): string {
  let text = '';
  for (let i = 0; i < 4; i++) text += (Math.floor(rng() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
  return text;
}

function words(rng: Random, count: number): string {
  let text = pick(rng, WORDS);
  for (let i = 1; i < count; i++) text += ' ' + pick(rng, WORDS);
  return text;
}

function date(rng: Random): string {
  const d = new Date(Date.UTC(2019, 0, 1) + int(rng, 5 * 365 * 86400) * 1000);
  return d.toISOString().replace('.000Z', 'Z');
}

function money(rng: Random): number {
  return int(rng, 100000) / 100;
}

/** Seed shape: Struct = Dictionary<string, Value>, Value = {boolValue, stringValue, numberValue, listValue, structValue}. */
function struct(rng: Random, depth: number): Record<string, Plain> {
  const result: Record<string, Plain> = {};
  const keys = 1 + int(rng, 2);
  for (let k = 0; k < keys; k++) result[pick(rng, WORDS) + k] = structValue(rng, depth);
  return result;
}

function structValue(rng: Random, depth: number): Record<string, Plain> {
  const value: Record<string, Plain> = {
    boolValue: rng() < 0.5,
    stringValue: words(rng, 1 + int(rng, 3)),
    numberValue: int(rng, 1000),
  };
  if (depth > 0) {
    value.listValue = [struct(rng, depth - 1)];
    value.structValue = struct(rng, depth - 1);
  } else {
    value.listValue = [];
  }
  return value;
}

function billing(rng: Random): Record<string, Plain> {
  return { baseCost: money(rng), rawUnitMultiplier: 1 + int(rng, 3), unitCost: int(rng, 100) / 1000, allowance: int(rng, 500) };
}

/**
 * One CustomerInfo in the seed's shape (test/fixtures/seed/customerinfo.response.jsv) with
 * real-looking values; it also fits the `CustomerInfo` schema of examples/evovoice/dtos.ts.
 */
export function customer(rng: Random, scale: 'full' | 'list'): Record<string, Plain> {
  const full = scale === 'full';
  const name = `${pick(rng, NAMES)} ${words(rng, 1)}`;
  const rules: Plain[] = [];
  const ruleCount = full ? 1 : int(rng, 2);
  for (let r = 0; r < ruleCount; r++) {
    rules.push({
      id: guid(rng),
      name: words(rng, 2),
      priority: r,
      state: words(rng, 1),
      source: 'Schedule',
      condition: `Time >= ${8 + int(rng, 3)}:00`,
      simpleRuleType: pick(rng, RULE_TYPES),
      customerState: words(rng, 1),
      flowId: guid(rng),
      flowParams: full ? struct(rng, 1) : {},
      isAllDay: rng() < 0.3,
      startDate: date(rng),
      startTime: `0${int(rng, 10)}:00:00`,
      endTime: `1${int(rng, 10)}:30:00`,
      bySetPosition: [],
      byMonth: [1 + int(rng, 12)],
      byWeekNo: [],
      byYearDay: [],
      byMonthDay: [1 + int(rng, 28)],
      byDay: [{ offset: 0, dayOfWeek: pick(rng, DAYS) }],
      byHour: [8, 9, 10],
      byMinute: [0, 30],
      interval: 1,
      count: int(rng, 10),
      untilDate: date(rng),
      frequency: pick(rng, FREQUENCIES),
    });
  }
  const billingSettings: Record<string, Plain> = {};
  const billingKeys = ['base', 'localNumbers', 'tollFreeNumbers', 'inboundVoiceCalls', 'outboundVoiceCalls', 'inboundFaxes', 'outboundFaxes', 'inboundSmsMessages', 'outboundSmsMessages'];
  for (const key of full ? billingKeys : billingKeys.slice(0, 3)) billingSettings[key] = billing(rng);
  const tags: Plain[] = [];
  for (let t = 0, n = 1 + int(rng, 3); t < n; t++) tags.push({ id: guid(rng), name: words(rng, 1), color: pick(rng, COLORS) });
  return {
    accountId: guid(rng),
    parentCustomerId: guid(rng),
    breadcrumb: [{ id: guid(rng), name }],
    accountName: `${pick(rng, NAMES)} Holdings`,
    isStaging: rng() < 0.1,
    name,
    referenceId: `CUST-${100000 + int(rng, 900000)}`,
    data: full ? struct(rng, 2) : struct(rng, 0),
    tags,
    schedule: { timeZoneId: 'America/New_York', inherit: rng() < 0.5, forceClosed: false, rules, defaultState: 'Open' },
    integrationData: { hubspot: { thirdPartyId: String(int(rng, 1e9)) } },
    overrideBillingSettings: rng() < 0.2,
    billingSettings,
    overrideAppSettings: false,
    appSettings: {
      enablePhoneNumberManagement: true,
      enableDeviceManagement: rng() < 0.5,
      enableDialer: true,
      enableCallHistory: true,
      showFileNameInMessageCenter: false,
      chakraTheme: pick(rng, COLORS).toLowerCase(),
      customCss: full ? '.header { color: #333; }' : 'none',
      pageTitle: `${name} Portal`,
      stringMappings: full ? 'Customer=Client;Queue=Line' : 'none',
      logoutUrl: `https://portal.example.com/${int(rng, 1000)}/logout`,
      portMyNumberUrl: 'https://port.example.com/start',
    },
    id: guid(rng),
    dateCreated: date(rng),
    dateLastModified: date(rng),
    createdBy: `user${int(rng, 500)}@example.com`,
    lastModifiedBy: `user${int(rng, 500)}@example.com`,
  };
}

/** A chain of Struct/Value levels, each with a side list, to stress nesting rather than size. */
function deepStruct(rng: Random, depth: number): Record<string, Plain> {
  const value: Record<string, Plain> = {
    boolValue: rng() < 0.5,
    stringValue: pick(rng, WORDS),
    numberValue: int(rng, 100),
    listValue: depth > 0 ? [{ leaf: { boolValue: true, numberValue: int(rng, 10) } }, deepStruct(rng, depth - 1)] : [],
  };
  if (depth > 0 && depth % 4 === 0) value.structValue = struct(rng, 1);
  return { [pick(rng, WORDS)]: value };
}

/** Text in which about 28 % of the strings need quotes (a `,`, `:`, `"`, bracket or newline). */
function quoteHeavyStrings(rng: Random, count: number): string[] {
  const plain = (): string => words(rng, 1 + int(rng, 8));
  const special = [
    () => `${words(rng, 2)}, ${words(rng, 2)}`,
    () => `Note: ${words(rng, 3)}`,
    () => `"${words(rng, 1)}" ${words(rng, 2)}`,
    () => `${words(rng, 2)} [${int(rng, 100)}]`,
    () => `${words(rng, 3)}\n${words(rng, 2)}`,
    () => `{${words(rng, 1)}} 2" x 1"`,
    () => `https://example.com/${words(rng, 1)}?q=${int(rng, 1000)}`,
  ];
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    // 28 of every 100 strings take a special form, spread through the list.
    result.push(i % 100 < 28 ? pick(rng, special)() : plain());
  }
  for (let i = result.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Integers, money amounts and doubles, all in the range where .NET and JavaScript number text agree. */
function numberSeries(rng: Random, count: number): number[] {
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    if (kind === 0) result.push(int(rng, 1_000_000));
    else if (kind === 1) result.push(-1 - int(rng, 10_000));
    else if (kind === 2) result.push(money(rng));
    else result.push(Math.round(rng() * 1e9) / 1e6 + 0.0001);
  }
  return result;
}

/**
 * Time series as a metrics API returns them: each series a name and three parallel lists (unix
 * seconds, a measured double, an integer count). Many medium lists of scalars is the shape that
 * put V8's allocation-site pretenuring to work (see docs/performance.md).
 */
function seriesSet(rng: Random, seriesCount: number, points: number): Plain[] {
  const result: Plain[] = [];
  for (let s = 0; s < seriesCount; s++) {
    const start = 1_700_000_000 + int(rng, 1_000_000);
    const times: number[] = [];
    const values: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < points; i++) {
      times.push(start + i * 60);
      values.push(Math.round(rng() * 1e8) / 1e4 + 0.0001);
      counts.push(int(rng, 5000));
    }
    result.push({ name: `${pick(rng, WORDS)}.${pick(rng, WORDS)}.${s}`, times, values, counts });
  }
  return result;
}

/** The JSV text ServiceStack (with jsvkit's W7 quoting of empty and blank-edged strings) writes for `value`. */
export function referenceJsv(value: Plain): string {
  if (typeof value === 'string') {
    const quoted = value === '' || /[":,{}[\]\r\n]|^[ \t]|[ \t]$/.test(value);
    return quoted ? `"${value.replace(/"/g, '""')}"` : value;
  }
  if (typeof value === 'number') {
    const magnitude = Math.abs(value);
    if (!(value === 0 || (magnitude >= 1e-4 && magnitude < 1e17)) || Object.is(value, -0)) {
      throw new Error(`fixture number ${value} is outside the range where JavaScript and .NET agree`);
    }
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(referenceJsv).join(',')}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && item !== undefined) parts.push(`${referenceJsv(key)}:${referenceJsv(item)}`);
  }
  return `{${parts.join(',')}}`;
}

/** What untyped `parse` returns for the JSV text of `value`: every scalar as its text, nulls left out of maps. */
export function untypedOf(value: Plain): Plain {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(untypedOf);
  const result: Record<string, Plain> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null && item !== undefined) result[key] = untypedOf(item);
  return result;
}

export interface Fixture {
  name: string;
  /** What the fixture is, for the results table. */
  description: string;
  value: Plain;
  jsv: string;
  json: string;
}

export const FIXTURE_DESCRIPTIONS: Record<string, string> = {
  customer: 'one seed-shaped CustomerInfo',
  'customers-10k': '10,000 CustomerInfo in one list',
  deep: '60 Struct/Value chains 24 levels deep, ~75 nesting levels',
  strings: '40,000 strings, 28 % of them quoted',
  numbers: '100,000 integers, amounts and doubles',
  series: '40 series × 3 lists × 2,000 numbers',
};

/**
 * The text as a request body arrives: one flat string decoded from bytes. Text built by
 * concatenation is a rope, and even after V8 flattens it on first read every character access
 * goes through the rope's node, which slows a JavaScript reader (not JSON.parse) by ~10 %.
 */
function asReceived(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function fixture(name: string, value: Plain): Fixture {
  return { name, description: FIXTURE_DESCRIPTIONS[name]!, value, jsv: asReceived(referenceJsv(value)), json: asReceived(JSON.stringify(value)) };
}

/** The benchmark fixtures by name; each is built only when asked for. */
export const FIXTURES: Record<string, () => Fixture> = {
  customer: () => fixture('customer', customer(createRandom(1), 'full')),
  'customers-10k': () => {
    const rng = createRandom(2);
    const list: Plain[] = [];
    for (let i = 0; i < 10_000; i++) list.push(customer(rng, 'list'));
    return fixture('customers-10k', list);
  },
  deep: () => {
    const rng = createRandom(3);
    const list: Plain[] = [];
    for (let i = 0; i < 60; i++) list.push(deepStruct(rng, 24));
    return fixture('deep', list);
  },
  strings: () => fixture('strings', quoteHeavyStrings(createRandom(4), 40_000)),
  numbers: () => fixture('numbers', numberSeries(createRandom(5), 100_000)),
  series: () => fixture('series', seriesSet(createRandom(7), 40, 2000)),
};

export const FIXTURE_NAMES = Object.keys(FIXTURES);

/**
 * A customer list of about `megabytes` MB of JSV, built text-first so 100 MB does not need the
 * values in memory; for the scaling check, which verifies only the item count.
 */
export function scalingText(megabytes: number): { jsv: string; items: number } {
  const rng = createRandom(6);
  const target = megabytes * 1024 * 1024;
  const parts: string[] = [];
  let size = 2;
  while (size < target) {
    const text = referenceJsv(customer(rng, 'list'));
    parts.push(text);
    size += text.length + 1;
  }
  return { jsv: asReceived(`[${parts.join(',')}]`), items: parts.length };
}
