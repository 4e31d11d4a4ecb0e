// The Markdown edition: CommonMark with YAML front matter holding the edition's
// and the articles' metadata, so that reading it back gives the same model.
import type { Article, ArticleMeta, Edition } from '../../model/types.js';
import type { Writer } from '../types.js';
import { article } from './blocks.js';
import { yaml } from '../../lazy.js';

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function articleMeta(node: Article): { id: string } & ArticleMeta {
  return { id: node.id, ...defined(node.meta) };
}

export function frontMatter(edition: Edition): string {
  const data = { ...defined(edition.meta), articles: edition.children.map(articleMeta) };
  return `---\n${yaml().stringify(data, { lineWidth: 0 })}---\n`;
}

export function writeMarkdown(edition: Edition): string {
  return `${frontMatter(edition)}\n${edition.children.map(article).join('\n\n')}\n`;
}

export const markdownWriter: Writer = {
  extension: 'md',
  write: (edition) => ({ data: writeMarkdown(edition), report: [] }),
};
