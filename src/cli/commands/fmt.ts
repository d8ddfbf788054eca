/**
 * `jsvkit fmt [file] [--check]`: pretty-prints JSV in `format()`'s layout, followed by one final
 * newline (a file's last line ends with one). An empty document formats to nothing. `--check`
 * compares the input with exactly those bytes.
 */
import { locate } from '../../errors/source-position.js';
import { describeChar } from '../../syntax/scanner.js';
import { EXIT_BAD_INPUT, EXIT_OK } from '../context.js';
import { formattingJsv } from '../../syntax/conversion.js';
import { displayName } from '../io.js';
import { parseOptions, READ_OPTION_HELP, READ_OPTIONS, type Command } from './command.js';

export const fmt: Command = {
  name: 'fmt',
  summary: "Pretty-print JSV (ServiceStack's JsvFormatter layout)",
  operands: '[file]',
  maxFiles: 1,
  description:
    "Writes the document in the layout of ServiceStack's JsvFormatter (one entry or item per line, TAB indentation, 'key: value'), as jsvkit's format() does, plus a final newline. Quoted strings are never broken. With --check nothing is written: the exit status is 0 when the file is already formatted and 1 (with the first difference) when it is not.",
  options: { ...READ_OPTIONS, check: { type: 'boolean' } },
  optionHelp: [['--check', 'exit 1 when the input is not already formatted; write nothing'], ...READ_OPTION_HELP],
  async run(context, values, files) {
    const options = parseOptions(values);
    const file = files[0] ?? '-';
    const input = await context.readInput(file);
    if (input === undefined) return EXIT_BAD_INPUT;
    const text = input.text;
    const checking = values.check === true;
    // --check: where the formatted text first departs from the input (-1: not yet).
    let compared = 0;
    let difference = -1;
    const compare = (out: string): void => {
      if (difference >= 0 || out.length === 0) return;
      if (text.startsWith(out, compared)) {
        compared += out.length;
        return;
      }
      let i = 0;
      while (i < out.length && out.charCodeAt(i) === text.charCodeAt(compared + i)) i++;
      difference = compared + i;
    };
    let wrote = false;
    const flush = (out: string): void | Promise<void> => {
      if (out.length > 0) wrote = true;
      return checking ? compare(out) : context.output.write(out);
    };
    if (!(await context.convert(input, 'formatting', () => formattingJsv(text, options), flush))) return EXIT_BAD_INPUT;
    // The final newline, written only after a non-empty document.
    if (!checking) {
      if (wrote) await context.output.write('\n');
      return EXIT_OK;
    }
    if (wrote) compare('\n');
    if (difference < 0 && compared < text.length) difference = compared;
    if (difference < 0) return EXIT_OK;
    const { line, column } = locate(text, difference);
    const found = difference >= text.length ? 'the end of the input' : describeChar(text, difference);
    context.error(`${displayName(file)}:${line}:${column}: not formatted: the layout first differs at ${found}; 'jsvkit fmt' writes the expected layout`);
    return EXIT_BAD_INPUT;
  },
};
