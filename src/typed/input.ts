/**
 * `Input<S>`: the values `stringify(value, S)` and `stringifyJson(value, S)` accept, where
 * `Infer<S>` is what `parse` returns. It is `InferInput<S>` (schema.ts) under the name the typed
 * JSON API and the client use: `.default(value)` members may be left out, members that are not
 * `.required()` and dictionary values may be `null`.
 */
import type { InferInput } from './protocol.js';

export type Input<S> = InferInput<S>;
