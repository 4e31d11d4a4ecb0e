import type { Argv, CommandModule } from 'yargs';
import type { BatchOptions } from '../../index.js';
import { parseShard, plural, runBatch } from '../../index.js';
import { loadConfig } from '../config.js';
import { expandInputs } from '../inputs.js';
import { extensionList, formatList, inputOptions, parseDictionaries, parseEncoding, parseFormats, parseSkip, parseVariants, usePlugins } from '../options.js';
import { dirname } from 'node:path';
import { writerEntry } from '../../index.js';
import { batchEvents, size } from '../progress.js';
import { reportLocalFonts } from '../report.js';

export interface Args {
  inputs?: string[];
  format?: string;
  variant?: string;
  template?: string;
  out?: string;
  name?: string;
  vocabulary?: boolean;
  dictionary?: string[];
  jobs?: number;
  force?: boolean;
  shard?: string;
  config?: string;
  quiet?: boolean;
  json?: boolean;
  from?: string;
  encoding?: string;
  lenient?: boolean;
  skip?: string;
  embedFonts?: boolean;
  plugin?: string[];
}

const DEFAULTS = { inputs: ['seeds'], format: 'all', variant: 'zh-Hans', template: 'briefing', out: 'out' };

/** The options of `build` (also those of `watch`). */
export function buildOptions(y: Argv): Argv<Args> {
  return y
    .positional('inputs', { type: 'string', array: true, describe: `files, folders (searched recursively for ${extensionList()}) or globs [default: seeds]` })
    .options({
      format: { type: 'string', describe: `${formatList()} (comma-separated), a plugin's, or all [default: all]`, group: 'Output:' },
      variant: { type: 'string', describe: 'zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK (comma-separated) or all [default: zh-Hans]', group: 'Output:' },
      template: { type: 'string', describe: 'a built-in template name or a template file [default: briefing]', group: 'Output:' },
      out: { type: 'string', describe: 'output folder [default: out]', group: 'Output:' },
      name: { type: 'string', describe: 'output name pattern, fields {dir} {name} {variant} {ext} [default: {dir}{name}.{variant}.{ext}]', group: 'Output:' },
      'embed-fonts': { type: 'boolean', describe: "the Word edition embeds the PDF's fonts (subset) and names them, so it looks the same everywhere", group: 'Output:' },
      vocabulary: { type: 'boolean', describe: 'regional vocabulary in Traditional variants, not only characters', group: 'Transforms:' },
      jobs: { type: 'number', describe: 'worker threads [default: the cores other programs leave free]', group: 'Batch:' },
      force: { type: 'boolean', describe: 'rebuild outputs that are up to date', group: 'Batch:' },
      shard: { type: 'string', describe: 'build only share K of N of the inputs (K/N), for splitting a batch across machines', group: 'Batch:' },
      config: { type: 'string', describe: 'configuration file [default: zhpress.config.yaml or .json here, if present]', group: 'Batch:' },
      quiet: { type: 'boolean', describe: 'print nothing but errors', group: 'Batch:' },
      json: { type: 'boolean', describe: 'print a machine-readable summary on stdout', group: 'Batch:' },
      ...inputOptions,
    }) as unknown as Argv<Args>;
}

export interface BuildSetup {
  args: Args & typeof DEFAULTS;
  options: BatchOptions;
  quiet: boolean;
  /** The user's template file, when the template is one (not a built-in name). */
  /** The template file, when a file and not a built-in name was given. */
  templateFile?: string;
  /** How notices name the template: its file, or "template briefing". */
  templateLabel: string;
}

/** The batch the command line asks for: config file, defaults and options merged, inputs found. */
export async function buildSetup(cli: Args): Promise<BuildSetup> {
  const { config, file: configFile } = loadConfig(cli.config);
  // Plugins before anything that names formats, readers or transforms.
  const plugins = usePlugins(cli.plugin, configFile ? { plugins: config.plugins, dir: dirname(configFile) } : undefined);
  delete config.plugins;
  const given = Object.fromEntries(Object.entries(cli).filter(([key, value]) => value !== undefined && !(key === 'inputs' && Array.isArray(value) && value.length === 0)));
  const args = { ...DEFAULTS, ...config, ...given } as Args & typeof DEFAULTS;
  const formats = parseFormats(args.format);
  const variants = parseVariants(args.variant);
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) {
    const { ZhpressError } = await import('../../index.js');
    throw new ZhpressError(`bad --jobs "${args.jobs}"`, { hint: 'a whole number of worker threads, 1 or more', exitCode: 2 });
  }
  const inputs = await expandInputs(args.inputs, (line) => args.quiet || process.stderr.write(`${line}\n`));
  if (!args.quiet && formats.some((format) => writerEntry(format)?.fonts)) await reportLocalFonts();
  const quiet = Boolean(args.quiet || args.json);
  // Font fallbacks are shown once each, named by the template file or the built-in template's name.
  const templateFile = /[\\/]|\.(ya?ml|json)$/i.test(args.template) ? args.template : undefined;
  const templateLabel = templateFile ?? `template ${args.template}`;
  const options: BatchOptions = {
    inputs,
    formats,
    variants,
    out: args.out,
    name: args.name,
    template: args.template,
    vocabulary: args.vocabulary,
    dictionaries: parseDictionaries(args.dictionary ?? (args as { dictionaries?: string[] }).dictionaries),
    skip: parseSkip(args.skip),
    from: args.from,
    encoding: parseEncoding(args.encoding),
    lenient: args.lenient,
    jobs: args.jobs,
    force: args.force,
    shard: parseShard(args.shard),
    embedFonts: args.embedFonts,
    ...(plugins.length ? { plugins } : {}),
  };
  return { args, options, quiet, templateFile, templateLabel };
}

export const buildCommand: CommandModule<object, Args> = {
  command: 'build [inputs..]',
  describe: 'build editions of the inputs (files, folders, globs) in every format and variant asked for',
  builder: buildOptions,
  handler: async (cli) => {
    const { args, options, quiet, templateLabel } = await buildSetup(cli);
    // A template given as a file (not a built-in name): its font fallbacks are shown as notices.
    const events = batchEvents({ quiet, terminal: Boolean(process.stderr.isTTY), templateFile: templateLabel });
    let summary;
    try {
      summary = await runBatch(options, events);
    } finally {
      events.stop();
    }
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } else if (!quiet) {
      process.stderr.write(
        `${summary.written} written, ${summary.skipped} up to date, ${summary.failed} failed; ${plural(summary.pages, 'page')}, ${size(summary.bytes)}, ${summary.seconds.toFixed(1)} s\n`,
      );
    }
    if (summary.failures.length) process.exitCode = 1;
  },
};
