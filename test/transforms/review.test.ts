// The review of a conversion (zhpress check --variant): the characters whose
// form the context chose, and the regional vocabulary, found by comparing
// editions character by character, grouped for an editor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReview } from '../../src/cli/review.js';
import * as b from '../../src/model/builders.js';
import type { Edition } from '../../src/model/types.js';
import { plainText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { convertEdition } from '../helpers/convert.js';
import { conversionReview, phraseReview } from '../../src/index.js';
import { hunks, REVIEWED_CHARACTERS, type ReviewGroup } from '../../src/transforms/convert/review.js';
import { runTransforms } from '../../src/index.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const seed = runTransforms(readText({ text: readFileSync(seedPath, 'utf8'), path: seedPath }).edition, { skip: ['convert'] }).edition;

/** Sentences of news and policy text holding the characters OpenCC has to choose a form for. */
const SENTENCES = [
  '奠定制度基石，坚定制度自信，制造业加快发展。',
  '重要论断发人深省，他的头发白了，理发店开门。',
  '14天后，两次会谈之后，皇后与天后宫。',
  '经济增长几近停滞，十几分钟后，几乎没有。',
  '珠江干支流，干部要实干，天气干燥。',
  '租赁合同网签，过境免签，抽签决定。',
  '伟大历程，历史经验，日历和历法。',
  '并发出通知，服务业，并为内地，合并同类项。',
  '没有采纳，采取措施，风采依旧。',
  '统揽伟大斗争，北斗卫星，一斗米。',
];

function edition(sentences: readonly string[], title = '关于发展的几点意见'): Edition {
  return b.edition({ lang: 'zh-Hans', title }, [b.article('a1', { title }, sentences.map((s, i) => b.paragraph([s], { position: { start: { line: 2 * i + 3, column: 1, offset: 0 }, end: { line: 2 * i + 3, column: 1, offset: 0 } } })))]);
}

const find = (groups: ReviewGroup[], source: string, form: string) => groups.find((g) => g.source === source && g.form === form);

describe('characters the context decided', () => {
  const source = edition(SENTENCES);
  const review = conversionReview(source, 'zh-Hant-TW');

  it('lists every place of a reviewed character: the counts add up to the source', () => {
    const all = [source.children[0]!.meta.title!, ...SENTENCES].join(''); // the edition's title is its article's: one place
    const expected = [...all].filter((ch) => REVIEWED_CHARACTERS.includes(ch)).length;
    expect(review.characters.reduce((n, g) => n + g.count, 0)).toBe(expected);
    for (const g of review.characters) expect(g.contexts.reduce((n, c) => n + c.count, 0)).toBe(g.count);
  });

  it('gives the form the edition wrote at each place, with the context it stands in (output, the character in brackets)', () => {
    const converted = convertEdition(source, { variant: 'zh-Hant-TW' }).edition;
    const out = converted.children[0]!.children.map((block) => plainText({ ...converted, children: [{ ...converted.children[0]!, children: [block] }] }));
    // Every reviewed character of every sentence, with what the edition wrote in its place.
    const expected = new Map<string, number>();
    SENTENCES.forEach((sentence, i) => {
      const written = [...out[i]!];
      [...sentence].forEach((ch, k) => {
        if (REVIEWED_CHARACTERS.includes(ch)) expected.set(`${ch}${written[k]}`, (expected.get(`${ch}${written[k]}`) ?? 0) + 1);
      });
    });
    for (const [pair, count] of expected) {
      const [ch, form] = [...pair];
      expect(find(review.characters, ch!, form!)?.count, pair).toBeGreaterThanOrEqual(count);
    }
    const all = out.join('');
    for (const g of review.characters) {
      for (const c of g.contexts) {
        expect(c.text).toContain(`[${g.form}]`);
        if (c.lines.length > 0) expect(all).toContain(c.text.replace(/[[\]]/g, ''));
      }
    }
    expect(find(review.characters, '发', '髮')!.contexts.map((c) => c.text)).toEqual(expect.arrayContaining(['的頭[髮]白了', '理[髮]店開']));
  });

  it('groups by character, in the reviewed order, then by count; contexts the most frequent first, with their lines', () => {
    const order = review.characters.map((g) => REVIEWED_CHARACTERS.indexOf(g.source));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    for (let i = 1; i < review.characters.length; i++) {
      const [x, y] = [review.characters[i - 1]!, review.characters[i]!];
      if (x.source === y.source) expect(x.count).toBeGreaterThanOrEqual(y.count);
    }
    for (const g of review.characters) {
      const counts = g.contexts.map((c) => c.count);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
    }
    const institution = find(review.characters, '制', '制')!;
    expect(institution.contexts.find((c) => c.text.includes('奠定'))?.lines).toEqual([3]);
  });

  it('takes in the titles', () => {
    expect(review.characters.some((g) => g.source === '几' && g.contexts.some((c) => c.lines.length === 0))).toBe(true);
  });

  it('Hong Kong too, in its forms', () => {
    const hk = conversionReview(source, 'zh-Hant-HK');
    expect(hk.characters.reduce((n, g) => n + g.count, 0)).toBe(review.characters.reduce((n, g) => n + g.count, 0));
    expect(find(hk.characters, '发', '髮')).toBeDefined();
  });

  it('nothing for Traditional input or a Simplified edition', () => {
    const taiwan = convertEdition(source, { variant: 'zh-Hant-TW' }).edition;
    expect(conversionReview(taiwan, 'zh-Hans').characters).toEqual([]);
    expect(conversionReview(source, 'zh-Hans').characters).toEqual([]);
  });

  it('prints a line a group, its contexts wrapped under it', () => {
    const lines = formatReview('意见.txt', review, 80);
    expect(lines[0]).toMatch(/^意见\.txt: zh-Hant-TW: \d+ places where the context chose the form of a character \(\d+ characters, \d+ forms\):$/u);
    expect(lines.some((l) => /^ {2}发 → 髮 ×\d+ {2,}/u.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}制 → 制 ×\d+ {2,}.*奠定\[制\]度基 \(3\)/u.test(l))).toBe(true);
    const columns = (s: string) => [...s].reduce((n, ch) => n + (/[\p{Script=Han}\uFF00-\uFF60]/u.test(ch) ? 2 : 1), 0);
    for (const l of lines.slice(1)) expect(columns(l)).toBeLessThanOrEqual(80 + 40); // a context longer than the rest of a line still fits on one of its own
  });
});

