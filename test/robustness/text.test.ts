// Robustness (issue 9): text the reader must survive. Every input is generated
// here into a temporary folder. Full-width punctuation is written as escapes.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../../src/writers/docx/zip.js';
import { clients, han, isSubsequence, run } from '../helpers/clients.js';
import { build, expectBuilt, expectNothingPartial, modelTexts, outputPath, outputs, outputText, put, tmp, zhpress } from './helpers.js';

const C = '\uFF0C'; // ，
const LP = '\uFF08'; // （
const RP = '\uFF09'; // ）
const IND = '\u3000\u3000';
const hasPdf = clients('pdftotext');

/** Han characters a Chinese text is made of, spread over the common range. */
const POOL = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

function hanText(n: number, step = 7919): string {
  let s = '';
  for (let i = 0; i < n; i++) s += POOL[(i * step) % POOL.length];
  return s;
}

/** The body of a Markdown edition: no front matter, no headings. */
function mdBody(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

function pdfText(out: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', outputPath(out, 'pdf'), '-']);
}

/** Every Han character of the input, in order, in the Markdown body and (if poppler is there) in the PDF. */
function expectHanKept(input: string, out: string): void {
  const wanted = han(input);
  const md = mdBody(outputText(out, 'md'));
  const inMd = isSubsequence(wanted, han(md));
  expect(inMd.ok, `Markdown lost Han characters after #${inMd.at}: ${wanted.slice(inMd.at, inMd.at + 10).join('')}`).toBe(true);
  if (hasPdf && outputs(out).some((f) => f.endsWith('.pdf'))) {
    const inPdf = isSubsequence(wanted, han(pdfText(out)));
    expect(inPdf.ok, `PDF lost Han characters after #${inPdf.at}: ${wanted.slice(inPdf.at, inPdf.at + 10).join('')}`).toBe(true);
  }
}

function parse(file: string) {
  const result = zhpress(['parse', file]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** XML 1.0 forbids C0 controls other than tab, LF and CR: Word refuses such a file. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function docxParts(out: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, bytes] of unzip(readFileSync(outputPath(out, 'docx')))) if (name.endsWith('.xml') || name.endsWith('.rels')) parts.set(name, new TextDecoder().decode(bytes));
  return parts;
}

describe('size and shape', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('text-size');
  });

  it('a 100,000-character paragraph with no punctuation builds, in under ~30 s', { timeout: 120_000 }, () => {
    const input = `${hanText(100_000)}\n`;
    const { result, out } = build(put(dir, '长段.txt', input));
    expectBuilt(result);
    expect(result.ms, `took ${(result.ms / 1000).toFixed(1)} s`).toBeLessThan(30_000);
    expect(outputs(out)).toHaveLength(3);
    expectNothingPartial(out);
    expectHanKept(input, out);
  });

  it('3,000 one-character paragraphs build, every character kept', { timeout: 120_000 }, () => {
    const input = `${Array.from({ length: 3000 }, (_, i) => POOL[i % POOL.length]).join('\n\n')}\n`;
    const { result, out } = build(put(dir, '三千段.txt', input));
    expectBuilt(result);
    expect(outputs(out)).toHaveLength(3);
    expectNothingPartial(out);
    expectHanKept(input, out);
  });

  it('3,000 one-character lines without blank lines build', { timeout: 120_000 }, () => {
    const input = `${Array.from({ length: 3000 }, (_, i) => POOL[(i * 31) % POOL.length]).join('\n')}\n`;
    const { result, out } = build(put(dir, '三千行.txt', input), 'md');
    expectBuilt(result);
    expectHanKept(input, out);
  });
});

