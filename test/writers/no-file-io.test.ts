// Writers and transforms do no file I/O, by running them: Node's file system and
// process modules are replaced for every module of src/ with ones that throw once
// `guard.forbidden` is set. The fonts are handed over in memory (each face's bytes,
// parsed font and metrics read beforehand from what the build layer resolves), the
// dictionaries loaded beforehand. Then, in a fresh module graph, every writer
// writes the canonical edition and the convert transform converts it, with no file
// call at all; and what they write is the same, byte for byte, as what they write
// with the build layer's own fonts and the file system back.
// (Packages' own loading of their code and data, pdfkit's and jieba's, is not
// src/'s and is not replaced; test/architecture/no-file-io.test.ts holds the imports.)
import { describe, expect, it, vi } from 'vitest';

const guard = vi.hoisted(() => ({ forbidden: false, calls: [] as string[] }));

/** The module with each of `names` throwing while I/O is forbidden (classes and constants left as they are). */
function fenced<T extends Record<string, unknown>>(real: T, prefix: string, names: RegExp): T {
  const out: Record<string, unknown> = { ...real };
  for (const [key, value] of Object.entries(real)) {
    if (typeof value !== 'function' || !names.test(key)) continue;
    out[key] = function (this: unknown, ...args: unknown[]) {
      if (guard.forbidden) {
        guard.calls.push(`${prefix}.${key}(${String(args[0])})`);
        throw new Error(`file I/O while forbidden: ${prefix}.${key}(${String(args[0])})`);
      }
      return (value as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return { ...out, default: out } as unknown as T;
}

const FS_CALLS = /^(read|write|open|close|stat|lstat|fstat|exists|access|readdir|mkdir|mkdtemp|rename|rm|unlink|copyFile|cp|append|truncate|realpath|createReadStream|createWriteStream|watch|opendir)/;

vi.mock('node:fs', async (importOriginal) => fenced(await importOriginal<Record<string, unknown>>(), 'fs', FS_CALLS));
vi.mock('node:fs/promises', async (importOriginal) => fenced(await importOriginal<Record<string, unknown>>(), 'fs/promises', FS_CALLS));
vi.mock('node:child_process', async (importOriginal) => fenced(await importOriginal<Record<string, unknown>>(), 'child_process', /^(exec|execFile|spawn|fork)/));

import type { Face, FontFamily, VerticalMetrics, WriteFonts } from '../../src/fonts/types.js';
import type { LoadedDictionaries } from '../../src/transforms/convert/dictionary.js';
import type { Edition } from '../../src/model/types.js';
import { CANONICAL } from '../fixtures/canonical.js';

const DATE = new Date('2025-08-29T00:00:00Z');

/** `fonts` held in memory: every face of the roles' and the bundled families read and parsed now, fontconfig's answers for the characters of `texts` asked now. */
function inMemory(fonts: WriteFonts, texts: readonly string[]): WriteFonts {
  const families = new Map<string, FontFamily>();
  for (const family of [...Object.values(fonts.roles).map((r) => r.family), ...fonts.bundled()]) families.set(family.name, family);
  const covered = (cp: number) => [...families.values()].some((f) => fonts.open(f.normal).hasGlyphForCodePoint(cp) || (f.bold && fonts.open(f.bold).hasGlyphForCodePoint(cp)));
  const byCharacter = new Map<number, FontFamily | undefined>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (byCharacter.has(cp) || covered(cp)) continue;
      const found = fonts.forCharacter(cp);
      byCharacter.set(cp, found);
      if (found) families.set(found.name, found);
    }
  }
  const faces = new Map<Face, { bytes: Buffer; font: ReturnType<WriteFonts['open']>; metrics: VerticalMetrics }>();
  for (const family of families.values()) {
    for (const face of [family.normal, family.bold]) if (face) faces.set(face, { bytes: fonts.bytes(face), font: fonts.open(face), metrics: fonts.metrics(face) });
  }
  const held = (face: Face) => {
    const found = faces.get(face);
    if (!found) throw new Error(`a face not handed over: ${face.file}`);
    return found;
  };
  const bundled = fonts.bundled();
  return {
    roles: fonts.roles,
    notices: fonts.notices,
    family: (name) => families.get(name),
    bundled: () => bundled,
    forCharacter: (cp) => byCharacter.get(cp),
    open: (face) => held(face).font,
    bytes: (face) => held(face).bytes,
    metrics: (face) => held(face).metrics,
  };
}

/** The dictionaries loaded now, held in memory. */
function loadedNow(loaded: LoadedDictionaries): LoadedDictionaries {
  const news = loaded.news();
  const vocabulary = { tw: loaded.vocabulary('tw'), hk: loaded.vocabulary('hk') };
  const characters = { t: loaded.characters('t'), tw: loaded.characters('tw'), hk: loaded.characters('hk') };
  const user = loaded.user();
  return { news: () => news, vocabulary: (r) => vocabulary[r], characters: (r) => characters[r], user: () => user };
}

/** Every string in a value (the edition's text and the template's own). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}

describe('writers and transforms with the file system taken away', () => {
  it('write the canonical edition in every format and convert it, with no file call, the same bytes as with the file system', { timeout: 240_000 }, async () => {
    // The build layer's side, with the file system: the template, the fonts and the dictionaries.
    const { loadTemplate } = await import('../../src/templates/index.js');
    const { writeFonts } = await import('../../src/fonts/write-fonts.js');
    const { loadDictionaries } = await import('../../src/io/dictionaries.js');
    const template = loadTemplate('briefing', 'zh-Hans');
    const tw = loadTemplate('briefing', 'zh-Hant-TW');
    const fonts = inMemory(writeFonts(template), strings([CANONICAL, template]));
    const loaded = loadedNow(loadDictionaries([]));

    guard.forbidden = true;
    let written: Record<string, Uint8Array | string>;
    let converted: Edition;
    try {
      const { loadWriter, FORMATS } = await import('../../src/writers/index.js');
      const { runTransforms } = await import('../../src/transforms/index.js');
      expect([...FORMATS]).toEqual(['pdf', 'docx', 'md']);
      written = {};
      for (const format of FORMATS) written[format] = (await (await loadWriter(format)).write(CANONICAL, { template, date: DATE, fonts })).data;
      written['docx embedded'] = (await (await loadWriter('docx')).write(CANONICAL, { template, date: DATE, fonts, embedFonts: true })).data;
      converted = runTransforms(CANONICAL, { variant: 'zh-Hant-TW', vocabulary: true, loaded }).edition;
      written['md zh-Hant-TW'] = (await (await loadWriter('md')).write(converted, { template: tw, date: DATE, fonts })).data;
    } finally {
      guard.forbidden = false;
    }
    expect(guard.calls).toEqual([]);
    expect(converted.meta.lang).toBe('zh-Hant-TW');
    expect(String(written['md zh-Hant-TW'])).toContain('規範樣張總題');

    // The same writers with the build layer's own fonts, the file system back.
    const { loadWriter } = await import('../../src/index.js');
    const again = async (format: string, edition: Edition, context: object) => (await (await loadWriter(format)).write(edition, { template, date: DATE, ...context })).data;
    const same = (a: Uint8Array | string, b: Uint8Array | string) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
    expect(same(written.pdf!, await again('pdf', CANONICAL, {})), 'pdf').toBe(true);
    expect(same(written.docx!, await again('docx', CANONICAL, {})), 'docx').toBe(true);
    expect(same(written['docx embedded']!, await again('docx', CANONICAL, { embedFonts: true })), 'docx embedded').toBe(true);
    expect(same(written.md!, await again('md', CANONICAL, {})), 'md').toBe(true);
    expect((written.pdf as Uint8Array).byteLength).toBeGreaterThan(10_000);
  });

  it('the fence holds: a file call while forbidden throws and is counted', async () => {
    const fs = await import('node:fs');
    guard.forbidden = true;
    try {
      expect(() => fs.readFileSync('/etc/hostname')).toThrow(/file I\/O while forbidden: fs\.readFileSync/);
    } finally {
      guard.forbidden = false;
    }
    expect(guard.calls.splice(0)).toEqual(['fs.readFileSync(/etc/hostname)']);
  });
});
