import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { article, edition, heading, lead, list, listItem, paragraph, subhead } from '../../src/model/builders.js';
import type { Edition, Paragraph } from '../../src/model/types.js';
import { inlineText, plainText, selectAll, visit } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { punctuation, widen } from '../../src/transforms/punctuation.js';
import { repairBreaks } from '../../src/transforms/repair-breaks.js';
import { runTransforms } from '../../src/index.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const seed = readFileSync(seedPath, 'utf8');
const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('') ?? '';
const cases = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/transforms/punctuation.json'), 'utf8')) as { in: string; out: string; why: string }[];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const one = (...blocks: Parameters<typeof article>[2]): Edition => edition({ lang: 'zh-Hans' }, [article('a1', {}, blocks)]);

describe('punctuation', () => {
  for (const c of cases) {
    it(`${c.why}: ${c.in}`, () => expect(widen(c.in)).toBe(c.out));
  }

  it('drops a lone space beside full-width punctuation in Chinese, and keeps runs of spaces and Latin spacing', () => {
    // From a PDF's text: 紧紧围绕 “ 十三五 ” 规划， 全县 (a lead's edge too).
    const input = one(
      paragraph([lead(['\u7d27\u7d27\u56f4\u7ed5 \u201c']), ' \u5341\u4e09\u4e94 \u201d \u89c4\u5212\uff0c \u5168\u53bf']),
      // A list of names in columns: the spaces after ） are layout.
      paragraph(['\uff08\u5e02\u59d4\uff09\u00a0\u00a0\u00a0\u5f20\u4e09\u00a0\u00a0\u00a0\u674e\u56db']),
      // Latin on one side: the space stays (“ AI ” in English quotes is not Chinese on both sides).
      paragraph(['\u53d1\u5c55 AI\uff0c and \u201c x \u201d']),
    );
    const { edition: out, report } = punctuation(deepFreeze(input), {});
    const texts = out.children[0]!.children.map((b) => (b as Paragraph).children.map((c) => (c.type === 'text' ? c.value : inlineText(c.children))));
    expect(texts[0]).toEqual(['\u7d27\u7d27\u56f4\u7ed5\u201c', '\u5341\u4e09\u4e94\u201d\u89c4\u5212\uff0c\u5168\u53bf']);
    expect(texts[1]).toEqual(['\uff08\u5e02\u59d4\uff09\u00a0\u00a0\u00a0\u5f20\u4e09\u00a0\u00a0\u00a0\u674e\u56db']);
    expect(texts[2]).toEqual(['\u53d1\u5c55 AI\uff0c and \u201c x \u201d']);
    expect(report.filter((c) => c.kind === 'spacing').map((c) => c.message)).toEqual(['5 space(s) beside full-width punctuation dropped']);
    // Idempotent: a second run changes nothing.
    expect(punctuation(out, {}).edition).toBe(out);
  });

  it('widens across the inline boundary of a lead and in markers and titles', () => {
    const input = one(paragraph([lead(['\u53d1\u5c55\u3002']), '(\u89c1\u9644\u4ef6)'], { marker: '(\u4e00)' }));
    const withMeta = { ...input, children: [{ ...input.children[0]!, meta: { title: '\u5408\u4f5c,\u5171\u8d62' } }] };
    const out = punctuation(deepFreeze(withMeta), {});
    const p = out.edition.children[0]!.children[0]!;
    expect(p.type === 'paragraph' && p.marker).toBe('\uff08\u4e00\uff09');
    expect(plainText(out.edition)).toBe('\uff08\u4e00\uff09\u53d1\u5c55\u3002\uff08\u89c1\u9644\u4ef6\uff09');
    expect(out.edition.children[0]!.meta.title).toBe('\u5408\u4f5c\uff0c\u5171\u8d62');
    expect(out.report).toHaveLength(1);
    expect(out.report[0]!.kind).toBe('width');
  });

  it('widens the notes and the byline of the title block', () => {
    const input = edition({ lang: 'zh-Hans' }, [article('a1', { title: '\u62a5\u544a', notes: ['(2020\u5e742\u670825\u65e5)', '\u5df2\u5168\u89d2'], byline: '\u7701\u957f:\u674e\u70b3\u519b' }, [])]);
    const out = punctuation(deepFreeze(input), {}).edition.children[0]!.meta;
    expect(out.notes).toEqual(['\uff082020\u5e742\u670825\u65e5\uff09', '\u5df2\u5168\u89d2']);
    expect(out.byline).toBe('\u7701\u957f\uff1a\u674e\u70b3\u519b');
    const wide = punctuation(deepFreeze(edition({ lang: 'zh-Hans' }, [article('a1', { notes: ['\uff08\u5df2\uff09'] }, [])])), {}).edition;
    expect(punctuation(wide, {}).edition).toBe(wide);
  });

  it('leaves no ASCII , ; : ( ) between Han characters in the seed and keeps 5G, 60%, 8900\u4ebf\u7f8e\u5143', () => {
    const out = runTransforms(readText({ text: seed, path: seedPath }).edition, {}).edition;
    const text = plainText(out);
    expect(text).not.toMatch(/\p{Script=Han}[,;:()]|[,;:()]\p{Script=Han}/u);
    for (const kept of ['5G', '60%', '8900\u4ebf\u7f8e\u5143']) expect(text).toContain(kept);
    expect(out.children[0]!.meta.dateline?.raw).toBe('\uff08\u65b0\u534e\u793e\u5317\u4eac8\u670828\u65e5\u7535\uff09');
  });
});

