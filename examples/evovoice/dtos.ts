/**
 * The Evo Voice DTOs of the seed page (test/fixtures/seed/evovoice-newcustomer.txt) as jsvkit
 * schemas, with camelCase names as the Evo Voice host writes them. C# members that are value
 * types (`bool`, `int`, `double`, enums) are never null: ServiceStack always writes them (jsv-spec
 * §5.1: the seed shows `False`, `0` and each enum's first member) and a request that leaves one out
 * gets the type's default (§3.3), so they carry `.default(false)`, `.default(0)` or
 * `.default('<first member>')`, and are always present once decoded. Every reference-typed member
 * is optional.
 */
import { t, type Infer } from 'jsvkit';

export const EntityInfo = t.object(
  {
    /** The ID of the object */
    id: t.string(),
    /** The date the object was created */
    dateCreated: t.string(),
    /** The date the object was last modified */
    dateLastModified: t.string(),
    /** The user that created this object */
    createdBy: t.string(),
    /** The user that last modified this object */
    lastModifiedBy: t.string(),
  },
  { name: 'EntityInfo' },
);
export type EntityInfo = Infer<typeof EntityInfo>;

export const CustomerBreadcrumb = t.object({ id: t.string(), name: t.string() }, { name: 'CustomerBreadcrumb' });
export type CustomerBreadcrumb = Infer<typeof CustomerBreadcrumb>;

/**
 * One value of a `Struct` (protobuf's `google.protobuf.Value` shape). The getters let `Value` and
 * `Struct` refer to each other with no type annotation.
 */
export const Value = t.object(
  {
    boolValue: t.boolean().default(false),
    stringValue: t.string(),
    numberValue: t.number().default(0),
    /** A null element is the seed's `[null]` (a null dictionary, jsv-spec §5.2). */
    get listValue() {
      return t.array(Struct.nullable());
    },
    get structValue() {
      return Struct;
    },
  },
  { name: 'Value' },
);
export type Value = Infer<typeof Value>;

/** `class Struct : Dictionary<string, Value>`. */
export const Struct = t.dict(Value);
export type Struct = Infer<typeof Struct>;

export const TagColors = t.enum(['Magenta', 'Red', 'Volcano', 'Orange', 'Gold', 'Lime', 'Green', 'Cyan', 'Blue', 'GeekBlue', 'Purple'] as const, 'TagColors');
export type TagColors = Infer<typeof TagColors>;

export const Tag = t.object({ id: t.string(), name: t.string(), color: TagColors.default('Magenta') }, { name: 'Tag' });
export type Tag = Infer<typeof Tag>;

export const SimpleSchedulingRuleTypes = t.enum(['Always', 'CustomerState', 'Time'] as const, 'SimpleSchedulingRuleTypes');
export type SimpleSchedulingRuleTypes = Infer<typeof SimpleSchedulingRuleTypes>;

/** .NET's `System.DayOfWeek` (Sunday = 0). */
export const DayOfWeek = t.enum(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const, 'DayOfWeek');
export type DayOfWeek = Infer<typeof DayOfWeek>;

export const ScheduleDay = t.object({ offset: t.int().default(0), dayOfWeek: DayOfWeek.default('Sunday') }, { name: 'ScheduleDay' });
export type ScheduleDay = Infer<typeof ScheduleDay>;

