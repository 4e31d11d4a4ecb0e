// pdfkit lays out each run of text (a word between spaces; for Chinese, each piece
// the line breaker made) once per document and keeps it in the document's font
// (`EmbeddedFont.layoutCache`), then again for the next document, though the
// parsed font is the same one (fontkit-shared.ts) and so is the result. Here the
// runs are kept per parsed font for the whole process: a watch rebuild, or a batch
// of similar texts, lays out only the runs it has not seen. pdfkit's own code
// treats a cached run as read-only (it copies what it changes), as it already
// shares one run between every use within a document.
import { createRequire } from 'node:module';
import { expectMembers, markInstalled, patchOn } from './expect.js';

/** Runs kept per font at most; past it the font's runs are dropped and gathered again. */
const MAX_RUNS = 20_000;

interface EmbeddedFont {
  font: object;
  layoutCache?: object;
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}

const runs = new WeakMap<object, Map<string, unknown>>();
const use = { asked: 0, reused: 0 };

let enabled = true;

/** Turn the sharing off and on (a test compares the bytes made both ways). */
export function useSharedRuns(on: boolean): void {
  enabled = on;
}

/** Runs asked for and runs found from an earlier document (for tests and the bench). */
export function sharedRunsUse(): typeof use {
  return { ...use };
}

const patched = new WeakSet<object>();

function shareRuns(proto: EmbeddedFont): void {
  if (patched.has(proto)) return;
  patched.add(proto);
  expectMembers('pdfkit', 'EmbeddedFont.prototype', proto, { layoutRun: 'function', layoutCached: 'function' });
  const layoutCached = proto.layoutCached;
  proto.layoutCached = function (this: EmbeddedFont, text: string) {
    // A document that turned pdfkit's cache off (fontLayoutCache: false) keeps it off.
    if (!enabled || !this.layoutCache) return layoutCached.call(this, text);
    use.asked++;
    let known = runs.get(this.font);
    if (!known) {
      known = new Map();
      runs.set(this.font, known);
    }
    let run = known.get(text);
    if (run) {
      use.reused++;
      return run;
    }
    run = this.layoutRun(text);
    if (known.size >= MAX_RUNS) known.clear();
    known.set(text, run);
    return run;
  };
  markInstalled('shared-runs');
}

let installed = false;

/**
 * Share laid-out runs between documents. pdfkit's font class is not exported: it is
 * patched on the first font a document opens (PDFDocument.prototype.font wrapped).
 * Call after pdfkit's fontkit is in place (writers/pdf/fonts.ts, after pdfmake loads).
 */
export function shareLaidOutRuns(): void {
  if (installed || !patchOn('shared-runs')) return;
  installed = true;
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFDocument = fromPdfmake('pdfkit') as { prototype: { font(this: { _font?: unknown }, ...args: unknown[]): unknown } };
  expectMembers('pdfkit', 'PDFDocument.prototype', PDFDocument.prototype, { font: 'function' });
  const font = PDFDocument.prototype.font;
  PDFDocument.prototype.font = function (this: { _font?: unknown }, ...args: unknown[]) {
    const result = font.apply(this, args);
    const opened = this._font;
    // An embedded (TrueType/OpenType) font has a parsed font and a run cache; pdfkit's standard 14 have neither.
    if (opened && typeof opened === 'object' && 'layoutCached' in opened && 'font' in opened) shareRuns(Object.getPrototypeOf(opened) as EmbeddedFont);
    return result;
  };
}
