/**
 * The Evo Voice customer service of the seed page, framework-neutral: API-key authentication with
 * roles, `NewCustomer` -> `CustomerInfo`, and an in-memory store. The demo server and the HTTP
 * contract tests put it behind each adapter.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { HttpError } from '../http/response-status.js';

export type Role = 'SystemAdministrator' | 'Manager' | 'Customer' | 'Guest';

/** The roles the seed lists for `NewCustomer`: "Requires any of the roles". */
export const CREATE_ROLES: readonly Role[] = ['SystemAdministrator', 'Manager', 'Customer'];

/** One demo API key, sent as `Authorization: Bearer <key>`. */
export interface ApiKey {
  key: string;
  role: Role;
  /** The user name written to `createdBy`. */
  user: string;
}

const ROLE_ENV: Record<Role, string> = {
  SystemAdministrator: 'DEMO_KEY_SYSTEM_ADMINISTRATOR',
  Manager: 'DEMO_KEY_MANAGER',
  Customer: 'DEMO_KEY_CUSTOMER',
  Guest: 'DEMO_KEY_GUEST',
};

/**
 * One key per role: random for every start, unless the environment sets it
 * (`DEMO_KEY_SYSTEM_ADMINISTRATOR`, `DEMO_KEY_MANAGER`, `DEMO_KEY_CUSTOMER`, `DEMO_KEY_GUEST`).
 */
export function createKeys(env: Record<string, string | undefined> = {}): ApiKey[] {
  return (Object.keys(ROLE_ENV) as Role[]).map((role) => ({
    key: env[ROLE_ENV[role]] || `${role.toLowerCase()}-${randomBytes(18).toString('base64url')}`,
    role,
    user: `demo-${role.toLowerCase()}`,
  }));
}

export interface DemoServiceOptions {
  /** Most customers kept; the oldest is dropped beyond it, so a long load run stays bounded (default 10 000). */
  maxCustomers?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Accounts the demo knows, so that `accountName` can be filled in. */
const ACCOUNTS: Record<string, string> = { 'acct-1': 'Evo Voice Demo Account' };

export class DemoService {
  private readonly customers = new Map<string, CustomerInfo>();
  private readonly maxCustomers: number;
  private readonly now: () => Date;

  constructor(
    private readonly keys: readonly ApiKey[],
    options?: DemoServiceOptions,
  ) {
    this.maxCustomers = options?.maxCustomers ?? 10_000;
    this.now = options?.now ?? (() => new Date());
  }

  /**
   * The key an `Authorization` header presents, compared in constant time.
   * @throws HttpError 401 `Unauthorized` / "Not Authenticated" (ServiceStack's words) when the
   * header is missing, not a Bearer token, or an unknown key.
   */
  authenticate(authorization: string | undefined): ApiKey {
    const match = authorization === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (match !== null) {
      const presented = Buffer.from(match[1]!);
      let found: ApiKey | undefined;
      for (const key of this.keys) {
        const expected = Buffer.from(key.key);
        if (expected.length === presented.length && timingSafeEqual(expected, presented)) found = key;
      }
      if (found !== undefined) return found;
    }
    throw new HttpError(401, 'Unauthorized', 'Not Authenticated');
  }

  /** @throws HttpError 403 `Forbidden` / "Invalid Role" when the key has none of `roles`. */
  authorize(key: ApiKey, roles: readonly Role[]): void {
    if (!roles.includes(key.role)) throw new HttpError(403, 'Forbidden', 'Invalid Role');
  }

  /**
   * `POST /customers`: stores a new customer and returns it with id, dates, creator and the
   * breadcrumb from the root customer down to this one.
   * @throws HttpError 400 when `name` is empty or `parentCustomerId` names no customer. Field
   * names are the C# property names (`Name`), as ServiceStack's validation (FluentValidation's
   * `PropertyName`) writes them into `ResponseError.FieldName`, whatever the host's key case.
   */
  create(input: NewCustomer | null | undefined, key: ApiKey): CustomerInfo {
    const request = input ?? {};
    if (request.name === undefined || request.name.trim() === '') {
      throw new HttpError(400, 'NotEmpty', "'Name' must not be empty.", [
        { errorCode: 'NotEmpty', fieldName: 'Name', message: "'Name' must not be empty." },
      ]);
    }
    let parent: CustomerInfo | undefined;
    if (request.parentCustomerId !== undefined) {
      parent = this.customers.get(request.parentCustomerId);
      if (parent === undefined) {
        const message = `Parent customer '${request.parentCustomerId}' does not exist`;
        throw new HttpError(400, 'NotFound', message, [{ errorCode: 'NotFound', fieldName: 'ParentCustomerId', message }]);
      }
    }

    const id = randomUUID();
    const created = this.now().toISOString();
    const accountId = request.accountId ?? parent?.accountId;
    const breadcrumb: NonNullable<CustomerInfo['breadcrumb']> = [...(parent?.breadcrumb ?? []), { id, name: request.name }];
    const customer: CustomerInfo = {
      accountId,
      parentCustomerId: parent?.id,
      breadcrumb,
      accountName: accountId !== undefined && Object.hasOwn(ACCOUNTS, accountId) ? ACCOUNTS[accountId] : undefined,
      isStaging: false,
      name: request.name,
      referenceId: request.referenceId,
      data: request.data,
      overrideBillingSettings: false,
      overrideAppSettings: false,
      id,
      dateCreated: created,
      dateLastModified: created,
      createdBy: key.user,
      lastModifiedBy: key.user,
    };
    for (const [name, value] of Object.entries(customer)) if (value === undefined) delete (customer as Record<string, unknown>)[name];

    this.customers.set(id, customer);
    if (this.customers.size > this.maxCustomers) this.customers.delete(this.customers.keys().next().value!);
    return customer;
  }

  /** `GET /customers/{id}`. @throws HttpError 404 `NotFound` for an unknown id. */
  get(id: string): CustomerInfo {
    const customer = this.customers.get(id);
    if (customer === undefined) throw new HttpError(404, 'NotFound', `Customer '${id}' does not exist`);
    return customer;
  }
}
