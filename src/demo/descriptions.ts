/**
 * The member descriptions of the seed page (ServiceStack's `[ApiMember(Description = …)]`), by DTO
 * and member. jsvkit schemas carry no descriptions at run time, so the demo adds these to the
 * `/types/metadata` document it serves and to its metadata pages.
 */
export const MEMBER_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  EntityInfo: {
    id: 'The ID of the object',
    dateCreated: 'The date the object was created',
    dateLastModified: 'The date the object was last modified',
    createdBy: 'The user that created this object',
    lastModifiedBy: 'The user that last modified this object',
  },
  CustomerInfo: {
    accountId: 'The ID of the account associated with this customer',
    parentCustomerId: 'The parent customer ID for this customer',
    breadcrumb: 'The breadcrumb to this customer',
    accountName: 'The name of the account associated with this customer',
    isStaging: 'Is this customer staging or production?',
    name: 'The name of the company',
    referenceId: 'The reference ID for this company',
    data: "This customer's data values",
    tags: 'The list of tags for this customer',
    schedule: "This customer's schedule",
    integrationData: 'Integration data for this customer',
    overrideBillingSettings: "Override this customer's billing settings? Otherwise inherits from parent",
    billingSettings: 'Billing settings for this customer',
    overrideAppSettings: "Should this customer override the parent customer's app settings",
    appSettings: 'App / Portal settings for this customer',
  },
  NewCustomer: {
    accountId: 'The account ID to associate this customer with',
    name: 'The name of the customer',
    parentCustomerId: 'The parent customer for this customer',
    referenceId: 'The reference ID for this customer (e.g. in a third party system)',
    data: 'Data values for this customer',
  },
  GetCustomer: {
    customerId: 'The ID of the customer you want to retrieve',
  },
};
