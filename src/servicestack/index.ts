/**
 * `jsvkit/servicestack`: ready schemas for the DTOs every ServiceStack host uses but its
 * `/types/metadata` document leaves out, so generated and hand-written schemas can refer to them.
 */
export { ResponseError, ResponseStatus, ErrorResponse, EmptyResponse, IdResponse, StringResponse, StringsResponse, IntResponse, BoolResponse } from './responses.js';
export { QueryBase, QueryDb, QueryData, QueryResponse, type QueryResponseSchema } from './query.js';
export { DayOfWeek, DateTimeKind, KeyValuePair } from './system.js';
