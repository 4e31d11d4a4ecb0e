// How much adjacent full-width punctuation gives up, as the font itself says
// with its `chws` feature (contextual half-width spacing): in the Simplified
// Chinese Noto fonts 。” ，“ “《 take 1.5 em instead of 2, while the
// Traditional ones centre ，。 and compress nothing there. A font without chws
// keeps every mark at full width. The figure is the one the direct layout
// applies when pdfkit sets the run with chws (fonts/direct-layout.ts).
import { openFace } from '../../fonts/index.js';
import { chwsAdjustment } from '../../fonts/direct-layout.js';
import type { Face } from '../../fonts/registry.js';

/** The space taken out between `a` and `b` in `face`, in em (0 for most pairs). */
export function punctuationKern(face: Face, a: string, b: string): number {
  const font = openFace(face) as unknown as { unitsPerEm: number };
  return chwsAdjustment(font, a.codePointAt(0)!, b.codePointAt(0)!) / font.unitsPerEm;
}
