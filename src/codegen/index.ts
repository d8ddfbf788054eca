/**
 * `jsvkit/codegen`: ServiceStack metadata → TypeScript schemas (`codegen`, what `jsvkit codegen`
 * runs), reading metadata documents (`readMetadata`), and the inverse, an `api` table → the
 * `MetadataTypes` document a jsvkit host serves at `/types/metadata` (`describeApi`).
 */
export { codegen, recordedOptions, type CodegenOptions, type CodegenCase, type CodegenWarning, type RecordedOptions } from './codegen.js';
export { describeApi, type DescribeOptions } from './describe.js';
export { readMetadata, type MetadataDocument } from './read-metadata.js';
export { fetchMetadata, metadataUrl, type FetchMetadataOptions } from './fetch-metadata.js';
export { CodegenError, isCodegenError, type CodegenErrorCode } from './codegen-error.js';
export type { MetadataTypes, MetadataType, MetadataPropertyType, MetadataOperationType, MetadataRoute, MetadataTypeName, MetadataAttribute } from './metadata.js';
