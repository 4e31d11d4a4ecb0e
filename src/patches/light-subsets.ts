// Lighter subsetting for pdfkit's per-document font subsets (TrueType and CFF).
import { expectMembers } from './expect.js';

interface SubsetGlyph {
  id: number;
  _decode(): unknown;
  __structure?: { numberOfContours: number } | null;
}
export interface SubsettingFont {
  type: string;
  directory: { tables: Record<string, { offset: number } | undefined> };
  stream: { buffer: Uint8Array };
  loca: { offsets: ArrayLike<number> };
  getGlyph(id: number): SubsetGlyph;
  createSubset(): object;
}
interface TrueTypeSubset {
  font: SubsettingFont;
  _addGlyph(gid: number): number;
}
const patchedSubsets = new WeakSet<object>();

/**
 * What fontkit's TrueType subsetter needs of a glyph: whether it is compound
 * and, if so, its parts. fontkit decodes every outline point for that; for a
 * simple glyph the contour count in its header is enough. Kept on fontkit's
 * glyph object (one per font and glyph id), so later documents reuse it.
 */
function glyphStructure(font: SubsettingFont, glyph: SubsetGlyph): { numberOfContours: number } | null {
  const offsets = font.loca.offsets;
  const start = offsets[glyph.id]!;
  if (start === offsets[glyph.id + 1]) return null;
  const { buffer } = font.stream;
  const at = font.directory.tables.glyf!.offset + start;
  const numberOfContours = (((buffer[at]! << 8) | buffer[at + 1]!) << 16) >> 16;
  if (numberOfContours < 0) return glyph._decode() as { numberOfContours: number };
  return { numberOfContours };
}

/** Outlines read in place: a TrueType font as on disk (not WOFF's compressed tables), without variations. */
function readable(font: SubsettingFont): boolean {
  return font.type === 'TTF' && !font.directory.tables.fvar && Boolean(font.directory.tables.glyf);
}

/** Subsets of such fonts read only what they need of each glyph (glyphStructure); false for other fonts. */
export function lightSubsets(font: SubsettingFont): boolean {
  if (!readable(font)) return false;
  const proto = Object.getPrototypeOf(font.createSubset()) as TrueTypeSubset;
  if (patchedSubsets.has(proto)) return true;
  expectMembers('fontkit', 'TTFSubset.prototype', proto, { _addGlyph: 'function' });
  expectMembers('fontkit', 'Glyph', font.getGlyph(0), { id: 'number', _decode: 'function' });
  patchedSubsets.add(proto);
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: TrueTypeSubset, gid: number) {
    const { font: owner } = this;
    if (!readable(owner)) return addGlyph.call(this, gid);
    const glyph = owner.getGlyph(gid);
    if (glyph.__structure === undefined) glyph.__structure = glyphStructure(owner, glyph);
    const structure = glyph.__structure;
    glyph._decode = () => structure;
    try {
      return addGlyph.call(this, gid);
    } finally {
      delete (glyph as Partial<SubsetGlyph>)._decode;
    }
  };
  return true;
}

interface CffSubset {
  cff: { stream: { pos: number; readBuffer(length: number): Uint8Array } };
  subsetSubrs(subrs: { offset: number; length: number }[], used: Record<number, boolean>): Uint8Array[];
}
/** A subroutine that only returns: what the subset keeps in place of each unused one. */
const RETURN = new Uint8Array([11]);

/**
 * The CFF subsetter keeps every subroutine index whole and puts a one-byte
 * "return" where a subroutine is unused: in Noto CJK that is some 50,000 new
 * arrays per font per document. One shared, never-written array serves them all.
 */
export function sharedReturnStubs(font: { directory: { tables: Record<string, unknown> }; createSubset(): object }): boolean {
  if (!font.directory.tables['CFF ']) return false;
  const proto = Object.getPrototypeOf(font.createSubset()) as CffSubset;
  if (patchedSubsets.has(proto)) return true;
  expectMembers('fontkit', 'CFFSubset.prototype', proto, { subsetSubrs: 'function' });
  patchedSubsets.add(proto);
  proto.subsetSubrs = function (this: CffSubset, subrs, used) {
    const out = new Array<Uint8Array>(subrs.length);
    for (let i = 0; i < subrs.length; i++) {
      if (used[i]) {
        const subr = subrs[i]!;
        this.cff.stream.pos = subr.offset;
        out[i] = this.cff.stream.readBuffer(subr.length);
      } else out[i] = RETURN;
    }
    return out;
  };
  return true;
}

