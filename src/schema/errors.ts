// The one translation of schema errors into zhpress's messages: Ajv's errors
// (from the validators of validate.ts, with their values and schemas) become
// "<where>: <what is wrong>; <what is allowed>" lines, <where> a JSON pointer
// (the model's JSON form) or a key path ("styles.body.size", "articles[0].kind")
// with the file line where the key stands.
import type { ErrorObject } from 'ajv';
import { ZhpressError } from '../errors.js';
import type { JsonSchema } from './json-schema.js';

export type PathPart = string | number;

export interface Located {
  line: number;
  column?: number;
}

export interface ProblemOptions {
  /** How places are written: a JSON pointer ("/children/0/id") or a key path ("page.size"). */
  style: 'pointer' | 'key';
  /** The line (and column) of a key in the file, where known. */
  locate?: (path: PathPart[]) => Located | undefined;
  /** The whole schema, for the definitions its unions refer to. */
  schema?: JsonSchema;
}

export interface Problem {
  /** The path of the value (of the key, for an unknown key). */
  path: PathPart[];
  /** "<where>: <what>". */
  message: string;
  at?: Located;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'empty',
};

/** A value as a message shows it: `"text"`, `number 42`, `an object`; an array is "a list" in YAML's words. */
export function describeValue(value: unknown, style: ProblemOptions['style'] = 'pointer'): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return style === 'key' ? 'a list' : 'an array';
  if (typeof value === 'string') return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function pathOf(pointer: string): PathPart[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

/** How a path is written in a message. */
export function formatPath(path: readonly PathPart[], style: ProblemOptions['style']): string {
  if (style === 'pointer') return `/${path.join('/')}`;
  const key = path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  return key || '(top level)';
}

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

function expected(schema: JsonSchema | undefined, fallback: string): string {
  return typeof schema?.description === 'string' ? schema.description : fallback;
}

/** The `type` tags a discriminated union allows, through its references. */
function tags(union: JsonSchema, root: JsonSchema | undefined, tag: string): string[] {
  const definitions = (root?.definitions ?? {}) as Record<string, JsonSchema>;
  return ((union.oneOf ?? []) as JsonSchema[]).map((branch) => {
    const target = typeof branch.$ref === 'string' ? definitions[branch.$ref.replace('#/definitions/', '')] : branch;
    const properties = (target?.properties ?? {}) as Record<string, JsonSchema>;
    return String(properties[tag]?.const ?? properties[tag]?.enum ?? '?');
  });
}

function translate(error: ErrorObject, options: ProblemOptions): Problem {
  let path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as JsonSchema | undefined;
  const found = describeValue(error.data, options.style);
  const typeName = (type: string) => (type === 'array' && options.style === 'pointer' ? 'an array' : (TYPE_NAMES[type] ?? type));
  let what: string;
  switch (error.keyword) {
    case 'additionalProperties':
      path = [...path, String(params.additionalProperty)];
      what = `unknown key; allowed here: ${list(Object.keys((parent?.properties as object) ?? {}))}`;
      break;
    case 'required':
      what = `missing key "${String(params.missingProperty)}"`;
      break;
    case 'discriminator': {
      const tag = String(params.tag);
      const value = (error.data as Record<string, unknown> | undefined)?.[tag];
      path = [...path, tag];
      const name = tag === 'type' ? 'node type' : tag;
      what = `${value === undefined ? `missing ${name}` : `unknown ${name} ${describeValue(value)}`}; expected one of ${list(tags(parent ?? {}, options.schema, tag))}`;
      break;
    }
    case 'enum':
      what = `${found} is not allowed; allowed: ${list(params.allowedValues as unknown[])}`;
      break;
    case 'const':
      what = `${found} is not allowed; allowed: ${String(params.allowedValue)}`;
      break;
    case 'type':
      what = `found ${found}; expected ${String(params.type).split(',').map(typeName).join(' or ')}`;
      break;
    case 'pattern':
      what = `found ${found}; expected ${expected(parent, `text matching ${String(params.pattern)}`)}`;
      break;
    case 'anyOf':
    case 'oneOf':
      what = `${found} is not ${expected(parent, ((error.schema ?? []) as JsonSchema[]).map((b) => (b.type ? typeName(String(b.type)) : 'another form')).join(' or '))}`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };
      what = `found ${found}; expected ${expected(parent, `a number ${words[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}`)}`;
      break;
    }
    case 'minLength':
      what = `found ${found}; expected ${params.limit === 1 ? 'text that is not empty' : `text of at least ${String(params.limit)} characters`}`;
      break;
    default:
      what = `${error.message ?? 'is not valid'} (found ${found})`;
  }
  const at = options.locate?.(path);
  return { path, message: `${formatPath(path, options.style)}: ${what}`, ...(at ? { at } : {}) };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

function branchTakes(branch: JsonSchema, type: string): boolean {
  const types = ([] as unknown[]).concat(branch.type ?? []);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

/**
 * Which errors to report for a union that failed: the union's own where it says what
 * the value should be (its description) or where the value's JSON type fits no branch
 * or several; else the errors of the one branch its type fits (an article entry's bad
 * key, not "must match a schema in anyOf").
 */
function unionErrors(errors: readonly ErrorObject[]): Set<ErrorObject> {
  const hidden = new Set<ErrorObject>();
  for (const union of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    const branches = (Array.isArray(union.schema) ? union.schema : []) as JsonSchema[];
    const described = typeof (union.parentSchema as JsonSchema | undefined)?.description === 'string';
    const fits = branches.map((b, i) => (branchTakes(b, jsonType(union.data)) ? i : -1)).filter((i) => i >= 0);
    const kept = !described && fits.length === 1 ? `${union.schemaPath}/${fits[0]}/` : undefined;
    if (kept) hidden.add(union);
    for (const e of errors) {
      const inside = e !== union && e.schemaPath.startsWith(`${union.schemaPath}/`) && `${e.instancePath}/`.startsWith(`${union.instancePath}/`);
      if (inside && !(kept && e.schemaPath.startsWith(kept))) hidden.add(e);
    }
  }
  return hidden;
}

/**
 * Ajv's errors as problems, one a fault, in the order of the file's lines where
 * known (unionErrors: a union that failed is said once).
 */
export function schemaProblems(errors: readonly ErrorObject[], options: ProblemOptions): Problem[] {
  const hidden = unionErrors(errors);
  const seen = new Set<string>();
  const problems = errors
    .filter((e) => !hidden.has(e))
    .map((e) => translate(e, options))
    .filter((p) => !seen.has(p.message) && seen.add(p.message));
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.at?.line ?? Infinity) - (b.problem.at?.line ?? Infinity) || (a.problem.at?.column ?? 0) - (b.problem.at?.column ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}

export interface SchemaErrorOptions extends ProblemOptions {
  file?: string;
  hint?: string;
  exitCode?: number;
  /** Put before the message: "bad sidecar metadata: ". */
  prefix?: string;
}

/** Problems listed at most this many to a message. */
const MAX_LISTED = 10;

/** One ZhpressError for all the faults: the first with its line, then "; also line N: …" for the others. */
export function schemaError(errors: readonly ErrorObject[], options: SchemaErrorOptions): ZhpressError {
  const [first, ...rest] = schemaProblems(errors, options);
  if (!first) return new ZhpressError(`${options.prefix ?? ''}not valid`, { file: options.file, hint: options.hint, exitCode: options.exitCode });
  const shown = rest.slice(0, MAX_LISTED - 1).map((p) => (p.at ? `line ${p.at.line}: ${p.message}` : p.message));
  const more = rest.length > shown.length ? `; and ${rest.length - shown.length} more` : '';
  return new ZhpressError(`${options.prefix ?? ''}${first.message}${shown.length ? `; also ${shown.join('; ')}` : ''}${more}`, {
    file: options.file,
    line: first.at?.line,
    column: first.at?.column,
    hint: options.hint,
    exitCode: options.exitCode,
  });
}
