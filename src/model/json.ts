// The JSON form of the model: `{ "modelVersion": 1, ...edition }`. It is a public
// interface (`zhpress parse` prints it), so reading it back validates it against
// the schema and names the JSON pointer of the first fault.
import { ZhpressError } from '../errors.js';
import { describeValue as describe, schemaError } from '../schema/errors.js';
import { validateWith } from '../schema/validate.js';
import { MODEL_SCHEMA, modelSchema } from './schema.js';
import { MODEL_VERSION, type Edition } from './types.js';
import { MAX_JSON_DEPTH } from './limits.js';
import { isCalendarDate } from './dates.js';

/** The model as JSON text, `modelVersion` first, two-space indent, newline at the end. */
export function toJSON(edition: Edition): string {
  return `${JSON.stringify({ modelVersion: MODEL_VERSION, ...edition }, null, 2)}\n`;
}

/** Line and column of a character offset, both 1-based. */
function lineColumn(textValue: string, offset: number): { line: number; column: number } {
  const before = textValue.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The JSON pointer of the first value nested deeper than `limit`, found without
 * recursion (the schema check recurses, and would exhaust the call stack first).
 */
function tooDeep(root: unknown, limit: number): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limit) return path || '/';
    for (const [key, child] of Object.entries(value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1, path: `${path}/${key}` });
    }
  }
  return undefined;
}

/** Parse and validate the JSON form. Errors name the file, and the JSON pointer or line. */
export function fromJSON(source: string, file?: string): Edition {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1]);
    const where = Number.isFinite(offset) ? lineColumn(source, offset) : undefined;
    throw new ZhpressError(`not valid JSON: ${message.replace(/^JSON\.parse: /, '')}`, {
      file,
      line: where?.line,
      column: where?.column,
      hint: 'fix the JSON syntax',
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ZhpressError(`expected a zhpress model object, found ${describe(value)}`, { file });
  }
  const version = (value as Record<string, unknown>).modelVersion;
  if (version !== MODEL_VERSION) {
    throw new ZhpressError(
      version === undefined
        ? '/modelVersion: missing; this is not a zhpress model file'
        : `/modelVersion: this file has model version ${describe(version)}, this zhpress reads version ${MODEL_VERSION}`,
      { file, hint: `write it with a zhpress that uses model version ${MODEL_VERSION}` },
    );
  }
  const deep = tooDeep(value, MAX_JSON_DEPTH);
  if (deep) {
    const shown = deep.length > 60 ? `${deep.slice(0, 60)}…` : deep;
    throw new ZhpressError(`${shown}: nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays; zhpress reads models up to that depth`, {
      file,
      hint: 'a model this deep is not a document zhpress can lay out',
    });
  }
  const errors = validateWith(MODEL_SCHEMA, value);
  if (errors.length) throw schemaError(errors, { style: 'pointer', schema: modelSchema(), file, hint: 'see the model in README.md' });
  const date = ((value as { meta?: { date?: string } }).meta ?? {}).date;
  if (date !== undefined && !isCalendarDate(date)) throw new ZhpressError(`/meta/date: ${date} is no calendar date`, { file, hint: 'write the date as YYYY-MM-DD' });
  const { modelVersion: _version, ...edition } = value as Record<string, unknown>;
  return edition as unknown as Edition;
}
