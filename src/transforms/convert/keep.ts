// What a keep entry (=词) becomes in a variant: the phrase in that variant's
// characters, with none of its words replaced by regional vocabulary
// (=上海合作组织 → 上海合作組織, =支持 → 支持, never 支援). ==词 entries are not
// converted at all and never come here.
import { opencc } from '../../lazy.js';
import type { Lang } from '../../model/types.js';
import { converter, direction } from './opencc.js';
import type { BuiltInDictionaries } from './dictionary.js';

let convertible: Set<string> | undefined;

/**
 * Characters OpenCC may write otherwise in a Traditional variant: those of its
 * character table, those its phrase table changes, and the regional variant
 * forms. A phrase of none of them is the same in every script, and needs no
 * converter built (building one takes about 0.3 s).
 */
function convertibleCharacters(): Set<string> {
  if (convertible) return convertible;
  const found = new Set<string>();
  const locale = opencc().Locale as unknown as { from: Record<string, string[][]>; to: Record<string, string[][]> };
  const [phrases = '', characters = ''] = locale.from.cn?.[0] ?? [];
  for (const pair of characters.split('|')) found.add(pair.split(' ')[0]!);
  const changed = (table: string) => {
    for (const pair of table.split('|')) {
      const [from = '', to = ''] = pair.split(' ');
      const b = [...to];
      [...from].forEach((ch, i) => {
        if (ch !== b[i]) found.add(ch);
      });
    }
  };
  changed(phrases);
  for (const region of ['tw', 'hk']) for (const table of locale.to[region]?.[0] ?? []) changed(String(table));
  return (convertible = found);
}

/** Whether OpenCC could write any character of `phrase` otherwise. */
export function hasOtherForms(phrase: string): boolean {
  const set = convertibleCharacters();
  for (const ch of phrase) if (set.has(ch)) return true;
  return false;
}

/** `phrase` (Simplified) in the characters of `to`, without regional vocabulary. */
export function characterForms(phrase: string, to: Lang, dictionaries: BuiltInDictionaries): string {
  if (to === 'zh-Hans' || !hasOtherForms(phrase)) return phrase;
  const way = direction('zh-Hans', to, false);
  return converter(way.from, way.to, dictionaries)(phrase);
}
