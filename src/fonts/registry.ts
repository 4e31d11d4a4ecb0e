// The font registry: family names to files. Sources, in order: fonts/ in the
// working directory (a user's own fonts), the npm font packages zhpress depends
// on, and system fonts through fontconfig. Each file is read and parsed once per
// process; writers and the glyph check share the parsed fonts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { threadId } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import type * as Fontkit from 'fontkit';
import { outlinesMayWait, sharedFontkit } from '../patches/fontkit-shared.js';
import { ZhpressError } from '../errors.js';
import { fontFileProblem } from './check-file.js';
import { isWoff, woffToSfnt } from './woff.js';
import { mergePieces } from './merge-pieces.js';
import { readFontFile, wholeFont } from './lazy-outlines.js';
import type { Face, FontFamily } from './types.js';

export type { Face, FontFamily } from './types.js';

const require = createRequire(import.meta.url);

/**
 * Families that come from npm packages. The SC ones are dependencies (static
 * TTFs covering all CJK Unified Ideographs); LXGW WenKai (a kai face, WOFF), its
 * TC form (116 WOFF pieces, one per range of characters: a `*` in the file name)
 * and Noto Serif/Sans TC are optional dependencies, installed by default and left
 * out by `npm install --omit=optional`; the HK ones are found when installed
 * (`npm install @expo-google-fonts/noto-serif-hk @expo-google-fonts/noto-sans-hk`).
 */
const NPM_FAMILIES: Record<string, { pkg: string; normal: string; bold: string }> = {
  'Noto Serif SC': { pkg: '@expo-google-fonts/noto-serif-sc', normal: '400Regular/NotoSerifSC_400Regular.ttf', bold: '700Bold/NotoSerifSC_700Bold.ttf' },
  'Noto Sans SC': { pkg: '@expo-google-fonts/noto-sans-sc', normal: '400Regular/NotoSansSC_400Regular.ttf', bold: '700Bold/NotoSansSC_700Bold.ttf' },
  'LXGW WenKai': { pkg: '@fontsource/lxgw-wenkai', normal: 'files/lxgw-wenkai-latin-500-normal.woff', bold: 'files/lxgw-wenkai-latin-700-normal.woff' },
  'LXGW WenKai TC': { pkg: '@fontsource/lxgw-wenkai-tc', normal: 'files/lxgw-wenkai-tc-*-400-normal.woff', bold: 'files/lxgw-wenkai-tc-*-700-normal.woff' },
  'Noto Serif TC': { pkg: '@expo-google-fonts/noto-serif-tc', normal: '400Regular/NotoSerifTC_400Regular.ttf', bold: '700Bold/NotoSerifTC_700Bold.ttf' },
  'Noto Sans TC': { pkg: '@expo-google-fonts/noto-sans-tc', normal: '400Regular/NotoSansTC_400Regular.ttf', bold: '700Bold/NotoSansTC_700Bold.ttf' },
  'Noto Serif HK': { pkg: '@expo-google-fonts/noto-serif-hk', normal: '400Regular/NotoSerifHK_400Regular.ttf', bold: '700Bold/NotoSerifHK_700Bold.ttf' },
  'Noto Sans HK': { pkg: '@expo-google-fonts/noto-sans-hk', normal: '400Regular/NotoSansHK_400Regular.ttf', bold: '700Bold/NotoSansHK_700Bold.ttf' },
};

const FONT_FILE = /\.(ttf|otf|ttc|woff)$/i;

/** The face at `path` in a package: a file, or for a name with `*` the pieces matching it (none: undefined). */
function npmFace(root: string, path: string): Face | undefined {
  if (!path.includes('*')) {
    const file = join(root, path);
    return existsSync(file) ? { file } : undefined;
  }
  const dir = join(root, dirname(path));
  const [before, after] = basename(path).split('*') as [string, string];
  let pieces: string[];
  try {
    pieces = readdirSync(dir)
      .filter((n) => n.startsWith(before) && n.endsWith(after) && n.length > before.length + after.length)
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return undefined;
  }
  if (pieces.length === 0) return undefined;
  return { file: join(dir, `${before}merged${after.replace(/\.woff2?$/, '')}.ttf`), pieces };
}

