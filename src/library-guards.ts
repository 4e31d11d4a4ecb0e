// Checks on what a library caller hands the public functions: a wrong argument is one
// clear ZhpressError naming the function and what it takes, not a TypeError from inside.
import { ZhpressError } from './errors.js';
import { LANGS, type Edition } from './model/types.js';
import type { ReaderInput } from './readers/types.js';

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/** A reader's input: `{ text, path? }`, or the text itself as a string. */
export function readerInput(input: ReaderInput | string, fn: string): ReaderInput {
  if (typeof input === 'string') return { text: input };
  if (input && typeof input === 'object' && typeof (input as ReaderInput).text === 'string') return input;
  throw new ZhpressError(`${fn}() takes the text as a string or as { text, path? }; got ${kind(input)}`, { hint: 'see "Library" in README.md' });
}

/** An edition, as a reader returns it in `.edition` (not the whole `{ edition, report }`). */
export function checkEdition(value: unknown, fn: string): asserts value is Edition {
  const e = value as Edition | undefined;
  if (e && typeof e === 'object' && e.type === 'edition' && Array.isArray(e.children)) return;
  const hint = e && typeof e === 'object' && 'edition' in e ? ' (pass the reader result\u2019s .edition)' : '';
  throw new ZhpressError(`${fn}() takes an edition (an object of type "edition"); got ${kind(value)}${hint}`, { hint: 'see "Library" in README.md' });
}

export function checkVariant(variant: unknown, fn: string): void {
  if (variant === undefined || (LANGS as readonly unknown[]).includes(variant)) return;
  throw new ZhpressError(`${fn}(): unknown variant ${JSON.stringify(variant)}; one of ${LANGS.join(', ')}`, { hint: 'see "Library" in README.md' });
}
