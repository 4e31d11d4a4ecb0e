// TypeBox definitions to plain JSON Schema (draft-07) for Ajv and for readers of
// `zhpress schema`: TypeBox's own marks (symbols, `~kind`) dropped, a module's
// `$defs` as `definitions` referred to by JSON pointer, and a union tagged by a
// discriminator as `oneOf` (its branches exclude each other by their `type`, so
// oneOf and TypeBox's anyOf accept the same values; Ajv then checks only the
// branch the tag names, and says which tag it did not know).
import type { JavaScriptTypeBuilder, TSchema } from '@sinclair/typebox';

export type TypeBuilder = JavaScriptTypeBuilder;

export type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

function plain(value: unknown, names: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => plain(item, names));
  if (!isObject(value)) return value;
  const out: JsonSchema = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '~kind' || (key === '$id' && typeof item === 'string' && names.has(item))) continue;
    if (key === '$ref' && typeof item === 'string' && names.has(item)) out.$ref = `#/definitions/${item}`;
    else out[key] = plain(item, names);
  }
  // A union of literals is an enum: one error that names the allowed values.
  if (Array.isArray(out.anyOf) && out.anyOf.every((b) => isObject(b) && 'const' in b && Object.keys(b).every((k) => k === 'const' || k === 'type'))) {
    const { anyOf, ...rest } = out;
    return { ...rest, enum: (anyOf as JsonSchema[]).map((b) => b.const) };
  }
  if (isObject(out.discriminator) && Array.isArray(out.anyOf)) {
    const tag = String(out.discriminator.propertyName);
    const { anyOf, ...rest } = out;
    return { type: 'object', required: [tag], ...rest, oneOf: anyOf };
  }
  return out;
}

/**
 * The JSON Schema of `schema`: a TypeBox schema, or an import from a TypeBox module
 * (`{ $defs, $ref }`), whose definitions stand under `definitions`.
 */
export function toJsonSchema(schema: TSchema, head: JsonSchema = {}): JsonSchema {
  const source = JSON.parse(JSON.stringify(schema)) as JsonSchema;
  const defs = isObject(source.$defs) ? source.$defs : undefined;
  if (!defs) return { $schema: 'http://json-schema.org/draft-07/schema#', ...head, ...(plain(source, new Set()) as JsonSchema) };
  const names = new Set(Object.keys(defs));
  const root = String(source.$ref);
  const definitions = Object.fromEntries(Object.entries(defs).filter(([name]) => name !== root).map(([name, def]) => [name, plain(def, names)]));
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...head, ...(plain(defs[root], names) as JsonSchema), definitions };
}
