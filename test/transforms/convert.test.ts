import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZhpressError } from '../../src/errors.js';
import type { Edition, Lang } from '../../src/model/types.js';
import { article, edition as editionOf, paragraph } from '../../src/model/builders.js';
import { blockText, plainText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { convertEdition } from '../helpers/convert.js';
import { parseDictionary } from '../../src/transforms/convert/index.js';
import { builtInDictionaries } from '../../src/io/dictionaries.js';
import { convertersBuilt, variantForms } from '../../src/transforms/convert/opencc.js';

// Full-width punctuation as escapes: typed, it has been seen to arrive as ASCII.
const LDQ = '\u201C'; // “
const RDQ = '\u201D'; // ”
const LSQ = '\u2018'; // ‘
const RSQ = '\u2019'; // ’
const LC = '\u300C'; // 「
const RC = '\u300D'; // 」
const LWC = '\u300E'; // 『
const RWC = '\u300F'; // 』
const COMMA = '\uFF0C'; // ，
const COLON = '\uFF1A'; // ：
const PERIOD = '\u3002'; // 。

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const seed = readFileSync(seedPath, 'utf8');
const twFixture = readFileSync(join(import.meta.dirname, '../fixtures/convert/tw-press-release.txt'), 'utf8');

function read(text: string, path = 'test.txt', lang?: Lang): Edition {
  return readText({ text, path }, lang ? { lang } : {}).edition;
}

/** Every string in an edition: text, meta, markers. */
function strings(edition: Edition): string {
  return JSON.stringify(edition);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A body paragraph under a title, so the phrase is body text. */
function sentence(phrase: string): string {
  return `\u6807\u9898\n\n\u3000\u3000\u6211\u4EEC\u8BF4${phrase}${PERIOD}\n`; // 标题 / 　　我们说…。
}

const TRADITIONAL: Lang[] = ['zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'];
const VOCABULARY = [false, true];

describe('the phrases OpenCC gets wrong in news text', () => {
  // [Simplified, zh-Hant, zh-Hant-TW, zh-Hant-HK, what OpenCC writes instead]
  const table: [string, string, string, string, string][] = [
    ['光盘行动', '光盤行動', '光盤行動', '光盤行動', '光碟'],
    ['支持', '支持', '支持', '支持', '支援'],
    ['优化', '優化', '優化', '優化', '最佳化'],
    ['社区', '社區', '社區', '社區', '社群'],
    ['声明', '聲明', '聲明', '聲明', '宣告'],
    ['成果文件', '成果文件', '成果文件', '成果文件', '檔案'],
    ['进程', '進程', '進程', '進程', '程序'],
    ['管理权限', '管理權限', '管理權限', '管理權限', '許可權'],
    ['分区管控', '分區管控', '分區管控', '分區管控', '分割槽'],
    ['激活', '激活', '激活', '激活', '啟用'],
    ['产业集群', '產業集羣', '產業集群', '產業集群', '叢集'],
    ['商签', '商簽', '商簽', '商簽', '商籤'],
    ['足额发放', '足額發放', '足額發放', '足額發放', '足額髮放'],
    ['新征程', '新征程', '新征程', '新征程', '新徵程'],
    ['应对冲击', '應對衝擊', '應對衝擊', '應對衝擊', '應對沖擊'],
    ['内生发展', '內生發展', '內生發展', '內生發展', '內生髮展'],
    ['经济运行', '經濟運行', '經濟運行', '經濟運行', '經濟執行'],
    ['循环经济', '循環經濟', '循環經濟', '循環經濟', '迴圈'],
    ['按程序', '按程序', '按程序', '按程序', '按程式'],
    ['扩展内需', '擴展內需', '擴展內需', '擴展內需', '擴充套件'],
  ];
  for (const [simplified, hant, tw, hk, wrong] of table) {
    for (const [variant, expected] of [
      ['zh-Hant', hant],
      ['zh-Hant-TW', tw],
      ['zh-Hant-HK', hk],
    ] as [Lang, string][]) {
      for (const vocabulary of VOCABULARY) {
        it(`${simplified} \u2192 ${expected} (${variant}${vocabulary ? ', vocabulary' : ''})`, () => {
          const out = plainText(convertEdition(read(sentence(simplified)), { variant, vocabulary }).edition);
          expect(out).toContain(expected);
          expect(out).not.toContain(wrong);
        });
      }
    }
  }
});

describe('every built-in dictionary entry', () => {
  const entries = builtInDictionaries.news().entries;
  const forms: Record<Lang, (s: string) => string> = {
    'zh-Hans': (s) => s,
    'zh-Hant': (s) => s,
    'zh-Hant-TW': variantForms('zh-Hant-TW'),
    'zh-Hant-HK': variantForms('zh-Hant-HK'),
  };
  it('has the entries', () => expect(entries.length).toBeGreaterThanOrEqual(40));
  // All entries in one edition, one paragraph each, converted once per variant.
  const text = `\u6807\u9898\n\n${entries.map((e) => `\u3000\u3000${e.simplified}${PERIOD}`).join('\n')}\n`;
  const edition = read(text);
  for (const variant of TRADITIONAL) {
    for (const vocabulary of VOCABULARY) {
      it(`${variant}${vocabulary ? ' with vocabulary' : ''}`, () => {
        const paragraphs = convertEdition(edition, { variant, vocabulary }).edition.children[0]!.children;
        const lines = plainText({ ...edition, children: [{ ...edition.children[0]!, children: paragraphs }] }).split('\n');
        expect(lines).toHaveLength(entries.length);
        entries.forEach((entry, i) => {
          const expected = entry.keep ? entry.simplified : forms[variant](entry.traditional);
          expect(lines[i], `${entry.simplified} (line ${entry.line})`).toBe(`${expected}${PERIOD}`);
        });
      });
    }
  }
  it('reads backwards from Traditional to Simplified', () => {
    for (const variant of TRADITIONAL) {
      const traditional = convertEdition(edition, { variant, vocabulary: true }).edition;
      const back = convertEdition(traditional, { variant: 'zh-Hans', vocabulary: true }).edition;
      const lines = plainText(back).split('\n');
      entries.forEach((entry, i) => expect(lines[i], `${entry.simplified} via ${variant}`).toBe(`${entry.simplified}${PERIOD}`));
    }
  });
});

describe('the seed', () => {
  const edition = read(seed, 'seeds/000_fb7c4685e6dc9c77.txt');
  for (const vocabulary of VOCABULARY) {
    it(`to zh-Hant-TW${vocabulary ? ' with vocabulary' : ''} keeps the news vocabulary`, () => {
      const { edition: out, report } = convertEdition(edition, { variant: 'zh-Hant-TW', vocabulary });
      const text = plainText(out);
      for (const right of ['支持', '光盤行動', '優化', '社區', '聲明', '成果文件', '便利化進程', '管理權限', '分區管控', '激活', '產業集群', '商簽', '新征程']) {
        expect(text).toContain(right);
      }
      for (const wrong of ['支援', '光碟', '最佳化', '社群', '宣告', '檔案', '許可權', '分割槽', '啟用', '叢集', '商籤', '徵程']) {
        expect(text).not.toContain(wrong);
      }
      // Taiwan character forms, not OpenCC's standard ones.
      expect(text).toContain('為');
      expect(text).not.toContain('爲');
      expect(text).not.toMatch(/[“”‘’]/u);
      expect(out.meta.lang).toBe('zh-Hant-TW');
      expect(report[0]).toMatchObject({ source: 'convert', kind: 'script', severity: 'info' });
      expect(report[0]!.message).toMatch(/^converted \d+ characters to zh-Hant-TW$/u);
      expect(report.length).toBeLessThanOrEqual(4);
    });
  }
  it('with vocabulary, Taiwan words where they are right', () => {
    const text = plainText(convertEdition(edition, { variant: 'zh-Hant-TW', vocabulary: true }).edition);
    expect(text).toContain('人工智慧');
    expect(text).toContain('網路');
    const plain = plainText(convertEdition(edition, { variant: 'zh-Hant-TW' }).edition);
    expect(plain).toContain('人工智能');
  });
  it('to zh-Hant keeps OpenCC standard forms and curly quotes', () => {
    const text = plainText(convertEdition(edition, { variant: 'zh-Hant' }).edition);
    expect(text).toContain('爲');
    expect(text).toContain('產業集羣');
    expect(text).toContain(LDQ);
    expect(text).not.toContain(LC);
  });
  it('to zh-Hant-HK', () => {
    const text = plainText(convertEdition(edition, { variant: 'zh-Hant-HK', vocabulary: true }).edition);
    expect(text).toContain('光盤行動');
    expect(text).toContain('支持');
    expect(text).toContain(LC);
    expect(text).not.toContain(LDQ);
  });
  it('is converted in full: no Simplified-only characters left', () => {
    const text = plainText(convertEdition(edition, { variant: 'zh-Hant-TW', vocabulary: true }).edition);
    for (const ch of ['这', '为', '们', '国', '发', '进', '经', '济']) expect(text).not.toContain(ch);
  });
  it('reports the dictionary in one short change', () => {
    const { report } = convertEdition(edition, { variant: 'zh-Hant-TW', vocabulary: true });
    const dictionary = report.filter((c) => c.kind === 'dictionary');
    expect(dictionary).toHaveLength(1);
    expect(dictionary[0]!.message).toContain('built-in');
    expect(report.filter((c) => c.kind === 'quotes')).toHaveLength(1);
  });
});

describe('Traditional input', () => {
  const tw = read(twFixture, 'tw-press-release.txt');
  it('is read as zh-Hant-TW', () => expect(tw.meta.lang).toBe('zh-Hant-TW'));
  it('converts to Simplified', () => {
    const { edition, report } = convertEdition(tw, { variant: 'zh-Hans' });
    const text = plainText(edition);
    expect(edition.meta.lang).toBe('zh-Hans');
    expect(text).toContain('台美对等贸易协定');
    expect(text).toContain('总统指出');
    expect(text).toContain('台湾产业与经济升级转型');
    for (const ch of ['臺', '灣', '與', '為', '經', '濟', '總', '統']) expect(text).not.toContain(ch);
    // Mainland quotation marks.
    expect(text).toContain(`${LDQ}台美对等贸易协定${RDQ}`);
    expect(text).not.toContain(LC);
    expect(report[0]!.message).toMatch(/to zh-Hans$/u);
    // The title is converted too.
    expect(edition.children[0]!.meta.title).toMatch(/^台美贸易协议完成签署/u);
  });
  it('converts Taiwan vocabulary with vocabulary, keeping the news words', () => {
    const text = plainText(convertEdition(tw, { variant: 'zh-Hans', vocabulary: true }).edition);
    expect(text).toContain('知识产权保护');
    expect(text).toContain('数字贸易');
    expect(text).toContain('全力支持');
    expect(text).toContain('核心所在');
    expect(text).not.toContain('内核所在');
  });
  it('converts between regions', () => {
    const hk = convertEdition(tw, { variant: 'zh-Hant-HK' }).edition;
    expect(hk.meta.lang).toBe('zh-Hant-HK');
    expect(plainText(hk)).toContain(`${LC}台美對等貿易協定${RC}`);
    const hant = convertEdition(tw, { variant: 'zh-Hant' }).edition;
    expect(plainText(hant)).toContain('爲');
    const back = convertEdition(hant, { variant: 'zh-Hant-TW' }).edition;
    expect(plainText(back)).toBe(plainText(tw));
  });
});

describe('identity and purity', () => {
  const edition = read(seed, 'seeds/000_fb7c4685e6dc9c77.txt');
  it('no variant, or the same variant, is a no-op', () => {
    expect(convertEdition(edition, {})).toEqual({ edition, report: [] });
    expect(convertEdition(edition, { variant: 'zh-Hans' }).edition).toBe(edition);
    const tw = convertEdition(edition, { variant: 'zh-Hant-TW' }).edition;
    const again = convertEdition(tw, { variant: 'zh-Hant-TW', vocabulary: true });
    expect(again.edition).toBe(tw);
    expect(again.report).toEqual([]);
  });
  it('never mutates its input', () => {
    const frozen = deepFreeze(read(seed, 'seeds/000_fb7c4685e6dc9c77.txt'));
    const before = JSON.stringify(frozen);
    for (const variant of TRADITIONAL) convertEdition(frozen, { variant, vocabulary: true });
    expect(JSON.stringify(frozen)).toBe(before);
    const tw = deepFreeze(read(twFixture));
    const twBefore = JSON.stringify(tw);
    convertEdition(tw, { variant: 'zh-Hans', vocabulary: true });
    convertEdition(tw, { variant: 'zh-Hant-HK' });
    expect(JSON.stringify(tw)).toBe(twBefore);
  });
  it('keeps ids and the source, converts titles and metadata', () => {
    const text = `中国民航发展概况\n\n\u3000\u3000新华社北京8月28日电 优化服务${PERIOD}\n`; // 中国民航发展概况 / 新华社北京8月28日电 优化服务。
    // A source (given in front matter) is a name, not text: it is not converted.
    const read0 = read(text, 'source/\u53D1\u5C55.txt');
    const edition = { ...read0, meta: { ...read0.meta, source: 'source/\u53D1\u5C55.txt' } };
    const out = convertEdition(edition, { variant: 'zh-Hant-TW', vocabulary: true }).edition;
    expect(out.meta.source).toBe('source/\u53D1\u5C55.txt');
    expect(out.children.map((a) => a.id)).toEqual(edition.children.map((a) => a.id));
    expect(out.children[0]!.meta.title).toBe('中國民航發展概況');
    expect(out.meta.title).toBe('中國民航發展概況');
    expect(out.children[0]!.meta.dateline).toEqual({ agency: '新華社', place: '北京', date: '8月28日', raw: '新華社北京8月28日電' });
    expect(edition.children[0]!.meta.dateline?.raw).toBe('新华社北京8月28日电');
    expect(strings(out)).not.toContain('新华社');
  });
  it('converts kicker, title and subtitle', () => {
    // 国务院总理　李克强 / 政府工作报告 / ——2020年5月22日在第十三届全国人民代表大会第三次会议上 / 　　各位代表：
    const text =
      '\u56FD\u52A1\u9662\u603B\u7406\u3000\u674E\u514B\u5F3A\r\n\u653F\u5E9C\u5DE5\u4F5C\u62A5\u544A\r\n' +
      '\u2014\u20142020\u5E745\u670822\u65E5\u5728\u7B2C\u5341\u4E09\u5C4A\u5168\u56FD\u4EBA\u6C11\u4EE3\u8868\u5927\u4F1A\u7B2C\u4E09\u6B21\u4F1A\u8BAE\u4E0A\r\n' +
      `\u3000\u3000\u5404\u4F4D\u4EE3\u8868${COLON}\r\n`;
    const edition = read(text);
    expect(edition.children[0]!.meta.kicker).toBeDefined();
    const meta = convertEdition(edition, { variant: 'zh-Hant-HK' }).edition.children[0]!.meta;
    expect(meta.kicker).toBe('國務院總理\u3000李克強');
    expect(meta.title).toBe('政府工作報告');
    expect(meta.subtitle).toBe('\u2014\u20142020年5月22日在第十三屆全國人民代表大會第三次會議上');
  });
  it('converts the title block\u2019s notes and byline, and role paragraphs', () => {
    // A model as the text reader gives it for a government work report and a notice.
    const given = deepFreeze(
      editionOf({ lang: 'zh-Hans' }, [
        article('a1', { title: '政府工作报告', notes: ['（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）', '（2020年10月29日中国共产党第十九届中央委员会第五次全体会议通过）'], byline: '省长\u3000李炳军' }, [
          paragraph(['各位代表：'], { role: 'address' }),
          paragraph(['国务院办公厅'], { role: 'signature' }),
        ]),
      ]),
    );
    const out = convertEdition(given, { variant: 'zh-Hant-TW' }).edition;
    const meta = out.children[0]!.meta;
    expect(meta.notes).toEqual(['（2026年1月27日在貴州省第十四屆人民代表大會第四次會議上）', '（2020年10月29日中國共產黨第十九屆中央委員會第五次全體會議通過）']);
    expect(meta.byline).toBe('省長\u3000李炳軍');
    expect(out.children[0]!.children.map((b) => [b.type === 'paragraph' && b.role, blockText(b)])).toEqual([
      ['address', '各位代表：'],
      ['signature', '國務院辦公廳'],
    ]);
    // Nothing to convert: the same object back.
    const plain = editionOf({ lang: 'zh-Hans' }, [article('a1', { title: '2026', notes: ['2026'], byline: 'ABC' }, [])]);
    expect(convertEdition(plain, { variant: 'zh-Hant-TW' }).edition.children[0]!.meta).toBe(plain.children[0]!.meta);
  });
  it('leaves URLs alone', () => {
    const url = 'https://www.gov.cn/zhengce/2025-08/28/content_7037.htm?from=xinxi&q=%E5%8F%91';
    const out = plainText(convertEdition(read(sentence(`\u53D1\u5E03\u5728${url}`)), { variant: 'zh-Hant-TW', vocabulary: true }).edition);
    expect(out).toContain(`發布在${url}`);
  });
  it('passes Private Use Area characters through beside protected phrases', () => {
    const out = plainText(convertEdition(read(sentence('\uE000支持\uE001优化')), { variant: 'zh-Hant-TW', vocabulary: true }).edition);
    expect(out).toContain('\uE000支持\uE001優化');
  });
  it('builds each converter once', () => {
    convertEdition(edition, { variant: 'zh-Hant-TW' });
    const built = convertersBuilt();
    for (let i = 0; i < 3; i++) convertEdition(edition, { variant: 'zh-Hant-TW' });
    expect(convertersBuilt()).toBe(built);
  });
});

describe('quotation marks', () => {
  const text = sentence(`${LDQ}\u4ED6\u8BF4${LSQ}\u597D${RSQ}${COMMA}Xi${RSQ}an${RDQ}`); // “他说‘好’，Xi’an”
  const edition = read(text);
  // Hong Kong's press writes 說 as Taiwan does (OpenCC's Hong Kong standard has 説).
  for (const [variant, say] of [['zh-Hant-TW', '說'], ['zh-Hant-HK', '說']] as [Lang, string][]) {
    it(`become corner brackets for ${variant}, pair-aware`, () => {
      const { edition: out, report } = convertEdition(edition, { variant });
      expect(plainText(out)).toContain(`${LC}他${say}${LWC}好${RWC}${COMMA}Xi${RSQ}an${RC}`);
      const quotes = report.filter((c) => c.kind === 'quotes');
      expect(quotes).toHaveLength(1);
      expect(quotes[0]!.message).toMatch(/^changed 4 quotation marks/u);
    });
  }
  it('stay curly for zh-Hant', () => {
    expect(plainText(convertEdition(edition, { variant: 'zh-Hant' }).edition)).toContain(`${LDQ}他說${LSQ}好${RSQ}`);
  });
  it('follow ctx.quotes', () => {
    expect(plainText(convertEdition(edition, { variant: 'zh-Hant-TW', quotes: 'source' }).edition)).toContain(`${LDQ}他說${LSQ}好${RSQ}`);
    expect(plainText(convertEdition(edition, { variant: 'zh-Hant', quotes: 'corner' }).edition)).toContain(`${LC}他說${LWC}好${RWC}`);
    const tw = read(sentence(`${LC}\u4ED6\u8AAA${LWC}\u597D${RWC}${RC}`), 'tw.txt', 'zh-Hant-TW'); // 「他說『好』」
    expect(plainText(convertEdition(tw, { variant: 'zh-Hant-HK', quotes: 'curly' }).edition)).toContain(`${LDQ}他說${LSQ}好${RSQ}${RDQ}`);
  });
  it('nest by level, not by the mark found', () => {
    const out = plainText(convertEdition(read(sentence(`${LSQ}\u5927${LDQ}\u5C0F${RDQ}${RSQ}`)), { variant: 'zh-Hant-TW' }).edition);
    expect(out).toContain(`${LC}大${LWC}小${RWC}${RC}`);
  });
});

describe('user dictionaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-convert-'));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const edition = read(sentence(`\u652F\u6301\u4F18\u5316\u793E\u533A${COMMA}\u4E0B\u8F7D\u8F6F\u4EF6`)); // 支持优化社区，下载软件
  it('win over the built-in dictionary and OpenCC', () => {
    const mine = file('mine.txt', '# mine\n\u652F\u6301\t\u652F\u63F4\n=\u8F6F\u4EF6\n'); // 支持	支援 / =软件
    const { edition: out, report } = convertEdition(edition, { variant: 'zh-Hant-TW', vocabulary: true, dictionaries: [mine] });
    const text = plainText(out);
    expect(text).toContain('支援優化社區');
    expect(text).toContain('下載軟件'); // =软件: Traditional characters, not Taiwan's 軟體
    expect(report.some((c) => c.kind === 'dictionary' && c.message.includes(mine))).toBe(true);
  });
  it('later files win over earlier ones', () => {
    const a = file('a.txt', '\u793E\u533A \u793E\u7FA4\n'); // 社区 社群
    const b = file('b.txt', '\u793E\u533A \u793E\u5340\u5340\n'); // 社区 社區區
    expect(plainText(convertEdition(edition, { variant: 'zh-Hant', dictionaries: [a, b] }).edition)).toContain('社區區');
  });
  it('report errors with the file and line', () => {
    const bad = file('bad.txt', '# ok\n\u652F\u6301\t\u652F\u63F4\n\u8F6F\u4EF6\n'); // line 3: one field
    expect(() => convertEdition(edition, { variant: 'zh-Hant-TW', dictionaries: [bad] })).toThrow(ZhpressError);
    try {
      convertEdition(edition, { variant: 'zh-Hant-TW', dictionaries: [bad] });
    } catch (error) {
      expect(error).toBeInstanceOf(ZhpressError);
      expect((error as ZhpressError).file).toBe(bad);
      expect((error as ZhpressError).line).toBe(3);
      expect((error as ZhpressError).format()).toContain(`${bad}:3: `);
    }
    const missing = join(dir, 'missing.txt');
    expect(() => convertEdition(edition, { variant: 'zh-Hant-TW', dictionaries: [missing] })).toThrow(/cannot read/u);
  });
});

