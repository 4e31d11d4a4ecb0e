// The conversion dictionaries read from files: the built-in ones shipped in
// dictionaries/ (each read once per process, when a conversion first asks for it)
// and the user's (--dictionary), for the convert transform, which reads no files.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZhpressError } from '../errors.js';
import { type BuiltInDictionaries, type Dictionary, type LoadedDictionaries, parseDictionary } from '../transforms/convert/dictionary.js';

/** Read and parse a dictionary file. */
export function loadDictionary(file: string): Dictionary {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ZhpressError('cannot read the dictionary', {
      file,
      hint: 'check the path given as a dictionary',
      cause,
    });
  }
  return parseDictionary(text, file);
}

/** The folder dictionaries/: next to src/ in the repository, next to dist/ when installed. */
function builtInFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dictionaries');
    if (existsSync(join(candidate, 'news.txt'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ZhpressError('the built-in dictionaries (dictionaries/news.txt) are missing', { hint: 'reinstall zhpress' });
}

let folder: string | undefined;
const read = new Map<string, Dictionary | null>();

/** A file of dictionaries/, read once; undefined when `optional` and it is not there. */
function builtIn(name: string, optional = false): Dictionary | undefined {
  if (!read.has(name)) {
    folder ??= builtInFolder();
    const file = join(folder, name);
    if (optional && !existsSync(file)) read.set(name, null);
    else if (!existsSync(file)) throw new ZhpressError(`the built-in dictionary dictionaries/${name} is missing`, { hint: 'reinstall zhpress' });
    else read.set(name, loadDictionary(file));
  }
  return read.get(name) ?? undefined;
}

let news: Dictionary | undefined;

/** The built-in dictionaries, the same object for the whole process. */
export const builtInDictionaries: BuiltInDictionaries = {
  news: () => (news ??= { ...builtIn('news.txt')!, name: 'built-in' }),
  vocabulary: (region) => builtIn(`vocabulary-${region}.txt`)!,
  characters: (region) => [builtIn(`characters-${region}.txt`, true), builtIn('characters.txt')!].filter((d): d is Dictionary => Boolean(d)),
};

/** The built-in dictionaries and the user's files, each user file read when the conversion first asks (a Simplified edition never does). */
export function loadDictionaries(files: readonly string[] = []): LoadedDictionaries {
  let user: Dictionary[] | undefined;
  return { ...builtInDictionaries, user: () => (user ??= files.map(loadDictionary)) };
}
