/**
 * The demo's operations: the `api` table `jsvkit codegen` wrote for the Evo Voice host
 * (NewCustomer `POST /customers`, GetCustomer `GET /customers/{CustomerId}`, both requiring one of
 * the seed's three roles). It drives the demo's routes (user routes and ServiceStack's predefined
 * ones), its auth checks, its `/types/metadata` document and its metadata pages.
 */
export { api } from '../../examples/evovoice/dtos.js';
