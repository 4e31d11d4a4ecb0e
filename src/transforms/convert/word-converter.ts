// Simplified → Traditional, word by word. The text is cut into words (segment.ts)
// and each word is converted by OpenCC's character and phrase tables (s2t) on its
// own, so a phrase of OpenCC's table can match inside a word but never across two
// (奠定 / 制度 → 奠定制度, not 奠定製度). A few words are decided by their
// neighbours (14 / 天后 → 天後, 消息 / 一出 → 一出). Then the region's character
// forms (OpenCC t → tw / hk) and, with regional vocabulary, the region's words:
// zhpress's own (dictionaries/vocabulary-*.txt) and OpenCC's phrase tables
// (TWPhrases, HKPhrases), each matched only on whole words, so 预算法 (the budget
// law) never holds 算法 (演算法) and 提高清洁能源 never 高清 (高畫質).
import { opencc } from '../../lazy.js';
import type { BuiltInDictionaries } from './dictionary.js';
import { words, wordsInside } from './segment.js';

export type ConverterFunction = (text: string) => string;

/** The Traditional standards a word converter writes: OpenCC's own, Taiwan's, Hong Kong's. */
export type Region = 't' | 'tw' | 'hk';

/** Digits and numerals a count ends in: 14天后, 三天后, 几天后, 201只, 单只. */
const COUNT = /[0-9０-９〇零一二三四五六七八九十百千万两几数多半余单每]$/u;

/** Words of 只 that mean "only", never a measure word after a count. */
const ONLY = /^只(?:有|能|是|要|会|好|得|管|顾|怕|见|不|需|消|此|争|看|在|因|为|剩|用|占|许|可|准|限|就|对|求)/u;

/**
 * Words that OpenCC's table reads one way and their neighbours may read
 * another: the word in Traditional characters, or undefined for the usual
 * reading. `convert` converts the rest of a word.
 */
function inContext(word: string, before: string, after: string, convert: ConverterFunction): string | undefined {
  switch (word) {
    // 天后 is the goddess (天后宫, 天后站) unless it follows a count of days.
    case '天后':
      return COUNT.test(before) ? '天後' : undefined;
    // 一出 is a measure of plays (一出戏, 一出闹剧); 消息一出 is "as soon as the news was out".
    case '一出':
      return /^(?:好?戏|闹剧|悲剧|喜剧|话剧|戏剧|大戏|京剧|剧)/u.test(after) ? undefined : '一出';
  }
  // 只 after a count is the measure word 隻 (A股201只, 设立21只子基金, 单只号牌),
  // also where the segmenter glued it to the next word.
  if (word.startsWith('只') && !ONLY.test(word) && COUNT.test(before)) return '隻' + convert(word.slice(1));
  return undefined;
}

/**
 * Characters a region writes one way whatever OpenCC's phrase table says: Taiwan
 * (the Ministry of Education's standard forms) and Hong Kong's government write
 * 布 in 发布, 公布, 宣布, 分布, 颁布, 布置, 布局, where OpenCC writes 佈.
 */
const REGION_CHARACTERS: Record<Region, Record<string, string>> = {
  t: {},
  tw: { 布: '布' },
  hk: { 布: '布', 周: '周' }, // Hong Kong: 周年, 周末
};

/** `traditional` (the conversion of `simplified`) with the region's fixed characters. */
function regionCharacters(simplified: string, traditional: string, fixed: Record<string, string>): string {
  if (simplified.length !== traditional.length) return traditional;
  let out = '';
  for (let i = 0; i < simplified.length; i++) {
    const ch = simplified[i]!;
    out += Object.hasOwn(fixed, ch) ? fixed[ch] : traditional[i];
  }
  return out;
}

interface Vocabulary {
  /** zhpress's regional entries, by Simplified phrase: the Traditional phrase, or undefined to keep the word. */
  own: Map<string, string | undefined>;
  /** OpenCC's regional phrase table, by OpenCC Traditional phrase. */
  opencc: Map<string, string>;
  /** The longest key of either, in UTF-16 units. */
  longest: number;
}


