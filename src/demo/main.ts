/**
 * `npm start`: the Evo Voice demo on http://127.0.0.1:8080 (`PORT` overrides), printing the base
 * URL and a ready `Authorization` header per role.
 */
import { createDemoApp } from './app.js';
import { createKeys, DemoService } from './service.js';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

const keys = createKeys(process.env);
const app = createDemoApp(new DemoService(keys));
const server = app.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`Evo Voice demo (jsvkit/express) listening on http://127.0.0.1:${actual}`);
  console.log('');
  for (const key of keys) console.log(`  ${key.role.padEnd(19)} Authorization: Bearer ${key.key}`);
  console.log('');
  console.log(`Try: curl -H 'Accept: text/jsv' -H 'Content-Type: text/jsv' -H 'Authorization: Bearer ${keys[1]!.key}' \\`);
  console.log(`       --data '{name:Acme,data:{plan:{boolValue:True,stringValue:gold,numberValue:3}}}' http://127.0.0.1:${actual}/customers`);
});
server.on('error', (error) => {
  console.error(`Cannot listen on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
