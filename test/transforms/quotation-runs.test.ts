// A quotation over several paragraphs opens each paragraph and closes only at
// its end; in Taiwan and Hong Kong editions 「 opens each paragraph, 」 stands
// only at the end, 『』 inside.
import { describe, expect, it } from 'vitest';
import type { Edition, Lang } from '../../src/model/types.js';
import { article, edition as editionOf, paragraph, quote, text } from '../../src/model/builders.js';
import { plainText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { convertEdition } from '../helpers/convert.js';

// A speech quoted over three paragraphs, as the wire services print it.
const SPEECH = [
  '习近平在讲话中回顾了上合组织的发展历程',
  '',
  '\u3000\u3000新华社天津9月1日电\u3000国家主席习近平在上海合作组织成员国元首理事会第二十五次会议上发表重要讲话。他指出：',
  '',
  '\u3000\u3000\u201C上海合作组织成立24年来，始终坚持\u2018上海精神\u2019，走出了一条具有鲜明特色的发展道路。',
  '',
  '\u3000\u3000\u201C我们率先建立边境地区军事领域互信，彻底解决历史遗留的边界问题，为地区和平稳定树立了典范。',
  '',
  '\u3000\u3000\u201C面向未来，我们要坚持求同存异，深化务实合作，共同构建更加紧密的命运共同体。\u201D',
  '',
  '\u3000\u3000与会各方高度评价上合组织取得的成就。',
  '',
].join('\n');

const lines = (edition: Edition) => plainText(edition).split('\n');
const unpaired = (report: { kind: string }[]) => report.filter((c) => c.kind === 'unpaired-quotes');

describe('a quotation over several paragraphs', () => {
  const source = readText({ text: SPEECH, path: '讲话.txt' }).edition;

  it('is read as quote blocks', () => {
    expect(source.children[0]!.children.map((b) => b.type)).toEqual(['paragraph', 'quote', 'quote', 'quote', 'paragraph']);
  });

  for (const [variant, say] of [
    ['zh-Hant-TW', '我們'],
    ['zh-Hant-HK', '我們'],
  ] as [Lang, string][]) {
    it(`opens each paragraph with \u300C and closes once in ${variant}, \u300E\u300F inside`, () => {
      const { edition, report } = convertEdition(source, { variant });
      const out = lines(edition);
      expect(out[1]).toMatch(/^\u300C上海合作組織成立24年來，始終堅持\u300E上海精神\u300F，/u);
      expect(out[1]).not.toContain('\u300D');
      expect(out[2]).toMatch(new RegExp(`^\u300C${say}率先`, 'u'));
      expect(out[2]).not.toContain('\u300D');
      expect(out[3]).toMatch(/^\u300C面向未來.*命運共同體。\u300D$/u);
      expect(plainText(edition)).not.toMatch(/[\u201C\u201D\u2018\u2019]/u);
      expect(unpaired(report)).toEqual([]);
    });
  }

  it('keeps curly quotes in zh-Hant', () => {
    const out = lines(convertEdition(source, { variant: 'zh-Hant' }).edition);
    expect(out.slice(1, 4).map((l) => l[0])).toEqual(['\u201C', '\u201C', '\u201C']);
    expect(out[1]).toContain('\u2018上海精神\u2019');
  });

  it('goes back to curly quotes from Taiwan, the same way', () => {
    const taiwan = convertEdition(source, { variant: 'zh-Hant-TW' }).edition;
    const { edition, report } = convertEdition(taiwan, { variant: 'zh-Hans' });
    expect(lines(edition).slice(1, 4)).toEqual(lines(source).slice(1, 4));
    expect(unpaired(report)).toEqual([]);
  });

  it('may stand in plain paragraphs, and nest', () => {
    const built = editionOf({ lang: 'zh-Hans' }, [
      article('a', {}, [
        paragraph([text('他说：\u201C第一段，\u2018引语')]),
        paragraph([text('\u201C\u2018引语接着\u2019，第二段。')]),
        paragraph([text('\u201C第三段。\u201D')]),
        paragraph([text('完。')]),
      ]),
    ]);
    const { edition, report } = convertEdition(built, { variant: 'zh-Hant-TW' });
    expect(lines(edition)).toEqual(['他說：\u300C第一段，\u300E引語', '\u300C\u300E引語接著\u300F，第二段。', '\u300C第三段。\u300D', '完。']);
    expect(unpaired(report)).toEqual([]);
  });

  it('that never closes is left as written and reported, paragraph by paragraph', () => {
    const built = editionOf({ lang: 'zh-Hans' }, [
      article('a', {}, [quote([text('\u201C第一段。')]), quote([text('\u201C第二段。')]), paragraph([text('他说\u201C好\u201D。')])]),
    ]);
    const { edition, report } = convertEdition(built, { variant: 'zh-Hant-TW' });
    expect(lines(edition)).toEqual(['\u201C第一段。', '\u201C第二段。', '他說\u300C好\u300D。']);
    expect(unpaired(report)).toHaveLength(2);
  });

  it('ends where a paragraph does not reopen it', () => {
    const built = editionOf({ lang: 'zh-Hans' }, [
      article('a', {}, [paragraph([text('\u201C第一段。')]), paragraph([text('第二段。\u201D')])]),
    ]);
    const { report } = convertEdition(built, { variant: 'zh-Hant-TW' });
    expect(unpaired(report)).toHaveLength(2);
  });
});
