// One schema source (TypeBox definitions) and one translation of its errors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_SCHEMA } from '../../src/model/schema.js';
import { SIDECAR_SCHEMA } from '../../src/io/sidecar.js';
import { FRONT_MATTER_SCHEMA } from '../../src/readers/markdown/front-matter-schema.js';
import { TEMPLATE_SCHEMA } from '../../src/templates/schema.js';
import { CONFIG_SCHEMA } from '../../src/cli/config.js';
import { makeSchema, validateWith, type SchemaSpec } from '../../src/schema/validate.js';
import { schemaError, schemaProblems } from '../../src/schema/errors.js';
import { ARTICLE_KINDS, LANGS } from '../../src/model/enums.js';

const root = join(import.meta.dirname, '../..');
const SPECS: SchemaSpec[] = [MODEL_SCHEMA, SIDECAR_SCHEMA, FRONT_MATTER_SCHEMA, TEMPLATE_SCHEMA, CONFIG_SCHEMA];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('one schema source', () => {
  it('the build wrote every schema as the definitions make it now (dist/schema/compiled)', () => {
    const compiled = join(root, 'dist/schema/compiled');
    expect(existsSync(compiled), 'run npm run build first').toBe(true);
    for (const spec of SPECS) {
      expect(JSON.parse(readFileSync(join(compiled, `${spec.name}.json`), 'utf8')), spec.name).toEqual(makeSchema(spec));
      expect(existsSync(join(compiled, `${spec.name}.cjs`)), spec.name).toBe(true);
    }
  });

  it('the JSON Schemas are plain draft-07: no TypeBox marks, tagged unions as oneOf with a discriminator, literal unions as enums', () => {
    const model = makeSchema(MODEL_SCHEMA);
    const text = JSON.stringify(model);
    expect(text).not.toMatch(/~kind|"\$defs"|"\$id":"(Text|Block)"/);
    const definitions = model.definitions as Record<string, Record<string, unknown>>;
    expect(definitions.Block).toMatchObject({ type: 'object', required: ['type'], discriminator: { propertyName: 'type' } });
    expect((definitions.Block!.oneOf as unknown[]).length).toBe(7);
    expect((definitions.ArticleMeta!.properties as Record<string, unknown>).kind).toEqual({ enum: [...ARTICLE_KINDS] });
    expect((definitions.EditionMeta!.properties as Record<string, unknown>).lang).toEqual({ enum: [...LANGS] });
  });

  it('the sidecar, the front matter and the model share one definition of article metadata', () => {
    const model = (makeSchema(MODEL_SCHEMA).definitions as Record<string, { properties: Record<string, unknown> }>).ArticleMeta!.properties;
    const front = makeSchema(FRONT_MATTER_SCHEMA) as { properties: { articles: { anyOf: { items?: { anyOf: { properties?: Record<string, unknown> }[] } }[] } } };
    const entry = front.properties.articles.anyOf[1]!.items!.anyOf[1]!.properties!;
    expect(Object.keys(entry)).toEqual(['id', ...Object.keys(model)]);
    const sidecar = makeSchema(SIDECAR_SCHEMA) as { properties: { articles: { items: { properties: Record<string, unknown> } } } };
    for (const [key, value] of Object.entries(sidecar.properties.articles.items.properties)) expect(value, key).toEqual(model[key]);
  });

  it('the list of article kinds, and each other closed list of the model, is written once (src/model/enums.ts)', () => {
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('enums.ts')) continue;
      expect(text, file).not.toMatch(/['"]news['"],\s*['"]feature['"]/);
      expect(text, file).not.toMatch(/['"]header['"],\s*['"]address['"],\s*['"]attachment['"]/);
      expect(text, file).not.toMatch(/['"]dash['"],\s*['"]ordered['"],\s*['"]bullet['"]/);
    }
  });

  it('only src/schema/ compiles schemas or reads Ajv errors', () => {
    for (const file of sources(join(root, 'src'))) {
      if (/[\\/]src[\\/](schema[\\/]|lazy\.ts)/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from 'ajv'|ajv\(\)|ErrorObject|instancePath|keyword ===/);
    }
  });
});

describe('one translation of schema errors', () => {
  const sidecar = (value: unknown) => validateWith(SIDECAR_SCHEMA, value);

  it('says where (a key path, or a JSON pointer) and what is allowed, in the same words for every schema', () => {
    const errors = sidecar({ lang: 'zh-TW', articles: [{ kind: 'essay', headline: 'x' }], page: true });
    expect(schemaProblems(errors, { style: 'key' }).map((p) => p.message)).toEqual([
      'page: boolean true is not a page: text or a number',
      'lang: "zh-TW" is not allowed; allowed: zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK',
      'articles[0].headline: unknown key; allowed here: title, subtitle, kicker, kind',
      'articles[0].kind: "essay" is not allowed; allowed: news, feature, policy, other',
    ]);
    expect(schemaProblems(errors, { style: 'pointer' })[2]!.message).toBe('/articles/0/headline: unknown key; allowed here: title, subtitle, kicker, kind');
  });

  it('orders the faults by the lines they stand on, and gives the first one the error its line', () => {
    const lines: Record<string, number> = { lang: 9, 'articles.0.kind': 3, 'articles.0.headline': 4, page: 1 };
    const locate = (path: (string | number)[]) => (lines[path.join('.')] ? { line: lines[path.join('.')]! } : undefined);
    const error = schemaError(sidecar({ lang: 'zh-TW', articles: [{ kind: 'essay', headline: 'x' }], page: true }), { style: 'key', locate, file: 'm.yaml', prefix: 'bad: ' });
    expect(error.line).toBe(1);
    expect(error.format()).toBe(
      'm.yaml:1: bad: page: boolean true is not a page: text or a number; also line 3: articles[0].kind: "essay" is not allowed; allowed: news, feature, policy, other; line 4: articles[0].headline: unknown key; allowed here: title, subtitle, kicker, kind; line 9: lang: "zh-TW" is not allowed; allowed: zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK',
    );
  });

  it('a union whose branch the value\u2019s type picks reports that branch\u2019s fault, not "must match a schema in anyOf"', () => {
    const errors = validateWith(FRONT_MATTER_SCHEMA, { articles: [null, { kind: 'essay' }, '文'] });
    expect(schemaProblems(errors, { style: 'key' }).map((p) => p.message)).toEqual([
      'articles[1].kind: "essay" is not allowed; allowed: news, feature, policy, other',
      'articles[2]: "文" is not empty or an object',
    ]);
  });

  it('an unknown node type names the types allowed at that place', () => {
    const model = { modelVersion: 1, type: 'edition', meta: { lang: 'zh-Hans' }, children: [{ type: 'article', id: 'a', meta: {}, children: [{ type: 'table', children: [] }] }] };
    const errors = validateWith(MODEL_SCHEMA, model);
    expect(schemaProblems(errors, { style: 'pointer', schema: makeSchema(MODEL_SCHEMA) }).map((p) => p.message)).toEqual([
      '/children/0/children/0/type: unknown node type "table"; expected one of heading, paragraph, subhead, list, quote, dateline, continuation',
    ]);
  });

  it('lists ten faults at most, and says how many more', () => {
    const errors = validateWith(CONFIG_SCHEMA, Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`k${i}`, 1])));
    expect(schemaError(errors, { style: 'key' }).message).toMatch(/^k0: unknown key; .*k9: unknown key;[^;]*; and 4 more$/);
  });
});
