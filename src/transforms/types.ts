import type { Change, Edition, Lang } from '../model/types.js';
import type { LoadedDictionaries } from './convert/dictionary.js';

export interface TransformContext {
  /** The variant being produced; the convert transform reads it. */
  variant?: Lang;
  /** Add regional vocabulary (phrase) conversion, not only characters. */
  vocabulary?: boolean;
  /** The conversion dictionaries, loaded by the build layer (src/io/dictionaries.ts): built-in and the user's. */
  loaded?: LoadedDictionaries;
  /** Quotation marks: the source's, 「」『』 (corner) or “”‘’ (curly); default by variant. */
  quotes?: 'source' | 'corner' | 'curly';
}

export interface TransformResult {
  edition: Edition;
  report: Change[];
}

/**
 * A transform is pure: it never mutates its input (tested), and applying it to
 * its own output changes nothing (tested).
 */
export type Transform = (edition: Edition, context: TransformContext) => TransformResult;
