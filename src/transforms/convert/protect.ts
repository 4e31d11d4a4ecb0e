// Dictionary phrases are protected from OpenCC: each match (longest first, from
// the left) is replaced by a character from the Private Use Area, which OpenCC
// passes through untouched and which splits its segmentation, and the phrase's
// target is put back after OpenCC has run.
import type { Lang } from '../../model/types.js';
import type { BuiltInDictionaries, Dictionary } from './dictionary.js';
import { characterForms } from './keep.js';
import { variantForms } from './opencc.js';

export interface Protection {
  target: string;
  /** The dictionary it comes from ("built-in" or a file path) and its entry, as written. */
  dictionary: string;
  phrase: string;
}

export interface Protector {
  /** Phrase in the source script → what it becomes. */
  phrases: Map<string, Protection>;
  /** The lengths of the phrases, longest first. */
  lengths: number[];
}

/**
 * The phrases to protect when converting `from` → `to`, later dictionaries
 * winning over earlier ones. Simplified → Traditional reads entries forwards
 * (the Traditional side adapted to the region's character forms);
 * Traditional → Simplified reads them backwards (from the Traditional side in
 * any region's forms). Between Traditional variants nothing is protected: only
 * character forms change there.
 */
export function buildProtector(dictionaries: readonly Dictionary[], from: Lang, to: Lang, builtIn: BuiltInDictionaries): Protector {
  const phrases = new Map<string, Protection>();
  const forward = from === 'zh-Hans' && to !== 'zh-Hans';
  const backward = from !== 'zh-Hans' && to === 'zh-Hans';
  const forms = variantForms(to);
  const tw = variantForms('zh-Hant-TW');
  const hk = variantForms('zh-Hant-HK');
  for (const dictionary of dictionaries) {
    for (const entry of dictionary.entries) {
      const protection = (target: string): Protection => ({
        target,
        dictionary: dictionary.name,
        phrase: entry.keep ? `${entry.verbatim ? '==' : '='}${entry.simplified}` : entry.simplified,
      });
      // =词 keeps the phrase's words and converts its characters; ==词 keeps it as written.
      if (forward) {
        phrases.set(entry.simplified, protection(entry.verbatim ? entry.simplified : entry.keep ? characterForms(entry.simplified, to, builtIn) : forms(entry.traditional)));
      } else if (backward) {
        const traditional = entry.keep && !entry.verbatim ? characterForms(entry.simplified, 'zh-Hant', builtIn) : entry.traditional;
        const keys = entry.verbatim ? [entry.simplified] : [...(entry.keep ? [entry.simplified] : []), traditional, tw(traditional), hk(traditional)];
        for (const key of new Set(keys)) phrases.set(key, protection(entry.simplified));
      }
    }
  }
  const lengths = [...new Set([...phrases.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return { phrases, lengths };
}

/** U+E000–U+F8FF: the BMP Private Use Area. */
const PUA_START = 0xe000;
const PUA_END = 0xf8ff;

export interface Protected {
  text: string;
  /** Placeholder → protection. */
  slots: Map<string, Protection>;
}

/** Replace each dictionary phrase in `text` with a placeholder. */
export function protect(text: string, protector: Protector): Protected {
  const slots = new Map<string, Protection>();
  if (protector.phrases.size === 0) return { text, slots };
  const byPhrase = new Map<string, string>();
  let next = PUA_START;
  const allocate = (): string | undefined => {
    while (next <= PUA_END) {
      const ch = String.fromCharCode(next++);
      if (!text.includes(ch)) return ch;
    }
    return undefined;
  };
  let out = '';
  let i = 0;
  outer: while (i < text.length) {
    for (const length of protector.lengths) {
      if (i + length > text.length) continue;
      const candidate = text.slice(i, i + length);
      const protection = protector.phrases.get(candidate);
      if (!protection) continue;
      let slot = byPhrase.get(candidate);
      if (slot === undefined) {
        slot = allocate();
        if (slot === undefined) break; // out of placeholders: leave the rest to OpenCC
        byPhrase.set(candidate, slot);
        slots.set(slot, protection);
      }
      out += slot;
      i += length;
      continue outer;
    }
    out += text[i];
    i++;
  }
  return { text: out, slots };
}

/** Put the targets back in place of the placeholders; `hit` is told of each. */
export function restore(text: string, slots: Map<string, Protection>, hit?: (p: Protection) => void): string {
  if (slots.size === 0) return text;
  let out = '';
  for (const ch of text) {
    const protection = slots.get(ch);
    if (protection) {
      out += protection.target;
      hit?.(protection);
    } else {
      out += ch;
    }
  }
  return out;
}
