// Loading a template: find the file, parse YAML/JSON, validate against the
// schema (errors name the file, line, key and allowed values), apply `extends`,
// merge the variant's settings, fill defaults and convert units.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZhpressError } from '../errors.js';
import { yaml } from '../lazy.js';
import type { Lang } from '../model/types.js';
import { FIELD_NAMES } from './fields.js';
import { type Located, schemaError } from '../schema/errors.js';
import { validateWith } from '../schema/validate.js';
import { yamlLocator } from '../schema/yaml-locate.js';
import { TEMPLATE_SCHEMA } from './schema.js';
import { resolveTemplate } from './resolve.js';
import type { Template } from './types.js';

/** Built-in templates ship in the package's templates/ folder. */
export const BUILTIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');
const EXTENSIONS = ['.yaml', '.yml', '.json'];

export type RawTemplate = Record<string, unknown>;

function isPath(ref: string): boolean {
  return /[\\/]/.test(ref) || EXTENSIONS.includes(extname(ref));
}

/** Where a template name or path leads: a path as given, else ./templates/NAME.*, else built-in. */
export function findTemplate(ref: string, from = process.cwd()): string {
  if (isPath(ref)) {
    const path = resolve(from, ref);
    if (!existsSync(path)) throw new ZhpressError(`template file not found`, { file: path, hint: 'check the path given to --template', exitCode: 2 });
    return path;
  }
  for (const dir of [join(process.cwd(), 'templates'), BUILTIN_DIR]) {
    for (const ext of EXTENSIONS) {
      const path = join(dir, ref + ext);
      if (existsSync(path)) return path;
    }
  }
  const known = listTemplates().map((t) => t.name).join(', ');
  throw new ZhpressError(`unknown template "${ref}"`, { hint: `built-in and local templates: ${known}; or give a path to a .yaml file`, exitCode: 2 });
}

/** The built-in templates as parsed and validated at build time (scripts/build-validators.mjs), by file name. */
let prebuilt: Record<string, { source: string; data: RawTemplate }> | undefined;

/** A built-in template's data from the build, if its file is still what was built (else undefined). */
function prebuiltTemplate(path: string, source: string): RawTemplate | undefined {
  if (dirname(path) !== BUILTIN_DIR) return undefined;
  try {
    prebuilt ??= JSON.parse(readFileSync(fileURLToPath(new URL('./builtin-templates.json', import.meta.url)), 'utf8')) as NonNullable<typeof prebuilt>;
  } catch {
    prebuilt = {};
  }
  const entry = prebuilt[basename(path)];
  return entry?.source === source ? structuredClone(entry.data) : undefined;
}

/** Parse and validate one template file (without `extends`). */
export function readTemplateFile(path: string): RawTemplate {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ZhpressError(`cannot read template: ${(error as Error).message}`, { file: path, exitCode: 2 });
  }
  const built = prebuiltTemplate(path, source);
  if (built) return built;
  return parseTemplate(path, source);
}

/** Parse YAML or JSON and validate it; errors name the line of the offending key. */
export function parseTemplate(path: string, source: string): RawTemplate {
  const { LineCounter, parseDocument, isMap } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lines.linePos(syntax.pos[0]);
    throw new ZhpressError(`template is not valid YAML/JSON: ${syntax.message.split('\n')[0]}`, { file: path, line: at.line, column: at.col, exitCode: 2 });
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml refuses aliases that expand past maxAliasCount (100): a "billion laughs" file.
    throw new ZhpressError(`template is not valid YAML: ${(error as Error).message}`, { file: path, exitCode: 2, hint: 'YAML aliases (*name) may expand to at most 100 copies' });
  }
  if (!isMap(doc.contents) || typeof data !== 'object' || data === null) {
    throw new ZhpressError('a template must be a mapping of keys (page, fonts, styles, …)', { file: path, exitCode: 2 });
  }
  const locate = yamlLocator(doc, lines);
  const errors = validateWith(TEMPLATE_SCHEMA, data);
  if (errors.length) throw schemaError(errors, { style: 'key', locate, file: path, exitCode: 2 });
  checkFields(data as RawTemplate, locate, path);
  return data as RawTemplate;
}

