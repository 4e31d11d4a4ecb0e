// Regional vocabulary (--vocabulary) and zhpress's corrections to OpenCC's
// tables: the phrases, and every entry of dictionaries/vocabulary-tw.txt,
// vocabulary-hk.txt, characters.txt and characters-hk.txt, each as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, edition, paragraph } from '../../src/model/builders.js';
import type { Lang } from '../../src/model/types.js';
import { blockText } from '../../src/model/visit.js';
import { convertEdition } from '../helpers/convert.js';
import { parseDictionary } from '../../src/transforms/convert/index.js';
import { variantForms } from '../../src/transforms/convert/opencc.js';

const dictionaries = join(import.meta.dirname, '../../dictionaries');
const entries = (name: string) => parseDictionary(readFileSync(join(dictionaries, name), 'utf8'), name).entries;

/** Each text converted as a paragraph of its own, in one edition. */
function convert(texts: readonly string[], variant: Lang, vocabulary: boolean): string[] {
  const source = edition({ lang: 'zh-Hans' }, [article('a', {}, texts.map((t) => paragraph([t])))]);
  return convertEdition(source, { variant, vocabulary, quotes: 'source' }).edition.children[0]!.children.map(blockText);
}

describe('Taiwan vocabulary', () => {
  // [Simplified, Taiwan with vocabulary, what must not appear]
  const table: [string, string, string][] = [
    ['全国人大常委会审议预算法修正案', '全國人大常委會審議預算法修正案', '演算法'],
    ['进一步提高清洁能源比重', '進一步提高清潔能源比重', '畫質'],
    ['湖面映射着夕阳', '湖面映射著夕陽', '對映'],
    ['两家航空公司开展代码共享合作', '兩家航空公司開展代碼共享合作', '程式碼'],
    ['认真查找问题和不足', '認真查找問題和不足', '查詢'],
    ['推行菜单式服务', '推行菜單式服務', '選單'],
    ['两国元首通过视频连线共同出席仪式', '兩國元首通過視訊連線共同出席儀式', '影片'],
    ['发展移动互联网和云计算', '發展行動網路和雲端運算', '網際網路'],
    ['普京总统会见吉尔吉斯斯坦总统', '普丁總統會見吉爾吉斯總統', '斯斯坦'],
    ['消息一出，市场反应积极', '消息一出，市場反應積極', '訊息'],
    ['加强大数据应用', '加強大數據應用', '大資料'],
    ['工业和信息化部发布通知', '工業和信息化部發布通知', '資訊化'],
  ];
  const out = convert(table.map(([s]) => s), 'zh-Hant-TW', true);
  table.forEach(([simplified, taiwan, wrong], i) => {
    it(`${simplified} → ${taiwan}`, () => {
      expect(out[i]).toBe(taiwan);
      expect(out[i]).not.toContain(wrong);
    });
  });
  it('leaves 项目 and 通过 alone', () => {
    expect(convert(['重大项目通过验收'], 'zh-Hant-TW', true)[0]).toBe('重大項目通過驗收');
  });
});

describe('Hong Kong vocabulary', () => {
  const table: [string, string][] = [
    ['推进数字化转型', '推進數碼化轉型'],
    ['及时发布信息', '及時發布資訊'],
    ['乘坐出租车', '乘坐的士'],
    ['激光雷达', '鐳射雷達'],
    ['下载软件观看视频', '下載軟件觀看視頻'],
    ['重大项目', '重大項目'],
    ['普京总统', '普京總統'],
  ];
  const out = convert(table.map(([s]) => s), 'zh-Hant-HK', true);
  table.forEach(([simplified, hongkong], i) => it(`${simplified} → ${hongkong}`, () => expect(out[i]).toBe(hongkong)));
  it('is only for Hong Kong with vocabulary', () => {
    expect(convert(['乘坐出租车'], 'zh-Hant-HK', false)[0]).toBe('乘坐出租車');
    expect(convert(['乘坐出租车'], 'zh-Hant-TW', true)[0]).not.toContain('的士');
  });
});

describe('every regional vocabulary entry', () => {
  for (const [name, variant] of [
    ['vocabulary-tw.txt', 'zh-Hant-TW'],
    ['vocabulary-hk.txt', 'zh-Hant-HK'],
  ] as [string, Lang][]) {
    const list = entries(name);
    it(`${name} has entries`, () => expect(list.length).toBeGreaterThanOrEqual(10));
    it(`${name}: each entry as written in ${variant} with vocabulary`, () => {
      const phrases = list.map((e) => e.simplified);
      const withVocabulary = convert(phrases, variant, true);
      const characters = convert(phrases, variant, false);
      list.forEach((e, i) => {
        const want = e.keep ? characters[i] : variantForms(variant)(e.traditional);
        expect(withVocabulary[i], `${e.simplified} (line ${e.line})`).toBe(want);
      });
    });
  }
});

describe('every correction to OpenCC', () => {
  for (const [name, variants] of [
    ['characters.txt', ['zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK']],
    ['characters-hk.txt', ['zh-Hant-HK']],
  ] as [string, Lang[]][]) {
    const list = entries(name);
    for (const variant of variants) {
      it(`${name} in ${variant}`, () => {
        const out = convert(list.map((e) => e.simplified), variant, false);
        list.forEach((e, i) => expect(out[i], `${e.simplified} (line ${e.line})`).toBe(variantForms(variant)(e.traditional)));
      });
    }
  }
});
