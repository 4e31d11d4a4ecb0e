// pdfmake's font table from the resolved roles. Font bytes go through pdfmake's
// virtual file system from the registry's cache, so no file is read twice.
import { createRequire } from 'node:module';
import type PdfmakeModule from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces.js';
import { sharedFontkit } from '../../patches/fontkit-shared.js';
import { verticalMetrics } from '../../fonts/metrics.js';
import { type Face, type FontFamily, fontBytes, openFace, resolveRoles, type ResolvedRole, usedRoles } from '../../fonts/index.js';
import type { Change } from '../../model/types.js';
import type { FontRole, Template } from '../../templates/types.js';
import { linearPdfmake } from './pdfmake-linear.js';
import { memoStreams } from '../../patches/stream-memo.js';
import { shareLaidOutRuns } from '../../patches/shared-runs.js';

export interface PdfFonts {
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
 * A face as pdfmake wants it: a virtual file name, or [name, PostScript name] for
 * a collection. The file is read when pdfmake first asks for it, which it does
 * for a face that sets text: a role no text of a document uses is never read.
 */
function pdfmakeFace(face: Face): string | [string, string] {
  let name = names.get(face.file);
  if (!name) {
    name = virtualName(face);
    Object.defineProperty(pdfmake.virtualfs.storage, name, { enumerable: true, get: () => fontBytes(face.file) });
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
export function renderPdf(definition: Parameters<typeof pdfmake.createPdf>[0]): Promise<Buffer> {
  useFonts();
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

export function pdfFonts(template: Template): PdfFonts {
  if (!policiesSet) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    policiesSet = true;
  }
  const { roles, notices } = resolveRoles(template.fonts, usedRoles(template));
  const families = [...new Set(Object.values(roles).map((r) => r.family))];
  for (const family of families) register(family);
  return { roles, fallbacks: families, notices };
}

/** pdfmake lineHeight (a multiple of the font's own height) that gives `leading` pt at `size`. */
export function lineHeightFor(family: FontFamily, size: number, leading: number): number {
  // From the file's head and hhea tables: laying out a style does not load its font.
  const font = verticalMetrics(family.normal) ?? openFace(family.normal);
  const own = ((font.ascent - font.descent) / font.unitsPerEm) * size;
  return leading / own;
}
