// Plugins: a JavaScript module whose default export says what it adds, writers
// (new formats), readers (new input formats) and transforms, each the same shape
// as zhpress's own (src/writers/types.ts, src/readers/types.ts, src/transforms/types.ts):
//
//   export default {
//     name: 'html',
//     writers: { html: { extension: 'html', label: 'HTML', write(edition, context) { … return { data, report: [] }; } } },
//     readers: { csv: { extensions: ['.csv'], read({ text, path }, options) { … return { edition, report: [] }; } } },
//     transforms: [{ name: 'my-step', transform(edition, context) { … return { edition, report: [] }; } }],
//   };
//
// `zhpress build --plugin ./my-writer.js`, `plugins:` in zhpress.config.yaml, or
// loadPlugin() from the library. A plugin that cannot be found, loaded, or has not
// this shape stops the run with one line naming its file and what is wrong.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { ZhpressError } from '../errors.js';
import type { Change, Edition } from '../model/types.js';
import { registerReader } from '../readers/index.js';
import type { Reader } from '../readers/types.js';
import { registerTransform } from '../transforms/index.js';
import type { Transform } from '../transforms/types.js';
import type { Writer, WriteResult } from '../writers/types.js';
import { registerWriter } from '../writers/index.js';

export interface WriterPlugin extends Writer {
  /** The format's name in prose ("HTML"); default: the format's name. */
  label?: string;
}

export interface ReaderPlugin {
  /** The file extensions this reader takes (".csv"); without any, it is chosen with --from only. */
  extensions?: string[];
  read: Reader;
}

export interface TransformPlugin {
  name: string;
  transform: Transform;
}

export interface ZhpressPlugin {
  name?: string;
  writers?: Record<string, WriterPlugin>;
  readers?: Record<string, ReaderPlugin>;
  transforms?: TransformPlugin[];
}