describe('vocabulary changes (--vocabulary)', () => {
  const review = conversionReview(seed, 'zh-Hant-TW', { vocabulary: true });

  it('lists each word the Taiwan vocabulary changed, with its count: 数据 → 資料 too', () => {
    expect(find(review.vocabulary, '数据', '資料')).toBeDefined();
    expect(find(review.vocabulary, '网络', '網路')).toBeDefined();
    expect(find(review.vocabulary, '普京', '普丁')?.count).toBe(2);
    const counts = review.vocabulary.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it('whole words, in the source and in the edition', () => {
    for (const g of review.vocabulary) {
      expect([...g.source].length, g.source).toBeGreaterThanOrEqual(2);
      expect(g.form, g.source).not.toBe('');
    }
  });

  it('leaves out what the news dictionary already keeps right', () => {
    for (const kept of ['支持', '优化', '社区', '光盘']) expect(review.vocabulary.some((g) => g.source.includes(kept)), kept).toBe(false);
  });

  it('as report entries (phraseReview)', () => {
    const found = new Map(phraseReview(seed, 'zh-Hant-TW').map((c) => [c.before, c]));
    expect(found.get('数据')).toMatchObject({ after: '資料', kind: 'vocabulary' });
  });

  it('not without --vocabulary', () => {
    expect(conversionReview(seed, 'zh-Hant-TW').vocabulary).toEqual([]);
  });
});

describe('the edit script between two texts', () => {
  it('is a shortest one: replaying it gives the second text', () => {
    const cases: [string, string][] = [
      ['打印機', '印表機'],
      ['網絡', '網路'],
      ['吉爾吉斯斯坦總統', '吉爾吉斯總統'],
      ['', '資料'],
      ['相同', '相同'],
    ];
    for (const [a, bText] of cases) {
      const x = [...a];
      const y = [...bText];
      let out = '';
      let i = 0;
      for (const h of hunks(x, y)) {
        out += x.slice(i, h.a[0]).join('') + y.slice(h.b[0], h.b[1]).join('');
        i = h.a[1];
      }
      out += x.slice(i).join('');
      expect(out).toBe(bText);
    }
    expect(hunks([...'網絡'], [...'網路'])).toEqual([{ a: [1, 2], b: [1, 2] }]);
  });
});