describe('repair-breaks', () => {
  it('joins exactly the two paragraphs the seed\u2019s column breaks cut', () => {
    const { edition: read } = readText({ text: seed, path: seedPath });
    const out = repairBreaks(deepFreeze(read), {});
    const joins = out.report.filter((c) => c.kind === 'join-paragraphs');
    expect(joins.map((c) => c.after)).toEqual([expect.stringContaining('\u7ee7\u7eed\u575a\u6301'), expect.stringContaining('\u6301\u7eed\u63a8\u8fdb')]);
    expect(joins.every((c) => c.position && c.position.start.line > 0)).toBe(true);
    const count = (e: Edition) => selectAll(e, 'paragraph').length;
    expect(count(read) - count(out.edition)).toBe(2);
    expect(plainText(out.edition)).toContain('\u7ee7\u7eed\u575a\u6301\u771f\u6b63\u7684\u591a\u8fb9\u4e3b\u4e49');
  });

  it('never joins headings, subheads, list items or a paragraph that opens with a marker', () => {
    // Prose under way (it has a comma): a cut, where a line without punctuation would be a head or a label.
    const cut = '\u8fd9\u662f\u4e00\u4e2a\u6ca1\u6709\u7ed3\u675f\u7684\uff0c\u5f88\u957f\u5f88\u957f\u7684\u6bb5\u843d\u6587\u5b57\u5185\u5bb9';
    const input = one(
      heading(1, [cut], { marker: '\u4e00\u3001' }),
      paragraph(['\u6b63\u6587\u3002']),
      subhead(['\u5efa\u8bbe\u2014\u2014']),
      paragraph([cut]),
      paragraph([lead(['\u5f00\u5934\u3002']), '\u6b63\u6587\u3002'], { marker: '\uff08\u4e00\uff09' }),
      list('dash', [listItem([cut], { marker: '\u2014\u2014' }), listItem(['\u7ee7\u7eed\u3002'], { marker: '\u2014\u2014' })]),
    );
    const out = repairBreaks(input, {});
    expect(out.edition).toBe(input);
    expect(out.report.map((c) => c.kind)).toEqual(['suspect-break']);
  });

  it('joins a cut ending in a comma however short, and warns about a short open line it does not join', () => {
    const joined = repairBreaks(one(paragraph(['\u6211\u4eec\uff0c']), paragraph(['\u7ee7\u7eed\u524d\u8fdb\u3002'])), {});
    expect(plainText(joined.edition)).toBe('\u6211\u4eec\uff0c\u7ee7\u7eed\u524d\u8fdb\u3002');
    const kept = repairBreaks(one(paragraph(['\u57ce\u9547\u5316\u5efa\u8bbe']), paragraph(['\u6b63\u6587\u3002'])), {});
    expect(selectAll(kept.edition, 'paragraph')).toHaveLength(2);
    expect(kept.report[0]).toMatchObject({ kind: 'suspect-break', severity: 'warning' });
  });

  it('joins no piece that stands under a short open line: the second line of a two-line head', () => {
    // 演出细节 / 观众近千人，掌声不断 / 记者了解到，当晚的演出持续了两个半小时。
    const head = paragraph(['\u6f14\u51fa\u7ec6\u8282']);
    const second = paragraph(['\u89c2\u4f17\u8fd1\u5343\u4eba\uff0c\u638c\u58f0\u4e0d\u65ad']);
    const text = paragraph(['\u8bb0\u8005\u4e86\u89e3\u5230\uff0c\u5f53\u665a\u7684\u6f14\u51fa\u6301\u7eed\u4e86\u4e24\u4e2a\u534a\u5c0f\u65f6\u3002']);
    const out = repairBreaks(one(head, second, text), {});
    expect(selectAll(out.edition, 'paragraph')).toHaveLength(3);
    expect(out.report.map((c) => c.kind)).not.toContain('join-paragraphs');
    // Without the head over it, the same piece is prose cut by a break, and joined.
    const alone = repairBreaks(one(paragraph(['\u6b63\u6587\u3002']), second, text), {});
    expect(selectAll(alone.edition, 'paragraph')).toHaveLength(2);
  });
});

describe('transform properties', () => {
  const hanChar = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c));
  const piece = fc.oneof(hanChar, hanChar, hanChar, fc.constantFrom(',', ';', ':', '(', ')', '?', '!', '1', 'G', '%', '.', ' ', '\u3002', '\u201c', '\u201d'));
  const paragraphText = fc.array(piece, { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
  const editions = fc.array(paragraphText, { minLength: 1, maxLength: 8 }).map((texts) => one(...texts.map((t) => paragraph([t]))));

  it('lose no Han character and keep their order; do not mutate their input; are idempotent', () => {
    fc.assert(
      fc.property(editions, (input) => {
        const before = JSON.stringify(input);
        deepFreeze(input);
        for (const transform of [repairBreaks, punctuation]) {
          const once = transform(input, {});
          expect(han(plainText(once.edition))).toBe(han(plainText(input)));
          const twice = transform(once.edition, {});
          expect(twice.edition).toEqual(once.edition);
          expect(twice.report.filter((c) => c.kind !== 'suspect-break')).toEqual([]);
        }
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('the whole pipeline keeps every Han character of the seed in order', () => {
    const out = runTransforms(readText({ text: seed, path: seedPath }).edition, {});
    let text = '';
    visit(out.edition, (node) => {
      if (node.type === 'text') text += node.value;
      if ((node.type === 'heading' || node.type === 'paragraph' || node.type === 'listItem') && node.marker) text += node.marker;
    });
    expect(han(plainText(out.edition))).toBe(han(seed));
  });
});
