// The Word edition: reproducible bytes, named styles only, Chinese fonts and
// language tags, page setup, fields; and, with real clients (pandoc, LibreOffice,
// pdftotext), every heading and paragraph found and every Han character kept in order.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import * as b from '../../src/model/builders.js';
import type { Article, Block, Edition, Lang, Paragraph } from '../../src/model/types.js';
import { inlineText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { resolveRoles } from '../../src/fonts/index.js';
import { loadTemplate } from '../../src/templates/index.js';
import type { Template } from '../../src/templates/types.js';
import { docxWriter } from '../../src/writers/docx/index.js';
import { unzip, zip } from '../../src/writers/docx/zip.js';
import { finishPackage, packageParts } from '../../src/writers/docx/package.js';
import { docxCompiler } from '../../src/patches/docx-compiler.js';
import { docxSections } from '../../src/writers/docx/sections.js';
import { docxStyles, wordFonts } from '../../src/writers/docx/styles.js';
import { Document } from 'docx';
import { clients } from '../helpers/clients.js';
import { minutesText } from '../helpers/minutes.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const DATE = new Date('2025-08-29T08:30:00Z');
const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('') ?? '';
/** Letters and digits only: quotes and spacing are the client's business. */
const letters = (s: string) => s.match(/[\p{L}\p{N}]/gu)?.join('') ?? '';

async function seedEdition(): Promise<Edition> {
  const { edition } = readText({ text: readFileSync(seedPath, 'utf8'), path: 'seeds/000_fb7c4685e6dc9c77.txt' });
  try {
    const { runTransforms } = await import('../../src/transforms/index.js');
    return runTransforms(edition).edition;
  } catch {
    return edition;
  }
}

/** An edition with every kind of block and inline the model has. */
function sampleEdition(lang: Lang = 'zh-Hans'): Edition {
  return b.edition({ title: '要闻简报', publication: '人民日报', date: '2025-08-29', page: '2', lang, source: 'sample.txt' }, [
    b.article('a1', { kicker: '引题在上', title: '主标题', subtitle: '副标题在下' }, [
      b.continuation('from', '1', ['\uFF08\u63A51\u7248\uFF09']),
      b.heading(1, ['第一部分'], { marker: '一\u3001' }),
      b.paragraph([b.lead(['稳妥推进改革\u3002']), '正文有', b.strong(['加粗']), '和', b.emphasis(['着重']), '的文字\u3002'], { marker: '\uFF08\u4E00\uFF09' }),
      b.heading(2, ['第二层'], { marker: '\uFF08\u4E8C\uFF09' }),
      b.subhead(['健全安全机制\u2014\u2014']),
      b.list('dash', [b.listItem(['安全合作'], { marker: '\u2014\u2014' }), b.listItem(['发展合作'], { marker: '\u2014\u2014' })]),
      b.heading(3, ['第三层'], { marker: '1.' }),
      b.quote(['\u201C引文一段\u3002\u201D']),
      b.heading(4, ['第四层'], { marker: '(1)' }),
      b.list('bullet', [b.listItem(['要点'])]),
      b.dateline(['\uFF08新华社北京8月28日电\uFF09']),
      b.continuation('to', '3', ['\uFF08\u4E0B\u8F6C3\u7248\uFF09']),
    ]),
    // An official document's parts around its body (GB/T 9704), and the title block's notes and byline.
    b.article('a2', { title: '第二篇', notes: ['\uFF082018年12月29日\uFF09'], byline: '省长\u3000李炳军' }, [
      b.paragraph(['国办发\u3014' + '2018\u3015128号'], { role: 'header' }),
      b.paragraph(['各省、自治区、直辖市人民政府\uFF1A'], { role: 'address' }),
      b.paragraph(['第二篇的正文\u3002']),
      b.paragraph(['附件\uFF1A1.应急救援专用号牌式样'], { role: 'attachment' }),
      b.paragraph(['2.车辆涂装样图'], { role: 'attachment' }),
      b.paragraph(['国务院办公厅'], { role: 'signature' }),
      b.paragraph(['2018年12月29日'], { role: 'signature' }),
      b.paragraph(['\uFF08此件公开发布\uFF09'], { role: 'annotation' }),
      b.paragraph(['抄送\uFF1A党中央各部门\u3002'], { role: 'record' }),
    ]),
  ]);
}

async function write(edition: Edition, template: Template): Promise<Uint8Array> {
  const { data } = await docxWriter.write(edition, { template, date: DATE, fonts: writeFonts(template) });
  expect(data).toBeInstanceOf(Uint8Array);
  return data as Uint8Array;
}

function parts(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, bytes] of unzip(data)) out.set(name, new TextDecoder().decode(bytes));
  return out;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Paragraphs of a part, each with its style and text; not the empty ones that only
 * carry a section break (after the contents field, which cannot carry one itself).
 */
function paragraphs(xml: string): { style: string; text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)]
    .filter((m) => !/^<w:pPr><w:sectPr>.*<\/w:sectPr><\/w:pPr>$/s.test(m[1]!))
    .map((m) => ({
      style: /<w:pStyle w:val="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
      text: [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>(.*?)<\/w:t>/gs)].map((t) => unescape(t[1]!)).join(''),
      xml: m[0],
    }));
}

const DASH = '\u2014\u2014';

