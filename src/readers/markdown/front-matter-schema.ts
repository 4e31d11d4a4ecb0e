// What front matter may hold: the edition's metadata and an `articles:` list of
// article metadata, both the model's own fields (model/definition.ts). It is read
// loosely: a number where text is asked for is that text, one text where a list
// is asked for is a list of one, and whatever still fails the schema is left out
// with a warning saying why (the one translation of schema errors, schema/errors.ts).
import { articleMetaFields, editionMetaFields, literals } from '../../model/definition.js';
import { LANGS } from '../../model/enums.js';
import { type PathPart, type ProblemOptions, schemaProblems } from '../../schema/errors.js';
import type { JsonSchema, TypeBuilder } from '../../schema/json-schema.js';
import { type SchemaSpec, schemaOf, validateWith } from '../../schema/validate.js';

export function defineFrontMatter(T: TypeBuilder) {
  const closed = { additionalProperties: false } as const;
  const entry = T.Object({ id: T.Optional(T.String()), ...articleMetaFields(T) }, closed);
  return T.Object(
    {
      ...editionMetaFields(T),
      lang: T.Optional(literals(T, LANGS)),
      articles: T.Optional(T.Union([T.Null(), T.Array(T.Union([T.Null(), entry]))])),
    },
    closed,
  );
}

export const FRONT_MATTER_SCHEMA: SchemaSpec = { name: 'front-matter', define: defineFrontMatter };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` read as `schema` asks where that is plain: numbers and dates as text, one text as a list of one. */
function coerce(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return coerce(value, branches.find((b) => (b.type === 'array') === Array.isArray(value) && b.type !== 'null') ?? branches[0]);
  if (schema.type === 'string') {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    return value;
  }
  if (schema.type === 'array') {
    const items = schema.items as JsonSchema | undefined;
    if (Array.isArray(value)) return value.map((item) => coerce(item, items));
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return [coerce(value, items)];
    return value;
  }
  if (schema.type === 'object' && isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, coerce(item, properties[key])]));
  }
  return value;
}

const DROPPED = Symbol('dropped');

/** Take out the value at `path`: an article's entry becomes null (entries go by position), a list's item goes. */
function drop(root: Record<string, unknown>, path: PathPart[]): void {
  if (path.length === 0) return;
  let parent: unknown = root;
  for (const part of path.slice(0, -1)) parent = (parent as Record<PathPart, unknown> | undefined)?.[part];
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) parent[last as number] = path.length === 2 && path[0] === 'articles' ? null : DROPPED;
  else if (isObject(parent)) delete parent[last as string];
}

function sweep(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== DROPPED).map(sweep);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sweep(item)]));
  return value;
}

/** The front matter with what fails its schema left out; `warn` hears of each fault, with its path. */
export function checkFrontMatter(
  value: Record<string, unknown>,
  warn: (path: PathPart[], message: string) => void,
  locate?: ProblemOptions['locate'],
): Record<string, unknown> {
  let current = coerce(value, schemaOf(FRONT_MATTER_SCHEMA)) as Record<string, unknown>;
  // Leaving a value out can leave its parent in fault (a dateline without `raw`): a few rounds at most.
  for (let round = 0; round < 4; round++) {
    const errors = validateWith(FRONT_MATTER_SCHEMA, current);
    if (!errors.length) break;
    for (const problem of schemaProblems(errors, { style: 'key', locate })) {
      warn(problem.path, problem.message);
      drop(current, problem.path);
    }
    current = sweep(current) as Record<string, unknown>;
  }
  return current;
}
