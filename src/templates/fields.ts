// The fields of header and footer texts, shared by every writer: which exist,
// and what the edition's own ones say. Page fields are the writer's to fill.
import type { Edition } from '../model/types.js';

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