/** The Word style of each paragraph role; an attachment note's items after "附件：" line up in a style of their own. */
const ROLE_STYLES = { header: 'HeaderField', address: 'Salutation', signature: 'Signature', annotation: 'Annotation', record: 'EndMatter' } as const;
/** A paragraph that is only its lead ("王明华：" over a turn) is a label: Label, kept with the next. */
const onlyLead = (node: Paragraph) => node.children.length === 1 && node.children[0]!.type === 'lead';
const roleStyle = (node: Paragraph, text: string) =>
  node.role === 'attachment' ? (text.startsWith('\u9644\u4EF6') ? 'AttachmentNote' : 'AttachmentNoteContinued') : node.role ? ROLE_STYLES[node.role] : onlyLead(node) ? 'Label' : 'BodyText';

/** What the document should hold after the contents, one paragraph a line: style and text. */
function expectedBody(edition: Edition): { style: string; text: string }[] {
  const out: { style: string; text: string }[] = [];
  const blockParas = (node: Block): { style: string; text: string }[] => {
    switch (node.type) {
      case 'heading':
        return [{ style: `Heading${node.depth + 1}`, text: (node.marker ?? '') + inlineText(node.children) }];
      case 'paragraph': {
        const text = (node.marker ?? '') + inlineText(node.children);
        return [{ style: roleStyle(node, text), text }];
      }
      case 'list':
        return node.children.map((item) => ({
          style: node.style === 'dash' ? 'DashListItem' : 'ListItem',
          text: (item.marker ?? (node.style === 'dash' ? DASH : node.style === 'bullet' ? '\u2022' : '')) + inlineText(item.children),
        }));
      case 'subhead':
        return [{ style: 'Subhead', text: inlineText(node.children) }];
      case 'quote':
        return [{ style: 'Quote', text: inlineText(node.children) }];
      case 'dateline':
        return [{ style: 'Dateline', text: inlineText(node.children) }];
      case 'continuation':
        return [{ style: 'Continuation', text: inlineText(node.children) }];
    }
  };
  for (const article of edition.children as Article[]) {
    if (article.meta.kicker) out.push({ style: 'Kicker', text: article.meta.kicker });
    // A title derived from the heading right under it (past a continuation note) is not repeated.
    const under = article.children.find((b) => b.type !== 'continuation');
    const repeats = article.meta.titleDerived && under?.type === 'heading' && inlineText(under.children) === article.meta.title;
    if (!repeats) out.push({ style: 'Heading1', text: article.meta.title ?? article.id });
    if (article.meta.subtitle) out.push({ style: 'Subtitle', text: article.meta.subtitle });
    for (const note of article.meta.notes ?? []) out.push({ style: 'TitleNote', text: note });
    if (article.meta.byline && !article.meta.bylineInText) out.push({ style: 'Byline', text: article.meta.byline });
    for (const node of article.children) out.push(...blockParas(node));
  }
  return out;
}

/** The document's paragraphs after the table of contents. */
function bodyAfterContents(document: string) {
  const end = document.lastIndexOf('</w:sdt>');
  return paragraphs(end >= 0 ? document.slice(end) : document.slice(document.indexOf('<w:body>')));
}

