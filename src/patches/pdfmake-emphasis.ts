// 着重号 (emphasis dots): a small round dot under the centre of each emphasised character,
// punctuation and spaces left bare (clreq 3.2). pdfmake draws underlines, dotted ones
// too, but nothing per character; this adds one decoration style to its TextDecorator:
// `decoration: 'underline', decorationStyle: EMPHASIS_DOTS` on a run. Each character's
// place is the run's own layout (the font's advances and the run's features, chws
// included) plus its character spacing, as pdfkit sets it. Private member touched:
// TextDecorator.prototype._drawDecoration (pdfmake 0.3.11, pinned); checked when installed.
// ZHPRESS_NO_PATCH=pdfmake-emphasis leaves it out: emphasisMarks() is then false and the
// runs are left without the decoration (pdfmake would draw an unknown style as a solid rule).
import { createRequire } from 'node:module';
import { expectMembers, markInstalled, patchOn } from './expect.js';

/** The decorationStyle the patch draws. */
export const EMPHASIS_DOTS = 'zhpress-emphasis-dots';

/** No dot under punctuation, symbols or spaces: letters, ideographs and digits only. */
const DOTTED = /[\p{L}\p{N}]/v;

interface PdfkitFont {
  widthOfString(text: string, size: number, features?: unknown): number;
  ascender: number;
}
interface Inline {
  text: string;
  x: number;
  font: PdfkitFont;
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
}
interface Group {
  decoration: string;
  decorationStyle: string;
  decorationColor: string;
  inlines: Inline[];
  line: { getAscenderHeight(): number };
}
interface PdfDocument {
  save(): PdfDocument;
  restore(): PdfDocument;
  fillColor(color: string): PdfDocument;
  circle(x: number, y: number, r: number): PdfDocument;
  fill(): PdfDocument;
}

let applied: boolean | undefined;

/** Install the emphasis dots on pdfmake's TextDecorator (once); false when pdfmake is another version. */
export function emphasisMarks(): boolean {
  if (applied !== undefined) return applied;
  applied = patchOn('pdfmake-emphasis');
  if (!applied) return false;
  const require = createRequire(import.meta.url);
  const TextDecorator = require('pdfmake/js/TextDecorator.js') as { default: { prototype: Record<string, unknown> } };
  const proto = TextDecorator.default?.prototype;
  expectMembers('pdfmake', 'TextDecorator.prototype', proto, { _drawDecoration: 'function' });
  const original = proto._drawDecoration as (this: { pdfDocument: PdfDocument }, group: Group, x: number, y: number) => void;
  proto._drawDecoration = function (this: { pdfDocument: PdfDocument }, group: Group, x: number, y: number) {
    if (group.decorationStyle !== EMPHASIS_DOTS) return original.call(this, group, x, y);
    const baseline = y + group.line.getAscenderHeight();
    const doc = this.pdfDocument;
    doc.save().fillColor(group.decorationColor);
    for (const inline of group.inlines) {
      const size = inline.fontSize;
      const spacing = inline.characterSpacing ?? 0;
      const chars = [...inline.text];
      let before = '';
      chars.forEach((ch, i) => {
        const start = inline.font.widthOfString(before, size, inline.fontFeatures) + spacing * i;
        const width = inline.font.widthOfString(before + ch, size, inline.fontFeatures) + spacing * i - start;
        before += ch;
        if (!DOTTED.test(ch)) return;
        // Below the ideographic face (about 0.12 em under the baseline), clear of it.
        doc.circle(x + inline.x + start + width / 2, baseline + 0.27 * size, 0.07 * size).fill();
      });
    }
    doc.restore();
  };
  markInstalled('pdfmake-emphasis');
  return true;
}
