// The configuration file: zhpress.config.yaml (or .yml, .json) in the working
// directory, or --config PATH. It holds the same options as the command line,
// which override it. Unknown keys and bad values are errors naming the file and key.
import { existsSync, readFileSync } from 'node:fs';
import { ajv, yaml } from '../lazy.js';
import { ZhpressError } from '../index.js';

export const CONFIG_NAMES = ['zhpress.config.yaml', 'zhpress.config.yml', 'zhpress.config.json'];

const stringOrList = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

const schema = {
  type: 'object',
  properties: {
    inputs: { type: 'array', items: { type: 'string' } },
    format: stringOrList,
    variant: stringOrList,
    template: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    vocabulary: { type: 'boolean' },
    dictionaries: stringOrList,
    skip: stringOrList,
    jobs: { type: 'integer', minimum: 1 },
    force: { type: 'boolean' },
    from: { type: 'string' },
    encoding: { type: 'string' },
    lenient: { type: 'boolean' },
    embedFonts: { type: 'boolean' },
    quiet: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

export type Config = Record<string, unknown>;

export function loadConfig(explicit: string | undefined): { file?: string; config: Config } {
  const file = explicit ?? CONFIG_NAMES.find((name) => existsSync(name));
  if (!file) return { config: {} };
  let value: unknown;
  try {
    value = yaml().parse(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ZhpressError(code ? `cannot read the configuration (${code})` : `not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`, { file, exitCode: 2 });
  }
  const validate = new (ajv().Ajv)({ allErrors: false }).compile(schema);
  if (!validate(value)) {
    const error = validate.errors![0]!;
    const params = error.params as Record<string, unknown>;
    const key = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const message =
      error.keyword === 'additionalProperties'
        ? `unknown key "${String(params.additionalProperty)}"; allowed: ${Object.keys(schema.properties).join(', ')}`
        : `${key || 'the file'}: ${error.keyword === 'oneOf' ? 'must be a string or a list of strings' : error.message}`;
    throw new ZhpressError(message, { file, hint: 'see "Configuration" in README.md', exitCode: 2 });
  }
  const config = { ...(value as Config) };
  for (const key of ['format', 'variant', 'skip']) if (Array.isArray(config[key])) config[key] = (config[key] as string[]).join(',');
  return { file, config };
}
