// The JSON Schema of a template file (YAML or JSON). Unknown keys are errors.
import { LANGS } from '../model/types.js';
import { FONT_ROLES, STYLE_NAMES } from './types.js';

const length = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^-?\\d+(\\.\\d+)?\\s*(pt|mm|cm|in|px|em)?$' }] };

const ref = { $ref: '#/definitions/length' };

const style = {
  type: 'object',
  additionalProperties: false,
  properties: {
    font: { enum: FONT_ROLES },
    size: ref,
    weight: { enum: ['normal', 'bold'] },
    leading: ref,
    indent: ref,
    alignment: { enum: ['left', 'center', 'right', 'justify'] },
    spaceBefore: ref,
    spaceAfter: ref,
  },
};

const headerFooter = {
  type: 'object',
  additionalProperties: false,
  properties: {
    left: { type: 'string' },
    center: { type: 'string' },
    right: { type: 'string' },
    outer: { type: 'string' },
    style: { enum: STYLE_NAMES },
  },
};

const fonts = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(FONT_ROLES.map((role) => [role, { type: 'string', minLength: 1 }])),
};

const variantSettings = {
  type: 'object',
  additionalProperties: false,
  properties: { fonts, wordFonts: fonts, quotes: { enum: ['source', 'corner', 'curly'] } },
};

export const templateSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    extends: { type: 'string' },
    page: {
      type: 'object',
      additionalProperties: false,
      properties: {
        size: { enum: ['A4', 'A5', 'B5', 'LETTER'] },
        orientation: { enum: ['portrait', 'landscape'] },
        margins: {
          type: 'object',
          additionalProperties: false,
          properties: { top: ref, right: ref, bottom: ref, left: ref },
        },
        columns: { type: 'integer', minimum: 1, maximum: 4 },
        columnGap: ref,
        columnRule: { type: 'boolean' },
        grid: {
          type: 'object',
          additionalProperties: false,
          required: ['linesPerPage', 'charsPerLine'],
          properties: {
            linesPerPage: { type: 'integer', minimum: 1, maximum: 200 },
            charsPerLine: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
      },
    },
    fonts,
    wordFonts: fonts,
    styles: { type: 'object', additionalProperties: false, properties: Object.fromEntries(STYLE_NAMES.map((n) => [n, { $ref: '#/definitions/style' }])) },
    header: { $ref: '#/definitions/headerFooter' },
    footer: { $ref: '#/definitions/headerFooter' },
    lang: { enum: LANGS },
    cover: { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' }, pageLabel: { type: 'string' } } },
    toc: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, title: { type: 'string' } },
    },
    quotes: { enum: ['source', 'corner', 'curly'] },
    variants: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(['zh-Hans', 'zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'].map((v) => [v, { $ref: '#/definitions/variant' }])),
    },
  },
  // Shared parts by reference: ajv compiles each once (inlined, the schema took 0.25 s to compile).
  definitions: { style, headerFooter, variant: variantSettings, length },
} as const;