function npmFamily(name: string): FontFamily | undefined {
  const known = NPM_FAMILIES[name];
  if (!known) return undefined;
  let root: string;
  try {
    root = dirname(require.resolve(`${known.pkg}/package.json`));
  } catch {
    return undefined;
  }
  const normal = npmFace(root, known.normal);
  if (!normal) return undefined;
  const bold = npmFace(root, known.bold);
  if (normal.pieces) piecesOf.set(normal.file, normal.pieces);
  if (bold?.pieces) piecesOf.set(bold.file, bold.pieces);
  return { name, normal, bold, source: 'npm' };
}

/** The pieces of each merged face, by the name its Face gives. */
const piecesOf = new Map<string, readonly string[]>();

const parsed = new Map<string, Fontkit.Font>();
const buffers = new Map<string, Buffer>();

/** Where decoded WOFF fonts are kept between runs (as the command line's compiled code is); none without a home. */
function fontCacheDir(): string | undefined {
  if (process.env.ZHPRESS_CACHE_DIR) return process.env.ZHPRESS_CACHE_DIR;
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'zhpress');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'zhpress') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bytes kept in the cache folder under a key, made by `make` when not there or not
 * whole (`whole` says). A cache that cannot be written only costs time.
 */
function cached(key: string, make: () => Buffer, whole: (bytes: Buffer) => boolean): Buffer {
  const dir = fontCacheDir();
  const file = dir && join(dir, `font-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.ttf`);
  if (file && existsSync(file)) {
    try {
      const bytes = readFontFile(file, outlinesMayWait());
      if (whole(bytes)) return bytes;
    } catch {
      // unreadable: make again
    }
  }
  const bytes = make();
  if (file) {
    try {
      mkdirSync(dir, { recursive: true });
      // Per thread: batch workers share the process id, and may make the same font at once.
      const temporary = `${file}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    } catch {
      // no cache: the next run makes it again
    }
  }
  return bytes;
}

/** The first bytes of a file: enough for a WOFF header (44 bytes). */
function fileHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(44);
    return header.subarray(0, readSync(fd, header, 0, header.length, 0));
  } finally {
    closeSync(fd);
  }
}

const stamp = (file: string) => {
  const stat = statSync(file);
  return `${file}\0${stat.size}\0${stat.mtimeMs}`;
};

/**
 * A WOFF file's sfnt. Inflating LXGW WenKai's 10 MB takes 0.2-0.6 s, so the result is
 * kept in the cache folder, keyed by the file's path, size and time, and taken from
 * there when its length and flavour are what the WOFF header says (else decoded again).
 * Only the header is read when the cache has it (LXGW WenKai's WOFF is 10 MB).
 */
function decodedWoff(file: string, header: Buffer): Buffer {
  return cached(
    stamp(file),
    () => {
      try {
        return woffToSfnt(readFileSync(file));
      } catch (error) {
        throw new ZhpressError(`not a usable WOFF font: ${(error as Error).message}`, { file });
      }
    },
    (sfnt) => sfnt.length === header.readUInt32BE(16) && sfnt.readUInt32BE(0) === header.readUInt32BE(4),
  );
}

/**
 * The one font merged from a face's pieces (LXGW WenKai TC: 116 WOFF files, about
 * 1 s to decode and merge), kept in the cache folder keyed by every piece's path,
 * size and time, and taken from there when its table directory is whole.
 */
function mergedFace(file: string, pieces: readonly string[]): Buffer {
  return cached(
    `merged\0${pieces.map(stamp).join('\0')}`,
    () => {
      try {
        return mergePieces(pieces.map((piece) => {
          const bytes = readFileSync(piece);
          return isWoff(bytes) ? woffToSfnt(bytes) : bytes;
        }));
      } catch (error) {
        throw new ZhpressError(`the font's pieces cannot be merged: ${(error as Error).message}`, { file: dirname(file) });
      }
    },
    (bytes) => fontFileProblem(bytes) === undefined,
  );
}

/** The whole bytes of a font file, read once; a WOFF file's are its sfnt's. */
export function fontBytes(file: string): Buffer {
  return wholeFont(faceBytes(file));
}

/**
 * The bytes of a font file that `openFace` parses, read once: a TrueType font's
 * outlines may be left to be read as its glyphs are asked for (lazy-outlines.ts),
 * which only the shared fontkit's fonts do; `fontBytes` makes them whole.
 */
export function faceBytes(file: string): Buffer {
  let bytes = buffers.get(file);
  if (!bytes) {
    const pieces = piecesOf.get(file);
    if (pieces) bytes = mergedFace(file, pieces);
    else {
      const header = fileHeader(file);
      bytes = isWoff(header) ? decodedWoff(file, header) : readFontFile(file, outlinesMayWait());
    }
    buffers.set(file, bytes);
  }
  return bytes;
}

