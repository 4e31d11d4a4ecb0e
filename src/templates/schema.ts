// The JSON Schema of a template file (YAML or JSON), from its TypeBox definition.
// Unknown keys are errors. Shared parts are definitions referred to: Ajv compiles
// each once (inlined, the schema took 0.25 s to compile).
import type { TSchema } from '@sinclair/typebox';
import { literals } from '../model/definition.js';
import { LANGS } from '../model/enums.js';
import type { TypeBuilder } from '../schema/json-schema.js';
import type { SchemaSpec } from '../schema/validate.js';
import { FONT_ROLES, QUOTE_STYLES, STYLE_NAMES } from './types.js';

export const LENGTH_PATTERN = '^-?\\d+(\\.\\d+)?\\s*(pt|mm|cm|in|px|em)?$';

export function defineTemplate(T: TypeBuilder) {
  const closed = { additionalProperties: false } as const;
  const length = T.Ref('Length');
  const fonts = T.Object(Object.fromEntries(FONT_ROLES.map((role) => [role, T.Optional(T.String({ minLength: 1 }))])), closed);
  const text = T.Optional(T.String());
  return T.Module({
    Length: T.Union([T.Number(), T.String({ pattern: LENGTH_PATTERN })], {
      description: 'a length: a number, or a number with a unit (pt, mm, cm, in, px, em)',
    }),
    Style: T.Object(
      {
        font: T.Optional(literals(T, FONT_ROLES)),
        size: T.Optional(length),
        weight: T.Optional(literals(T, ['normal', 'bold'])),
        leading: T.Optional(length),
        indent: T.Optional(length),
        alignment: T.Optional(literals(T, ['left', 'center', 'right', 'justify'])),
        spaceBefore: T.Optional(length),
        spaceAfter: T.Optional(length),
      },
      closed,
    ),
    HeaderFooter: T.Object({ left: text, center: text, right: text, outer: text, style: T.Optional(literals(T, STYLE_NAMES)) }, closed),
    Variant: T.Object({ fonts: T.Optional(fonts), wordFonts: T.Optional(fonts), quotes: T.Optional(literals(T, QUOTE_STYLES)) }, closed),
    Template: T.Object(
      {
        name: text,
        description: text,
        extends: text,
        page: T.Optional(
          T.Object(
            {
              size: T.Optional(literals(T, ['A4', 'A5', 'B5', 'LETTER'])),
              orientation: T.Optional(literals(T, ['portrait', 'landscape'])),
              margins: T.Optional(T.Object({ top: T.Optional(length), right: T.Optional(length), bottom: T.Optional(length), left: T.Optional(length) }, closed)),
              columns: T.Optional(T.Integer({ minimum: 1, maximum: 4 })),
              columnGap: T.Optional(length),
              columnRule: T.Optional(T.Boolean()),
              grid: T.Optional(
                T.Object({ linesPerPage: T.Integer({ minimum: 1, maximum: 200 }), charsPerLine: T.Integer({ minimum: 1, maximum: 200 }) }, closed),
              ),
            },
            closed,
          ),
        ),
        fonts: T.Optional(fonts),
        wordFonts: T.Optional(fonts),
        styles: T.Optional(T.Object(Object.fromEntries(STYLE_NAMES.map((name) => [name, T.Optional(T.Ref('Style'))])), closed)),
        header: T.Optional(T.Ref('HeaderFooter')),
        footer: T.Optional(T.Ref('HeaderFooter')),
        lang: T.Optional(literals(T, LANGS)),
        cover: T.Optional(T.Object({ enabled: T.Optional(T.Boolean()), pageLabel: text }, closed)),
        toc: T.Optional(T.Object({ enabled: T.Optional(T.Boolean()), title: text }, closed)),
        quotes: T.Optional(literals(T, QUOTE_STYLES)),
        hanLatinSpace: T.Optional(length),
        variants: T.Optional(T.Object(Object.fromEntries(LANGS.map((v) => [v, T.Optional(T.Ref('Variant'))])), closed)),
      },
      closed,
    ),
  });
}

export const TEMPLATE_SCHEMA: SchemaSpec = {
  name: 'template',
  define: (T) => (defineTemplate(T) as unknown as { Import(name: string): TSchema }).Import('Template'),
};
