// Part of `npm run build`: compile the template schema to a standalone validator
// (ajv standalone), so a build does not spend a tenth of a second compiling it
// at every start. Without the generated file (running from src/), the loader
// compiles the schema at run time instead.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { templateSchema } from '../dist/templates/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
const validate = ajv.compile(templateSchema);
writeFileSync(join(root, 'dist/templates/template-validator.cjs'), standaloneCode.default ? standaloneCode.default(ajv, validate) : standaloneCode(ajv, validate));
