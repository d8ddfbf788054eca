/** `jsvkit check [file...]`: validates JSV syntax, reporting every bad file. */
import { EXIT_BAD_INPUT, EXIT_OK } from '../context.js';
import { checkingJsv } from '../../syntax/conversion.js';
import { parseOptions, READ_OPTION_HELP, READ_OPTIONS, type Command } from './command.js';

export const check: Command = {
  name: 'check',
  summary: 'Validate JSV syntax',
  operands: '[file...]',
  maxFiles: Infinity,
  description:
    'Reads each file (standard input when there is none, or for "-") and reports the first syntax error in each as file:line:column, with the line and a caret. Prints nothing for valid files. Exits 1 when any file is invalid or unreadable.',
  options: READ_OPTIONS,
  optionHelp: READ_OPTION_HELP,
  async run(context, values, files) {
    const options = parseOptions(values);
    let status = EXIT_OK;
    for (const file of files.length === 0 ? ['-'] : files) {
      const input = await context.readInput(file);
      if (input === undefined || !(await context.convert(input, 'checking', () => checkingJsv(input.text, options), () => {}))) status = EXIT_BAD_INPUT;
    }
    return status;
  },
};
