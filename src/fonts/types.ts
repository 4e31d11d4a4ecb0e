// What a writer knows of fonts: the faces and families the build layer resolved,
// and the one object through which it reaches their bytes and parsed forms
// (WriteFonts). Types only: a writer imports this module and nothing of the
// registry, which reads files and runs fontconfig.
import type * as Fontkit from 'fontkit';
import type { Change } from '../model/types.js';
import type { FontRole } from '../templates/types.js';

/**
 * One face: a file and, for a collection (.ttc), the PostScript name of the face.
 * A face a web font package ships in pieces (one WOFF per range of characters) has
 * them in `pieces`; its `file` names the merged font, made when first read.
 */
export interface Face {
  file: string;
  postscriptName?: string;
  pieces?: readonly string[];
}

/** A family's faces; `bold` is absent when the family has none (the regular face is used). */
export interface FontFamily {
  name: string;
  normal: Face;
  bold?: Face;
  source: 'local' | 'npm' | 'system';
}

export interface ResolvedRole {
  role: FontRole;
  /** What the template asked for. */
  requested: string;
  family: FontFamily;
  /** Set when the requested family was not found. */
  fallback?: string;
}

export interface VerticalMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

/**
 * The fonts of one write: the template's roles resolved to families, and the
 * faces' bytes and parsed fonts. The build layer makes it (src/fonts/write-fonts.ts);
 * a face is read and parsed when a writer first asks for it, once per process, so a
 * role no text is set in is never read (a 10 MB kai face, a 20 MB TC one).
 */
export interface WriteFonts {
  /** Each role's family. */
  roles: Record<FontRole, ResolvedRole>;
  /** A role set in another family than the template asked for, said once per write. */
  notices: readonly Change[];
  /** A family by name: a run's font, a family the template names. */
  family(name: string): FontFamily | undefined;
  /** The families of zhpress's own dependencies, tried for a character a role's font lacks. */
  bundled(): readonly FontFamily[];
  /** An installed family with a glyph for the character (fontconfig), the last resort; undefined when none has. */
  forCharacter(codePoint: number): FontFamily | undefined;
  /** The face parsed (fontkit). Throws a ZhpressError when its file is not a font. */
  open(face: Face): Fontkit.Font;
  /** The face's file as an sfnt (a WOFF decoded, pieces merged), whole. */
  bytes(face: Face): Buffer;
  /**
   * The bytes `open` parsed, for a parser that goes through the same fontkit
   * (pdfkit's): a TrueType face's outlines may be read into them only as its
   * glyphs are asked for (src/fonts/lazy-outlines.ts). Anything reading the bytes
   * itself (subsetting for Word, another layout library) takes `bytes`. Optional: without
   * it the PDF writer takes `bytes` (fonts held in memory are whole anyway).
   */
  parsedBytes?(face: Face): Buffer;
  /** The face's unitsPerEm, ascent and descent, from its head and hhea tables without parsing it where it can. */
  metrics(face: Face): VerticalMetrics;
}
