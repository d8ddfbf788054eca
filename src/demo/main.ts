/**
 * `npm start`: the Evo Voice demo on http://127.0.0.1:8080 (`PORT` overrides), printing the base
 * URL, the host's endpoints and a ready `Authorization` header per role. A port that cannot be
 * listened on is one line on stderr and exit code 1.
 */
import { createServer } from 'node:http';
import { createDemoApp } from './app.js';
import { createKeys, DemoService } from './service.js';

const port = Number(process.env.PORT ?? 8080);
if (process.env.PORT?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

const keys = createKeys(process.env);
const server = createServer(createDemoApp(new DemoService(keys)));

// Node reports a failed listen as an 'error' event and never calls the listening callback.
server.once('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT to another port, or PORT=0 for any free one)` : error.message;
  console.error(`Evo Voice demo: cannot listen on 127.0.0.1:${port}: ${reason}`);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}`;
  console.log(`Evo Voice demo (jsvkit/express) listening on ${base}`);
  console.log('');
  for (const key of keys) console.log(`  ${key.role.padEnd(19)} Authorization: Bearer ${key.key}`);
  console.log('');
  console.log(`Metadata:  ${base}/metadata   ${base}/types/metadata`);
  console.log(`Routes:    POST /customers, GET /customers/{CustomerId}, and /json/reply/{Name}, /jsv/reply/{Name}, /api/{Name}`);
  console.log('');
  console.log(`Try: curl -H 'Accept: text/jsv' -H 'Content-Type: text/jsv' -H 'Authorization: Bearer ${keys[1]!.key}' \\`);
  console.log(`       --data '{name:Acme,data:{plan:{boolValue:True,stringValue:gold,numberValue:3}}}' ${base}/customers`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
