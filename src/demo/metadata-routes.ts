/**
 * The metadata endpoints of a ServiceStack host, for an app that runs `jsv()`:
 * - `GET /types/metadata`: `MetadataTypes` (JSON, or JSV when negotiated), what `jsvkit codegen`
 *   and ServiceStack's own reference tools read;
 * - `GET /metadata/app.json`: the same under `api`, with facts about the host;
 * - `GET /types/csharp`, `GET /types/typescript`, `GET /types/typescript.d`: the DTOs as ServiceStack's "Add ServiceStack
 *   Reference" writes them (`x csharp <url>` and `npx get-dtos typescript` read and update them);
 * - `GET /types`: the links to those documents, as ServiceStack's `TypeLinks` lists them;
 * - `GET /metadata`, `/json/metadata?op=Name`, `/jsv/metadata?op=Name`: the HTML pages.
 */
import { Router, type Request, type Response } from 'express';
import { MetadataTypes } from '../codegen/metadata.js';
import { nativeCSharp } from '../codegen/native-csharp.js';
import type { NativeTypesOptions } from '../codegen/native-types.js';
import { nativeTypeScript, nativeTypeScriptDefinitions } from '../codegen/native-typescript.js';
import { respond, typed } from '../http/express.js';
import { HttpError } from '../http/response-status.js';
import type { WireFormat } from '../http/negotiate.js';
import type { ApiTable } from '../typed/operation.js';
import { appMetadata, metadataTypes, type HostDescription } from './metadata.js';
import { operationPage, operationsPage, type PageContext } from './metadata-pages.js';

// The pages need no script and load nothing: a policy that allows only their inline style.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function metadataRoutes(api: ApiTable, description: HostDescription): Router {
  const router = Router();
  const types = metadataTypes(api, description);

  router.get('/types/metadata', typed({ response: MetadataTypes }), (_req, res) => respond(res, types));

  // Source goes out as ServiceStack's NativeTypesService sends it, `text/plain` with no charset
  // ([AddHeader(ContentType = MimeTypes.PlainText)]; it appends one to JSON only): set on the raw
  // response and sent as bytes, since Express's res.type() and string bodies add one. Generated per
  // request for the BaseUrl and Date lines.
  const source = (write: (document: MetadataTypes, options: NativeTypesOptions) => string) => (req: Request, res: Response) => {
    res.setHeader('Content-Type', 'text/plain');
    res.send(Buffer.from(write(types, { baseUrl: baseUrlOf(req), date: new Date() }), 'utf8'));
  };
  router.get('/types/csharp', source(nativeCSharp));
  router.get('/types/typescript', source(nativeTypeScript));
  router.get('/types/typescript.d', source(nativeTypeScriptDefinitions));
  router.get('/types', (req, res) => {
    const base = baseUrlOf(req);
    respond(res, { Metadata: `${base}/types/metadata`, CSharp: `${base}/types/csharp`, TypeScript: `${base}/types/typescript`, TypeScriptDefinition: `${base}/types/typescript.d` });
  });

  // jsv() has already taken `.json` off the path as a format suffix, so `/metadata/app.json` arrives here.
  router.get('/metadata/app', (req, res) => {
    res.type('application/json').send(JSON.stringify(appMetadata(types, description, baseUrlOf(req))));
  });

  router.get('/metadata', (req, res) => html(res, operationsPage(types, context(req, description))));

  for (const wire of ['json', 'jsv'] as const satisfies readonly WireFormat[]) {
    router.get(`/${wire}/metadata`, (req, res, next) => {
      const op = req.query.op;
      if (op === undefined) return html(res, operationsPage(types, context(req, description)));
      const body = typeof op === 'string' ? operationPage(api, types, op, wire, context(req, description)) : undefined;
      if (body === undefined) return next(new HttpError(404, 'NotFound', `This service has no operation named '${String(op)}'`));
      html(res, body);
    });
  }
  return router;
}

function html(res: Response, body: string): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.type('text/html; charset=utf-8').send(body);
}

function context(req: Request, description: HostDescription): PageContext {
  return { serviceName: description.serviceName, host: req.headers.host ?? 'localhost' };
}

function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.headers.host ?? 'localhost'}`;
}
