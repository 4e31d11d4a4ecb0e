// Part of `npm run build`: compile the template schema to a standalone validator
// (ajv standalone), so a build does not spend a tenth of a second compiling it
// at every start. Without the generated file (running from src/), the loader
// compiles the schema at run time instead.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { templateSchema } from '../dist/templates/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
const validate = ajv.compile(templateSchema);
writeFileSync(join(root, 'dist/templates/template-validator.cjs'), standaloneCode.default ? standaloneCode.default(ajv, validate) : standaloneCode(ajv, validate));

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
