import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edition, Heading, List, Node, Paragraph } from '../../src/model/types.js';
import { blockText, plainText, selectAll, visit } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { stripPositions } from '../helpers/strip.js';

const fixtures = join(import.meta.dirname, '../fixtures/text');
const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const seed = readFileSync(seedPath, 'utf8');
const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('') ?? '';

describe('text reader fixtures (input .txt, expected model .json beside it)', () => {
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.txt'));
  it('has fixtures', () => expect(names.length).toBeGreaterThanOrEqual(6));
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(fixtures, name), 'utf8');
      const expected = JSON.parse(readFileSync(join(fixtures, name.replace(/\.txt$/, '.json')), 'utf8'));
      expect(stripPositions(readText({ text, path: name }).edition)).toEqual(expected);
    });
  }
});

describe('the seed', () => {
  const { edition } = readText({ text: seed, path: 'seeds/000_fb7c4685e6dc9c77.txt' });
  const [first, second] = edition.children;

  it('has two articles, both continued from page 1', () => {
    expect(edition.children).toHaveLength(2);
    expect(first!.meta.continuedFrom).toBe('1');
    expect(second!.meta.continuedFrom).toBe('1');
  });

  it('article 1: two headings (二)(三) at one depth, six subheads, one dash list of three, a Xinhua dateline', () => {
    const headings = selectAll(first!, 'heading');
    expect(headings.map((h) => h.marker)).toEqual(['(二)', '(三)']);
    expect(new Set(headings.map((h) => h.depth)).size).toBe(1);
    expect(selectAll(first!, 'subhead')).toHaveLength(6);
    const lists = selectAll(first!, 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.style).toBe('dash');
    expect(lists[0]!.children).toHaveLength(3);
    expect(first!.meta.dateline).toEqual({ agency: '新华社', place: '北京', date: '8月28日', raw: '(新华社北京8月28日电)' });
    expect(first!.children[first!.children.length - 1]!.type).toBe('dateline');
    expect(first!.meta.truncated).toBeUndefined();
  });

  it('article 1: whole quotations set apart under a heading or subhead are quotes', () => {
    expect(selectAll(first!, 'quote')).toHaveLength(3);
  });

  it('article 2: five depth-1 headings 二、…六、 and seventeen marked paragraphs each opening with a lead; truncated', () => {
    const headings = selectAll(second!, 'heading');
    expect(headings.map((h) => h.marker)).toEqual(['二、', '三、', '四、', '五、', '六、']);
    expect(headings.every((h) => h.depth === 1)).toBe(true);
    const marked = selectAll(second!, 'paragraph').filter((p) => p.marker);
    expect(marked).toHaveLength(17);
    expect(marked[0]!.marker).toBe('(一)');
    expect(marked[16]!.marker).toBe('(十七)');
    for (const p of marked) {
      expect(p.children[0]!.type).toBe('lead');
      expect(plainText({ ...edition, children: [{ ...second!, children: [{ ...p, marker: undefined, children: [p.children[0]!] }] }] })).toMatch(/。$/);
    }
    expect(second!.meta.truncated).toBe(true);
    expect(second!.meta.kind).toBe('policy');
  });

  it('derives titles and says so', () => {
    expect(first!.meta.titleDerived).toBe(true);
    expect(second!.meta.title).toBe('优化现代化城市体系');
  });

  it('keeps every Han character in order', () => {
    expect(han(plainText(edition))).toBe(han(seed));
  });

  it('detects Simplified Chinese', () => expect(edition.meta.lang).toBe('zh-Hans'));
});

describe('positions', () => {
  const check = (text: string) => {
    const { edition } = readText({ text });
    let count = 0;
    visit(edition, (node: Node) => {
      if (node.type === 'text' && node.position) {
        count++;
        expect(text.slice(node.position.start.offset, node.position.end.offset)).toBe(node.value);
        const lineText = text.split(/\r\n|\r|\n/)[node.position.start.line - 1]!;
        expect(lineText.slice(node.position.start.column - 1, node.position.end.column - 1)).toBe(node.value);
      }
    });
    return count;
  };
  it('every text node points at its own text in the source (seed)', () => expect(check(seed)).toBeGreaterThan(100));
  it('every text node points at its own text in the source (fixtures)', () => {
    for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.txt') && !f.startsWith('政府'))) {
      expect(check(readFileSync(join(fixtures, name), 'utf8'))).toBeGreaterThan(2);
    }
  });
  it('every block a reader makes has a position', () => {
    const { edition } = readText({ text: seed });
    visit(edition, (node) => {
      expect(node.position, node.type).toBeDefined();
    });
  });
});