/** The regional vocabulary dictionaries shipped with zhpress, by region. */
export const VOCABULARY_FILES: Record<'tw' | 'hk', string> = { tw: 'vocabulary-tw.txt', hk: 'vocabulary-hk.txt' };

function loadVocabulary(region: 'tw' | 'hk', dictionaries: BuiltInDictionaries): Vocabulary {
  const own = new Map<string, string | undefined>();
  for (const entry of dictionaries.vocabulary(region).entries) {
    own.set(entry.simplified, entry.keep ? undefined : entry.traditional);
  }
  const table = new Map<string, string>();
  // Locale.to.twp is [[TWPhrases], [variants…]], Locale.to.hkp [[HKPhrases, variants…]]:
  // the first dictionary of the first group is the phrase table.
  const groups = (opencc().Locale.to as unknown as Record<string, string[][]>)[`${region}p`] ?? [];
  for (const pair of String(groups[0]?.[0] ?? '').split('|')) {
    const [from, to] = pair.split(' ');
    if (from && to && from !== to) table.set(from, to);
  }
  const longest = Math.max(1, ...[...own.keys(), ...table.keys()].map((k) => k.length));
  return { own, opencc: table, longest };
}

const HAN = /\p{Script=Han}/v;

/** The entry for one phrase: zhpress's (by the Simplified phrase) before OpenCC's (by the Traditional one). */
function entry(vocabulary: Vocabulary, simplified: string, traditional: string): string | undefined {
  if (vocabulary.own.has(simplified)) return vocabulary.own.get(simplified) ?? traditional;
  return vocabulary.opencc.get(traditional);
}

/**
 * Regional words inside one word of three characters or more: 软件开发 is one
 * word and holds 软件 (軟體), but 预算法 (the budget law) does not hold 算法,
 * because a word of the dictionary, 预算, overlaps it. An entry is taken where
 * no dictionary word inside the word overlaps it without holding it.
 */
function regionalInside(simplified: string, traditional: string, vocabulary: Vocabulary): string {
  if (simplified.length < 3 || simplified.length !== traditional.length) return traditional;
  let inside: Set<string> | undefined;
  /** Whether a dictionary word overlaps [i, j) without holding it or being held by it. */
  const crossed = (i: number, j: number): boolean => {
    inside ??= wordsInside(simplified);
    for (const word of inside) {
      if (word.length < 2) continue;
      for (let a = simplified.indexOf(word); a >= 0; a = simplified.indexOf(word, a + 1)) {
        const b = a + word.length;
        if (a < j && i < b && !(a <= i && j <= b) && !(i <= a && b <= j)) return true;
      }
    }
    return false;
  };
  let out = '';
  let i = 0;
  while (i < simplified.length) {
    let taken = false;
    for (let j = Math.min(simplified.length, i + vocabulary.longest); j >= i + 2; j--) {
      if (i === 0 && j === simplified.length) continue;
      const value = entry(vocabulary, simplified.slice(i, j), traditional.slice(i, j));
      if (value === undefined || crossed(i, j)) continue;
      out += value;
      i = j;
      taken = true;
      break;
    }
    if (!taken) {
      out += traditional[i];
      i++;
    }
  }
  return out;
}

/** Regional words over whole words: the longest run of words that is an entry wins, zhpress's entries before OpenCC's. */
function regionalWords(simplified: readonly string[], traditional: readonly string[], vocabulary: Vocabulary): string {
  let out = '';
  let k = 0;
  while (k < simplified.length) {
    let end = -1;
    let value = '';
    if (HAN.test(simplified[k]!)) {
      let s = '';
      let t = '';
      for (let m = k; m < simplified.length; m++) {
        s += simplified[m];
        t += traditional[m];
        if (s.length > vocabulary.longest) break;
        const found = entry(vocabulary, s, t);
        if (found !== undefined) {
          end = m;
          value = found;
        }
      }
    }
    if (end < 0) {
      out += HAN.test(simplified[k]!) ? regionalInside(simplified[k]!, traditional[k]!, vocabulary) : traditional[k];
      k++;
    } else {
      out += value;
      k = end + 1;
    }
  }
  return out;
}

/**
 * zhpress's corrections to OpenCC's tables, as OpenCC dictionary pairs: the
 * region's own (dictionaries/characters-hk.txt) before those of every region
 * (dictionaries/characters.txt).
 */
