// pdfmake's font table from the resolved roles. Font bytes go through pdfmake's
// virtual file system from the fonts the writer is given (WriteFonts), read by the
// build layer once per process.
import { createRequire } from 'node:module';
import type PdfmakeModule from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces.js';
import { sharedFontkit } from '../../patches/fontkit-shared.js';
import type { Face, FontFamily, ResolvedRole, WriteFonts } from '../../fonts/types.js';
import type { Change } from '../../model/types.js';
import type { FontRole } from '../../templates/types.js';
import { linearPdfmake } from '../../patches/pdfmake-linear.js';
import { memoStreams } from '../../patches/stream-memo.js';
import { shareLaidOutRuns } from '../../patches/shared-runs.js';

export interface PdfFonts {
  /** What the writer was given: faces are opened and read through it. */
  source: WriteFonts;
  roles: Record<FontRole, ResolvedRole>;
  /** Families other than the role's own, tried for characters it lacks. */
  fallbacks: FontFamily[];
  notices: Change[];
}

// The shared, caching fontkit goes into the module cache before pdfmake loads
// pdfkit, so pdfkit reuses each parsed font instead of parsing it per document.
// pdfmake is required here, after that, not imported: an import is evaluated
// before this module's code wherever it stands (and a bundler hoists it).
sharedFontkit();

/** pdfmake's Node build has a virtual file system its types do not declare. */
const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof PdfmakeModule & { virtualfs: { storage: Record<string, Buffer> } };
linearPdfmake();
memoStreams();
shareLaidOutRuns();

const registered = new Set<string>();
const dictionary: TFontDictionary = {};

function virtualName(face: Face): string {
  return `font-${registered.size}-${face.file.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

const names = new Map<string, string>();

/**
 * The fonts of the document being rendered: pdfmake reads a face's bytes while it
 * renders, through the getters below, from the WriteFonts of that document.
 */
let current: WriteFonts | undefined;

/**
 * A face as pdfmake wants it: a virtual file name, or [name, PostScript name] for
 * a collection. The file is read when pdfmake first asks for it, which it does
 * for a face that sets text: a role no text of a document uses is never read.
 */
function pdfmakeFace(face: Face): string | [string, string] {
  let name = names.get(face.file);
  if (!name) {
    name = virtualName(face);
    Object.defineProperty(pdfmake.virtualfs.storage, name, { enumerable: true, get: () => (current!.parsedBytes ? current!.parsedBytes(face) : current!.bytes(face)) });
    names.set(face.file, name);
  }
  return face.postscriptName ? [name, face.postscriptName] : name;
}

function register(family: FontFamily): void {
  if (registered.has(family.name)) return;
  registered.add(family.name);
  const normal = pdfmakeFace(family.normal);
  const bold = family.bold ? pdfmakeFace(family.bold) : normal;
  // No Chinese family has italics; emphasis is set in the kai role instead.
  dictionary[family.name] = { normal, bold, italics: normal, bolditalics: bold } as TFontDictionary[string];
}

/** Render a document definition to PDF bytes (the one place pdfmake is called, after the shared fontkit is installed). */
export function renderPdf(definition: Parameters<typeof pdfmake.createPdf>[0], fonts: WriteFonts): Promise<Buffer> {
  useFonts();
  current = fonts;
  return pdfmake.createPdf(definition).getBuffer();
}

/** Make families found during the glyph check (fontconfig fallbacks) known to pdfmake. */
export function registerFamilies(families: readonly FontFamily[]): void {
  for (const family of families) register(family);
}

/**
 * Hand pdfmake a fresh copy of the font table: it writes into the table it is
 * given (URLs resolved, a collection's file name replaced by its bytes), which
 * would break the next document.
 */
function useFonts(): void {
  pdfmake.setFonts(structuredClone(dictionary));
}

let policiesSet = false;

export function pdfFonts(source: WriteFonts): PdfFonts {
  if (!policiesSet) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    policiesSet = true;
  }
  const { roles, notices } = source;
  const families = [...new Set(Object.values(roles).map((r) => r.family))];
  for (const family of families) register(family);
  return { source, roles, fallbacks: families, notices: [...notices] };
}

/** pdfmake lineHeight (a multiple of the font's own height) that gives `leading` pt at `size`. */
export function lineHeightFor(fonts: WriteFonts, family: FontFamily, size: number, leading: number): number {
  const font = fonts.metrics(family.normal);
  const own = ((font.ascent - font.descent) / font.unitsPerEm) * size;
  return leading / own;
}
