// For editors: the phrase-level (vocabulary) conversions OpenCC would make in a
// regional variant, with counts, so they can be reviewed before publishing.
// OpenCC's Taiwan/Hong Kong phrase tables are keyed in standard Traditional
// forms; the text is first converted character by character (s2t, with the
// news dictionary protecting its phrases) and then scanned for table entries,
// longest first. Phrases the dictionaries fix are left out: those never reach OpenCC.
import { opencc } from '../../lazy.js';
import type { Change, Edition } from '../../model/types.js';
import { visit } from '../../model/visit.js';
import { builtInDictionary, loadDictionary } from './dictionary.js';
import { convertEdition } from './index.js';

type Table = Map<string, string>;
const tables = new Map<string, { table: Table; longest: number }>();

function phraseTable(locale: 'twp' | 'hkp'): { table: Table; longest: number } {
  let found = tables.get(locale);
  if (!found) {
    const table: Table = new Map();
    // Locale.to.twp is [[TWPhrases, …], [variants…]]: only the phrase groups map words.
    const groups = (opencc().Locale.to as unknown as Record<string, string[][]>)[locale] ?? [];
    for (const dict of groups[0] ?? []) {
      for (const pair of String(dict).split('|')) {
        const [from, to] = pair.split(' ');
        if (from && to && from !== to && [...from].length > 1) table.set(from, to);
      }
    }
    found = { table, longest: Math.max(1, ...[...table.keys()].map((k) => k.length)) };
    tables.set(locale, found);
  }
  return found;
}

export function phraseReview(edition: Edition, variant: 'zh-Hant-TW' | 'zh-Hant-HK', dictionaries: readonly string[] = []): Change[] {
  const { table, longest } = phraseTable(variant === 'zh-Hant-TW' ? 'twp' : 'hkp');
  const standard = convertEdition(edition, { variant: 'zh-Hant', quotes: 'source', dictionaries }).edition;
  const fixed = new Set<string>();
  for (const dictionary of [builtInDictionary(), ...dictionaries.map(loadDictionary)]) {
    for (const entry of dictionary.entries) fixed.add(entry.traditional);
  }
  const counts = new Map<string, number>();
  visit(standard, (node) => {
    if (node.type !== 'text') return;
    const text = node.value;
    for (let i = 0; i < text.length; ) {
      let matched = '';
      for (let n = Math.min(longest, text.length - i); n > 1; n--) {
        const piece = text.slice(i, i + n);
        if (table.has(piece)) {
          matched = piece;
          break;
        }
      }
      if (matched && ![...fixed].some((f) => f.includes(matched) || matched.includes(f))) {
        counts.set(matched, (counts.get(matched) ?? 0) + 1);
      }
      i += matched ? matched.length : 1;
    }
  });
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([phrase, n]) => ({
      source: 'convert',
      kind: 'vocabulary',
      message: `OpenCC ${variant === 'zh-Hant-TW' ? 'Taiwan' : 'Hong Kong'} phrases would write ${phrase} as ${table.get(phrase)} (\u00D7${n}); a keep (=) or mapping entry in a dictionary (--dictionary) changes it`,
      before: phrase,
      after: table.get(phrase),
      severity: 'info' as const,
    }));
}
