// The fields of header and footer texts, shared by every writer: which exist,
// and what the edition's own ones say. Page fields are the writer's to fill.
// The text around the fields is the template's, converted with the edition
// (transforms/convert/template-text.ts).
import type { Edition } from '../model/types.js';
import type { Template } from './types.js';

/**
 * {edition.title} {edition.publication} {edition.date} {edition.page} {article.title}
 * {page} {pages}: {edition.page} is the edition's own page (`page:` in the sidecar, "第2版"),
 * {page} the page counter of the document.
 */
export const FIELD = /\{(edition\.title|edition\.publication|edition\.date|edition\.page|article\.title|page|pages)\}/g;

/** The field names, as a template may write them. */
export const FIELD_NAMES = ['edition.title', 'edition.publication', 'edition.date', 'edition.page', 'article.title', 'page', 'pages'];

/**
 * A band's text as printed: one that shows only edition fields the edition lacks
 * ("第{edition.page}版" with no page) is left out rather than printed around nothing.
 */
export function bandPattern(pattern: string, edition: Edition): string {
  const names = [...pattern.matchAll(FIELD)].map((m) => m[1]!);
  const values = editionFields(edition) as Record<string, string>;
  return names.length > 0 && names.every((name) => name.startsWith('edition.') && !values[name]) ? '' : pattern;
}

/** The values of the edition's fields; the publication falls back to the edition title. */
export function editionFields(edition: Edition): Record<'edition.title' | 'edition.publication' | 'edition.date' | 'edition.page', string> {
  return {
    'edition.page': edition.meta.page ?? '',
    'edition.title': edition.meta.title ?? '',
    'edition.publication': edition.meta.publication ?? edition.meta.title ?? '',
    'edition.date': edition.meta.date ?? '',
  };
}

/** The cover's line under the title: publication, page (the template's page label) and date. */
export function coverFacts(edition: Edition, template: Template): string {
  const { publication, page, date } = edition.meta;
  return [publication, page && template.cover.pageLabel.replaceAll('{page}', page), date].filter(Boolean).join('  ');
}