describe('lines that look like something they are not', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('text-shape');
  });

  it('"一、" alone and "1." alone are not empty headings', () => {
    const input = `${IND}会议听取了工作报告。\n\n一、\n\n${IND}这是正文${C}讲述具体情况。\n\n1.\n\n${IND}第二段正文${C}继续讲述。\n\n（一）\n\n①\n`;
    const file = put(dir, '假标题.txt', input);
    const model = parse(file);
    const blocks = model.children.flatMap((a: any) => a.children);
    for (const block of blocks.filter((b: any) => b.type === 'heading')) {
      expect(modelTexts(block.children ? { children: block.children } : block).join('').trim(), `empty heading ${JSON.stringify(block)}`).not.toBe('');
    }
    const texts = modelTexts(model).join('');
    for (const s of ['一、', '1.', '（一）', '①']) expect(texts).toContain(s);
    const { result, out } = build(file);
    expectBuilt(result);
    expectHanKept(input, out);
    const md = outputText(out, 'md');
    expect(md).toMatch(/^一、$/m);
    expect(md).toMatch(/^1\\?\.$/m);
  });

  it('unbalanced quotes and brackets', () => {
    const input = [
      `${IND}他说：“这件事还没有结束${C}我们要继续努力。`,
      `${IND}括号${LP}没有关上${C}后面还有正文。`,
      `${IND}只有右括号${RP}和右引号”以及【方括号和《书名号。`,
      `${IND}半角的(括号和"引号也不成对。`,
    ].join('\n\n');
    const { result, out } = build(put(dir, '不成对.txt', `${input}\n`));
    expectBuilt(result);
    expectNothingPartial(out);
    expectHanKept(input, out);
    const md = outputText(out, 'md');
    for (const s of ['“这件事', '【方括号', '《书名号']) expect(md).toContain(s);
  });

  it('full-width digits and letters are kept (not dropped)', () => {
    const input = `${IND}全角数字１２３４５和字母ＡＢＣ、ａｂｃ都在${C}半角123和ABC也在。\n`;
    const { result, out } = build(put(dir, '全角.txt', input));
    expectBuilt(result);
    const md = outputText(out, 'md');
    expect(md).toMatch(/１２３４５|12345/);
    expect(md).toMatch(/ＡＢＣ|ABC、/);
    expect(md).toContain('123');
    expectHanKept(input, out);
  });
});

describe('characters outside the fonts', () => {
  let dir: string;
  // U+1FAF8 (Unicode 15) is in no font installed here or in CI: it stays a missing glyph.
  const input = `${IND}吉野家的“𠮷”字和表情😀🇨🇳👨\u200D👩\u200D👧\u{1FAF8}都要保留${C}不能丢。\n\n${IND}第二段正文。\n`;
  let out: string;
  let stderr: string;
  beforeAll(() => {
    dir = tmp('text-glyphs');
    const built = build(put(dir, '𠮷与表情.txt', input));
    expectBuilt(built.result);
    out = built.out;
    stderr = built.result.stderr;
  });

  it('the Markdown keeps 𠮷 and every emoji', () => {
    const md = outputText(out, 'md');
    expect(md).toContain('𠮷');
    for (const e of ['😀', '🇨🇳', '👨\u200D👩\u200D👧']) expect(md).toContain(e);
  });

  it('the docx keeps 𠮷 and the emoji', () => {
    const xml = docxParts(out).get('word/document.xml')!;
    expect(xml).toContain('𠮷');
    expect(xml).toContain('😀');
  });

  it('a character no installed font has is reported as a missing glyph, once, with the code point', () => {
    expect(stderr).toMatch(/missing-glyph.*U\+1FAF8/);
    expect(stderr.match(/missing-glyph.*U\+1FAF8/g)).toHaveLength(1);
    // 𠮷 is not in the bundled Noto SC fonts; fontconfig finds Noto CJK (fonts-noto-cjk), so it is not missing.
    if (hasPdf) expect(stderr).not.toMatch(/missing-glyph.*U\+20BB7/);
  });

  // A character the role's font lacks is drawn from an installed font that has it
  // (fontconfig), so it stays in the PDF's text.
  it('the PDF text (pdftotext) contains 𠮷', () => {
    if (!hasPdf) throw new Error('pdftotext missing');
    expect(pdfText(out)).toContain('𠮷');
  });

  it('the PDF text keeps the Han characters around them', () => {
    if (!hasPdf) return;
    const text = pdfText(out);
    expect(isSubsequence(han(input.replace('𠮷', '')), han(text)).ok).toBe(true);
  });
});

