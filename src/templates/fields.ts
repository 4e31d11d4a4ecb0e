// The fields of header and footer texts, shared by every writer: which exist,
// and what the edition's own ones say. Page fields are the writer's to fill.
// The text around the fields is the template's, converted with the edition
// (transforms/convert/template-text.ts).
import type { Edition } from '../model/types.js';
import type { Template } from './types.js';

/** {edition.title} {edition.publication} {edition.date} {article.title} {page} {pages}. */
export const FIELD = /\{(edition\.title|edition\.publication|edition\.date|article\.title|page|pages)\}/g;

/** The values of the edition's fields; the publication falls back to the edition title. */
export function editionFields(edition: Edition): Record<'edition.title' | 'edition.publication' | 'edition.date', string> {
  return {
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
