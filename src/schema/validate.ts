// Every schema zhpress checks a file against (the model's JSON form, sidecars,
// front matter, templates, the configuration) is a TypeBox definition, made into
// JSON Schema and compiled by Ajv with the same options. `npm run build` writes
// each as JSON and as a standalone Ajv validator (scripts/build-validators.mjs),
// so a run loads neither TypeBox nor Ajv's compiler; running from src/ (tests,
// tsx), both are made here on first use.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { ajv, typebox } from '../lazy.js';
import { toJsonSchema, type JsonSchema, type TypeBuilder } from './json-schema.js';

export interface SchemaSpec {
  /** File name of the built schema and validator: dist/schema/compiled/<name>.{json,cjs}. */
  name: string;
  define: (T: TypeBuilder) => TSchema;
  /** Keywords put first in the JSON Schema ($id, title). */
  head?: JsonSchema;
}

export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The options of every validator: all errors, each with its value and schema (errors.ts uses both). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, discriminator: true, strict: false, allowUnionTypes: true } as const;

const require = createRequire(import.meta.url);
const schemas = new Map<string, JsonSchema>();
const validators = new Map<string, Validator>();

function built<T>(file: string): T | undefined {
  try {
    return require(`./compiled/${file}`) as T;
  } catch {
    return undefined;
  }
}

/** The JSON Schema of a spec. */
export function schemaOf(spec: SchemaSpec): JsonSchema {
  let schema = schemas.get(spec.name);
  if (!schema) {
    schema = built<JsonSchema>(`${spec.name}.json`) ?? makeSchema(spec);
    schemas.set(spec.name, schema);
  }
  return schema;
}

/** The JSON Schema of a spec, made from its definition now (the build calls this). */
export function makeSchema(spec: SchemaSpec): JsonSchema {
  return toJsonSchema(spec.define(typebox().Type), spec.head);
}

/** The compiled validator of a spec, loaded once. */
export function validatorOf(spec: SchemaSpec): Validator {
  let validate = validators.get(spec.name);
  if (!validate) {
    const module = built<Validator | { default: Validator }>(`${spec.name}.cjs`);
    validate = module ? (typeof module === 'function' ? module : module.default) : (new (ajv().Ajv)(AJV_OPTIONS).compile(schemaOf(spec)) as Validator);
    validators.set(spec.name, validate);
  }
  return validate;
}

/** Validate `data`: the errors, none when it is valid. */
export function validateWith(spec: SchemaSpec, data: unknown): ErrorObject[] {
  const validate = validatorOf(spec);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