/** The font of each face object: the glyph check asks once per character, without building a key. */
const byFace = new WeakMap<Face, Fontkit.Font>();

/** The parsed face, once per process. Throws a ZhpressError when the file is not a font. */
export function openFace(face: Face): Fontkit.Font {
  const known = byFace.get(face);
  if (known) return known;
  const key = `${face.file}#${face.postscriptName ?? ''}`;
  let font = parsed.get(key);
  if (font) {
    byFace.set(face, font);
    return font;
  }
  let opened: Fontkit.Font | Fontkit.FontCollection;
  const bytes = faceBytes(face.file);
  try {
    opened = sharedFontkit().create(bytes);
  } catch (error) {
    throw new ZhpressError(`not a font file: ${(error as Error).message}`, { file: face.file, hint: 'use a .ttf, .otf or .ttc file' });
  }
  if ('fonts' in opened) {
    const names = opened.fonts.map((f) => f.postscriptName);
    const name = face.postscriptName ?? names[0];
    if (!name || !names.includes(name)) throw new ZhpressError(`the collection has no face "${face.postscriptName}"`, { file: face.file, hint: `faces: ${names.join(', ')}` });
    // The face as pdfkit asks for it (bytes and PostScript name): one parsed face for both.
    font = sharedFontkit().create(bytes, name) as Fontkit.Font;
  } else {
    font = opened;
  }
  parsed.set(key, font);
  byFace.set(face, font);
  return font;
}

function isBold(style: string): boolean {
  return /bold|black|heavy|semibold|demibold|w[6-9]/i.test(style);
}

/** Files in ./fonts that are not whole fonts, with what is wrong with each. */
const problems: { file: string; problem: string }[] = [];

/** The font files in ./fonts that cannot be used and are left out, with why. */
export function localFontProblems(): readonly { file: string; problem: string }[] {
  local ??= localFamilies();
  return problems;
}

/** Families in ./fonts: the family name read from each file (a .ttc gives each face). */
function localFamilies(dir = join(process.cwd(), 'fonts')): Map<string, FontFamily> {
  const faces = new Map<string, { face: Face; bold: boolean }[]>();
  if (!existsSync(dir)) return new Map();
  for (const name of readdirSync(dir).sort()) {
    if (!FONT_FILE.test(name)) continue;
    const file = join(dir, name);
    // Not a whole font: left out (a truncated file could still name its family and
    // fail mid-document), and said once by the command line (localFontProblems).
    let found: { family: string; subfamily: string; face: Face }[];
    try {
      const bytes = fontBytes(file);
      const problem = fontFileProblem(bytes);
      if (problem) throw new Error(problem);
      const opened = sharedFontkit().create(bytes);
      const fonts = 'fonts' in opened ? opened.fonts.map((font) => ({ font, face: { file, postscriptName: font.postscriptName } })) : [{ font: opened, face: { file } }];
      found = fonts.map(({ font, face }) => ({ family: font.familyName, subfamily: font.subfamilyName, face }));
    } catch (error) {
      problems.push({ file, problem: (error as Error).message });
      continue;
    }
    for (const { family: own, subfamily, face } of found) {
      // A family is found by its own name and by its file name ("fonts/FangSong.ttf" is "FangSong").
      for (const family of new Set([own, name.slice(0, -extname(name).length)])) {
        faces.set(family, [...(faces.get(family) ?? []), { face, bold: isBold(subfamily) }]);
      }
    }
  }
  const families = new Map<string, FontFamily>();
  for (const [name, list] of faces) {
    const normal = (list.find((f) => !f.bold) ?? list[0]!).face;
    families.set(name, { name, normal, bold: list.find((f) => f.bold)?.face, source: 'local' });
  }
  return families;
}

/** fontconfig compares family names ignoring case and blanks. */
const familyKey = (name: string) => name.toLowerCase().replace(/\s+/g, '');

/**
 * The family names at the start of an fc-list field, up to the first unescaped
 * colon: fontconfig separates names by commas and escapes \ - , : with a
 * backslash ("FZXiaoBiaoSong\-B05S" is FZXiaoBiaoSong-B05S).
 */
