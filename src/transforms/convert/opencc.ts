// OpenCC converters, one per direction, built on first use and kept for the
// life of the process (building one reads the dictionaries into tries: ~0.3 s).
import { opencc } from '../../lazy.js';
import type { Lang } from '../../model/types.js';
import { hongKongPress, wordConverter } from './word-converter.js';
import type { BuiltInDictionaries } from './dictionary.js';
import { ZhpressError } from '../../errors.js';

/** OpenCC's names for the scripts and regional standards. */
export type Locale = 'cn' | 't' | 'tw' | 'twp' | 'hk' | 'hkp';

export type ConverterFunction = (text: string) => string;

const LOCALE: Record<Lang, 'cn' | 't' | 'tw' | 'hk'> = {
  'zh-Hans': 'cn',
  'zh-Hant': 't',
  'zh-Hant-TW': 'tw',
  'zh-Hant-HK': 'hk',
};

export function isTraditional(lang: Lang): boolean {
  return lang !== 'zh-Hans';
}

/**
 * The OpenCC direction from one variant to another. `vocabulary` adds the
 * regional phrase dictionaries: TWPhrases (twp: 软件→軟體, 信息→資訊) and
 * HKPhrases (hkp). Note: opencc-js 1.4.2 does ship an HK phrase dictionary
 * (hkp), but a small one (place names, a dozen computing words), far short of
 * TWPhrases; Hong Kong vocabulary is otherwise left as it is in the source.
 * Between Traditional variants only character forms change (tw → hk goes by
 * way of OpenCC Traditional): OpenCC has no phrase tables from one region to
 * another.
 */
export function direction(from: Lang, to: Lang, vocabulary: boolean): { from: Locale; to: Locale } {
  const a = LOCALE[from];
  const b = LOCALE[to];
  const phrases = (l: 'cn' | 't' | 'tw' | 'hk'): Locale => (vocabulary && (l === 'tw' || l === 'hk') ? `${l}p` : l);
  if (a === 'cn') return { from: 'cn', to: phrases(b) };
  if (b === 'cn') return { from: phrases(a), to: 'cn' };
  return { from: a, to: b };
}

const cache = new Map<string, ConverterFunction>();

/**
 * The converter for a direction, built once per process. Simplified to
 * Traditional goes word by word (word-converter.ts); the other directions are
 * OpenCC's own.
 */
export function converter(from: Locale, to: Locale, dictionaries?: BuiltInDictionaries): ConverterFunction {
  const key = `${from}>${to}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (from === 'cn' && to !== 'cn' && !dictionaries) throw new ZhpressError('converting from Simplified needs the built-in dictionaries (ConvertContext.loaded)', { hint: 'runTransforms from zhpress loads them' });
  const fn: ConverterFunction =
    from === to
      ? (s: string) => s
      : from === 'cn' && to !== 'cn'
        ? wordConverter(to.endsWith('p') ? (to.slice(0, -1) as 'tw' | 'hk') : (to as 't' | 'tw' | 'hk'), to.endsWith('p'), dictionaries!)
        : to === 'hk'
          ? hongKong(opencc().Converter({ from, to }))
          : opencc().Converter({ from, to });
  cache.set(key, fn);
  return fn;
}

/** Into Hong Kong's characters as its press writes them (word-converter.ts, HONG_KONG_PRESS). */
function hongKong(forms: ConverterFunction): ConverterFunction {
  return (text) => hongKongPress(forms(text));
}

/** How many converters have been built (for tests of the cache). */
export function convertersBuilt(): number {
  return cache.size;
}

/**
 * OpenCC Traditional to a regional standard's character forms (裏→裡 for
 * Taiwan, 爲→為 for both), for the Traditional side of dictionary entries.
 */
export function variantForms(to: Lang): ConverterFunction {
  const b = LOCALE[to];
  return b === 'tw' || b === 'hk' ? converter('t', b) : (s: string) => s;
}