function corrections(region: Region, dictionaries: BuiltInDictionaries): [string, string][] {
  const pairs: [string, string][] = [];
  for (const dictionary of dictionaries.characters(region)) for (const e of dictionary.entries) pairs.push([e.simplified, e.traditional]);
  return pairs;
}

type DictGroup = readonly (string | readonly (readonly [string, string])[])[];

/** OpenCC's s2t (its character and phrase tables after its normalisation), with zhpress's corrections winning. */
function characterConverter(region: Region, dictionaries: BuiltInDictionaries): ConverterFunction {
  const { ConverterFactory, Locale } = opencc();
  const s2t = Locale.configs.s2t as unknown as { normalizationChain?: DictGroup[]; conversionChain: DictGroup[] };
  const normalise = s2t.normalizationChain ? ConverterFactory(...s2t.normalizationChain) : (s: string) => s;
  // In a group, the first dictionary wins where two have the same key; the
  // region's corrections come first, then the common ones, then OpenCC's.
  const table = ConverterFactory([corrections(region, dictionaries), ...(s2t.conversionChain[0] ?? [])]);
  return (text) => table(normalise(text));
}

/**
 * Hong Kong's press and government write the forms of Big5 where OpenCC's Hong
 * Kong standard (the 常用字字形表) has others: 說 稅 脫 兌 溫 戶 閱 (not 説 税 脱
 * 兑 温 户 閲), and 群 峰 恒 (not 羣 峯 恆). They keep 着 裏 衞 台 爲→為 眾 from it.
 */
const HONG_KONG_PRESS: Record<string, string> = {
  説: '說', 税: '稅', 脱: '脫', 兑: '兌', 温: '溫', 户: '戶', 閲: '閱', 藴: '蘊', 悦: '悅', 鋭: '銳',
  蜕: '蛻', 敍: '敘', 醖: '醞', 媪: '媼', 愠: '慍', 氲: '氳', 緼: '縕', 煴: '熅', 榅: '榲', 腽: '膃',
  輼: '轀', 鰛: '鰮', 蒀: '蒕', 捝: '挩', 棁: '梲', 涚: '涗', 敚: '敓',
  羣: '群', 峯: '峰', 恆: '恒',
};

const PRESS = new RegExp(`[${Object.keys(HONG_KONG_PRESS).join('')}]`, 'gu');

/** OpenCC's Hong Kong forms made those of Hong Kong's press. */
export function hongKongPress(text: string): string {
  return text.replace(PRESS, (ch: string) => HONG_KONG_PRESS[ch]!);
}

/** OpenCC Traditional to the region's character forms. */
function regionForms(region: Region): ConverterFunction | undefined {
  if (region === 't') return undefined;
  const forms = opencc().Converter({ from: 't', to: region });
  return region === 'hk' ? (text) => hongKongPress(forms(text)) : forms;
}

const characters = new Map<Region, ConverterFunction>();

/** A converter from Simplified to `region`, with the region's vocabulary or not. */
export function wordConverter(region: Region, vocabulary: boolean, dictionaries: BuiltInDictionaries): ConverterFunction {
  let base = characters.get(region);
  if (!base) characters.set(region, (base = characterConverter(region, dictionaries)));
  const fixed = REGION_CHARACTERS[region];
  const pattern = Object.keys(fixed).length > 0 ? new RegExp(`[${Object.keys(fixed).join('')}]`, 'u') : undefined;
  const convertWord = (word: string): string => {
    const converted = base(word);
    return pattern?.test(word) ? regionCharacters(word, converted, fixed) : converted;
  };
  const forms = regionForms(region);
  const regional = vocabulary && region !== 't' ? loadVocabulary(region, dictionaries) : undefined;
  return (text) => {
    const simplified = words(text);
    const traditional = simplified.map((word, i) => inContext(word, simplified[i - 1] ?? '', simplified[i + 1] ?? '', convertWord) ?? convertWord(word));
    const converted = regional ? regionalWords(simplified, traditional, regional) : traditional.join('');
    return forms ? forms(converted) : converted;
  };
}
