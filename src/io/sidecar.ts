// Metadata that is not in the text: a sidecar file `<input>.meta.yaml` (or .yml,
// .json) beside the input gives edition and article metadata (titles, date,
// publication, page). Given titles replace derived ones.
import type { Ajv } from 'ajv';
import { ajv, yaml } from '../lazy.js';
import { ZhpressError } from '../errors.js';
import type { ArticleKind, Edition, Lang } from '../model/types.js';
import { LANGS } from '../model/types.js';
import { isCalendarDate } from '../model/dates.js';

export interface Sidecar {
  title?: string;
  publication?: string;
  date?: string;
  page?: string;
  lang?: Lang;
  articles?: { title?: string; subtitle?: string; kicker?: string; kind?: ArticleKind }[];
  /** What the text reader's heuristics cannot know about this file. */
  reader?: {
    /** Numbering that is headings, by example ("1.", "（一）"); other numbering is never a heading. */
    headings?: string[];
    /** `split-on-headlines`: every unnumbered head starts an article; `one`: the file is one article. */
    articles?: 'split-on-headlines' | 'one';
    /** `off`: join no paragraphs (the text has no column breaks). */
    repair?: 'on' | 'off';
  };
}

export const SIDECAR_SUFFIXES = ['.meta.yaml', '.meta.yml', '.meta.json'];

/**
 * The files that may hold an input's metadata, the one that wins first: beside
 * `page2.txt`, `page2.txt.meta.yaml` (the whole name), then `page2.meta.yaml` (the
 * name without its extension); .yaml before .yml before .json.
 */
export function sidecarCandidates(input: string): string[] {
  const stem = input.replace(/\.[^./\\]*$/, '');
  const bases = stem !== input ? [input, stem] : [input];
  return bases.flatMap((base) => SIDECAR_SUFFIXES.map((suffix) => base + suffix));
}

const schema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    publication: { type: 'string' },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    page: { type: ['string', 'number'] },
    lang: { enum: [...LANGS] },
    articles: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          subtitle: { type: 'string' },
          kicker: { type: 'string' },
          kind: { enum: ['news', 'feature', 'policy', 'other'] },
        },
        additionalProperties: false,
      },
    },
    reader: {
      type: 'object',
      properties: {
        headings: { type: 'array', items: { type: 'string', minLength: 1 } },
        articles: { enum: ['split-on-headlines', 'one'] },
        repair: { enum: ['on', 'off'] },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

let validate: ReturnType<Ajv['compile']> | undefined;

export function parseSidecar(source: string, file: string): Sidecar {
  let value: unknown;
  try {
    // YAML is a superset of JSON: one parser serves both.
    value = yaml().parse(source) ?? {};
  } catch (error) {
    const line = error instanceof yaml().YAMLParseError ? error.linePos?.[0]?.line : undefined;
    throw new ZhpressError(`not valid YAML: ${(error as Error).message.split('\n')[0]}`, { file, line });
  }
  validate ??= new (ajv().Ajv)({ allErrors: false, allowUnionTypes: true }).compile(schema);
  if (!validate(value)) {
    const error = validate.errors![0]!;
    const params = error.params as Record<string, unknown>;
    const key = `${error.instancePath.replace(/^\//, '').replace(/\//g, '.')}`;
    const detail =
      error.keyword === 'additionalProperties'
        ? `unknown key "${[key, params.additionalProperty].filter(Boolean).join('.')}"; allowed: ${Object.keys(
            key.startsWith('articles') ? schema.properties.articles.items.properties : schema.properties,
          ).join(', ')}`
        : error.keyword === 'enum'
          ? `${key}: allowed values are ${(params.allowedValues as string[]).join(', ')}`
          : error.keyword === 'pattern'
            ? `${key}: expected a date as YYYY-MM-DD`
            : `${key || 'the file'}: ${error.message}`;
    throw new ZhpressError(`bad sidecar metadata: ${detail}`, { file, hint: 'see "Metadata beside the text" in README.md' });
  }
  const sidecar = value as Sidecar & { page?: string | number };
  if (sidecar.date !== undefined && !isCalendarDate(sidecar.date)) {
    throw new ZhpressError(`bad sidecar metadata: date: ${sidecar.date} is no calendar date`, { file, hint: 'write the date as YYYY-MM-DD' });
  }
  if (typeof sidecar.page === 'number') sidecar.page = String(sidecar.page);
  return sidecar as Sidecar;
}

/** The edition with the sidecar's metadata applied. */
export function applySidecar(edition: Edition, sidecar: Sidecar): Edition {
  const { articles = [], reader: _reader, ...editionMeta } = sidecar;
  return {
    ...edition,
    meta: { ...edition.meta, ...editionMeta },
    children: edition.children.map((article, i) => {
      const given = articles[i];
      if (!given) return article;
      const meta = { ...article.meta, ...given };
      if (given.title) delete meta.titleDerived;
      return { ...article, meta };
    }),
  };
}
