/** The shape every subcommand has: its options for `parseArgs`, its help, and its run. */
import type { ParseArgsConfig } from 'node:util';
import type { ParseOptions } from '../../syntax/options.js';
import type { CliContext } from '../context.js';

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  /** One line for the global help. */
  summary: string;
  /** The operands, e.g. `[file]`. */
  operands: string;
  /** Most files the command takes (1 or Infinity). */
  maxFiles: number;
  /** Paragraphs shown by `jsvkit <command> --help`. */
  description: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** `[flags, text]` rows for the help's option table. */
  optionHelp: [string, string][];
  run(context: CliContext, values: OptionValues, files: string[]): Promise<number>;
}

/** Options every JSV-reading command takes. */
export const READ_OPTIONS = {
  strict: { type: 'boolean' },
  'max-depth': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const READ_OPTION_HELP: [string, string][] = [
  ['--strict', 'blanks are data, as ServiceStack reads them (default: layout ignored)'],
  ['--max-depth <n>', 'deepest nesting accepted (default 256)'],
];

/** Thrown for a bad option value; the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The `maxDepth` a `--max-depth` value asks for, if any. */
export function maxDepthOption(values: OptionValues): number | undefined {
  const raw = values['max-depth'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[0-9]{1,9}$/.test(raw)) throw new UsageError(`--max-depth must be a whole number, got '${String(raw)}'`);
  return Number(raw);
}

/** `parse` options from the shared reading flags. */
export function parseOptions(values: OptionValues): ParseOptions {
  const options: ParseOptions = { whitespace: values.strict === true ? 'strict' : 'tolerant' };
  const maxDepth = maxDepthOption(values);
  if (maxDepth !== undefined) options.maxDepth = maxDepth;
  return options;
}
