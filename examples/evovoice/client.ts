/**
 * Calling the Evo Voice API with `jsvkit/client`: create a customer, read it back, and handle the
 * errors a ServiceStack host answers with.
 *
 *   npm start                                    # the demo host, which prints its API keys
 *   EVO_BASE_URL=http://127.0.0.1:8080 EVO_KEY=<a key> npx tsx examples/evovoice/client.ts
 *
 * `api` is the table of operation descriptors `jsvkit codegen` wrote into dtos.ts from the host's
 * metadata; hand-written `operation({...})` descriptors work the same.
 */
import { createClient, isServiceError } from 'jsvkit/client';
import { api } from './dtos.js';

async function main(): Promise<void> {
  const client = createClient({
    baseUrl: process.env.EVO_BASE_URL ?? 'http://127.0.0.1:8080',
    bearerToken: process.env.EVO_KEY,
    // format: 'json' sends and reads JSON instead; responses are read as exactly either way.
  });

  // POST /customers, body and response in JSV.
  const created = await client.send(api.NewCustomer, { accountId: 'acct-1', name: 'Acme, Inc', referenceId: 'crm-42' });
  console.log('created', created.id, created.name, created.isStaging);

  // GET /customers/{CustomerId}: the member fills the path.
  const read = await client.send(api.GetCustomer, { customerId: created.id! });
  console.log('read back', read.name, 'created by', read.createdBy);

  // Errors as values: 400 with field errors, 401, 403, 404 all arrive as a ServiceError.
  const missing = await client.api(api.GetCustomer, { customerId: 'no-such-customer' });
  if (!missing.ok) {
    const { error } = missing;
    console.log('expected failure:', isServiceError(error) ? `${error.status} ${error.errorCode}: ${error.message}` : error.message);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
