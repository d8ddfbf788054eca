/** `jsvkit/client`: call a ServiceStack API with typed operations, in JSV or JSON. */
export { createClient, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from './client.js';
export type { ApiResult, BearerToken, CallOptions, HeadersInit, Client, ClientOptions, RequestInfo, RequestOf, ResponsesOf, TokenContext } from './client.js';
export { ServiceError, isServiceError, readResponseStatus, type ClientErrorCode, type FieldError, type ResponseStatus, type ServiceErrorInit } from './service-error.js';
export { escapeDataString, hasRequestBody } from './route.js';
export { MEDIA_TYPES, type WireFormat } from './wire.js';
export { operation, type Operation, type OperationDefinition, type OperationRoute, type HttpVerb, type ApiTable, type OperationRequest, type OperationResponse } from '../typed/operation.js';
export { JsvError, isJsvError } from '../errors/jsv-error.js';
export type { Input } from '../typed/input.js';
