// --embed-fonts: the Word edition carries the PDF's fonts, subset to the
// characters it holds, so it looks the same wherever it is opened. The docx
// library embeds them (obfuscated .odttf parts, relationships, the settings'
// embedTrueTypeFonts) under keys it draws at random; they are drawn again here
// from the font bytes, so the same input gives the same package.
import { createHash } from 'node:crypto';
import type { Face, WriteFonts } from '../../fonts/types.js';
import { subsetTrueType } from '../../fonts/merge-pieces.js';
import type { Change } from '../../model/types.js';
import type { FontRole, Template } from '../../templates/types.js';
import type { Parts } from '../../patches/docx-compiler.js';

/** A font as docx embeds it: the family name the styles use, its regular and bold faces. */
export interface EmbeddedFont {
  name: string;
  data: Buffer;
  bold?: Buffer;
}

/** Every character in the strings of `value` (the edition's text and the template's: header, contents title, …). */
export function charactersOf(values: readonly unknown[]): Set<number> {
  const found = new Set<number>();
  const seen = new Set<object>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      for (const ch of value) found.add(ch.codePointAt(0)!);
    } else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      for (const item of Array.isArray(value) ? value : Object.values(value)) walk(item);
    }
  };
  values.forEach(walk);
  // Page numbers and fields are filled in by the reader's program.
  for (const ch of '0123456789\u2014-') found.add(ch.codePointAt(0)!);
  return found;
}

/**
 * The fonts to embed: each used role's family once, its regular face and, when a
 * style of the role is bold, its bold face, each subset to `characters`. A face that
 * is not a TrueType font (CFF outlines, a collection: Debian's Noto CJK) is left out
 * with a notice: the copy then names it, as without --embed-fonts.
 */
export function fontsToEmbed({ roles, bytes }: WriteFonts, used: ReadonlySet<FontRole>, template: Template, characters: ReadonlySet<number>): { fonts: EmbeddedFont[]; notices: Change[] } {
  const notices: Change[] = [];
  const byName = new Map<string, EmbeddedFont>();
  const bold = new Set(Object.values(template.styles).filter((s) => s.weight === 'bold').map((s) => s.font));
  const subset = (face: Face) => {
    try {
      return subsetTrueType(bytes(face), characters);
    } catch (error) {
      notices.push({ source: 'fonts', kind: 'font-not-embedded', message: `${face.file} is not embedded in the Word edition: ${(error as Error).message} (only TrueType fonts are embedded)`, severity: 'info' });
      return undefined;
    }
  };
  for (const role of used) {
    const { family } = roles[role];
    const known = byName.get(family.name);
    if (known) {
      if (bold.has(role) && !known.bold && family.bold) known.bold = subset(family.bold);
      continue;
    }
    if (family.normal.postscriptName) {
      notices.push({ source: 'fonts', kind: 'font-not-embedded', message: `${family.name} is not embedded in the Word edition: it is a face of a collection (${family.normal.file}); only TrueType fonts are embedded`, severity: 'info' });
      continue;
    }
    const data = subset(family.normal);
    if (!data) continue;
    const font: EmbeddedFont = { name: family.name, data };
    if (bold.has(role) && family.bold && !family.bold.postscriptName) font.bold = subset(family.bold);
    byName.set(family.name, font);
  }
  return { fonts: [...byName.values()], notices };
}

/** An embedded face's place in the font table: its relationship and key. */
export interface EmbeddedFace {
  id: string;
  key: string;
}

export type EmbeddedFaces = Map<string, { regular?: EmbeddedFace; bold?: EmbeddedFace }>;

/** The XOR of a font's first 32 bytes with a GUID key, as ECMA-376 obfuscates embedded fonts (17.8.1): its own inverse. */
function xorKey(bytes: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const mask = (hex.match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = bytes.slice();
  for (let i = 0; i < Math.min(32, out.length); i++) out[i]! ^= mask[i % mask.length]!;
  return out;
}

const guid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`.toUpperCase();

/**
 * The embedded faces of docx's font table, each obfuscated again under a key drawn
 * from its bytes (docx draws one at random): the parts change in place.
 */
export function rekeyEmbeddedFonts(parts: Parts): EmbeddedFaces {
  const faces: EmbeddedFaces = new Map();
  const decoder = new TextDecoder();
  const text = (name: string) => {
    const part = parts.get(name);
    return part === undefined ? '' : typeof part === 'string' ? part : decoder.decode(part);
  };
  const targets = new Map([...text('word/_rels/fontTable.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, `word/${m[2]!}`]));
  for (const font of text('word/fontTable.xml').matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)) {
    for (const embed of font[2]!.matchAll(/<w:embed(Regular|Bold) r:id="([^"]+)" w:fontKey="([^"]+)"/g)) {
      const [, kind, id, oldKey] = embed as unknown as [string, 'Regular' | 'Bold', string, string];
      const part = targets.get(id);
      const data = part && parts.get(part);
      if (!part || !(data instanceof Uint8Array)) continue;
      const plain = xorKey(data, oldKey);
      const key = `{${guid(createHash('sha256').update(plain).digest('hex'))}}`;
      parts.set(part, xorKey(plain, key));
      const name = font[1]!;
      const entry = faces.get(name) ?? {};
      entry[kind === 'Regular' ? 'regular' : 'bold'] = { id, key };
      faces.set(name, entry);
    }
  }
  return faces;
}