describe('layouts', () => {
  const lines = seed.split('\n');
  const model = (text: string) => stripPositions(readText({ text }).edition);
  it('LF, CRLF and CR give the same model', () => {
    expect(model(lines.join('\r\n'))).toEqual(model(seed));
    expect(model(lines.join('\r'))).toEqual(model(seed));
  });
  it('one paragraph a line gives the same model as blank-line separated', () => {
    expect(model(lines.filter((l) => l.trim()).join('\n'))).toEqual(model(seed));
  });
  it('U+3000 and ASCII indents are layout: dropped and reported', () => {
    const indented = lines.map((l) => (l.trim() ? '\u3000\u3000' + l : l)).join('\n');
    const spaced = lines.map((l) => (l.trim() ? '    ' + l : l)).join('\n');
    expect(model(indented)).toEqual(model(seed));
    expect(model(spaced)).toEqual(model(seed));
    const report = readText({ text: indented }).report;
    expect(report.some((r) => r.kind === 'layout-whitespace' && /indentation/.test(r.message))).toBe(true);
  });
  it('a byte-order mark is dropped and reported', () => {
    const { edition, report } = readText({ text: '\uFEFF' + seed });
    expect(stripPositions(edition)).toEqual(model(seed));
    expect(report.map((r) => r.kind)).toContain('byte-order-mark');
  });
  it('letter-spaced headings lose their no-break spaces, with a report', () => {
    const { edition, report } = readText({ text: '\u3000\u3000一、综\u00A0\u00A0合\n\u3000\u3000初步核算\uFF0C全年国内生产总值990865亿元\uFF0C比上年增长6.1%。\n' });
    const [h] = selectAll(edition, 'heading') as Heading[];
    expect(h!.children).toEqual([expect.objectContaining({ type: 'text', value: '综合' })]);
    expect(report.filter((r) => /letter-spacing/.test(r.message))).toHaveLength(1);
  });
  it('a file without markers is one article', () => {
    expect(readText({ text: '第一段话。\n\n第二段话\uFF0C很长的一段。\n' }).edition.children).toHaveLength(1);
  });
});

describe('language detection', () => {
  it('finds Traditional Chinese from Taiwan', () => {
    const text = readFileSync(join(fixtures, '臺灣-繁體新聞稿.txt'), 'utf8');
    expect(readText({ text }).edition.meta.lang).toBe('zh-Hant-TW');
  });
  it('finds Hong Kong Traditional', () => {
    expect(readText({ text: '香港特區政府今日發表聲明\uFF0C表示會繼續發展經濟。\n' }).edition.meta.lang).toBe('zh-Hant-HK');
  });
  it('a declared language wins', () => {
    expect(readText({ text: seed }, { lang: 'zh-Hant' }).edition.meta.lang).toBe('zh-Hant');
  });
});

describe('conventions', () => {
  const blocks = (text: string) => readText({ text }).edition.children.flatMap((a) => a.children);
  it('a marker followed by a long sentence is a paragraph, not a heading', () => {
    const [p] = blocks('\uFF08一\uFF09坚持稳中求进工作总基调\uFF0C统筹推进各项工作\uFF0C确保经济运行在合理区间\uFF0C推动高质量发展取得新成效\uFF0C这是今年工作的总体要求\uFF0C必须坚持。\n') as Paragraph[];
    expect(p!.type).toBe('paragraph');
    expect(p!.marker).toBe('\uFF08一\uFF09');
  });
  it('"1.5亿" is text, "1. " is a marker', () => {
    expect((blocks('1.5亿人口参加了保险。\n')[0] as Paragraph).marker).toBeUndefined();
    expect((blocks('1.总体要求\n\n正文很长的一段话\uFF0C有标点。\n')[0] as Heading).marker).toBe('1.');
  });
  it('reported speech is not a speaker label', () => {
    const [p] = blocks('他说\uFF1A“要坚定信心。”\n') as Paragraph[];
    expect(p!.children[0]!.type).toBe('text');
  });
  it('bullet items form a bullet list', () => {
    const [l] = blocks('• 第一项内容。\n• 第二项内容。\n') as List[];
    expect(l!.style).toBe('bullet');
    expect(l!.children.map((i) => i.marker)).toEqual(['•', '•']);
  });
  it('footnote markers such as \uFF3B1\uFF3D stay text', () => {
    const text = '初步核算\uFF0C全年国内生产总值\uFF3B2\uFF3D990865亿元。\n';
    expect(plainText(readText({ text }).edition)).toContain('\uFF3B2\uFF3D');
  });
});

describe('properties', () => {
  const piece = fc.constantFrom(
    '中', '国', '发', '展', '。', '\uFF0C', ',', '(', ')', '\uFF08', '\uFF09', '一、', '(一)', '——', '“', '”', '\n', '\n\n',
    '\u3000', ' ', '\u00A0', '5G', '60%', '第一章', '目录', '(接1版)', '(新华社北京8月28日电)', 'a', '1.', '\r\n', '𠮷',
  );
  const text = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));
  it('the reader loses no Han character and keeps their order', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { edition } = readText({ text: t });
        // Title-block lines move from the body into the article meta; read them first.
        const read = edition.children
          .map((a) => {
            const titleBlock = [a.meta.kicker, a.meta.titleDerived ? undefined : a.meta.title, a.meta.subtitle, ...(a.meta.notes ?? []), a.meta.byline];
            return titleBlock.filter(Boolean).join('') + a.children.map(blockText).join('');
          })
          .join('');
        expect(han(read)).toBe(han(t));
      }),
      { numRuns: 300 },
    );
  });
});

export type { Edition };
