/** jsvkit: ServiceStack's JSV text format for TypeScript. */
export { parse, stringify } from './typed/entry.js';
export type { StringifyOptions } from './syntax/stringify.js';
export { format, type FormatOptions } from './syntax/format.js';
export type { ParseOptions, WhitespaceMode, Engine, ParseEngine } from './syntax/options.js';
export type { JsvValue, JsvMap } from './syntax/value.js';
export { JsvError, isJsvError, type JsvErrorCode } from './errors/jsv-error.js';
export { codeFrame, type CodeFrameOptions } from './errors/code-frame.js';
export * as t from './typed/t.js';
// Option and helper types of the t.* builders, at the top level: a type inside the `t` namespace
// object makes declaration bundlers emit it as a value, which node10 TypeScript rejects.
export type { DictOptions, KeySchema } from './typed/composites/dict.js';
export type { EnumLike, EnumMemberName, EnumOptions } from './typed/composites/enum.js';
export type { ObjectOptions, Shape } from './typed/composites/object.js';
export { JsvDateTime, type DateTimeKind } from './typed/scalars/date-time.js';
export { JsvTimeSpan } from './typed/scalars/time-span.js';
export { JsvDateTimeOffset } from './typed/scalars/date-time-offset.js';
export { safeParse, type SafeParseResult } from './typed/typed-api.js';
export { parseJsonTyped as parseJson, stringifyJsonTyped as stringifyJson } from './typed/json.js';
export type { Input } from './typed/input.js';
export type { Infer, InferInput, Schema, AnySchema, SchemaKind, ScalarKind } from './typed/protocol.js';
export type { JsvIssue } from './typed/issues.js';
export type { TypedParseOptions } from './typed/decoding.js';
export type { TypedStringifyOptions } from './typed/encoding.js';
export type { TextCase } from './typed/text-case.js';
export { operation, type Operation, type OperationDefinition, type OperationRoute, type HttpVerb, type ApiTable, type OperationRequest, type OperationResponse } from './typed/operation.js';
