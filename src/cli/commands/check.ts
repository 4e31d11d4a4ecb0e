import type { CommandModule } from 'yargs';
import { type Change, conversionReview, type Edition, explain, plural, prepare, runTransforms, sharedTransforms, visit } from '../../index.js';
import { expandInputs } from '../inputs.js';
import { type InputArgs, inputOptions, parseDictionaries, parseEncoding, parseSkip, parseVariants, usePlugins } from '../options.js';
import { formatChange, isProblem } from '../report.js';
import { formatReview } from '../review.js';

interface Args extends InputArgs {
  inputs: string[];
  explain?: boolean;
}

const STRAY = /(?<=\p{Script=Han})[,;:?!\(\)]|[,;:?!\(\)](?=\p{Script=Han})/gv;

/** Half-width punctuation still standing next to Han characters after the transforms. */
function strayPunctuation(edition: Edition): Change[] {
  const found: Change[] = [];
  visit(edition, (node) => {
    if (node.type !== 'text') return;
    for (const match of node.value.matchAll(STRAY)) {
      const at = match.index ?? 0;
      const start = node.position?.start;
      found.push({
        source: 'check',
        kind: 'stray-punctuation',
        message: `half-width "${match[0]}" next to Han characters`,
        severity: 'warning',
        before: node.value.slice(Math.max(0, at - 6), at + 7),
        position: start ? { start: { ...start, column: start.column + at, offset: start.offset + at }, end: start } : undefined,
      });
    }
  });
  return found;
}

export const checkCommand: CommandModule<object, Args> = {
  command: 'check <inputs..>',
  describe: 'report every repair and normalisation with its line, and suspicious text; exit 1 on problems',
  builder: (y) =>
    y.positional('inputs', { type: 'string', array: true, demandOption: true }).options({
      ...inputOptions,
      variant: { type: 'string', describe: 'also report what converting to this variant changes, and list every character whose form the context chose, grouped for review', group: 'Transforms:' },
      vocabulary: { type: 'boolean', describe: 'with --variant: regional vocabulary too, and list every word it changed', group: 'Transforms:' },
      explain: { type: 'boolean', describe: 'print what every line became and the rule that decided it (text inputs)' },
    }),
  handler: async (args) => {
    usePlugins(args.plugin);
    const inputs = (await expandInputs(args.inputs, (line) => process.stderr.write(`${line}\n`))).map((input) => input.path);
    const skip = parseSkip(args.skip);
    const variants = parseVariants(args.variant);
    const dictionaries = parseDictionaries(args.dictionary);
    let problems = 0;
    let changes = 0;
    for (const input of inputs) {
      const prepared = await prepare(input, { from: args.from, encoding: parseEncoding(args.encoding), lenient: args.lenient, skip });
      const report = [...prepared.report, ...strayPunctuation(prepared.edition)];
      const reviews: string[] = [];
      for (const variant of variants) {
        report.push(...runTransforms(prepared.edition, { variant, vocabulary: args.vocabulary, dictionaries, skip: sharedTransforms() }).report);
        // For the editor: the characters whose form the context chose, and with --vocabulary the regional words.
        if (!skip.includes('convert')) reviews.push(...formatReview(input, conversionReview(prepared.edition, variant, { vocabulary: args.vocabulary, dictionaries })));
      }
      if (args.explain) process.stdout.write(`${input}\n${explain(prepared.edition, prepared.report).join('\n')}\n`);
      for (const change of report) process.stdout.write(`${formatChange(input, change)}\n`);
      for (const line of reviews) process.stdout.write(`${line}\n`);
      changes += report.length;
      problems += report.filter(isProblem).length;
    }
    process.stdout.write(`${plural(inputs.length, 'input')}: ${plural(changes, 'change or notice', 'changes and notices')}, ${plural(problems, 'problem')}\n`);
    if (problems > 0) process.exitCode = 1;
  },
};
