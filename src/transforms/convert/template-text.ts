// The template's own text in the edition's language: a Traditional edition's
// contents page says 目錄, not the template's 目录. The contents title, the
// cover's page label and the literal text of the header and footer are
// converted as the document is (same direction, vocabulary, dictionaries and
// quotation marks); the fields in them ({edition.title}, {page}) are not text.
import type { Lang } from '../../model/types.js';
import { article, edition, paragraph } from '../../model/builders.js';
import { blockText } from '../../model/visit.js';
import type { HeaderFooter, Template } from '../../templates/types.js';
import type { TransformContext } from '../types.js';
import { convertEdition } from './index.js';

const SLOTS = ['left', 'center', 'right', 'outer'] as const;

/** Every text of the template, in a fixed order, with how to put a converted one back. */
function texts(template: Template): { value: string; put: (t: Template, value: string) => Template }[] {
  const found: { value: string; put: (t: Template, value: string) => Template }[] = [
    { value: template.toc.title, put: (t, title) => ({ ...t, toc: { ...t.toc, title } }) },
    { value: template.cover.pageLabel, put: (t, pageLabel) => ({ ...t, cover: { ...t.cover, pageLabel } }) },
  ];
  for (const band of ['header', 'footer'] as const) {
    const spec: HeaderFooter | undefined = template[band];
    for (const slot of SLOTS) {
      const value = spec?.[slot];
      if (value) found.push({ value, put: (t, text) => ({ ...t, [band]: { ...t[band], [slot]: text } }) });
    }
  }
  return found;
}

const cache = new WeakMap<Template, Map<string, Template>>();

/**
 * `template` with its text converted from the template's language to `to`, as
 * the convert transform converts a document (the same template when nothing
 * changes); `context` gives the vocabulary, dictionaries and quotation marks.
 */
export function convertTemplateText(template: Template, to: Lang, context: Omit<TransformContext, 'variant'> = {}): Template {
  if (template.lang === to) return template;
  const key = JSON.stringify([to, context.vocabulary ?? false, context.loaded?.user().map((d) => d.name) ?? [], context.quotes ?? null]);
  let byKey = cache.get(template);
  if (!byKey) cache.set(template, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;

  const found = texts(template);
  // One article a text, so no text's quotation marks pair with another's.
  const source = edition({ lang: template.lang }, found.map((t, i) => article(`text-${i}`, {}, [paragraph([t.value])])));
  const converted = convertEdition(source, { ...context, variant: to }).edition.children;
  let result: Template = { ...template, lang: to };
  found.forEach((t, i) => {
    result = t.put(result, blockText(converted[i]!.children[0]!));
  });
  byKey.set(key, result);
  return result;
}
