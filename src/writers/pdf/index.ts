// The PDF edition (pdfmake): fonts resolved and checked, the document built
// from the model and the template, rendered in memory.
import type { Change } from '../../model/types.js';
import type { Writer } from '../types.js';
import { missingFonts } from '../missing-fonts.js';
import { pdfDocument } from './document.js';
import { pdfFonts, registerFamilies, renderPdf } from './fonts.js';

export const pdfWriter: Writer = {
  extension: 'pdf',
  async write(edition, { template, date, fonts: given }) {
    const fonts = pdfFonts(given ?? missingFonts('pdf'));
    const report: Change[] = [...fonts.notices];
    const definition = pdfDocument(edition, template, fonts, date ?? new Date('2000-01-01T00:00:00Z'), report);
    registerFamilies(fonts.fallbacks);
    const data = await renderPdf(definition, fonts.source);
    return { data: new Uint8Array(data), report: dedupe(report), pages: countPages(data) };
  },
};

/** The same notice from every page (a missing glyph in a running header) once; a place in the input is preferred. */
function dedupe(report: Change[]): Change[] {
  const ordered = [...report].sort((a, b) => Number(Boolean(b.position)) - Number(Boolean(a.position)));
  const seen = new Set<string>();
  const kept = new Set(
    ordered.filter((c) => {
      const key = c.kind === 'missing-glyph' ? `${c.kind}\0${c.message}` : `${c.kind}\0${c.message}\0${c.position?.start.offset ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
  return report.filter((c) => kept.has(c));
}

/** Page objects in the file pdfkit wrote (uncompressed object dictionaries). */
function countPages(data: Buffer): number {
  return data.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
