/**
 * One request/response exchange, the core every adapter is a thin shell over: the negotiated
 * format, the body as read (`read-body.ts` or `read-web-body.ts`), its decoding (once: untyped,
 * or typed with path, query and form binding), and the rendering of values and errors. Adapters
 * only move bytes and headers between their framework and this.
 */
import { resolveBodyRules, type BodyOptions, type BodyRules } from './body-type.js';
import { decodeTyped, decodeUntyped, type AnySchema, type Binding } from './codec.js';
import type { NegotiationResult } from './negotiate.js';
import type { BodyRead } from './read-body.js';
import { renderError, renderValue, type RenderedBody, type RenderedError, type WriteOptions } from './render.js';
import type { ErrorResponseOptions } from './response-status.js';

/** Options every adapter takes. */
export interface ExchangeOptions extends BodyOptions, ErrorResponseOptions {}

/** Adapter options, checked once when the adapter is made. */
export interface ExchangeSettings {
  rules: BodyRules;
  debug: boolean;
}

export function resolveSettings(options: ExchangeOptions | undefined): ExchangeSettings {
  return { rules: resolveBodyRules(options), debug: options?.debug === true };
}

/** How a response is written: status, schema and the typed writer's options. */
export interface ResponseInit extends WriteOptions {
  /** Default 200. */
  status?: number;
  /** Write the value with this DTO schema, as JSV and as JSON alike. */
  schema?: AnySchema;
}

const NO_BODY: BodyRead = { kind: 'none' };

type Decoded = { ok: true; value: unknown } | { ok: false; error: unknown };

export class Exchange {
  /** The body as read; `{ kind: 'none' }` until the adapter sets it. */
  body: BodyRead = NO_BODY;
  private untyped: Decoded | undefined;
  private typed: { schema: AnySchema; binding: string; result: Decoded } | undefined;

  constructor(
    readonly negotiation: NegotiationResult,
    readonly settings: ExchangeSettings,
  ) {}

  /**
   * The body decoded without a schema (decoded on first use, then remembered).
   * @throws HttpError 415 / 400 or JsvError, as `decodeUntyped`.
   */
  untypedBody(): unknown {
    this.untyped ??= attempt(() => decodeUntyped(this.body, this.settings.rules));
    return settle(this.untyped);
  }

  /**
   * The body decoded with `schema`, path, query and form values bound in (decoded on first use;
   * asking again with the same schema and binding gives the same value).
   * @throws HttpError 415 / 400, as `decodeTyped`.
   */
  typedBody(schema: AnySchema, binding?: Binding): unknown {
    const key = bindingKey(binding);
    if (this.typed === undefined || this.typed.schema !== schema || this.typed.binding !== key) {
      this.typed = { schema, binding: key, result: attempt(() => decodeTyped(schema, this.body, binding)) };
    }
    return settle(this.typed.result);
  }

  /**
   * `value` written in the negotiated format.
   * @throws HttpError 500 when it breaks the schema or has no JSV text.
   */
  render(value: unknown, init?: ResponseInit): RenderedBody {
    return renderValue(value, this.negotiation, init?.schema, init);
  }

  /** Any thrown value as ServiceStack's error body in the negotiated format. */
  renderError(error: unknown): RenderedError {
    return renderError(error, this.negotiation, { debug: this.settings.debug });
  }
}

function attempt(decode: () => unknown): Decoded {
  try {
    return { ok: true, value: decode() };
  } catch (error) {
    return { ok: false, error };
  }
}

function settle(decoded: Decoded): unknown {
  if (decoded.ok) return decoded.value;
  throw decoded.error;
}

function bindingKey(binding: Binding | undefined): string {
  if (binding === undefined) return '';
  return `${JSON.stringify(binding.params ?? {})}?${binding.query ?? ''}`;
}

/** The query string of a path-and-query or absolute URL, without its `?`. */
export function queryOf(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return '';
  const hash = url.indexOf('#', mark);
  return hash < 0 ? url.slice(mark + 1) : url.slice(mark + 1, hash);
}