export const SchedulingRuleFrequency = t.enum(['None', 'Secondly', 'Minutely', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Yearly'] as const, 'SchedulingRuleFrequency');
export type SchedulingRuleFrequency = Infer<typeof SchedulingRuleFrequency>;

export const SchedulingRule = t.object(
  {
    id: t.string(),
    name: t.string(),
    priority: t.int().default(0),
    state: t.string(),
    source: t.string(),
    condition: t.string(),
    simpleRuleType: SimpleSchedulingRuleTypes.default('Always'),
    customerState: t.string(),
    flowId: t.string(),
    flowParams: Struct,
    isAllDay: t.boolean().default(false),
    startDate: t.string(),
    startTime: t.string(),
    endTime: t.string(),
    bySetPosition: t.array(t.int()),
    byMonth: t.array(t.int()),
    byWeekNo: t.array(t.int()),
    byYearDay: t.array(t.int()),
    byMonthDay: t.array(t.int()),
    byDay: t.array(ScheduleDay),
    byHour: t.array(t.int()),
    byMinute: t.array(t.int()),
    interval: t.int().default(0),
    count: t.int().default(0),
    untilDate: t.string(),
    frequency: SchedulingRuleFrequency.default('None'),
  },
  { name: 'SchedulingRule' },
);
export type SchedulingRule = Infer<typeof SchedulingRule>;

export const Schedule = t.object(
  {
    timeZoneId: t.string(),
    inherit: t.boolean().default(false),
    forceClosed: t.boolean().default(false),
    rules: t.array(SchedulingRule),
    defaultState: t.string(),
  },
  { name: 'Schedule' },
);
export type Schedule = Infer<typeof Schedule>;

export const IntegrationData = t.object({ thirdPartyId: t.string() }, { name: 'IntegrationData' });
export type IntegrationData = Infer<typeof IntegrationData>;

/** `class EntityIntegrationData : Dictionary<string, IntegrationData>`. */
export const EntityIntegrationData = t.dict(IntegrationData);
export type EntityIntegrationData = Infer<typeof EntityIntegrationData>;

export const BillingItem = t.object(
  {
    baseCost: t.number().default(0),
    rawUnitMultiplier: t.number().default(0),
    unitCost: t.number().default(0),
    allowance: t.int().default(0),
  },
  { name: 'BillingItem' },
);
export type BillingItem = Infer<typeof BillingItem>;

export const BillingSettings = t.object(
  {
    base: BillingItem,
    localNumbers: BillingItem,
    tollFreeNumbers: BillingItem,
    inboundVoiceCalls: BillingItem,
    outboundVoiceCalls: BillingItem,
    inboundFaxes: BillingItem,
    outboundFaxes: BillingItem,
    inboundSmsMessages: BillingItem,
    outboundSmsMessages: BillingItem,
  },
  { name: 'BillingSettings' },
);
export type BillingSettings = Infer<typeof BillingSettings>;

export const AppSettings = t.object(
  {
    enablePhoneNumberManagement: t.boolean().default(false),
    enableDeviceManagement: t.boolean().default(false),
    enableDialer: t.boolean().default(false),
    enableCallHistory: t.boolean().default(false),
    showFileNameInMessageCenter: t.boolean().default(false),
    chakraTheme: t.string(),
    customCss: t.string(),
    pageTitle: t.string(),
    stringMappings: t.string(),
    logoutUrl: t.string(),
    portMyNumberUrl: t.string(),
  },
  { name: 'AppSettings' },
);
export type AppSettings = Infer<typeof AppSettings>;

/** `class CustomerInfo : EntityInfo`: written with its own members first, then EntityInfo's. */
export const CustomerInfo = EntityInfo.extend(
  {
    /** The ID of the account associated with this customer */
    accountId: t.string(),
    /** The parent customer ID for this customer */
    parentCustomerId: t.string(),
    /** The breadcrumb to this customer */
    breadcrumb: t.array(CustomerBreadcrumb),
    /** The name of the account associated with this customer */
    accountName: t.string(),
    /** Is this customer staging or production? */
    isStaging: t.boolean().default(false),
    /** The name of the company */
    name: t.string(),
    /** The reference ID for this company */
    referenceId: t.string(),
    /** This customer's data values */
    data: Struct,
    /** The list of tags for this customer */
    tags: t.array(Tag),
    /** This customer's schedule */
    schedule: Schedule,
    /** Integration data for this customer */
    integrationData: EntityIntegrationData,
    /** Override this customer's billing settings? Otherwise inherits from parent */
    overrideBillingSettings: t.boolean().default(false),
    /** Billing settings for this customer */
    billingSettings: BillingSettings,
    /** Should this customer override the parent customer's app settings */
    overrideAppSettings: t.boolean().default(false),
    /** App / Portal settings for this customer */
    appSettings: AppSettings,
  },
  { name: 'CustomerInfo' },
);
export type CustomerInfo = Infer<typeof CustomerInfo>;

/** `POST /customers`: creates a new customer; the response is a `CustomerInfo`. */
export const NewCustomer = t.object(
  {
    /** The account ID to associate this customer with */
    accountId: t.string(),
    /** The name of the customer */
    name: t.string(),
    /** The parent customer for this customer */
    parentCustomerId: t.string(),
    /** The reference ID for this customer (e.g. in a third party system) */
    referenceId: t.string(),
    /** Data values for this customer */
    data: Struct,
  },
  { name: 'NewCustomer' },
);
export type NewCustomer = Infer<typeof NewCustomer>;

/** `GET /customers/{CustomerId}`: gets a specific customer; the response is a `CustomerInfo`. */
export const GetCustomer = t.object(
  {
    /** The ID of the customer you want to retrieve */
    customerId: t.string(),
  },
  { name: 'GetCustomer' },
);
export type GetCustomer = Infer<typeof GetCustomer>;
