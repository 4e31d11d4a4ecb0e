// The work of a batch: one job per input and variant (reading is shared by the
// formats of a job), with output paths that are unique and stable.
import { createHash } from 'node:crypto';
import { basename, dirname, extname, relative, sep } from 'node:path';
import { ZhpressError } from '../errors.js';
import type { Lang } from '../model/types.js';
import { extensionOf, type Format } from '../writers/index.js';

export interface InputRef {
  /** The path as found. */
  path: string;
  /** The folder the user named, when the input was found inside one. */
  root?: string;
}

export interface Job {
  input: string;
  variant: Lang;
  formats: Format[];
  /** Output path (inside the output folder) for each format. */
  outputs: Partial<Record<Format, string>>;
}

/** Default output name: the input's name (and its folder inside a named folder), variant, extension. */
export const DEFAULT_NAME = '{dir}{name}.{variant}.{ext}';

const FIELDS = new Set(['dir', 'name', 'variant', 'ext', 'format']);

export function checkNamePattern(pattern: string): void {
  for (const [, field] of pattern.matchAll(/\{([^}]*)\}/g)) {
    if (!FIELDS.has(field!)) {
      throw new ZhpressError(`unknown field {${field}} in the output name pattern`, { hint: `fields: ${[...FIELDS].map((f) => `{${f}}`).join(' ')}`, exitCode: 2 });
    }
  }
  if (!pattern.includes('{name}')) throw new ZhpressError('the output name pattern must contain {name}', { exitCode: 2 });
  if (!pattern.includes('{ext}') && !pattern.includes('{format}')) throw new ZhpressError('the output name pattern must contain {ext}', { exitCode: 2 });
}

/** Characters that no file system takes in a name, and control characters. */
function safe(part: string): string {
  return part.replace(/[\u0000-\u001f<>:"|?*\\/]/g, '_').replace(/^\.+/, '_');
}

function fill(pattern: string, fields: Record<string, string>): string {
  const name = pattern.replace(/\{(\w+)\}/g, (_, key: string) => fields[key] ?? '');
  // The path may only go down into the output folder.
  const parts = name.split('/').filter((p) => p && p !== '.' && p !== '..');
  return parts.join('/');
}

/** The longest file name most file systems take (ext4, APFS, NTFS: 255 bytes or UTF-16 units). */
export const MAX_NAME_BYTES = 255;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** `s` cut to at most `limit` UTF-8 bytes, at a character boundary. */
function cutToBytes(s: string, limit: number): string {
  let out = '';
  for (const ch of s) {
    if (bytes(out) + bytes(ch) > limit) break;
    out += ch;
  }
  return out;
}

/**
 * The pattern filled in, with {name} shortened where a part of the path would be
 * longer than a file system takes (a 250-byte input name plus ".zh-Hant-TW.docx"):
 * cut, and told apart from other long names by a hash of the whole name.
 */
function fillToFit(pattern: string, fields: Record<string, string>): string {
  const path = fill(pattern, fields);
  const longest = Math.max(...path.split('/').map(bytes));
  if (longest <= MAX_NAME_BYTES) return path;
  const name = fields.name!;
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  const keep = bytes(name) - (longest - MAX_NAME_BYTES) - bytes(tag);
  if (keep < 1) throw new ZhpressError(`the output name pattern makes a name longer than ${MAX_NAME_BYTES} bytes: ${path}`, { exitCode: 2 });
  const fitted = fill(pattern, { ...fields, name: `${cutToBytes(name, keep)}${tag}` });
  if (Math.max(...fitted.split('/').map(bytes)) > MAX_NAME_BYTES) throw new ZhpressError(`the output name pattern makes a name longer than ${MAX_NAME_BYTES} bytes: ${path}`, { exitCode: 2 });
  return fitted;
}

export function planJobs(inputs: readonly InputRef[], variants: readonly Lang[], formats: readonly Format[], pattern = DEFAULT_NAME): Job[] {
  checkNamePattern(pattern);
  const stems = inputs.map((input) => {
    const dir = input.root ? dirname(relative(input.root, input.path)) : '.';
    return {
      input: input.path,
      dir: dir === '.' ? '' : `${dir.split(sep).map(safe).join('/')}/`,
      name: safe(basename(input.path, extname(input.path))),
    };
  });
  // Two inputs with the same name in different folders must not overwrite each other:
  // name them by their parent folders, as far up as it takes.
  const key = (s: (typeof stems)[number]) => `${s.dir}${s.name}`;
  for (let depth = 1; depth < 8; depth++) {
    const counts = new Map<string, number>();
    for (const s of stems) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    const clashes = stems.filter((s) => counts.get(key(s))! > 1);
    if (clashes.length === 0) break;
    for (const s of clashes) {
      const parents = dirname(s.input).split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..');
      const parent = parents.slice(-depth).map(safe).join('_') || `${depth}`;
      s.name = `${parent}_${safe(basename(s.input, extname(s.input)))}`;
    }
  }
  // Inputs that differ only by extension in one folder (新闻.txt and 新闻.json, as
  // `zhpress parse` makes them) keep their own names, told apart by the extension.
  const counts = new Map<string, number>();
  for (const s of stems) counts.set(`${s.dir}${s.name}`, (counts.get(`${s.dir}${s.name}`) ?? 0) + 1);
  for (const s of stems) {
    if (counts.get(`${s.dir}${s.name}`)! > 1) s.name = `${safe(basename(s.input, extname(s.input)))}_${safe(extname(s.input).slice(1) || 'noext')}`;
  }
  const jobs: Job[] = [];
  const seen = new Map<string, string>();
  for (const s of stems) {
    for (const variant of variants) {
      const outputs: Partial<Record<Format, string>> = {};
      for (const format of formats) {
        const path = fillToFit(pattern, { dir: s.dir, name: s.name, variant, ext: extensionOf(format), format });
        const other = seen.get(path);
        if (other && other !== `${s.input}:${variant}:${format}`) {
          throw new ZhpressError(`two outputs would both be written to ${path}`, { hint: 'put {variant} and {ext} in the --name pattern', exitCode: 2 });
        }
        seen.set(path, `${s.input}:${variant}:${format}`);
        outputs[format] = path;
      }
      jobs.push({ input: s.input, variant, formats: [...formats], outputs });
    }
  }
  return jobs;
}

/** Shard K of N (1-based): a deterministic share by input, the same on every machine. */
export function inShard(input: string, shard: { index: number; count: number }): boolean {
  if (shard.count <= 1) return true;
  const digest = createHash('sha256').update(input.split(sep).join('/')).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}

export function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ZhpressError(`bad --shard "${value}"`, { hint: 'write K/N with 1 <= K <= N, e.g. --shard 2/4', exitCode: 2 });
  }
  return { index, count };
}