/** A {field} in a header, footer or cover label that no writer fills is an error, not literal text. */
function checkFields(raw: RawTemplate, locate: (keys: string[]) => Located | undefined, file: string): void {
  const texts: [string[], unknown][] = [];
  for (const band of ['header', 'footer']) {
    const spec = raw[band];
    if (isObject(spec)) for (const part of ['left', 'center', 'right', 'outer']) texts.push([[band, part], spec[part]]);
  }
  if (isObject(raw.cover)) texts.push([['cover', 'pageLabel'], raw.cover.pageLabel]);
  for (const [keys, text] of texts) {
    if (typeof text !== 'string') continue;
    for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
      const name = match[1]!;
      if (FIELD_NAMES.includes(name) || (keys[1] === 'pageLabel' && name === 'page')) continue;
      const near = nearest(name, FIELD_NAMES);
      const at = locate(keys);
      throw new ZhpressError(`${keys.join('.')}: unknown field {${name}}${near ? `; did you mean {${near}}?` : ''} Fields: ${FIELD_NAMES.map((f) => `{${f}}`).join(' ')}`, {
        file,
        line: at?.line,
        column: at?.column,
        exitCode: 2,
      });
    }
  }
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(word.toLowerCase(), name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge: objects merge key by key, everything else is replaced. */
export function merge(base: RawTemplate, over: RawTemplate): RawTemplate {
  const out: RawTemplate = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(out[key]) ? merge(out[key] as RawTemplate, value) : value;
  }
  return out;
}

/** A template file with its `extends` chain applied. */
export function readWithExtends(path: string, seen: string[] = []): RawTemplate {
  if (seen.includes(path)) throw new ZhpressError(`templates extend each other in a circle: ${[...seen, path].map((p) => basename(p)).join(' → ')}`, { file: path, exitCode: 2 });
  const raw = readTemplateFile(path);
  const parentRef = raw.extends;
  const name = typeof raw.name === 'string' ? raw.name : basename(path, extname(path));
  if (typeof parentRef !== 'string') return { ...raw, name };
  let parentPath: string;
  try {
    parentPath = findTemplate(parentRef, dirname(path));
  } catch (error) {
    if (!(error instanceof ZhpressError)) throw error;
    // Name the file and line of the `extends`, and the template it most likely means.
    const source = readFileSync(path, 'utf8');
    const line = source.split(/\r?\n/).findIndex((l) => /^\s*["']?extends["']?\s*:/.test(l)) + 1 || undefined;
    const near = isPath(parentRef) ? undefined : nearest(parentRef, listTemplates().map((t) => t.name));
    throw new ZhpressError(`extends: ${error.message}${near ? `; did you mean "${near}"?` : ''}`, { file: path, line, hint: error.hint, exitCode: 2 });
  }
  const parent = readWithExtends(parentPath, [...seen, path]);
  const { extends: _ignored, ...own } = raw;
  return merge(parent, { ...own, name });
}

const cache = new Map<string, Template>();

/** The template `ref` (name or path), resolved for `variant`. Cached per process. */
export function loadTemplate(ref: string, variant: Lang = 'zh-Hans'): Template {
  const path = findTemplate(ref);
  const key = `${path}\0${variant}`;
  let template = cache.get(key);
  if (!template) {
    template = resolveTemplate(readWithExtends(path), variant, path);
    cache.set(key, template);
  }
  return template;
}

/** Forget the templates read so far (`zhpress watch`: a template file changed). */
export function forgetTemplates(): void {
  cache.clear();
}

export interface TemplateInfo {
  name: string;
  description: string;
  path: string;
  builtin: boolean;
}

/** Local templates (./templates) first, then the built-in ones they do not shadow. */
export function listTemplates(): TemplateInfo[] {
  const found = new Map<string, TemplateInfo>();
  const local = join(process.cwd(), 'templates');
  for (const [dir, builtin] of [[local, false], [BUILTIN_DIR, true]] as const) {
    // Run from zhpress's own folder, ./templates is the built-in one.
    if (!existsSync(dir) || (!builtin && resolve(dir) === BUILTIN_DIR)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!EXTENSIONS.includes(extname(file))) continue;
      const name = basename(file, extname(file));
      if (found.has(name)) continue;
      const path = join(dir, file);
      let description = '';
      try {
        description = String(readTemplateFile(path).description ?? '');
      } catch (error) {
        description = `(invalid: ${(error as Error).message})`;
      }
      found.set(name, { name, description, path, builtin });
    }
  }
  return [...found.values()];
}
