/**
 * The demo's operations, as `jsvkit codegen` would write them for the Evo Voice host: one table
 * drives the demo's routes (user routes and ServiceStack's predefined ones), its auth checks, its
 * `/types/metadata` document and its metadata pages.
 */
import { CustomerInfo, GetCustomer, NewCustomer } from '../../examples/evovoice/dtos.js';
import { operation } from '../typed/operation.js';

/** "Requires any of the roles" of the seed page, for writes and reads alike. */
export const CUSTOMER_ROLES = ['SystemAdministrator', 'Manager', 'Customer'] as const;

export const api = {
  NewCustomer: operation({
    request: NewCustomer,
    response: CustomerInfo,
    routes: [{ path: '/customers', verbs: ['POST'] }],
    requiresAuth: true,
    requiresAnyRole: CUSTOMER_ROLES,
    description: 'Creates a new customer',
  }),
  GetCustomer: operation({
    request: GetCustomer,
    response: CustomerInfo,
    routes: [{ path: '/customers/{CustomerId}', verbs: ['GET'] }],
    requiresAuth: true,
    requiresAnyRole: CUSTOMER_ROLES,
    description: 'Get a specific customer',
  }),
} as const;

export type DemoApi = typeof api;
