/** `jsvkit from-json [file]`: JSON -> compact JSV, streamed, numbers as .NET writes them. */
import { EXIT_BAD_INPUT, EXIT_OK } from '../context.js';
import { JsonToJsv } from '../../syntax/json-to-jsv.js';
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
    const file = files[0] ?? '-';
    const progress = context.progress(file);
    const text = await context.read(file, progress);
    if (text === undefined) return EXIT_BAD_INPUT;
    try {
      const converter = new JsonToJsv(text, maxDepth === undefined ? {} : { maxDepth });
      await context.drive(
        { steps: converter.convert(), sink: converter, position: () => converter.pos, total: text.length, progress, phase: 'converting' },
        (out) => context.output.write(out),
      );
      progress.clear();
      return EXIT_OK;
    } catch (error) {
      progress.clear();
      return context.reportBadInput(error, text, file);
    }
  },
};
