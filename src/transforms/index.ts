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

/** Transform names in the order they run (the array grows in place as plugins register transforms). */
export const TRANSFORM_NAMES: readonly string[] = transforms.map((t) => t.name);

/** The transforms that run once per input, whatever the variant: all but convert. */
export function sharedTransforms(): string[] {
  return TRANSFORM_NAMES.filter((name) => name !== 'convert');
}

/**
 * Add a transform (src/plugins/). It runs after the built-in ones that every variant
 * shares and before convert, once per input; `--skip NAME` leaves it out.
 */
export function registerTransform(name: string, transform: Transform, origin?: string): void {
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(name)) throw new ZhpressError(`transform "${name}": a transform's name is a lower-case word (letters, digits, -)`, { file: origin, exitCode: 2 });
  if (TRANSFORM_NAMES.includes(name)) throw new ZhpressError(`transform "${name}" is registered already`, { file: origin, hint: 'give the transform another name', exitCode: 2 });
  const at = TRANSFORM_NAMES.indexOf('convert');
  (transforms as { name: string; transform: Transform }[]).splice(at, 0, { name, transform });
  (TRANSFORM_NAMES as string[]).splice(at, 0, name);
}

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
