// Traditional input to Simplified: real sentences of the corpus's Taiwan and Hong
// Kong texts (shared corpus 20, 23, 24, 26, 43, 44), each right, and never worse
// than OpenCC's own tw2s / hk2s on the same sentence.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { article, edition, paragraph } from '../../src/model/builders.js';
import type { Lang } from '../../src/model/types.js';
import { blockText } from '../../src/model/visit.js';
import { convertEdition } from '../helpers/convert.js';
import { differences } from '../convert/regression.js';

// [Traditional, Simplified]
const SENTENCES: Record<'zh-Hant-TW' | 'zh-Hant-HK', [string, string][]> = {
  'zh-Hant-TW': [
    ['觀旅局指出，運河遊河民間自提BOT案目前正積極推進，計畫興建三座遊憩碼頭，預計於2027年完工，屆時將串連水上遊憩、歷史景觀及河岸光影，成為台南觀光的新亮點。', '观旅局指出，运河游河民间自提BOT案目前正积极推进，计划兴建三座游憩码头，预计于2027年完工，届时将串连水上游憩、历史景观及河岸光影，成为台南观光的新亮点。'],
    ['在未來，只要國家需要，人民支持，登輝願意帶著兩千一百三十萬同胞的共識與意志，訪問中國大陸，從事和平之旅。', '在未来，只要国家需要，人民支持，登辉愿意带着两千一百三十万同胞的共识与意志，访问中国大陆，从事和平之旅。'],
    ['行政院完成了 12 項行政法規鬆綁，大幅簡化委外加工的關務審驗機制，使示範區內智慧物流的新營運模式逐漸成形。', '行政院完成了 12 项行政法规松绑，大幅简化委外加工的关务审验机制，使示范区内智慧物流的新营运模式逐渐成形。'],
    ['各位鄉親：我們希望將來的臺灣，是具有三高特質的自由經濟島：人民的生產力高，產品的附加價值高，更重要的，人民的所得與福利也要跟著提高。', '各位乡亲：我们希望将来的台湾，是具有三高特质的自由经济岛：人民的生产力高，产品的附加价值高，更重要的，人民的所得与福利也要跟着提高。'],
  ],
  'zh-Hant-HK': [
    ['主席：如果議員坐着高聲呼喊，我便要命令有關議員離開會議廳。', '主席：如果议员坐着高声呼喊，我便要命令有关议员离开会议厅。'],
    ['要瞭解國家的進一步發展，以及國家最新的各項發展。', '要了解国家的进一步发展，以及国家最新的各项发展。'],
    ['陳偉業議員：主席，他仍在“狗噏”辯論，在這裏誤導市民。', '陈伟业议员：主席，他仍在“狗噏”辩论，在这里误导市民。'],
    ['任內朝着立法方向制訂時間表。', '任内朝着立法方向制订时间表。'],
  ],
};

describe('Traditional input to Simplified', () => {
  for (const [lang, pairs] of Object.entries(SENTENCES) as ['zh-Hant-TW' | 'zh-Hant-HK', [string, string][]][]) {
    const source = edition({ lang: lang as Lang }, [article('a', {}, pairs.map(([t]) => paragraph([t])))]);
    const out = convertEdition(source, { variant: 'zh-Hans', quotes: 'source' }).edition.children[0]!.children.map(blockText);
    const t2s = OpenCC.Converter({ from: lang === 'zh-Hant-TW' ? 'tw' : 'hk', to: 'cn' });
    it(`from ${lang}: right, and as good as OpenCC's ${lang === 'zh-Hant-TW' ? 'tw2s' : 'hk2s'} or better`, () => {
      pairs.forEach(([traditional, simplified], i) => {
        expect(out[i]).toBe(simplified);
        expect(differences(simplified, out[i]!).length).toBeLessThanOrEqual(differences(simplified, t2s(traditional)).length);
      });
    });
  }
});
