import type { CommandModule } from 'yargs';
import { prepare, runTransforms, sharedTransforms, toJSON } from '../../index.js';
import { extensionList, type InputArgs, inputOptions, parseDictionaries, parseEncoding, parseSkip, parseVariants, usePlugins } from '../options.js';

interface Args extends InputArgs {
  input: string;
  raw?: boolean;
}

export const parseCommand: CommandModule<object, Args> = {
  command: 'parse <input>',
  describe: 'print the model of one input as JSON (after the transforms, unless --raw)',
  builder: (y) =>
    y
      .positional('input', { type: 'string', demandOption: true, describe: `a file: ${extensionList()}` })
      .options({
        ...inputOptions,
        raw: { type: 'boolean', describe: 'the reader\u2019s model, before any transform', group: 'Transforms:' },
        variant: { type: 'string', describe: 'convert to this variant (zh-Hant, zh-Hant-TW, zh-Hant-HK, zh-Hans)', group: 'Transforms:' },
        vocabulary: { type: 'boolean', describe: 'with --variant: regional vocabulary too', group: 'Transforms:' },
      }),
  handler: async (args) => {
    usePlugins(args.plugin);
    const skip = args.raw ? sharedTransforms() : parseSkip(args.skip);
    const [variant] = parseVariants(args.variant);
    const prepared = await prepare(args.input, { from: args.from, encoding: parseEncoding(args.encoding), lenient: args.lenient, skip });
    const edition = variant ? runTransforms(prepared.edition, { variant, vocabulary: args.vocabulary, dictionaries: parseDictionaries(args.dictionary), skip: sharedTransforms() }).edition : prepared.edition;
    process.stdout.write(toJSON(edition));
  },
};
