// Part of `npm run build`: every schema zhpress validates against (src/schema/validate.ts)
// made from its TypeBox definition now, written as JSON and compiled to a standalone
// Ajv validator in dist/schema/compiled/, so that a run loads neither TypeBox nor
// Ajv's compiler (compiling the template schema alone took a tenth of a second at
// every start). Without these files (running from src/), they are made on first use.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, makeSchema } from '../dist/schema/validate.js';
import { MODEL_SCHEMA } from '../dist/model/schema.js';
import { SIDECAR_SCHEMA } from '../dist/io/sidecar.js';
import { FRONT_MATTER_SCHEMA } from '../dist/readers/markdown/front-matter-schema.js';
import { TEMPLATE_SCHEMA } from '../dist/templates/schema.js';
import { CONFIG_SCHEMA } from '../dist/cli/config.js';

export const SPECS = [MODEL_SCHEMA, SIDECAR_SCHEMA, FRONT_MATTER_SCHEMA, TEMPLATE_SCHEMA, CONFIG_SCHEMA];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/schema/compiled');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const standalone = standaloneCode.default ?? standaloneCode;
for (const spec of SPECS) {
  const schema = makeSchema(spec);
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  writeFileSync(join(out, `${spec.name}.json`), `${JSON.stringify(schema, null, 2)}\n`);
  writeFileSync(join(out, `${spec.name}.cjs`), standalone(ajv, ajv.compile(schema)));
}
// An earlier build's template validator, now under compiled/.
rmSync(join(root, 'dist/templates/template-validator.cjs'), { force: true });

// The built-in templates, parsed and validated now; the loader uses an entry only
// while the template's file still has the same text (src/templates/load.ts).
const { parseTemplate, BUILTIN_DIR } = await import('../dist/templates/load.js');
const templates = {};
for (const file of readdirSync(BUILTIN_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
  const path = join(BUILTIN_DIR, file);
  const source = readFileSync(path, 'utf8');
  templates[file] = { source, data: parseTemplate(path, source) };
}
writeFileSync(join(root, 'dist/templates/builtin-templates.json'), JSON.stringify(templates));
