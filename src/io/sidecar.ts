// Metadata that is not in the text: a sidecar file `<input>.meta.yaml` (or .yml,
// .json) beside the input gives edition and article metadata (titles, date,
// publication, page). Given titles replace derived ones.
import { yaml } from '../lazy.js';
import { ZhpressError } from '../errors.js';
import type { Static } from '@sinclair/typebox';
import type { Edition } from '../model/types.js';
import { LANGS } from '../model/enums.js';
import { articleMetaFields, editionMetaFields, literals } from '../model/definition.js';
import { isCalendarDate } from '../model/dates.js';
import type { TypeBuilder } from '../schema/json-schema.js';
import { schemaError } from '../schema/errors.js';
import { type SchemaSpec, validateWith } from '../schema/validate.js';
import { yamlLocator } from '../schema/yaml-locate.js';

/**
 * A sidecar's metadata, as its schema (defineSidecar) reads it; `page` always text.
 * `reader:` says what the text reader's heuristics cannot know about this file: numbering
 * that is headings, by example ("1.", "（一）"), other numbering never; `articles:
 * split-on-headlines` (every unnumbered head starts an article) or `one`; `repair: off`
 * (join no paragraphs: the text has no column breaks).
 */
export type Sidecar = Omit<Static<ReturnType<typeof defineSidecar>>, 'page'> & { page?: string };

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

export function defineSidecar(T: TypeBuilder) {
  const closed = { additionalProperties: false } as const;
  const { title, subtitle, kicker, kind } = articleMetaFields(T);
  const { title: editionTitle, publication, date } = editionMetaFields(T);
  return T.Object(
    {
      title: editionTitle,
      publication,
      date,
      page: T.Optional(T.Union([T.String(), T.Number()], { description: 'a page: text or a number' })),
      lang: T.Optional(literals(T, LANGS)),
      articles: T.Optional(T.Array(T.Object({ title, subtitle, kicker, kind }, closed))),
      reader: T.Optional(
        T.Object(
          {
            headings: T.Optional(T.Array(T.String({ minLength: 1 }))),
            articles: T.Optional(literals(T, ['split-on-headlines', 'one'])),
            repair: T.Optional(literals(T, ['on', 'off'])),
          },
          closed,
        ),
      ),
    },
    closed,
  );
}

export const SIDECAR_SCHEMA: SchemaSpec = { name: 'sidecar', define: defineSidecar };

export function parseSidecar(source: string, file: string): Sidecar {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  // YAML is a superset of JSON: one parser serves both.
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lines.linePos(syntax.pos[0]);
    throw new ZhpressError(`not valid YAML: ${syntax.message.split('\n')[0]}`, { file, line: at.line, column: at.col });
  }
  let value: unknown;
  try {
    value = doc.toJS() ?? {};
  } catch (error) {
    throw new ZhpressError(`not valid YAML: ${(error as Error).message}`, { file, hint: 'YAML aliases (*name) may expand to at most 100 copies' });
  }
  const errors = validateWith(SIDECAR_SCHEMA, value);
  if (errors.length) {
    throw schemaError(errors, { style: 'key', locate: yamlLocator(doc, lines), file, prefix: 'bad sidecar metadata: ', hint: 'see "Metadata beside the text" in README.md' });
  }
  const sidecar = value as Sidecar & { page?: string | number };
  if (sidecar.date !== undefined && !isCalendarDate(sidecar.date)) {
    throw new ZhpressError(`bad sidecar metadata: date: ${sidecar.date} is no calendar date`, { file, line: yamlLocator(doc, lines)(['date'])?.line, hint: 'write the date as YYYY-MM-DD' });
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
