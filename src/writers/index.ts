// Writers by format name: adding a format is adding one entry. Each writer is
// loaded when first asked for, so a Markdown build never loads pdfmake or docx.
import { ZhpressError } from '../errors.js';
import { checkEdition } from '../library-guards.js';
import type { Writer } from './types.js';

const registry = {
  pdf: { extension: 'pdf', load: async () => (await import('./pdf/index.js')).pdfWriter },
  docx: { extension: 'docx', load: async () => (await import('./docx/index.js')).docxWriter },
  md: { extension: 'md', load: async () => (await import('./markdown/index.js')).markdownWriter },
} satisfies Record<string, { extension: string; load: () => Promise<Writer> }>;

export type Format = keyof typeof registry;

export const FORMATS = Object.keys(registry) as Format[];

/** The file extension of a format, without the dot. */
export function extensionOf(format: Format): string {
  return registry[format].extension;
}

const loaded = new Map<Format, Promise<Writer>>();

/** The writer of a format, loaded once. */
export function loadWriter(format: Format): Promise<Writer> {
  if (!Object.hasOwn(registry, format)) {
    return Promise.reject(new ZhpressError(`loadWriter(): unknown format ${JSON.stringify(format)}; one of ${FORMATS.join(', ')}`, { hint: 'see "Library" in README.md' }));
  }
  let writer = loaded.get(format);
  if (!writer) {
    writer = registry[format].load().then(guarded);
    loaded.set(format, writer);
  }
  return writer;
}

/** The writer, with its arguments checked: an edition, and a template from loadTemplate. */
function guarded(writer: Writer): Writer {
  return {
    ...writer,
    write(edition, context) {
      checkEdition(edition, 'write');
      const template = (context as { template?: { styles?: unknown; page?: unknown } } | undefined)?.template;
      if (!template?.styles || !template.page) {
        throw new ZhpressError('write() takes { template } as its second argument: loadTemplate(name, variant), e.g. loadTemplate(\'briefing\', \'zh-Hans\')', { hint: 'see "Library" in README.md' });
      }
      return writer.write(edition, context);
    },
  };
}