export function familyNames(field: string): { names: string[]; rest: string } {
  const names: string[] = [];
  let name = '';
  let i = 0;
  for (; i < field.length; i++) {
    const ch = field[i]!;
    if (ch === '\\' && i + 1 < field.length) name += field[++i];
    else if (ch === ',') {
      names.push(name);
      name = '';
    } else if (ch === ':') break;
    else name += ch;
  }
  names.push(name);
  return { names: names.filter(Boolean), rest: field.slice(i) };
}

/** Every installed face by family (each of its names), from one `fc-list` run; undefined without fontconfig. */
let system: Map<string, string[]> | null | undefined;

function systemFaces(): Map<string, string[]> | undefined {
  if (system === undefined) {
    try {
      const listing = execFileSync('fc-list', [':', 'family', 'file', 'postscriptname', 'style', 'weight'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      system = new Map();
      // "/path/ukai.ttc: AR PL UKai CN,文鼎PL中楷:style=Book:weight=80:postscriptname=UKaiCN"
      for (const line of listing.split('\n')) {
        const at = line.indexOf(': ');
        if (at < 0) continue;
        const { names, rest } = familyNames(line.slice(at + 2));
        const face = `${line.slice(0, at)}:${rest}`;
        for (const family of new Set(names.map(familyKey).filter(Boolean))) system.set(family, [...(system.get(family) ?? []), face]);
      }
    } catch {
      system = null;
    }
  }
  return system ?? undefined;
}

/** A system family through fontconfig: the exact family name, regular and bold faces. */
function systemFamily(name: string): FontFamily | undefined {
  const lines = systemFaces()?.get(familyKey(name));
  if (!lines) return undefined;
  let normal: Face | undefined;
  let bold: Face | undefined;
  for (const line of [...lines].sort()) {
    const file = line.slice(0, line.indexOf(':'));
    const postscriptName = /postscriptname=([^:]+)/.exec(line)?.[1];
    const weight = Number(/weight=(\d+)/.exec(line)?.[1] ?? 80);
    const face: Face = file.toLowerCase().endsWith('.ttc') && postscriptName ? { file, postscriptName } : { file };
    if (weight >= 180) bold ??= face;
    else if (weight >= 80 || !normal) normal = weight === 80 ? face : (normal ?? face);
  }
  if (!normal && !bold) return undefined;
  return { name, normal: (normal ?? bold)!, bold, source: 'system' };
}

let local: Map<string, FontFamily> | undefined;
const resolved = new Map<string, FontFamily | null>();

/** Find a family by name in ./fonts, the npm packages, then the system. */
export function findFamily(name: string): FontFamily | undefined {
  if (resolved.has(name)) return resolved.get(name) ?? undefined;
  local ??= localFamilies();
  const family = local.get(name) ?? npmFamily(name) ?? systemFamily(name);
  resolved.set(name, family ?? null);
  return family;
}

/** The families of zhpress's own dependencies: always there after `npm install`. */
export const BUNDLED_FAMILIES = ['Noto Serif SC', 'Noto Sans SC'];

const byCharacter = new Map<number, FontFamily | null>();

/**
 * An installed family that has a glyph for `codePoint`, found through fontconfig
 * (`fc-list :charset=…`): the last resort for characters no role's font has
 * (𠮷 in CJK Extension B, Hebrew, emoji). CJK families are preferred.
 */
export function familyForCharacter(codePoint: number): FontFamily | undefined {
  if (byCharacter.has(codePoint)) return byCharacter.get(codePoint) ?? undefined;
  let found: FontFamily | undefined;
  if (systemFaces()) {
    let listing = '';
    try {
      listing = execFileSync('fc-list', [`:charset=${codePoint.toString(16)}`, 'family'], { encoding: 'utf8' });
    } catch {
      listing = '';
    }
    const names = [...new Set(listing.split('\n').map((l) => l.split(',')[0]!.trim()).filter(Boolean))];
    const rank = (name: string) => (/CJK SC/.test(name) ? 0 : /CJK/.test(name) ? 1 : /Serif/.test(name) ? 2 : 3);
    names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const name of names) {
      const family = findFamily(name);
      if (!family || !FONT_FILE.test(family.normal.file)) continue;
      try {
        if (openFace(family.normal).hasGlyphForCodePoint(codePoint)) {
          found = family;
          break;
        }
      } catch {
        // not a font pdfkit can use: try the next
      }
    }
  }
  byCharacter.set(codePoint, found ?? null);
  return found;
}
