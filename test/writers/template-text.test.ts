// The template's own text (contents title, cover label, header and footer)
// is converted with the document: a Traditional edition's contents page says
// 目錄. Through render() (what `zhpress build` runs), in every variant and
// format, read back as users' programs read the editions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/build.js';
import * as b from '../../src/model/builders.js';
import type { Edition, Lang } from '../../src/model/types.js';
import { loadTemplate } from '../../src/templates/index.js';
import { convertEdition } from '../helpers/convert.js';
import { convertTemplateText } from '../../src/transforms/convert/template-text.js';
import { loadDictionaries } from '../../src/io/dictionaries.js';
import { plainText } from '../../src/model/visit.js';
import { unzip } from '../../src/writers/docx/zip.js';
import { clients, run } from '../helpers/clients.js';

const dir = mkdtempSync(join(tmpdir(), 'zhpress-template-text-'));

/** A template with Han text in every place a template has text. */
const own = join(dir, 'own.yaml');
writeFileSync(
  own,
  [
    'extends: briefing',
    'header: { left: "{edition.title}", right: "内部参阅" }',
    'footer: { center: "第{page}页 共{pages}页" }',
    'cover: { enabled: true, pageLabel: "要闻第{page}版" }',
    'toc: { enabled: true, title: 目录 }',
    '',
  ].join('\n'),
);

/** The same, written in Taiwan's characters. */
const taiwanese = join(dir, 'taiwan.yaml');
writeFileSync(
  taiwanese,
  ['extends: briefing', 'lang: zh-Hant-TW', 'header: { right: "內部參閱" }', 'cover: { pageLabel: "要聞第{page}版" }', 'toc: { title: 目錄 }', ''].join('\n'),
);

function sample(lang: Lang = 'zh-Hans'): Edition {
  const simplified = lang === 'zh-Hans';
  return b.edition({ title: simplified ? '上合组织专题' : '上合組織專題', publication: simplified ? '人民日报' : '人民日報', date: '2025-08-29', page: '2', lang }, [
    b.article('a1', { title: simplified ? '携手构建命运共同体' : '攜手構建命運共同體' }, [b.paragraph([simplified ? '上海合作组织发展历程。' : '上海合作組織發展歷程。'])]),
  ]);
}

/** The document's own conversion of a text: what the template's text must become. */
const asDocument = (value: string, variant: Lang) =>
  plainText(convertEdition(b.edition({ lang: 'zh-Hans' }, [b.article('a', {}, [b.paragraph([value])])]), { variant }).edition);

/** What each variant writes for the template's text. */
const EXPECTED = Object.fromEntries(
  (['zh-Hans', 'zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'] as Lang[]).map((variant) => [
    variant,
    { toc: variant === 'zh-Hans' ? '目录' : '目錄', header: asDocument('内部参阅', variant), footer: variant === 'zh-Hans' ? '页' : '頁', cover: asDocument('要闻第2版', variant) },
  ]),
) as Record<Lang, { toc: string; header: string; footer: string; cover: string }>;
const SIMPLIFIED_ONLY = ['目录', '参阅', '页', '要闻'];

const VARIANTS: Lang[] = ['zh-Hans', 'zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'];

async function written(edition: Edition, format: 'pdf' | 'docx' | 'md', variant: Lang, template: string): Promise<string> {
  const { data } = await render(edition, format, variant, { template });
  const file = join(dir, `${template.replace(/\W/g, '_')}.${variant}.${format}`);
  writeFileSync(file, data);
  return file;
}

function docxParts(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, bytes] of unzip(new Uint8Array(readFileSync(file)))) out.set(name, new TextDecoder().decode(bytes));
  return out;
}

/** The text of a part's runs. */
const runs = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>(.*?)<\/w:t>/gs)].map((m) => m[1]).join('');

describe('template text converted with the document', () => {
  it('converts the contents title, cover label, header and footer text, and leaves the fields', () => {
    const template = loadTemplate(own, 'zh-Hant-TW');
    const converted = convertTemplateText(template, 'zh-Hant-TW', { loaded: loadDictionaries() });
    expect(converted.toc.title).toBe('目錄');
    expect(converted.cover.pageLabel).toBe('要聞第{page}版');
    expect(converted.header).toMatchObject({ left: '{edition.title}', right: asDocument('内部参阅', 'zh-Hant-TW') });
    expect(converted.footer?.center).toBe('第{page}頁 共{pages}頁');
    expect(converted.lang).toBe('zh-Hant-TW');
    expect(convertTemplateText(template, 'zh-Hant-TW', { loaded: loadDictionaries() })).toBe(converted); // once per template and variant
    expect(convertTemplateText(template, 'zh-Hans', { loaded: loadDictionaries() })).toBe(template);
    expect(template.toc.title).toBe('目录'); // the template itself is untouched
  });

  it('reads a template written in Traditional characters (lang:) into a Simplified edition', () => {
    const converted = convertTemplateText(loadTemplate(taiwanese, 'zh-Hans'), 'zh-Hans', { loaded: loadDictionaries() });
    expect(converted.toc.title).toBe('目录');
    expect(converted.header?.right).toBe('内部参阅');
    expect(converted.cover.pageLabel).toBe('要闻第{page}版');
  });

  it('every built-in template: its text in each variant', () => {
    for (const name of ['briefing', 'gbt9704', 'newspaper']) {
      for (const variant of VARIANTS) {
        const template = convertTemplateText(loadTemplate(name, variant), variant, { loaded: loadDictionaries() });
        const text = [template.toc.title, template.cover.pageLabel, ...['header', 'footer'].flatMap((band) => Object.values(template[band as 'header'] ?? {}))].join('|');
        if (variant !== 'zh-Hans') expect(text, `${name} ${variant}`).not.toMatch(/目录/u);
        expect(template.toc.title, `${name} ${variant}`).toBe(variant === 'zh-Hans' ? '目录' : '目錄');
      }
    }
  });
});

