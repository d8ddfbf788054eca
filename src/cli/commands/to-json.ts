/** `jsvkit to-json [file] [--infer]`: JSV -> JSON, streamed, keys in document order. */
import { EXIT_BAD_INPUT, EXIT_OK } from '../context.js';
import { jsvToJsonConversion } from '../../syntax/conversion.js';
import { parseOptions, READ_OPTION_HELP, READ_OPTIONS, type Command } from './command.js';

export const toJson: Command = {
  name: 'to-json',
  summary: 'Convert JSV to JSON',
  operands: '[file]',
  maxFiles: 1,
  description:
    'Writes the document as compact JSON, one line, keys in document order. JSV carries no types, so every scalar is a JSON string and an empty value is null. With --infer, bare True/False (any case) become booleans and bare numbers that are valid JSON numbers (-12, 1.5, 1E+17) become numbers, digits kept as written; quoted values always stay strings.',
  options: { ...READ_OPTIONS, infer: { type: 'boolean' } },
  optionHelp: [['--infer', 'turn true/false and numeric text into JSON booleans and numbers'], ...READ_OPTION_HELP],
  async run(context, values, files) {
    const options = parseOptions(values);
    const input = await context.readInput(files[0] ?? '-');
    if (input === undefined) return EXIT_BAD_INPUT;
    const infer = values.infer === true;
    if (!(await context.convert(input, 'converting', () => jsvToJsonConversion(input.text, { ...options, infer }), (out) => context.output.write(out)))) return EXIT_BAD_INPUT;
    await context.output.write('\n');
    return EXIT_OK;
  },
};
