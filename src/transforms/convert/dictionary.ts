// Phrase dictionaries for the convert transform: the built-in news and policy
// dictionary (dictionaries/news.txt) and the user's own files, in one plain
// line format:
//
//   # a comment (also after an entry, separated by whitespace)
//   简体<TAB>繁體     the Simplified phrase and its Traditional form
//   =词              keep the phrase's vocabulary: its characters are converted
//                    (=上海合作组织 is 上海合作組織 in a Traditional edition), its
//                    words are never replaced by regional ones (支持 stays 支持)
//   ==词             keep the phrase byte for byte, in every direction
//
// Files are read by the build layer (src/io/dictionaries.ts); this module parses.
// Fields are separated by a tab or by spaces (phrases contain none). A phrase is
// protected from OpenCC: it is cut out before OpenCC runs and its target put back
// afterwards, so OpenCC can neither convert it nor join it into a longer phrase.
// Simplified → Traditional reads entries left to right, Traditional →
// Simplified right to left; between Traditional variants (TW ↔ HK) only
// character forms change and dictionaries are not used.
import { ZhpressError } from '../../errors.js';

export interface DictionaryEntry {
  /** The Simplified phrase. */
  simplified: string;
  /** The Traditional phrase; equal to `simplified` for a keep entry (its characters are converted per variant). */
  traditional: string;
  /** `=词` or `==词`: the phrase's vocabulary is kept (no word of it replaced by another). */
  keep: boolean;
  /** `==词`: not even its characters are converted; it stays exactly as written. */
  verbatim: boolean;
  /** 1-based line in `file`. */
  line: number;
}

export interface Dictionary {
  /** A file path, or "built-in" for the news dictionary. */
  name: string;
  entries: DictionaryEntry[];
}

const COMMENT = /(^|\s)#.*$/u;

/** Parse the line format. Problems throw ZhpressError with the file and line. */
export function parseDictionary(text: string, file: string): Dictionary {
  const entries: DictionaryEntry[] = [];
  const seen = new Map<string, DictionaryEntry>();
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(COMMENT, '').trim();
    if (content === '') return;
    const fields = content.split(/[\t ]+/u);
    let entry: DictionaryEntry;
    if (fields[0]!.startsWith('=')) {
      const verbatim = fields[0]!.startsWith('==');
      const phrase = fields[0]!.slice(verbatim ? 2 : 1);
      if (phrase === '' || phrase.startsWith('=') || fields.length > 1) {
        throw new ZhpressError(`a keep entry is "=" or "==" followed by one phrase, found "${content}"`, {
          file,
          line,
          hint: 'write =词 (convert its characters, keep its words) or ==词 (keep it exactly) on a line of its own',
        });
      }
      entry = { simplified: phrase, traditional: phrase, keep: true, verbatim, line };
    } else {
      if (fields.length !== 2) {
        throw new ZhpressError(
          fields.length < 2
            ? `"${content}" has no Traditional form`
            : `"${content}" has ${fields.length} fields, a mapping has two`,
          { file, line, hint: 'write 简体<TAB>繁體, =词 to keep a phrase\'s words, or ==词 to keep it exactly' },
        );
      }
      entry = { simplified: fields[0]!, traditional: fields[1]!, keep: false, verbatim: false, line };
    }
    const before = seen.get(entry.simplified);
    if (before) {
      if (before.traditional === entry.traditional && before.keep === entry.keep && before.verbatim === entry.verbatim) return;
      throw new ZhpressError(`"${entry.simplified}" is already given on line ${before.line}`, {
        file,
        line,
        hint: 'keep one entry for each phrase',
      });
    }
    seen.set(entry.simplified, entry);
    entries.push(entry);
  });
  return { name: file, entries };
}

/**
 * The dictionaries a conversion reads, loaded by the build layer (src/io/dictionaries.ts):
 * each built-in one is read the first time a conversion asks for it, once per process.
 */
export interface BuiltInDictionaries {
  /** The news and policy dictionary (dictionaries/news.txt), named "built-in". */
  news(): Dictionary;
  /** A region's vocabulary (dictionaries/vocabulary-tw.txt, vocabulary-hk.txt). */
  vocabulary(region: 'tw' | 'hk'): Dictionary;
  /** zhpress's corrections to OpenCC's characters: the region's own (characters-hk.txt) first, then those of every region (characters.txt). */
  characters(region: 't' | 'tw' | 'hk'): readonly Dictionary[];
}

/** What the convert transform is given: the built-in dictionaries and the user's (--dictionary), in order. */
export interface LoadedDictionaries extends BuiltInDictionaries {
  user(): readonly Dictionary[];
}