describe('the dictionary format', () => {
  it('parses mappings, keep-as-is entries and comments', () => {
    const dictionary = parseDictionary('\uFEFF# c\n\n\u652F\u6301\t\u652F\u63F4  # comment\n=\u6FC0\u6D3B\r\n  \u793E\u533A   \u793E\u5340\n', 'x.txt');
    expect(dictionary.entries).toEqual([
      { simplified: '支持', traditional: '支援', keep: false, verbatim: false, line: 3 },
      { simplified: '激活', traditional: '激活', keep: true, verbatim: false, line: 4 },
      { simplified: '社区', traditional: '社區', keep: false, verbatim: false, line: 5 },
    ]);
  });
  it.each([
    ['\u652F\u6301\n', 1, /no Traditional form/u],
    ['a b c\n', 1, /3 fields/u],
    ['=\n', 1, /keep entry/u],
    ['= \u652F\u6301\n', 1, /keep entry/u],
    ['==\n', 1, /keep entry/u],
    ['===\u652F\u6301\n', 1, /keep entry/u],
    ['=\u652F\u6301\n==\u652F\u6301\n', 2, /already given on line 1/u],
    [`\u652F\u6301 \u652F\u63F4\n\u652F\u6301 \u652F\u6301\n`, 2, /already given on line 1/u],
  ])('rejects %j', (text, line, message) => {
    try {
      parseDictionary(text, 'x.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ZhpressError);
      expect((error as ZhpressError).line).toBe(line);
      expect((error as ZhpressError).message).toMatch(message);
    }
  });
  it('the built-in file parses into phrases', () => {
    expect(builtInDictionaries.news().entries.every((e) => e.simplified.length > 0 && !e.simplified.includes(COLON))).toBe(true);
  });
});

describe('quotation marks without a partner', () => {
  it('are kept as written and reported with their paragraph; paired ones still become corner brackets', () => {
    const text = '\u3000\u3000\u4ed6\u8bf4\u201c\u597d\u7684\u3002\n\n\u3000\u3000\u7b2c\u4e8c\u6bb5\u201c\u5f15\u6587\u2018\u5185\u5c42\u2019\u201d\u7ed3\u675f\u201d\u3002\n';
    const { edition } = readText({ text, path: 'q.txt' });
    const out = convertEdition(edition, { variant: 'zh-Hant-TW' });
    const [first, second] = plainText(out.edition).split('\n');
    expect(first).toBe('\u4ed6\u8aaa\u201c\u597d\u7684\u3002');
    expect(second).toBe('\u7b2c\u4e8c\u6bb5\u300c\u5f15\u6587\u300e\u5167\u5c64\u300f\u300d\u7d50\u675f\u201d\u3002');
    const unpaired = out.report.filter((c) => c.kind === 'unpaired-quotes');
    expect(unpaired.map((c) => [c.position?.start.line, c.severity])).toEqual([
      [1, 'warning'],
      [3, 'warning'],
    ]);
  });
});
