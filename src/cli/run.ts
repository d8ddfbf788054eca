/**
 * The `jsvkit` command line as a function: arguments and streams in, exit status out. The bin
 * (`main.ts`) only hands it the process's streams; tests call it directly.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from './commands/check.js';
import { codegenCommand } from './commands/codegen.js';
import { UsageError, type Command } from './commands/command.js';
import { fmt } from './commands/fmt.js';
import { fromJson } from './commands/from-json.js';
import { toJson } from './commands/to-json.js';
import { CliContext, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, type CliIo } from './context.js';

export type { CliIo } from './context.js';

const COMMANDS: readonly Command[] = [fmt, toJson, fromJson, check, codegenCommand];

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
}

function wrap(paragraph: string, width = 78): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const EXIT_HELP = 'Exit status: 0 success, 1 bad input (malformed, not formatted, unreadable), 2 usage error.';

export function globalHelp(): string {
  return `Usage: jsvkit <command> [options] [file]

ServiceStack's JSV text format from the shell. With no file, or "-", a command
reads standard input; results go to standard output.

Commands:
${table(COMMANDS.map((c) => [`${c.name} ${c.operands}`, c.summary]))}

Options:
${table([
  ['-h, --help', 'show this help; "jsvkit <command> --help" for a command'],
  ['-v, --version', 'print the version'],
])}

${EXIT_HELP}
`;
}

export function commandHelp(command: Command): string {
  return `Usage: jsvkit ${command.name} [options] ${command.operands}

${wrap(`${command.summary}. ${command.description}`)}

Options:
${table([...command.optionHelp, ['-h, --help', 'show this help']])}

${EXIT_HELP}
`;
}

/** The version in jsvkit's package.json, found from this module's location (source or dist). */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'jsvkit' && pkg.version) return pkg.version;
    } catch {
      // No readable package.json here: keep looking upwards.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

function usageError(io: CliIo, message: string, command?: Command): number {
  const help = command ? `jsvkit ${command.name} --help` : 'jsvkit --help';
  io.stderr.write(`jsvkit${command ? ` ${command.name}` : ''}: ${message}\nRun '${help}' for usage.\n`);
  return EXIT_USAGE;
}

/**
 * Runs `jsvkit` with `argv` (the arguments after the program name).
 *
 * @returns the exit status: 0 success, 1 bad input, 2 usage error.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(globalHelp());
    return EXIT_USAGE;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined) {
      const command = COMMANDS.find((c) => c.name === topic);
      if (command === undefined) return usageError(io, `unknown command '${topic}'`);
      io.stdout.write(commandHelp(command));
    } else {
      io.stdout.write(globalHelp());
    }
    return EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (command === undefined) {
    return usageError(io, first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`);
  }
  let values: Record<string, string | boolean | undefined>;
  let files: string[];
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values as Record<string, string | boolean | undefined>;
    files = parsed.positionals;
  } catch (error) {
    return usageError(io, (error as Error).message, command);
  }
  if (values.help === true) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  if (files.length > command.maxFiles) {
    return usageError(io, `takes at most one file, got ${files.length}`, command);
  }
  const context = new CliContext(io);
  let status: number;
  try {
    status = await command.run(context, values, files);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message, command);
    io.stderr.write(`jsvkit: unexpected error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (context.output.failure !== undefined) {
    io.stderr.write(`jsvkit: cannot write the output: ${context.output.failure.message}\n`);
    return EXIT_BAD_INPUT;
  }
  return status;
}
