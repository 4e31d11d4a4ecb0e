// JSON Schema (draft-07) of the model's JSON form, `{ "modelVersion": 1, ...edition }`,
// made from the model's definition (definition.ts). The JSON reader validates
// against it; `zhpress schema` prints it.
import type { TSchema } from '@sinclair/typebox';
import type { SchemaSpec } from '../schema/validate.js';
import { schemaOf } from '../schema/validate.js';
import { defineModel } from './definition.js';

export const MODEL_SCHEMA: SchemaSpec = {
  name: 'model',
  // (Typed loosely: TypeScript cannot follow the whole module's import type here.)
  define: (T) => (defineModel(T) as unknown as { Import(name: string): TSchema }).Import('Model'),
  head: { $id: 'https://zhpress.invalid/model.schema.json', title: 'zhpress edition' },
};

/** The JSON Schema of the model's JSON form. */
export function modelSchema(): Record<string, unknown> {
  return schemaOf(MODEL_SCHEMA);
}
