/** jsvkit: ServiceStack's JSV text format for TypeScript. */
export { parseUntyped as parse } from './syntax/parse.js';
export { stringifyUntyped as stringify, type StringifyOptions } from './syntax/stringify.js';
export { format, type FormatOptions } from './syntax/format.js';
export type { ParseOptions, WhitespaceMode, Engine } from './syntax/options.js';
export type { JsvValue, JsvMap } from './syntax/value.js';
export { JsvError, isJsvError, type JsvErrorCode } from './errors/jsv-error.js';
export { codeFrame, type CodeFrameOptions } from './errors/code-frame.js';
