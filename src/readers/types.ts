import type { Change, Edition, Lang } from '../model/types.js';

/** What a reader is given: the decoded text of one input, and where it came from. */
export interface ReaderInput {
  text: string;
  /** The input's path as the user gave it (for messages and edition.meta.source). */
  path?: string;
}

export interface ReaderOptions {
  /** Declared language; otherwise the reader detects it from the text. */
  lang?: Lang;
  /**
   * What heuristics cannot know, from the sidecar's `reader:` (text reader only): the numbering
   * kinds that are headings, by example ("1.", "（一）"), outermost first; others are never headings.
   */
  headings?: readonly string[];
  /** `split-on-headlines`: every unnumbered head starts an article; `one`: the file is one article. */
  articles?: 'split-on-headlines' | 'one';
}

export interface ReadResult {
  edition: Edition;
  /** Normalisations the reader made (layout whitespace dropped, …) and what it noticed. */
  report: Change[];
  /** Transforms the input's own metadata switches off (a sidecar's `reader: { repair: off }`). */
  skip?: readonly string[];
}

/** Every reader has this shape: one input in, one edition out, no file I/O. */
export type Reader = (input: ReaderInput, options?: ReaderOptions) => ReadResult;