describe.runIf(clients('pdftotext'))('template text in the PDF (pdftotext)', () => {
  for (const variant of VARIANTS) {
    it(`${variant}: contents title, cover label, header and footer`, async () => {
      const file = await written(sample(), 'pdf', variant, own);
      const text = run('pdftotext', [file, '-']);
      const expected = EXPECTED[variant];
      expect(text).toContain(expected.toc);
      expect(text).toContain(expected.header);
      expect(text).toMatch(new RegExp(`第\\d+${expected.footer} 共\\d+${expected.footer}`, 'u'));
      expect(text).toContain(expected.cover);
      if (variant !== 'zh-Hans') for (const s of SIMPLIFIED_ONLY) expect(text).not.toContain(s);
    }, 60_000);
  }

  it('the built-in briefing says 目錄 in every Traditional variant, 目录 in Simplified', async () => {
    for (const variant of VARIANTS) {
      const text = run('pdftotext', [await written(sample(), 'pdf', variant, 'briefing'), '-']);
      expect(text, variant).toContain(variant === 'zh-Hans' ? '目录' : '目錄');
      if (variant !== 'zh-Hans') expect(text, variant).not.toContain('目录');
    }
  }, 120_000);

  it('Traditional input to Simplified, with a Taiwan template', async () => {
    const text = run('pdftotext', [await written(sample('zh-Hant-TW'), 'pdf', 'zh-Hans', taiwanese), '-']);
    expect(text).toContain('目录');
    expect(text).toContain('内部参阅');
    expect(text).toContain('要闻第2版');
    expect(text).not.toMatch(/目錄|參閱|要聞/u);
  }, 60_000);
});

describe('template text in the Word edition', () => {
  for (const variant of VARIANTS) {
    it(`${variant}: document.xml and the headers and footers`, async () => {
      const parts = docxParts(await written(sample(), 'docx', variant, own));
      const expected = EXPECTED[variant];
      const document = parts.get('word/document.xml')!;
      expect(document).toMatch(new RegExp(`<w:pStyle w:val="TOCHeading"/>.*?<w:t[^>]*>${expected.toc}</w:t>`, 'su'));
      expect(document).toContain(`<w:alias w:val="${expected.toc}"/>`); // the contents field's own name
      expect(runs(document)).toContain(expected.cover);
      const bands = [...parts].filter(([name]) => /^word\/(header|footer)\d*\.xml$/.test(name)).map(([, xml]) => runs(xml)).join('|');
      expect(bands).toContain(expected.header);
      expect(bands).toContain(`${expected.footer} 共`);
      const all = runs(document) + bands;
      if (variant !== 'zh-Hans') for (const s of SIMPLIFIED_ONLY) expect(all).not.toContain(s);
      expect(parts.get('docProps/core.xml')).toContain(expected.cover);
    }, 60_000);
  }

  it.runIf(clients('pandoc'))('pandoc reads the contents title and the cover label back (zh-Hant-TW)', async () => {
    const file = await written(sample(), 'docx', 'zh-Hant-TW', own);
    const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', file], { encoding: 'utf8' });
    expect(text).toContain('目錄');
    expect(text).toContain('要聞第2版');
    expect(text).not.toMatch(/目录|要闻/u);
  }, 60_000);
});

describe('the Markdown edition', () => {
  it('carries no template text; a contents block of the document is converted as its text', async () => {
    const source = b.edition({ title: '上合组织专题', lang: 'zh-Hans' }, [
      b.article('a1', { title: '携手构建命运共同体' }, [b.subhead(['目录'], { data: { role: 'contents' } }), b.paragraph(['上海合作组织发展历程。'])]),
    ]);
    for (const variant of ['zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'] as Lang[]) {
      const { data } = await render(source, 'md', variant, { template: own });
      const markdown = String(data);
      expect(markdown, variant).toContain('目錄');
      for (const s of SIMPLIFIED_ONLY) expect(markdown, variant).not.toContain(s);
    }
  });
});
