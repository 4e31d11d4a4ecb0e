// The ordered, named list of transforms. Each step can be switched off by name
// (`--skip punctuation`); `convert` only acts when a variant asks for it.
import type { Change, Edition } from '../model/types.js';
import { convert } from './convert/index.js';
import { punctuation } from './punctuation.js';
import { repairBreaks } from './repair-breaks.js';
import type { Transform, TransformContext } from './types.js';
import { ZhpressError } from '../errors.js';
import { checkEdition, checkVariant } from '../library-guards.js';

export const transforms: readonly { name: string; transform: Transform }[] = [
  { name: 'repair-breaks', transform: repairBreaks },
  { name: 'punctuation', transform: punctuation },
  { name: 'convert', transform: convert },
];

export const TRANSFORM_NAMES = transforms.map((t) => t.name);

export interface PipelineOptions extends TransformContext {
  /** Names of transforms to leave out. */
  skip?: readonly string[];
}

export function runTransforms(edition: Edition, options: PipelineOptions = {}): { edition: Edition; report: Change[] } {
  checkEdition(edition, 'runTransforms');
  checkVariant(options.variant, 'runTransforms');
  for (const name of options.skip ?? []) {
    if (!transforms.some((t) => t.name === name)) throw new ZhpressError(`runTransforms(): unknown transform "${name}" in skip; one of ${TRANSFORM_NAMES.join(', ')}`);
  }
  const report: Change[] = [];
  let current = edition;
  for (const { name, transform } of transforms) {
    if (options.skip?.includes(name)) continue;
    const result = transform(current, options);
    current = result.edition;
    report.push(...result.report);
  }
  return { edition: current, report };
}
