/**
 * `jsvkit codegen <url | file | ->`: a ServiceStack host's metadata → one TypeScript module of
 * jsvkit schemas and an `api` table. `--check FILE` and `--update FILE` run it again with the
 * options recorded in FILE's header.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { codegen, recordedOptions, type CodegenCase, type CodegenOptions, type CodegenWarning } from '../../codegen/codegen.js';
import { isCodegenError } from '../../codegen/codegen-error.js';
import { fetchMetadata } from '../../codegen/fetch-metadata.js';
import { isJsvError } from '../../errors/jsv-error.js';
import { EXIT_BAD_INPUT, EXIT_OK, type CliContext } from '../context.js';
import { displayName } from '../io.js';
import { lineDiff } from '../line-diff.js';
import { UsageError, type Command, type OptionValues } from './command.js';

const CASES = ['camel', 'pascal', 'snake', 'auto'];

export const codegenCommand: Command = {
  name: 'codegen',
  summary: 'Generate typed schemas from a ServiceStack host',
  operands: '<url | file | ->',
  maxFiles: 1,
  description:
    "Reads a host's metadata (a URL fetches its /types/metadata; a file or standard input may be /types/metadata or /metadata/app.json, as JSON or JSV) and writes one TypeScript module: a jsvkit schema and type for each DTO and enum, and an api table of the operations with their routes, verbs and roles. The options used are recorded in the module's header: --update FILE regenerates FILE with them, --check FILE exits 1 with a diff when FILE is stale.",
  options: {
    out: { type: 'string', short: 'o' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    case: { type: 'string' },
    dates: { type: 'string' },
    'import-from': { type: 'string' },
    check: { type: 'string' },
    update: { type: 'string' },
    header: { type: 'string', multiple: true },
    strict: { type: 'boolean' },
  },
  optionHelp: [
    ['-o, --out <file>', 'write the module to <file> (replaced whole, never half-written); default standard output'],
    ['--include <names>', 'generate only these types and requests (and what they use); comma list, * wildcards, Name.* accepted'],
    ['--exclude <names>', 'leave these out (same patterns); a kept type that uses one is an error'],
    ['--case <case>', 'property names: camel, pascal, snake, or auto (default: the host\'s text case, else the document\'s)'],
    ['--dates <as>', 'DateTime as jsv (lossless JsvDateTime, default) or Date'],
    ['--import-from <spec>', "the package the module imports from (default 'jsvkit'; the builders from <spec>/t)"],
    ['--check <file>', 'exit 1 with a diff when <file> differs from what would be generated'],
    ['--update <file>', "regenerate <file> with the options in its header (flags given override them)"],
    ['--strict', 'fail on a member that cannot be typed exactly (default: t.any() or text keys, a warning on standard error and in its JSDoc)'],
    ['--header <h: v>', 'an HTTP request header for a URL, e.g. "Authorization: Bearer …" (repeatable; never recorded)'],
  ],
  async run(context, values, files) {
    const check = stringOption(values, 'check');
    const update = stringOption(values, 'update');
    if (check !== undefined && update !== undefined) throw new UsageError('--check and --update cannot be used together');
    const target = check ?? update;
    let recorded: CodegenOptions = {};
    let baseDir = process.cwd();
    if (target !== undefined) {
      let existing: string;
      try {
        existing = await readFile(target, 'utf8');
      } catch (error) {
        context.error(`jsvkit codegen: cannot read ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
        return EXIT_BAD_INPUT;
      }
      const found = recordedOptions(existing);
      if (found === undefined && files.length === 0) {
        context.error(`jsvkit codegen: ${target} has no jsvkit-codegen-options header line; give the metadata source too`);
        return EXIT_BAD_INPUT;
      }
      if (found !== undefined) {
        recorded = { case: found.case, dates: found.dates, include: found.include, exclude: found.exclude, importFrom: found.importFrom, source: found.source };
        baseDir = dirname(resolve(target));
      }
    }
    const options = mergeOptions(recorded, values);
    const out = update ?? stringOption(values, 'out');
    // A file source is resolved against the generated file's folder when it came from its header,
    // and recorded relative to the output's folder, so the pair can move together.
    const given = files[0] ?? (recorded.source ? (isUrl(recorded.source) || recorded.source === '-' || isAbsolute(recorded.source) ? recorded.source : join(baseDir, recorded.source)) : '-');
    const source = isUrl(given) || given === '-' || out === undefined && check === undefined ? given : relative(dirname(resolve(out ?? check!)), resolve(given)).split('\\').join('/');
    let text: string;
    let shownSource = given;
    try {
      if (isUrl(given)) {
        const fetched = await fetchMetadata(given, { headers: headerOption(values) });
        text = fetched.text;
        shownSource = fetched.url;
      } else {
        const progress = context.progress(given);
        const read = await context.read(given, progress);
        progress.clear();
        if (read === undefined) return EXIT_BAD_INPUT;
        text = read;
      }
      const warn = (warning: CodegenWarning): void => context.error(`jsvkit codegen: warning: ${warning.reason} at ${warning.path}`);
      const generated = codegen(text, { ...options, source: isUrl(given) ? given : source, strict: values.strict === true, onWarning: warn });
      if (check !== undefined) return await reportCheck(context, check, generated);
      if (out === undefined) {
        await context.writeAll(generated);
        return EXIT_OK;
      }
      try {
        await writeAtomically(out, generated);
      } catch (error) {
        context.error(`jsvkit codegen: cannot write ${out}: ${(error as Error).message}`);
        return EXIT_BAD_INPUT;
      }
      return EXIT_OK;
    } catch (error) {
      if (isCodegenError(error)) {
        const cause = error.cause;
        if (isJsvError(cause) && !isUrl(given)) return context.reportBadInput(cause, text!, given);
        context.error(`jsvkit codegen: ${displayName(shownSource)}: ${error.message} [${error.code}]`);
        return EXIT_BAD_INPUT;
      }
      throw error;
    }
  },
};

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function listOption(values: OptionValues, name: string): string[] | undefined {
  const value = values[name] as unknown;
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? (value as string[]) : [String(value)]).flatMap((item) => item.split(','));
  return items.map((item) => item.trim()).filter(Boolean);
}

function mergeOptions(recorded: CodegenOptions, values: OptionValues): CodegenOptions {
  const textCase = stringOption(values, 'case');
  if (textCase !== undefined && !CASES.includes(textCase)) throw new UsageError(`--case must be camel, pascal, snake or auto, got '${textCase}'`);
  const dates = stringOption(values, 'dates');
  if (dates !== undefined && dates !== 'jsv' && dates !== 'Date') throw new UsageError(`--dates must be jsv or Date, got '${dates}'`);
  const importFrom = stringOption(values, 'import-from');
  if (importFrom !== undefined && !/^[\w@./-]+$/.test(importFrom)) throw new UsageError(`--import-from must be a module specifier, got '${importFrom}'`);
  const options: CodegenOptions = { ...recorded };
  if (textCase !== undefined) options.case = textCase as CodegenCase;
  if (dates !== undefined) options.dates = dates;
  if (importFrom !== undefined) options.importFrom = importFrom;
  const include = listOption(values, 'include');
  if (include !== undefined) options.include = include;
  const exclude = listOption(values, 'exclude');
  if (exclude !== undefined) options.exclude = exclude;
  return options;
}

function headerOption(values: OptionValues): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of (values.header as unknown as string[] | undefined) ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header must be 'Name: value', got '${header}'`);
    const name = header.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header has an invalid name '${name}'`);
    headers[name] = header.slice(colon + 1).trim();
  }
  return headers;
}

async function reportCheck(context: CliContext, file: string, generated: string): Promise<number> {
  let existing: string;
  try {
    existing = await readFile(file, 'utf8');
  } catch {
    context.error(`jsvkit codegen: cannot read ${file}`);
    return EXIT_BAD_INPUT;
  }
  if (existing === generated) return EXIT_OK;
  await context.writeAll(lineDiff(existing, generated, { from: file, to: 'generated' }));
  context.error(`jsvkit codegen: ${file} is stale: run 'jsvkit codegen --update ${file}'`);
  return EXIT_BAD_INPUT;
}

/** Writes `text` to a temporary file beside `path`, then renames it over `path`: readers never see half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${path.split(/[\\/]/).pop()}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}
