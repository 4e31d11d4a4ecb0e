// The model, defined once: every node type as a TypeBox schema, from which the
// TypeScript types (types.ts) and the JSON Schema (`zhpress schema`, the JSON
// reader's check) both come. TypeBox is loaded only to make the JSON Schema
// (at build time, or when running from src/): the types cost nothing at run time.
import type { Static, TImport, TModule, TProperties, TSchema } from '@sinclair/typebox';
import type { TypeBuilder } from '../schema/json-schema.js';
import {
  ARTICLE_KINDS,
  CONTINUATION_DIRECTIONS,
  HEADING_DEPTHS,
  ISO_DATE_PATTERN,
  LANGS,
  LIST_STYLES,
  MODEL_VERSION,
  NODE_TYPES_AT,
  PARAGRAPH_ROLES,
} from './enums.js';

/** A union of literals from one of the lists in enums.ts. */
export function literals<const V extends readonly (string | number)[]>(T: TypeBuilder, values: V) {
  return T.Unsafe<V[number]>({ enum: [...values] });
}

/** The article metadata's fields, shared by the model, the sidecar and the Markdown front matter. */
export function articleMetaFields(T: TypeBuilder) {
  const text = (description?: string) => T.Optional(T.String(description ? { description } : {}));
  return {
    kicker: text('引题: the line above the title'),
    title: text(),
    subtitle: text(),
    notes: T.Optional(T.Array(T.String(), { description: 'lines of the title block under the title (题注)' })),
    byline: text('the author, speaker or reporter line of the title block'),
    bylineInText: T.Optional(T.Boolean({ description: 'the byline stands run into the first paragraph: writers do not print it again' })),
    titleDerived: T.Optional(T.Boolean({ description: 'no title was given: it was derived from the text' })),
    kind: T.Optional(literals(T, ARTICLE_KINDS)),
    continuedFrom: text(),
    continuedTo: text(),
    dateline: T.Optional(
      T.Object(
        { agency: text(), place: text(), date: text(), raw: T.String() },
        { additionalProperties: false, description: 'the dateline, parsed: (新华社北京8月28日电)' },
      ),
    ),
    truncated: T.Optional(T.Boolean({ description: 'the text stops mid-sentence' })),
  };
}

/** The edition metadata's fields but `lang` (required in the model, optional where metadata is given). */
export function editionMetaFields(T: TypeBuilder) {
  return {
    title: T.Optional(T.String()),
    publication: T.Optional(T.String()),
    date: T.Optional(T.String({ pattern: ISO_DATE_PATTERN, description: 'a date as YYYY-MM-DD' })),
    page: T.Optional(T.String()),
    source: T.Optional(T.String({ description: 'where the text came from: a file name or a description' })),
  };
}

export function defineModel(T: TypeBuilder) {
  const base = { position: T.Optional(T.Ref('Position')), data: T.Optional(T.Unsafe<Record<string, unknown>>({ type: 'object', description: 'annotations for tools' })) };
  const closed = { additionalProperties: false } as const;
  const parent = <const K extends string, C extends TSchema>(type: K, child: C) =>
    T.Object({ type: T.Literal(type), ...base, children: T.Array(child) }, closed);
  const marker = T.Optional(T.String({ description: 'the literal numbering or item mark ("二、", "（三）", "——"), kept verbatim' }));
  // A union of node types tagged by `type`: JSON Schema's oneOf with a discriminator (json-schema.ts).
  const tagged = { discriminator: { propertyName: 'type' } };
  return T.Module({
    Point: T.Object({ line: T.Integer({ minimum: 1 }), column: T.Integer({ minimum: 1 }), offset: T.Integer({ minimum: 0 }) }, closed),
    Position: T.Object({ start: T.Ref('Point'), end: T.Ref('Point') }, closed),
    Text: T.Object({ type: T.Literal('text'), ...base, value: T.String() }, closed),
    Strong: parent('strong', T.Ref('Phrasing')),
    Emphasis: parent('emphasis', T.Ref('Phrasing')),
    Lead: parent('lead', T.Ref('Phrasing')),
    Phrasing: T.Union([T.Ref('Text'), T.Ref('Strong'), T.Ref('Emphasis')], tagged),
    Inline: T.Union([T.Ref('Text'), T.Ref('Strong'), T.Ref('Emphasis'), T.Ref('Lead')], tagged),
    Heading: T.Object({ type: T.Literal('heading'), ...base, depth: literals(T, HEADING_DEPTHS), marker, children: T.Array(T.Ref('Inline')) }, closed),
    Paragraph: T.Object(
      { type: T.Literal('paragraph'), ...base, marker, role: T.Optional(literals(T, PARAGRAPH_ROLES)), children: T.Array(T.Ref('Inline')) },
      closed,
    ),
    Subhead: parent('subhead', T.Ref('Inline')),
    Quote: parent('quote', T.Ref('Inline')),
    Dateline: parent('dateline', T.Ref('Inline')),
    Continuation: T.Object(
      { type: T.Literal('continuation'), ...base, direction: literals(T, CONTINUATION_DIRECTIONS), page: T.String(), children: T.Array(T.Ref('Inline')) },
      closed,
    ),
    ListItem: T.Object({ type: T.Literal('listItem'), ...base, marker, children: T.Array(T.Ref('Inline')) }, closed),
    List: T.Object({ type: T.Literal('list'), ...base, style: literals(T, LIST_STYLES), children: T.Array(T.Ref('ListItem')) }, closed),
    Block: T.Union(
      [T.Ref('Heading'), T.Ref('Paragraph'), T.Ref('Subhead'), T.Ref('List'), T.Ref('Quote'), T.Ref('Dateline'), T.Ref('Continuation')],
      tagged,
    ),
    ArticleMeta: T.Object(articleMetaFields(T), closed),
    Article: T.Object({ type: T.Literal('article'), ...base, id: T.String({ minLength: 1 }), meta: T.Ref('ArticleMeta'), children: T.Array(T.Ref('Block')) }, closed),
    EditionMeta: T.Object({ ...editionMetaFields(T), lang: literals(T, LANGS) }, closed),
    Edition: T.Object({ type: T.Literal('edition'), ...base, meta: T.Ref('EditionMeta'), children: T.Array(T.Ref('Article')) }, closed),
    /** The JSON form: `{ "modelVersion": 1, ...edition }`. */
    Model: T.Object(
      { modelVersion: T.Literal(MODEL_VERSION), type: T.Literal('edition'), ...base, meta: T.Ref('EditionMeta'), children: T.Array(T.Ref('Article')) },
      closed,
    ),
  });
}

type Definitions = ReturnType<typeof defineModel> extends TModule<TProperties, infer C> ? C : never;

/** The TypeScript type of a definition of the model. */
export type ModelType<K extends keyof Definitions> = Static<TImport<Definitions, K>>;

/** Checked at compile time: the hand-kept lists of node types are the definition's. */
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type NodeTypesMatch = [
  Assert<Same<ModelType<'Block'>['type'], (typeof NODE_TYPES_AT.block)[number]>>,
  Assert<Same<ModelType<'Inline'>['type'], (typeof NODE_TYPES_AT.inline)[number]>>,
  Assert<Same<ModelType<'Phrasing'>['type'], (typeof NODE_TYPES_AT.phrasing)[number]>>,
];
