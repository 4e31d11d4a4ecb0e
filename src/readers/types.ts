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
}

export interface ReadResult {
  edition: Edition;
  /** Normalisations the reader made (layout whitespace dropped, …) and what it noticed. */
  report: Change[];
}

/** Every reader has this shape: one input in, one edition out, no file I/O. */
export type Reader = (input: ReaderInput, options?: ReaderOptions) => ReadResult;
