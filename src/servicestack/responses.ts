/**
 * ServiceStack's error and response DTOs (`ServiceStack.Interfaces`: `ResponseStatus.cs`,
 * `ResponseError.cs`, `ErrorResponse.cs`, `EmptyResponse.cs`), members in their `[DataMember(Order)]`
 * order. Members are declared in camelCase, as ServiceStack's TypeScript client declares them; the
 * reader matches any case, and the `textCase: 'PascalCase'` option writes them as a .NET host does.
 */
import * as t from '../typed/t.js';
import type { Infer } from '../typed/schema.js';

/** `Dictionary<string, string>`: the free-form `Meta` every one of these carries. */
const meta = () => t.dict(t.string());

/** One field's error: `ErrorCode`, `FieldName`, `Message`, `Meta`. */
export const ResponseError = t.object(
  {
    errorCode: t.string(),
    fieldName: t.string(),
    message: t.string(),
    meta: meta(),
  },
  { name: 'ResponseError' },
);
export type ResponseError = Infer<typeof ResponseError>;

/** What went wrong with a request: `ErrorCode`, `Message`, `StackTrace`, field `Errors`, `Meta`. */
export const ResponseStatus = t.object(
  {
    errorCode: t.string(),
    message: t.string(),
    stackTrace: t.string(),
    errors: t.array(ResponseError),
    meta: meta(),
  },
  { name: 'ResponseStatus' },
);
export type ResponseStatus = Infer<typeof ResponseStatus>;

/** The body ServiceStack sends for an error when the response DTO has no `ResponseStatus` of its own. */
export const ErrorResponse = t.object({ responseStatus: ResponseStatus }, { name: 'ErrorResponse' });
export type ErrorResponse = Infer<typeof ErrorResponse>;

/** The response of an operation that returns nothing but its status. */
export const EmptyResponse = t.object({ responseStatus: ResponseStatus }, { name: 'EmptyResponse' });
export type EmptyResponse = Infer<typeof EmptyResponse>;

/** The response of AutoQuery's create, update and delete operations: the row's `Id` as text. */
export const IdResponse = t.object({ id: t.string(), responseStatus: ResponseStatus }, { name: 'IdResponse' });
export type IdResponse = Infer<typeof IdResponse>;

/** `StringResponse`: one string `Result`. */
export const StringResponse = t.object({ result: t.string(), meta: meta(), responseStatus: ResponseStatus }, { name: 'StringResponse' });
export type StringResponse = Infer<typeof StringResponse>;

/** `StringsResponse`: a list of strings, `Results`. */
export const StringsResponse = t.object({ results: t.array(t.string()), meta: meta(), responseStatus: ResponseStatus }, { name: 'StringsResponse' });
export type StringsResponse = Infer<typeof StringsResponse>;

/** `IntResponse`: an `int` `Result` (0 when left out, as a C# `int`). */
export const IntResponse = t.object({ result: t.int().default(0), meta: meta(), responseStatus: ResponseStatus }, { name: 'IntResponse' });
export type IntResponse = Infer<typeof IntResponse>;

/** `BoolResponse`: a `bool` `Result` (false when left out, as a C# `bool`). */
export const BoolResponse = t.object({ result: t.boolean().default(false), meta: meta(), responseStatus: ResponseStatus }, { name: 'BoolResponse' });
export type BoolResponse = Infer<typeof BoolResponse>;
