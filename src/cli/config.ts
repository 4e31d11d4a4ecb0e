// The configuration file: zhpress.config.yaml (or .yml, .json) in the working
// directory, or --config PATH. It holds the same options as the command line,
// which override it. Unknown keys and bad values are errors naming the file, key and line.
import { existsSync, readFileSync } from 'node:fs';
import type { TypeBuilder } from '../schema/json-schema.js';
import { yaml } from '../lazy.js';
import { ZhpressError } from '../index.js';
import { schemaError } from '../schema/errors.js';
import { type SchemaSpec, validateWith } from '../schema/validate.js';
import { yamlLocator } from '../schema/yaml-locate.js';

export const CONFIG_NAMES = ['zhpress.config.yaml', 'zhpress.config.yml', 'zhpress.config.json'];

export function defineConfig(T: TypeBuilder) {
  const text = T.Optional(T.String());
  const flag = T.Optional(T.Boolean());
  const texts = T.Optional(T.Union([T.String(), T.Array(T.String())], { description: 'text or a list of texts' }));
  return T.Object(
    {
      inputs: T.Optional(T.Array(T.String())),
      format: texts,
      variant: texts,
      template: text,
      out: text,
      name: text,
      vocabulary: flag,
      dictionaries: texts,
      skip: texts,
      plugins: texts,
      jobs: T.Optional(T.Integer({ minimum: 1 })),
      force: flag,
      from: text,
      encoding: text,
      lenient: flag,
      embedFonts: flag,
      quiet: flag,
    },
    { additionalProperties: false },
  );
}

export const CONFIG_SCHEMA: SchemaSpec = { name: 'config', define: defineConfig };

export type Config = Record<string, unknown>;

export function loadConfig(explicit: string | undefined): { file?: string; config: Config } {
  const file = explicit ?? CONFIG_NAMES.find((name) => existsSync(name));
  if (!file) return { config: {} };
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ZhpressError(`cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file, exitCode: 2 });
  }
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  let value: unknown;
  try {
    if (syntax) throw syntax;
    value = doc.toJS() ?? {};
  } catch (error) {
    const at = syntax ? lines.linePos(syntax.pos[0]) : undefined;
    throw new ZhpressError(`not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`, { file, line: at?.line, column: at?.col, exitCode: 2 });
  }
  const errors = validateWith(CONFIG_SCHEMA, value);
  if (errors.length) throw schemaError(errors, { style: 'key', locate: yamlLocator(doc, lines), file, hint: 'see "Configuration" in README.md', exitCode: 2 });
  const config = { ...(value as Config) };
  for (const key of ['format', 'variant', 'skip']) if (Array.isArray(config[key])) config[key] = (config[key] as string[]).join(',');
  return { file, config };
}