describe('docx writer: the package', () => {
  let edition: Edition;
  let template: Template;
  let data: Uint8Array;
  let files: Map<string, string>;

  beforeAll(async () => {
    edition = await seedEdition();
    template = loadTemplate('briefing', 'zh-Hans');
    data = await write(edition, template);
    files = parts(data);
  });

  it('writes the same bytes twice, whatever the clock', async () => {
    const again = await write(edition, template);
    expect(Buffer.from(again).equals(Buffer.from(data))).toBe(true);
    expect(docxWriter.extension).toBe('docx');
  });

  it("takes the parts from docx's compiler, the same parts as reading Packer's zip back", async () => {
    // A docx release without Packer.compiler fails docxCompiler() with a clear error (test/patches.test.ts).
    expect(typeof docxCompiler()?.compile).toBe('function');
    const document = () =>
      new Document({
        title: '\u6807\u9898',
        styles: docxStyles(template, wordFonts(template, resolveRoles(template.fonts).roles), 'zh-Hans'),
        sections: docxSections(edition, template),
      });
    const compiled = await packageParts(document());
    const zipped = await packageParts(document(), null);
    expect([...zipped.keys()].sort()).toEqual([...compiled.keys()].sort());
    // Bookmark ids count per process in docx, so the two differ until the package is finished.
    const options = { properties: { title: '', subject: '', creator: 'zhpress', keywords: '', description: '', language: 'zh-Hans', date: DATE }, lang: 'zh-Hans' as const, textWidth: 9000 };
    const fromCompiler = finishPackage(compiled, options);
    expect(Buffer.from(finishPackage(zipped, options)).equals(Buffer.from(fromCompiler))).toBe(true);
    const body = parts(fromCompiler).get('word/document.xml')!;
    const first = (edition.children[0] as Article).children.find((n) => n.type === 'paragraph')!;
    expect(han(body)).toContain(han(inlineText(first.children)));
  });

  it('dates every zip entry and the core properties from `date`', () => {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    // Every local file header and central directory entry: DOS date 2025-08-29 08:30:00 (UTC, whatever TZ says).
    const time = (8 << 11) | (30 << 5);
    const day = ((2025 - 1980) << 9) | (8 << 5) | 29;
    let p = view.getUint32(data.length - 22 + 16, true);
    let entries = 0;
    while (view.getUint32(p, true) === 0x02014b50) {
      const local = view.getUint32(p + 42, true);
      expect(view.getUint32(local, true)).toBe(0x04034b50);
      expect([view.getUint16(local + 10, true), view.getUint16(local + 12, true)]).toEqual([time, day]);
      expect([view.getUint16(p + 12, true), view.getUint16(p + 14, true)]).toEqual([time, day]);
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
      entries++;
    }
    expect(entries).toBe(files.size);
    expect([...files.keys()][0]).toBe('[Content_Types].xml');
    const core = files.get('docProps/core.xml')!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-08-29T08:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-08-29T08:30:00Z</dcterms:modified>');
    // No publication given: no author (never the input's path); zhpress is the last to modify it.
    expect(edition.meta.publication).toBeUndefined();
    expect(core).toContain('<dc:creator/>');
    expect(core).toContain('<cp:lastModifiedBy>zhpress</cp:lastModifiedBy>');
    expect(core).toContain('<dc:language>zh-Hans</dc:language>');
    expect(core).toContain(`<dc:title>${edition.meta.title}</dc:title>`);
    expect(core).toMatch(/<dc:subject>[^<]*优化现代化城市体系<\/dc:subject>/);
    expect(core).toMatch(/<cp:keywords>[^<]*zh-Hans<\/cp:keywords>/);
    expect(core).toMatch(/<dc:description(>[^<]+<\/dc:description>|\/>)/);
  });

  it('zips in the order given, dated in UTC whatever the time zone (before 1980: 1980-01-01), and reads it back', () => {
    const files: [string, Uint8Array][] = [['b.xml', new TextEncoder().encode('<b/>'.repeat(100))], ['a/\u6587.txt', new Uint8Array([1, 2, 3])]];
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const east = zip(files, DATE);
      process.env.TZ = 'America/Los_Angeles';
      expect(Buffer.from(zip(files, DATE)).equals(Buffer.from(east))).toBe(true);
      expect([...unzip(east)]).toEqual(files);
      const old = new DataView(zip(files, new Date('1949-10-01T00:00:00Z')).buffer);
      expect([old.getUint16(10, true), old.getUint16(12, true)]).toEqual([0, (1 << 5) | 1]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('defines the named styles, with first-line indent in characters, exact leading, East Asian fonts and zh-CN', () => {
    const styles = files.get('word/styles.xml')!;
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    const names: Record<string, string> = {
      Title: 'Title',
      Subtitle: 'Subtitle',
      Kicker: 'Kicker',
      Heading1: 'Heading 1',
      Heading2: 'Heading 2',
      Heading3: 'Heading 3',
      Heading4: 'Heading 4',
      Heading5: 'Heading 5',
      BodyText: 'Body Text',
      Subhead: 'Subhead',
      Quote: 'Quote',
      DashListItem: 'Dash List Item',
      Dateline: 'Dateline',
      Continuation: 'Continuation',
      Header: 'Header',
      Footer: 'Footer',
      Lead: 'Lead',
      Emphasis: 'Emphasis',
    };
    for (const [id, name] of Object.entries(names)) expect(style(id), id).toContain(`<w:name w:val="${name}"/>`);
    const roles = wordFonts(template, resolveRoles(template.fonts).roles);
    const body = style('BodyText');
    expect(body).toContain('w:firstLineChars="200"');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain(`w:line="${template.styles.body.leading * 20}" w:lineRule="exact"`);
    expect(body).toContain(`w:eastAsia="${roles.serif}"`);
    // The briefing names the font a Word user has (template data), not the PDF family.
    expect(roles.serif).toBe(template.wordFonts.serif ?? "");
    expect(body).not.toMatch(/Noto/);
    expect(body).toMatch(/w:ascii="[^"]+"/);
    expect(style('Lead')).toContain('w:type="character"');
    expect(style('Lead')).toContain('<w:b/>');
    expect(style('Emphasis')).toContain('w:type="character"');
    expect(style('Emphasis')).toContain(`w:eastAsia="${roles.kai}"`);
    // 着重号: Word and LibreOffice draw a dot under each character.
    expect(style('Emphasis')).toContain('<w:em w:val="dot"/>');
    expect(style('Quote')).toContain(`w:eastAsia="${roles.kai}"`);
    expect(style('Dateline')).toContain('<w:jc w:val="right"/>');
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading2')).toContain('<w:outlineLvl w:val="1"/>');
    expect(style('Heading5')).toContain('<w:outlineLvl w:val="4"/>');
    expect(style('Header')).toMatch(/<w:tabs><w:tab w:val="center" w:pos="\d+"\/><w:tab w:val="right" w:pos="\d+"\/><\/w:tabs>/);
    // Defaults: fonts and languages of every run.
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)![0];
    expect(defaults).toContain(`w:eastAsia="${roles.serif}"`);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(files.get('word/settings.xml')).toMatch(/<w:themeFontLang [^>]*w:eastAsia="zh-CN"\/>/);
    // The contents' page numbers: Word fills them in when it updates fields on opening.
    expect(files.get('word/settings.xml')).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
  });

  it('sets no direct formatting in the body: paragraphs carry a style, runs at most rStyle and bold', () => {
    const document = files.get('word/document.xml')!;
    const outsideContents = document.replace(/<w:sdt>.*?<\/w:sdt>/s, '');
    for (const m of outsideContents.matchAll(/<w:rPr>(.*?)<\/w:rPr>/gs)) {
      expect(m[1]!.replace(/<w:rStyle w:val="(Lead|Emphasis)"\/>|<w:b\/>|<w:bCs\/>/g, ''), m[0]).toBe('');
    }
    for (const m of outsideContents.matchAll(/<w:pPr>(.*?)<\/w:pPr>/gs)) {
      expect(m[1]!.replace(/<w:pStyle w:val="[^"]+"\/>|<w:sectPr>.*?<\/w:sectPr>/gs, ''), m[0]).toBe('');
    }
    for (const p of paragraphs(outsideContents)) expect(p.style, p.text).not.toBe('');
  });

  it('keeps every paragraph of the model, markers included, in order and in its style', () => {
    const body = bodyAfterContents(files.get('word/document.xml')!);
    expect(body.map(({ style, text }) => ({ style, text }))).toEqual(expectedBody(edition));
  });

  it('lays out A4 pages with the margins, a cover, contents and one section per article', () => {
    const document = files.get('word/document.xml')!;
    const sections = [...document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sections).toHaveLength(2 + edition.children.length);
    const mm = (v: number) => Math.round((v * 1440) / 25.4);
    const m = template.page.margins;
    for (const s of sections) {
      expect(s).toContain(`<w:pgSz w:w="${mm(210)}" w:h="${mm(297)}" w:orient="portrait"/>`);
      expect(s).toContain(`w:top="${mm(m.top)}" w:right="${mm(m.right)}" w:bottom="${mm(m.bottom)}" w:left="${mm(m.left)}"`);
    }
    // No header or footer on the cover and contents; the first article section has both.
    expect(sections[0]).not.toContain('headerReference');
    expect(sections[1]).not.toContain('footerReference');
    expect(sections[2]).toContain('<w:headerReference w:type="default"');
    expect(sections[2]).toContain('<w:footerReference w:type="default"');
    // Later articles: their own header (it shows the article title), the footer inherited.
    expect(sections[3]).toContain('<w:headerReference w:type="default"');
    expect(sections[3]).not.toContain('footerReference');
    // The contents: a TOC field over headings 1-3, filled in with the titles.
    expect(document).toContain('TOC \\h \\o &quot;1-3&quot;');
    for (const article of edition.children) expect(document.slice(0, document.lastIndexOf('</w:sdt>'))).toContain(article.meta.title!);
    // The cover.
    const cover = paragraphs(document.slice(0, document.indexOf('<w:sdt>')));
    expect(cover[0]).toMatchObject({ style: 'Title', text: edition.meta.title });
    // No source given: the cover shows no file name.
    expect(cover.some((p) => /\.txt$/.test(p.text))).toBe(false);
    expect(cover.some((p) => p.style === 'TOCHeading' && p.text === template.toc.title)).toBe(true);
  });

  it('puts the running header and the "\u2014 {page} \u2014" footer in with fields', () => {
    const footer = [...files].find(([n]) => /word\/footer\d+\.xml/.test(n))![1];
    const header = [...files].find(([n]) => /word\/header\d+\.xml/.test(n))![1];
    expect(footer).toMatch(/<w:t xml:space="preserve">\u2014 <\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve">PAGE<\/w:instrText>.*?<w:fldChar w:fldCharType="end"\/><\/w:r><w:r><w:t xml:space="preserve"> \u2014<\/w:t>/s);
    expect(header).toContain(edition.meta.title!);
    expect(header).toContain('STYLEREF &quot;Heading 1&quot;');
    // Each article's header holds its own title as the field's cached value (what LibreOffice shows).
    const headers = [...files].filter(([n]) => /word\/header\d+\.xml/.test(n)).map(([, x]) => x);
    expect(headers).toHaveLength(edition.children.length);
    for (const article of edition.children) {
      expect(headers.some((h) => new RegExp(`<w:fldSimple w:instr="STYLEREF &quot;Heading 1&quot;"><w:r><w:t xml:space="preserve">${article.meta.title}</w:t>`).test(h)), article.meta.title).toBe(true);
    }
    expect(paragraphs(header)[0]!.style).toBe('Header');
    expect(paragraphs(footer)[0]!.style).toBe('Footer');
  });
});

describe('docx writer: other editions and templates', () => {
  it('maps lead, strong and emphasis to the Lead style, bold and the Emphasis style', async () => {
    const edition = sampleEdition();
    const files = parts(await write(edition, loadTemplate('briefing', 'zh-Hans')));
    const document = files.get('word/document.xml')!;
    const body = bodyAfterContents(document);
    expect(body.map(({ style, text }) => ({ style, text }))).toEqual(expectedBody(edition));
    const para = body.find((p) => p.style === 'BodyText')!;
    expect(para.xml).toContain('<w:r><w:rPr><w:rStyle w:val="Lead"/></w:rPr><w:t xml:space="preserve">稳妥推进改革\u3002</w:t></w:r>');
    expect(para.xml).toMatch(/<w:r><w:rPr><w:b\/>(<w:bCs\/>)?<\/w:rPr><w:t xml:space="preserve">加粗<\/w:t><\/w:r>/);
    expect(para.xml).toContain('<w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve">着重</w:t></w:r>');
    // The marker is plain text before the lead.
    expect(para.xml).toMatch(/<w:r><w:t xml:space="preserve">\uFF08\u4E00\uFF09<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="Lead"\/>/);
    const cover = paragraphs(document.slice(0, document.indexOf('<w:sdt>')));
    expect(cover.map((p) => p.text)).toEqual(expect.arrayContaining(['要闻简报', '人民日报  \u7B2C2\u7248  2025-08-29', 'sample.txt']));
  });

  it.each(['briefing', 'gbt9704'])('%s: gives the title block\u2019s notes and byline and each paragraph role a named style, derived from the subtitle and the body', async (name) => {
    const template = loadTemplate(name, 'zh-Hans');
    const files = parts(await write(sampleEdition(), template));
    const styles = files.get('word/styles.xml')!;
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    const names: Record<string, string> = {
      TitleNote: 'Title Note',
      Byline: 'Byline',
      HeaderField: 'Header Field',
      Salutation: 'Salutation',
      AttachmentNote: 'Attachment Note',
      AttachmentNoteContinued: 'Attachment Note Continued',
      Signature: 'Signature',
      Annotation: 'Annotation',
      EndMatter: 'End Matter',
    };
    for (const [id, styleName] of Object.entries(names)) expect(style(id), id).toContain(`<w:name w:val="${styleName}"/>`);
    const roles = wordFonts(template, resolveRoles(template.fonts).roles);
    const { body, subtitle } = template.styles;
    // Notes and byline: the subtitle's face, centred, kept with the text.
    for (const id of ['TitleNote', 'Byline']) {
      expect(style(id)).toContain('<w:jc w:val="center"/>');
      expect(style(id)).toContain(`w:eastAsia="${roles[subtitle.font]}"`);
      expect(style(id)).toContain('<w:keepNext/>');
      expect(style(id)).toContain(`<w:sz w:val="${Math.min(subtitle.size, body.size) * 2}"/>`);
    }
    expect(style('TitleNote')).toContain('<w:contextualSpacing/>');
    // Widow and orphan control on every paragraph style, as the PDF breaks pages.
    for (const id of ['BodyText', 'Heading2', 'Signature', 'Quote']) expect(style(id), id).toContain('<w:widowControl/>');
    // Roles: the body's face, no first-line indent.
    for (const id of ['HeaderField', 'Salutation', 'AttachmentNote', 'Signature', 'Annotation', 'EndMatter']) {
      expect(style(id), id).toContain(`w:eastAsia="${roles[body.font]}"`);
      expect(style(id), id).not.toContain('w:firstLineChars');
      expect(style(id), id).toMatch(/<w:ind w:(firstLine="0"|left="\d+" w:hanging="\d+")\/>/);
    }
    // Signature and date right-aligned, a blank body line above the first (GB/T 9704), none between them.
    expect(style('Signature')).toContain('<w:jc w:val="right"/>');
    expect(style('Signature')).toContain(`w:before="${Math.round(body.leading * 20)}"`);
    expect(style('Signature')).toContain('<w:contextualSpacing/>');
    // The attachment note hangs under its label; its further items line up with the names, in a style based on it.
    const hanging = /<w:ind w:left="(\d+)" w:hanging="(\d+)"\/>/.exec(style('AttachmentNote'));
    expect(hanging?.[1]).toBe(hanging?.[2]);
    expect(Number(hanging?.[1])).toBeGreaterThan(body.size * 20 * 2.5);
    expect(style('AttachmentNoteContinued')).toContain('<w:basedOn w:val="AttachmentNote"/>');
    expect(style('AttachmentNoteContinued')).toContain(`<w:ind w:left="${hanging?.[1]}" w:firstLine="0"/>`);
    expect(style('AttachmentNoteContinued')).not.toContain('<w:rFonts');
    // End matter a size down from the body.
    expect(Number(/<w:sz w:val="(\d+)"\/>/.exec(style('EndMatter'))?.[1])).toBeLessThan(body.size * 2);
    // Applied by style only: no direct formatting on the role paragraphs either.
    const document = files.get('word/document.xml')!;
    const outsideContents = document.replace(/<w:sdt>.*?<\/w:sdt>/s, '');
    for (const m of outsideContents.matchAll(/<w:pPr>(.*?)<\/w:pPr>/gs)) {
      expect(m[1]!.replace(/<w:pStyle w:val="[^"]+"\/>|<w:sectPr>.*?<\/w:sectPr>/gs, ''), m[0]).toBe('');
    }
    const used = new Set(bodyAfterContents(document).map((p) => p.style));
    for (const id of Object.keys(names)) expect(used.has(id), id).toBe(true);
  });

  it.each([
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-HK'],
    ['zh-Hans', 'zh-CN'],
  ] as const)('tags %s text as %s', async (lang, tag) => {
    const files = parts(await write(sampleEdition(lang), loadTemplate('briefing', lang)));
    expect(files.get('word/styles.xml')).toMatch(new RegExp(`<w:docDefaults>.*<w:lang [^>]*w:eastAsia="${tag}".*</w:docDefaults>`, 's'));
    expect(files.get('word/settings.xml')).toContain(`w:eastAsia="${tag}"`);
  });

  it('writes the contents without page numbers, asking for a field update, unless ZHPRESS_DOCX_TOC_PAGES=1 estimates them', async () => {
    const edition = sampleEdition();
    const template = loadTemplate('briefing', 'zh-Hans');
    const pageRefs = (xml: string) => [...xml.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<w:t(?: [^>]*)?>(\d*)<\/w:t>)?/g)];
    const plain = parts(await write(edition, template));
    expect(plain.get('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    const unnumbered = pageRefs(plain.get('word/document.xml')!);
    expect(unnumbered.length).toBeGreaterThanOrEqual(edition.children.length);
    expect(unnumbered.every((m) => m[2] === undefined)).toBe(true);

    process.env.ZHPRESS_DOCX_TOC_PAGES = '1';
    try {
      const numbered = pageRefs(parts(await write(edition, template)).get('word/document.xml')!);
      expect(numbered.map((m) => m[1])).toEqual(unnumbered.map((m) => m[1]));
      const pages = numbered.map((m) => Number(m[2]));
      // The cover and the contents come first; the entries go forward through the body.
      expect(pages.every((n) => Number.isInteger(n) && n >= 2)).toBe(true);
      expect(pages).toEqual([...pages].sort((x, y) => x - y));
    } finally {
      delete process.env.ZHPRESS_DOCX_TOC_PAGES;
    }
  }, 60_000);

  it('writes columns with a rule, a line-and-character grid, landscape, and outer page numbers', async () => {
    const base = loadTemplate('briefing', 'zh-Hans');
    const template: Template = {
      ...base,
      page: { ...base.page, size: 'A5', orientation: 'landscape', columns: 2, columnGap: 10, columnRule: true, grid: { linesPerPage: 22, charsPerLine: 28 } },
      header: undefined,
      footer: { outer: '{page} / {pages}' },
      cover: { ...base.cover, enabled: false },
      toc: { ...base.toc, enabled: false },
    };
    const files = parts(await write(sampleEdition(), template));
    const document = files.get('word/document.xml')!;
    const sections = [...document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    // Per article: its title across the page (one column), then its text in columns; both continuous after the first.
    expect(sections).toHaveLength(4);
    const mm = (v: number) => Math.round((v * 1440) / 25.4);
    expect(sections[0]).toContain(`<w:pgSz w:w="${mm(210)}" w:h="${mm(148)}" w:orient="landscape"/>`);
    expect(sections[0]).not.toMatch(/w:num="2"/);
    expect(sections[1]).toMatch(new RegExp(`<w:cols (?=[^>]*w:space="${mm(10)}")(?=[^>]*w:num="2")(?=[^>]*w:sep="(1|true)")`));
    expect(sections[1]).toMatch(/<w:type w:val="continuous"\/>/);
    // A line grid at the body leading; characters per line come from the styles' spacing (LibreOffice spreads a linesAndChars grid).
    expect(sections[0]).toMatch(new RegExp(`<w:docGrid (?=[^>]*w:type="lines")(?=[^>]*w:linePitch="${base.styles.body.leading * 20}")`));
    expect(files.get('word/settings.xml')).toMatch(/<w:evenAndOddHeaders( w:val="(true|1)")?\/>/);
    const footers = [...files].filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    expect(footers.join('')).toContain('NUMPAGES');
    // Odd pages: number flush right, one character (the footer's size) in; even pages: flush left, one character in.
    const texts = footers.map((x) => paragraphs(x)[0]!.xml);
    const inset = Math.round(base.styles.footer.size * 20);
    expect(texts.some((x) => /<w:jc w:val="(right|end)"\/>/.test(x) && new RegExp(`<w:ind [^>]*w:(right|end)="${inset}"`).test(x) && x.includes('PAGE'))).toBe(true);
    expect(texts.some((x) => /<w:jc w:val="(left|start)"\/>/.test(x) && new RegExp(`<w:ind [^>]*w:(left|start)="${inset}"`).test(x) && !x.includes('<w:tab/>'))).toBe(true);
    expect(bodyAfterContents(document).map(({ style, text }) => ({ style, text }))).toEqual(expectedBody(sampleEdition()));
  });
});

// ---------------------------------------------------------------- real clients

function has(command: string): boolean {
  return spawnSync('which', [command], { encoding: 'utf8' }).status === 0;
}

/** Skip with a message when a client is missing; in CI a missing client is a failure. */
function needs(context: TestContext, ...commands: string[]): void {
  const missing = commands.filter((c) => !has(c));
  if (missing.length === 0) return;
  const message = `${missing.join(', ')} not installed: skipping the check with real clients`;
  if (process.env.CI) throw new Error(`${message} (required when CI is set)`);
  console.warn(message);
  context.skip(message);
}

type PandocNode = { t: string; c?: unknown };

function pandocText(node: unknown): string {
  if (Array.isArray(node)) return node.map(pandocText).join('');
  if (!node || typeof node !== 'object') return '';
  const { t, c } = node as PandocNode;
  switch (t) {
    case 'Str':
      return c as string;
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Quoted':
    case 'Link':
    case 'Span':
    case 'Cite':
      return pandocText((c as unknown[])[1]);
    case 'Code':
      return (c as unknown[])[1] as string;
    default:
      return Array.isArray(c) ? pandocText(c.filter((x) => typeof x === 'object')) : '';
  }
}

/** A font config that adds the npm font packages, so LibreOffice draws the template's own fonts. */
function fontConfig(dir: string): string | undefined {
  if (!existsSync('/etc/fonts/fonts.conf')) return undefined;
  const require = createRequire(import.meta.url);
  const dirs: string[] = [];
  for (const pkg of ['@expo-google-fonts/noto-serif-sc', '@expo-google-fonts/noto-sans-sc']) {
    try {
      const root = dirname(require.resolve(`${pkg}/package.json`));
      for (const face of ['400Regular', '700Bold']) if (existsSync(join(root, face))) dirs.push(join(root, face));
    } catch {
      // not installed: LibreOffice substitutes
    }
  }
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${dirs.map((d) => `  <dir>${d}</dir>\n`).join('')}  <cachedir>${join(dir, 'fc-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

describe('docx writer: real clients', () => {
  let edition: Edition;
  let dir: string;
  let docx: string;

  beforeAll(async () => {
    edition = await seedEdition();
    dir = mkdtempSync(join(tmpdir(), 'zhpress-docx-'));
    docx = join(dir, 'edition.docx');
    writeFileSync(docx, await write(edition, loadTemplate('briefing', 'zh-Hans')));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pandoc reads every heading at its level and every paragraph', (context) => {
    needs(context, 'pandoc');
    const json = JSON.parse(execFileSync('pandoc', ['-f', 'docx', '-t', 'json', docx], { encoding: 'utf8', maxBuffer: 64 << 20 })) as { blocks: PandocNode[] };
    const headers = json.blocks.filter((block) => block.t === 'Header').map((block) => {
      const [level, , inlines] = block.c as [number, unknown, unknown];
      return { level, text: letters(pandocText(inlines)) };
    });
    const expected = expectedBody(edition)
      .filter((p) => p.style.startsWith('Heading'))
      .map((p) => ({ level: Number(p.style.slice('Heading'.length)), text: letters(p.text) }));
    expect(headers).toEqual(expected);
    // Every paragraph's text, in order, among pandoc's blocks.
    const blocks = json.blocks.flatMap((block): string[] => {
      if (block.t === 'BlockQuote' || block.t === 'Div') return (block.c as PandocNode[]).map((x) => letters(pandocText(x.c)));
      if (block.t === 'Header') return [letters(pandocText((block.c as unknown[])[2]))];
      return [letters(pandocText(block.c))];
    });
    let at = 0;
    for (const p of expectedBody(edition)) {
      const found = blocks.indexOf(letters(p.text), at);
      expect(found, `${p.style}: ${p.text}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('LibreOffice converts it to PDF with every Han character in order; pages rendered to /tmp/docx-look', (context) => {
    needs(context, 'soffice', 'pdftotext');
    const profile = join(dir, 'lo-profile');
    const fonts = fontConfig(dir);
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, ...(fonts ? { FONTCONFIG_FILE: fonts } : {}) },
    });
    const pdf = join(dir, 'edition.pdf');
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(pdf), result.stdout + result.stderr).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const got = han(text);
    const want = han(expectedBody(edition).map((p) => p.text).join(''));
    expect(want.length).toBeGreaterThan(1000);
    // The model's Han sequence is a subsequence of the PDF's (headers and contents come in between).
    let i = 0;
    for (const ch of got) if (i < want.length && ch === want[i]) i++;
    expect(i, `lost at ${want.slice(Math.max(0, i - 10), i)}|${want.slice(i, i + 10)}`).toBe(want.length);
    if (has('pdftoppm')) {
      const look = '/tmp/docx-look';
      mkdirSync(look, { recursive: true });
      for (const f of readdirSync(look)) if (f.endsWith('.png')) rmSync(join(look, f));
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '4', pdf, join(look, 'page')]);
      expect(readdirSync(look).filter((f) => f.endsWith('.png')).length).toBe(4);
    }
  });
});

describe('docx writer: a label alone in real clients', () => {
  // Made-up minutes: 42 speakers' names alone on their lines over their turns (test/helpers/minutes.ts).
  it('sets each name in Label, kept with its turn: in LibreOffice no page ends on a name', async (context) => {
    const { edition } = readText({ text: minutesText(), path: 'minutes.txt' });
    const data = await write(edition, loadTemplate('briefing', 'zh-Hans'));
    const names = bodyAfterContents(parts(data).get('word/document.xml')!).filter((p) => /^\p{Script=Han}{2,3}\uFF1A$/u.test(p.text));
    expect(names.length).toBe(42);
    expect(names.every((p) => p.style === 'Label')).toBe(true);
    expect(/<w:style [^>]*w:styleId="Label">.*?<\/w:style>/s.exec(parts(data).get('word/styles.xml')!)?.[0]).toMatch(/<w:basedOn w:val="BodyText"\/>.*<w:keepNext\/>/s);
    needs(context, 'soffice', 'pdftotext');
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-docx-label-'));
    try {
      const docx = join(dir, 'minutes.docx');
      writeFileSync(docx, data);
      const fonts = fontConfig(dir);
      const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, ...(fonts ? { FONTCONFIG_FILE: fonts } : {}) },
      });
      expect(result.status, result.stderr).toBe(0);
      const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'minutes.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
      expect(pages.length).toBeGreaterThan(4);
      // The last line of text on each page, above the footer's "— n —".
      const lastLines = pages.map((page) => page.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\u2014\s*\d+\s*\u2014$/u.test(l)).at(-1) ?? '');
      expect(lastLines.filter((l) => /^\p{Script=Han}{2,3}\uFF1A$/u.test(l))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('docx writer: the parts of an official document in real clients', () => {
  let dir: string;
  let docx: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhpress-docx-roles-'));
    docx = join(dir, 'notice.docx');
    writeFileSync(docx, await write(sampleEdition(), loadTemplate('gbt9704', 'zh-Hans')));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pandoc (docx+styles) finds every role paragraph, note and byline in its named style', (context) => {
    needs(context, 'pandoc');
    const json = JSON.parse(execFileSync('pandoc', ['-f', 'docx+styles', '-t', 'json', docx], { encoding: 'utf8', maxBuffer: 64 << 20 })) as { blocks: PandocNode[] };
    const styled = json.blocks
      .filter((block) => block.t === 'Div')
      .map((block) => {
        const [[, , attributes], content] = block.c as [[string, string[], [string, string][]], PandocNode[]];
        return { style: attributes.find(([key]) => key === 'custom-style')?.[1] ?? '', text: letters(pandocText(content.map((x) => x.c))) };
      });
    const a2 = sampleEdition().children[1]!;
    const expected = expectedBody(b.edition({ lang: 'zh-Hans' }, [a2])).filter((p) => p.style !== 'Heading1');
    const name = (id: string) => id.replace(/(?<=[a-z])(?=[A-Z])/g, ' ');
    const found = styled.slice(styled.findIndex((p) => p.style === 'Title Note'));
    expect(found.slice(0, expected.length)).toEqual(expected.map((p) => ({ style: name(p.style), text: letters(p.text) })));
  });

  it('LibreOffice sets the signature and its date at the right margin, the address and end matter at the left', (context) => {
    needs(context, 'soffice', 'pdftotext');
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
    const html = execFileSync('pdftotext', ['-bbox-layout', join(dir, 'notice.pdf'), '-'], { encoding: 'utf8' });
    const lines = [...html.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      xMax: Number(m[2]),
      text: [...m[3]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }));
    const line = (text: string) => {
      const found = lines.find((l) => l.text === text);
      expect(found, text).toBeDefined();
      return found!;
    };
    const template = loadTemplate('gbt9704', 'zh-Hans');
    const left = (template.page.margins.left * 72) / 25.4;
    const right = ((210 - template.page.margins.right) * 72) / 25.4;
    const em = template.styles.body.size;
    for (const text of ['国务院办公厅', '2018年12月29日']) expect(Math.abs(line(text).xMax - right), text).toBeLessThan(em);
    for (const text of ['各省、自治区、直辖市人民政府\uFF1A', '抄送\uFF1A党中央各部门\u3002', '\uFF08此件公开发布\uFF09']) expect(Math.abs(line(text).xMin - left), text).toBeLessThan(em * 0.3);
    expect(Math.abs(line('2.车辆涂装样图').xMin - (left + 3 * em))).toBeLessThan(em * 0.5);
  }, 180_000);
});

describe.runIf(clients('soffice', 'pdftotext'))('gbt9704 in LibreOffice', () => {
  it('sets 28 characters on a full line of the body and keeps the line grid and margins', async () => {
    const template = loadTemplate('gbt9704', 'zh-Hans');
    const written = await docxWriter.write(await seedEdition(), { template, date: DATE, fonts: writeFonts(template) });
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-docx-gb-'));
    const file = join(dir, 'gb.docx');
    writeFileSync(file, written.data as Uint8Array);
    const files = parts(written.data as Uint8Array);
    const document = files.get('word/document.xml')!;
    expect(document).toMatch(/<w:docGrid (?=[^>]*w:type="lines")(?=[^>]*w:linePitch="579")/);
    expect(document).toMatch(/<w:pgMar (?=[^>]*w:top="2098")(?=[^>]*w:left="1587")/);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
    const lines = execFileSync('pdftotext', ['-layout', join(dir, 'gb.pdf'), '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
    const pure = lines.filter((l) => /^\p{Script=Han}{20,}$/u.test(l));
    const counts = lines.filter((l) => /^[\p{Script=Han}\uff0c\u3001\u3002\uff1b\u201c\u201d]{26,}$/u.test(l)).map((l) => [...l].length);
    expect(counts.length).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThanOrEqual(29);
    for (const l of pure) expect([...l].length).toBe(28);
  }, 180_000);
});

// Word reads these switches; LibreOffice 7.4 does not (its import sets text-autospace
// "ideograph-alpha" whatever they say, and its PDF has the same gaps either way), so
// only the XML is checked.
describe('the space between Han and Latin text in Word (hanLatinSpace)', () => {
  // 我国GDP增长很快，2024年
  const edition = () => b.edition({ title: '\u6D4B\u8BD5', lang: 'zh-Hans' }, [b.article('a1', { title: '\u6D4B\u8BD5' }, [b.paragraph(['\u6211\u56FDGDP\u589E\u957F\u5F88\u5FEB\uFF0C2024\u5E74'])])]);

  it.each([
    ['briefing', ''],
    ['newspaper', ''],
    ['gbt9704', ' w:val="0"'],
  ])('%s: says it with autoSpaceDE and autoSpaceDN in the default paragraph properties, before w:spacing', async (name, value) => {
    const template = loadTemplate(name, 'zh-Hans');
    const styles = parts(await write(edition(), template)).get('word/styles.xml')!;
    const defaults = /<w:pPrDefault><w:pPr>(.*?)<\/w:pPr><\/w:pPrDefault>/s.exec(styles)?.[1] ?? '';
    expect(defaults.startsWith(`<w:autoSpaceDE${value}/><w:autoSpaceDN${value}/><w:spacing `), defaults).toBe(true);
    // No style turns it back.
    expect(styles.match(/<w:autoSpaceD[EN]\b/g)?.length).toBe(2);
  });
});