describe('control characters and mixed scripts', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('text-ctrl');
  });

  const controls = `${IND}控制字符\u0007响铃\u001b[0m转义和\u000b垂直制表\u000c换页\u007f删除\u0001都在这里。\n\n${IND}第二段正文${C}一切正常。\n`;

  it('C0 controls (BEL, ESC, VT, FF, DEL) do not crash; every edition is written', () => {
    const { result, out } = build(put(dir, '控制字符.txt', controls));
    expectBuilt(result);
    expect(outputs(out)).toHaveLength(3);
    expectHanKept(controls, out);
    expect(XML_ILLEGAL.test(docxParts(out).get('word/document.xml')!)).toBe(false);
  });

  // BUG (docx writer, src/writers/docx/package.ts escapeXml): the derived title
  // "控制字符\u0007响铃…" goes into docProps/core.xml (dc:title, dc:subject) with
  // its C0 controls, which XML 1.0 forbids: the part is not well-formed and Word
  // reports the file as corrupt. document.xml itself is clean.
  it('C0 controls: every part of the docx is well-formed XML (docProps/core.xml too)', () => {
    const { result, out } = build(put(dir, '控制字符2.txt', controls), 'docx');
    expectBuilt(result);
    for (const [name, xml] of docxParts(out)) expect(XML_ILLEGAL.test(xml), `${name} has a character XML forbids`).toBe(false);
  });

  const hebrew = 'שלום עולם';
  const arabic = 'مرحبا بالعالم';
  const rtl = `${IND}以色列${LP}${hebrew}${RP}和阿拉伯${LP}${arabic}${RP}的文字夹在中文里${C}方向不同。\n`;

  it('Hebrew and Arabic inside a Chinese paragraph are kept (Markdown, docx) and every Han character reaches the PDF', () => {
    const { result, out } = build(put(dir, '双向.txt', rtl));
    expectBuilt(result);
    const md = outputText(out, 'md');
    expect(md).toContain(hebrew);
    expect(md).toContain(arabic);
    expect(md).toContain(`以色列${LP}${hebrew}${RP}和阿拉伯`);
    expect(docxParts(out).get('word/document.xml')).toContain(arabic);
    // The Hebrew is drawn from an installed font that has it (DejaVu Sans here), not reported missing.
    if (hasPdf) expect(result.stderr).not.toMatch(/missing-glyph.*U\+05E9/);
    if (hasPdf) {
      // pdftotext reorders a line with RTL runs (bidi), so compare as a set.
      const inPdf = new Set(han(pdfText(out)));
      expect(han(rtl).filter((h) => !inPdf.has(h))).toEqual([]);
    }
  });

  // BUG (PDF writer / fonts): same as 𠮷 above: Hebrew and Arabic have no glyph
  // in the bundled fonts, are drawn as .notdef without a ToUnicode entry, and
  // vanish from the PDF's text.
  it('the PDF text contains the Hebrew', () => {
    if (!hasPdf) throw new Error('pdftotext missing');
    const { out } = build(put(dir, '双向2.txt', rtl), 'pdf');
    expect(pdfText(out).replace(/\s/g, '')).toMatch(/[\u05D0-\u05EA]/);
  });

  it('a lone surrogate half (from a broken UTF-16 file) does not crash', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${IND}半个代理对`, 'utf16le'), Buffer.from([0x42, 0xd8]), Buffer.from(`之后还有正文。\n`, 'utf16le')]);
    const { result, out } = build(put(dir, '半个代理对.txt', bytes), 'all', '--lenient');
    expect(result.code, result.stderr).toBe(0);
    expect(outputText(out, 'md')).toContain('之后还有正文');
  });
});
