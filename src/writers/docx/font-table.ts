// The Word edition's font table (word/fontTable.xml): an entry for each font
// its styles name, with what Word, WPS and LibreOffice use to find the font or
// a substitute where it is not installed: the other name it goes by (altName:
// 宋体 is SimSun), the character set (hex: 86 GB2312, 88 Big5), the family class,
// the pitch and the PANOSE classification. The template chooses the fonts;
// these are facts about the fonts, as Word writes them for its own documents.
// A font not listed here gets an entry with its name and the edition's
// character set only.
import type { Lang } from '../../model/types.js';
import type { EmbeddedFaces } from './embed-fonts.js';

interface FontFacts {
  altName?: string;
  /** A hex byte: 86 GB2312, 88 Big5 (ECMA-376 17.8.3.2). */
  charset: string;
  family: 'auto' | 'roman' | 'swiss' | 'modern' | 'script' | 'decorative';
  pitch: 'fixed' | 'variable' | 'default';
  panose1?: string;
}

const GB = '86';
const BIG5 = '88';

const KNOWN: Record<string, FontFacts> = {
  宋体: { altName: 'SimSun', charset: GB, family: 'auto', pitch: 'variable', panose1: '02010600030101010101' },
  黑体: { altName: 'SimHei', charset: GB, family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  楷体: { altName: 'KaiTi', charset: GB, family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  仿宋: { altName: 'FangSong', charset: GB, family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  // GB/T 9704's 仿宋: where it is not installed, Word's 仿宋 (same class) stands in.
  仿宋_GB2312: { altName: '仿宋', charset: GB, family: 'modern', pitch: 'fixed', panose1: '02010609030101010101' },
  楷体_GB2312: { altName: '楷体', charset: GB, family: 'modern', pitch: 'fixed', panose1: '02010609030101010101' },
  新細明體: { altName: 'PMingLiU', charset: BIG5, family: 'roman', pitch: 'variable', panose1: '02020500000000000000' },
  細明體_HKSCS: { altName: 'MingLiU_HKSCS', charset: BIG5, family: 'modern', pitch: 'fixed', panose1: '02020500000000000000' },
  標楷體: { altName: 'DFKai-SB', charset: BIG5, family: 'script', pitch: 'fixed', panose1: '03000509000000000000' },
  微軟正黑體: { altName: 'Microsoft JhengHei', charset: BIG5, family: 'swiss', pitch: 'variable', panose1: '020B0604030504040204' },
};

/** A font's embedded faces: subsets of the fonts the PDF uses (w:subsetted, so Word does not take them for whole fonts). */
function embeds(faces: { regular?: { id: string; key: string }; bold?: { id: string; key: string } } | undefined): string {
  if (!faces) return '';
  const one = (element: string, face?: { id: string; key: string }) => (face ? `<w:${element} r:id="${face.id}" w:fontKey="${face.key}" w:subsetted="1"/>` : '');
  return one('embedRegular', faces.regular) + one('embedBold', faces.bold);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The font table naming `fonts` (in order, once each), with the faces embedded for each (--embed-fonts). */
export function fontTableXml(fonts: readonly string[], lang: Lang, embedded?: EmbeddedFaces): string {
  const entries = [...new Set(fonts)].map((name) => {
    const facts = KNOWN[name] ?? { charset: lang === 'zh-Hans' ? GB : BIG5, family: 'auto', pitch: 'variable' };
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (facts.altName ? `<w:altName w:val="${escapeXml(facts.altName)}"/>` : '') +
      (facts.panose1 ? `<w:panose1 w:val="${facts.panose1}"/>` : '') +
      `<w:charset w:val="${facts.charset}"/><w:family w:val="${facts.family}"/><w:pitch w:val="${facts.pitch}"/>` +
      embeds(embedded?.get(name)) +
      '</w:font>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"${embedded?.size ? ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' : ''}>` +
    entries.join('') +
    '</w:fonts>'
  );
}
