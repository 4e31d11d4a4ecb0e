// JSON Schema (draft-07) of the model's JSON form: `{ "modelVersion": 1, ...edition }`.
// The JSON reader validates against it; `zhpress schema` prints it.
import { LANGS, MODEL_VERSION, PARAGRAPH_ROLES } from './types.js';

const point = {
  type: 'object',
  properties: {
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    offset: { type: 'integer', minimum: 0 },
  },
  required: ['line', 'column', 'offset'],
  additionalProperties: false,
};

const common = {
  position: { $ref: '#/definitions/position' },
  data: { type: 'object' },
};

function node(type: string, properties: Record<string, unknown>, required: string[] = []) {
  return {
    type: 'object',
    properties: { type: { const: type }, ...common, ...properties },
    required: ['type', ...required],
    additionalProperties: false,
  };
}

const inlineChildren = { type: 'array', items: { $ref: '#/definitions/inline' } };
const phrasingChildren = { type: 'array', items: { $ref: '#/definitions/phrasing' } };
const marker = { type: 'string' };
const nonEmpty = { type: 'string', minLength: 1 };

/** The node types allowed at each place, for error messages. */
export const NODE_TYPES_AT = {
  phrasing: ['text', 'strong', 'emphasis'],
  inline: ['text', 'strong', 'emphasis', 'lead'],
  block: ['heading', 'paragraph', 'subhead', 'list', 'quote', 'dateline', 'continuation'],
} as const;

function union(names: readonly string[]) {
  return {
    type: 'object',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: names.map((name) => ({ $ref: `#/definitions/${name}` })),
  };
}

export const modelSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://zhpress.invalid/model.schema.json',
  title: 'zhpress edition',
  type: 'object',
  properties: {
    modelVersion: { const: MODEL_VERSION },
    type: { const: 'edition' },
    ...common,
    meta: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        publication: { type: 'string' },
        date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
        page: { type: 'string' },
        lang: { enum: [...LANGS] },
        source: { type: 'string' },
      },
      required: ['lang'],
      additionalProperties: false,
    },
    children: { type: 'array', items: { $ref: '#/definitions/article' } },
  },
  required: ['modelVersion', 'type', 'meta', 'children'],
  additionalProperties: false,
  definitions: {
    point,
    position: {
      type: 'object',
      properties: { start: { $ref: '#/definitions/point' }, end: { $ref: '#/definitions/point' } },
      required: ['start', 'end'],
      additionalProperties: false,
    },
    phrasing: union(NODE_TYPES_AT.phrasing),
    inline: union(NODE_TYPES_AT.inline),
    block: union(NODE_TYPES_AT.block),
    text: node('text', { value: { type: 'string' } }, ['value']),
    strong: node('strong', { children: phrasingChildren }, ['children']),
    emphasis: node('emphasis', { children: phrasingChildren }, ['children']),
    lead: node('lead', { children: phrasingChildren }, ['children']),
    heading: node(
      'heading',
      { depth: { enum: [1, 2, 3, 4] }, marker, children: inlineChildren },
      ['depth', 'children'],
    ),
    paragraph: node('paragraph', { marker, role: { enum: [...PARAGRAPH_ROLES] }, children: inlineChildren }, ['children']),
    subhead: node('subhead', { children: inlineChildren }, ['children']),
    quote: node('quote', { children: inlineChildren }, ['children']),
    dateline: node('dateline', { children: inlineChildren }, ['children']),
    continuation: node(
      'continuation',
      { direction: { enum: ['from', 'to'] }, page: { type: 'string' }, children: inlineChildren },
      ['direction', 'page', 'children'],
    ),
    list: node(
      'list',
      {
        style: { enum: ['dash', 'ordered', 'bullet'] },
        children: { type: 'array', items: { $ref: '#/definitions/listItem' } },
      },
      ['style', 'children'],
    ),
    listItem: node('listItem', { marker, children: inlineChildren }, ['children']),
    article: node(
      'article',
      {
        id: nonEmpty,
        meta: {
          type: 'object',
          properties: {
            kicker: { type: 'string' },
            title: { type: 'string' },
            subtitle: { type: 'string' },
            notes: { type: 'array', items: { type: 'string' } },
            byline: { type: 'string' },
            bylineInText: { type: 'boolean' },
            titleDerived: { type: 'boolean' },
            kind: { enum: ['news', 'feature', 'policy', 'other'] },
            continuedFrom: { type: 'string' },
            continuedTo: { type: 'string' },
            truncated: { type: 'boolean' },
            dateline: {
              type: 'object',
              properties: {
                agency: { type: 'string' },
                place: { type: 'string' },
                date: { type: 'string' },
                raw: { type: 'string' },
              },
              required: ['raw'],
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
        children: { type: 'array', items: { $ref: '#/definitions/block' } },
      },
      ['id', 'meta', 'children'],
    ),
  },
} as const;
