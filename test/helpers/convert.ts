// The convert transform as the tests call it: dictionary files read by the build
// layer's loader (src/io/dictionaries.ts) and handed over loaded, as src/build.ts does.
import { loadDictionaries } from '../../src/io/dictionaries.js';
import type { Edition } from '../../src/model/types.js';
import { type ConvertContext, convertEdition as convertLoaded } from '../../src/transforms/convert/index.js';
import type { TransformResult } from '../../src/transforms/types.js';

export function convertEdition(edition: Edition, context: Omit<ConvertContext, 'loaded'> & { dictionaries?: readonly string[] }): TransformResult {
  const { dictionaries, ...rest } = context;
  return convertLoaded(edition, { ...rest, loaded: loadDictionaries(dictionaries) });
}