const HINT = 'see "Plugins" in README.md';
const KEYS = ['name', 'writers', 'readers', 'transforms'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function bad(file: string, message: string): ZhpressError {
  return new ZhpressError(`plugin: ${message}`, { file, hint: HINT, exitCode: 2 });
}

/** The plugin's shape, checked before anything is registered: a bad plugin adds nothing. */
function checkShape(plugin: unknown, file: string): asserts plugin is ZhpressPlugin {
  if (!isObject(plugin)) throw bad(file, 'exports nothing zhpress can use; export default { writers: { … } } (or readers, transforms)');
  const unknown = Object.keys(plugin).filter((key) => !KEYS.includes(key));
  if (unknown.length) throw bad(file, `unknown key "${unknown[0]}"; allowed here: ${KEYS.join(', ')}`);
  if (!plugin.writers && !plugin.readers && !plugin.transforms) throw bad(file, 'adds nothing: give writers, readers or transforms');
  for (const group of ['writers', 'readers'] as const) {
    if (plugin[group] !== undefined && !isObject(plugin[group])) throw bad(file, `${group} must be an object of ${group} by name`);
  }
  for (const [format, writer] of Object.entries((plugin.writers ?? {}) as Record<string, unknown>)) {
    if (!isObject(writer) || typeof writer.write !== 'function') throw bad(file, `writers.${format}: write(edition, context) must be a function`);
    if (typeof writer.extension !== 'string') throw bad(file, `writers.${format}: extension must be text ("html")`);
  }
  for (const [name, reader] of Object.entries((plugin.readers ?? {}) as Record<string, unknown>)) {
    if (!isObject(reader) || typeof reader.read !== 'function') throw bad(file, `readers.${name}: read(input, options) must be a function`);
    if (reader.extensions !== undefined && !(Array.isArray(reader.extensions) && reader.extensions.every((e) => typeof e === 'string'))) {
      throw bad(file, `readers.${name}: extensions must be a list of texts ([".csv"])`);
    }
  }
  if (plugin.transforms !== undefined && !Array.isArray(plugin.transforms)) throw bad(file, 'transforms must be a list of { name, transform }');
  (plugin.transforms ?? []).forEach((step: unknown, i: number) => {
    if (!isObject(step) || typeof step.name !== 'string' || typeof step.transform !== 'function') {
      throw bad(file, `transforms[${i}]: must be { name, transform(edition, context) }`);
    }
  });
}

/** A plugin's failure is said as its own, in one line, never as zhpress's internal error. */
function failure(what: string, file: string, error: unknown): ZhpressError {
  if (error instanceof ZhpressError) return error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ZhpressError(`${what} failed: ${message.split('\n')[0]}`, { file, hint: 'the plugin\u2019s own error' });
}

function guardWriter(format: string, writer: WriterPlugin, file: string): Writer {
  return {
    extension: writer.extension,
    async write(edition, context): Promise<WriteResult> {
      let result: WriteResult;
      try {
        result = await writer.write(edition, context);
      } catch (error) {
        throw failure(`the ${format} writer (plugin)`, file, error);
      }
      if (!isObject(result) || !(typeof result.data === 'string' || result.data instanceof Uint8Array)) {
        throw new ZhpressError(`the ${format} writer (plugin) returned no { data } (a string or a Uint8Array)`, { file, hint: HINT });
      }
      return { ...result, report: Array.isArray(result.report) ? result.report : [] };
    },
  };
}

function guardStep<A extends unknown[], R extends { edition: Edition; report?: Change[] }>(what: string, file: string, step: (...args: A) => R): (...args: A) => R & { report: Change[] } {
  return (...args) => {
    let result: R;
    try {
      result = step(...args);
    } catch (error) {
      throw failure(what, file, error);
    }
    if (!isObject(result) || !isObject(result.edition) || result.edition.type !== 'edition') {
      throw new ZhpressError(`${what} returned no { edition }`, { file, hint: HINT });
    }
    return { ...result, report: Array.isArray(result.report) ? result.report : [] };
  };
}

/** Register what a plugin adds; `file` names it in messages. */
export function registerPlugin(plugin: unknown, file = 'plugin'): void {
  checkShape(plugin, file);
  for (const [format, writer] of Object.entries(plugin.writers ?? {})) {
    const guarded = guardWriter(format, writer, file);
    registerWriter(format, { extension: writer.extension, label: writer.label, origin: file, load: () => guarded });
  }
  for (const [name, reader] of Object.entries(plugin.readers ?? {})) {
    registerReader(name, guardStep(`the ${name} reader (plugin)`, file, reader.read), { extensions: reader.extensions, origin: file });
  }
  for (const step of plugin.transforms ?? []) registerTransform(step.name, guardStep(`the ${step.name} transform (plugin)`, file, step.transform), file);
}

/** Where a plugin is: a path (./x.js, /abs/x.mjs) from `from`, else a package name found from there. */
export function resolvePlugin(specifier: string, from = process.cwd()): string {
  const isPath = isAbsolute(specifier) || /^\.\.?([\\/]|$)/.test(specifier) || /\.[cm]?js$/.test(specifier);
  if (isPath) {
    const path = resolve(from, specifier);
    if (!existsSync(path)) throw new ZhpressError('plugin file not found', { file: path, hint: 'check the path given to --plugin or plugins:', exitCode: 2 });
    if (!statSync(path).isFile()) throw new ZhpressError('a plugin is a JavaScript file, not a folder', { file: path, hint: 'give the path of its .js file', exitCode: 2 });
    return path;
  }
  try {
    return createRequire(join(from, 'noop.js')).resolve(specifier);
  } catch {
    throw new ZhpressError(`plugin "${specifier}" not found: no such package here`, { hint: 'give a path such as ./my-writer.js, or npm install the package', exitCode: 2 });
  }
}

const loaded = new Map<string, unknown>();

/**
 * Load and register a plugin, once per process (again is a no-op). The module is
 * required: CommonJS, or an ES module without top-level await (Node 20.19 and later).
 */
export function loadPlugin(specifier: string, from?: string): string {
  const path = resolvePlugin(specifier, from);
  if (loaded.has(path)) return path;
  let module: Record<string, unknown>;
  try {
    module = createRequire(path)(path) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_REQUIRE_ESM') throw new ZhpressError('plugin: an ES module plugin needs Node 20.19 or later here; or write it as CommonJS (.cjs)', { file: path, exitCode: 2 });
    if (code === 'ERR_REQUIRE_ASYNC_MODULE') throw new ZhpressError('plugin: uses top-level await, which a plugin cannot', { file: path, hint: 'do the work inside write() instead', exitCode: 2 });
    const failed = failure('loading the plugin', path, error);
    // A CommonJS syntax error's stack opens with "<file>:<line>" (an ES module's says no line).
    const first = String((error as Error).stack ?? '').split('\n')[0]!;
    const line = first.startsWith(`${path}:`) ? Number(first.slice(path.length + 1).split(':')[0]) || undefined : undefined;
    throw new ZhpressError(failed.message, { file: path, line, hint: failed.hint, exitCode: 2 });
  }
  // An ES module's namespace (or a CommonJS module built from one): its default export, or
  // one named `plugin`; a CommonJS module: its exports.
  const namespace = (module as { [Symbol.toStringTag]?: unknown } | undefined)?.[Symbol.toStringTag] === 'Module' || Boolean(module?.__esModule);
  const plugin = module?.default ?? module?.plugin ?? (namespace ? undefined : module);
  registerPlugin(plugin, path);
  loaded.set(path, plugin);
  return path;
}

/** Load several plugins, in order; the resolved paths (what workers load again). */
export function loadPlugins(specifiers: readonly string[] = [], from?: string): string[] {
  return specifiers.map((specifier) => loadPlugin(specifier, from));
}
