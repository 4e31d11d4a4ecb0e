// The PDF edition (pdfmake): fonts resolved and checked, the document built
// from the model and the template, rendered in memory.
import pdfmake from 'pdfmake';
import type { Change } from '../../model/types.js';
import type { Writer } from '../types.js';
import { pdfDocument } from './document.js';
import { pdfFonts, useFonts } from './fonts.js';

export const pdfWriter: Writer = {
  extension: 'pdf',
  async write(edition, { template, date }) {
    const fonts = pdfFonts(template);
    const report: Change[] = [...fonts.notices];
    const definition = pdfDocument(edition, template, fonts, date ?? new Date('2000-01-01T00:00:00Z'), report);
    useFonts();
    const data = await pdfmake.createPdf(definition).getBuffer();
    return { data: new Uint8Array(data), report: dedupe(report), pages: countPages(data) };
  },
};

/** The same notice from every page (a missing glyph in a running header) once. */
function dedupe(report: Change[]): Change[] {
  const seen = new Set<string>();
  return report.filter((c) => {
    const key = `${c.kind}\0${c.message}\0${c.position?.start.offset ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Page objects in the file pdfkit wrote (uncompressed object dictionaries). */
function countPages(data: Buffer): number {
  return data.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
