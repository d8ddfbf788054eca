/** `jsvkit from-json [file]`: JSON -> compact JSV, streamed, numbers as .NET writes them. */
import { EXIT_BAD_INPUT, EXIT_OK } from '../context.js';
import { jsonToJsvConversion } from '../../syntax/conversion.js';
import { maxDepthOption, type Command } from './command.js';

export const fromJson: Command = {
  name: 'from-json',
  summary: 'Convert JSON to compact JSV',
  operands: '[file]',
  maxFiles: 1,
  description:
    'Writes the JSON document as compact JSV, exactly as ServiceStack writes the matching .NET values: True/False, strings quoted only when they must be, null entries left out of maps and written as empty slots in lists. Integers keep their digits; numbers with a fraction or exponent are written as .NET writes a double (1e21 -> 1E+21). No newline is added: ServiceStack accepts nothing after a closing }.',
  options: { 'max-depth': { type: 'string' } },
  optionHelp: [['--max-depth <n>', 'deepest nesting accepted (default 256)']],
  async run(context, values, files) {
    const maxDepth = maxDepthOption(values);
    const input = await context.readInput(files[0] ?? '-');
    if (input === undefined) return EXIT_BAD_INPUT;
    const converted = await context.convert(input, 'converting', () => jsonToJsvConversion(input.text, maxDepth === undefined ? {} : { maxDepth }), (out) => context.output.write(out));
    return converted ? EXIT_OK : EXIT_BAD_INPUT;
  },
};
