// Walking and rebuilding trees. Transforms never mutate their input: `mapText`
// and `mapBlocks` return new trees and share untouched subtrees.
import { mergeInlines } from './builders.js';
import type { Article, Block, Edition, Inline, Node, Parent, Text } from './types.js';

export type Visitor = (node: Node, parent: Parent | undefined, index: number | undefined) => void | 'skip';

/** Depth-first, parents before children. Return 'skip' to leave a node's children out. */
export function visit(tree: Node, visitor: Visitor): void {
  const walk = (node: Node, parent: Parent | undefined, index: number | undefined): void => {
    if (visitor(node, parent, index) === 'skip') return;
    if ('children' in node) {
      const children = node.children as Node[];
      for (let i = 0; i < children.length; i++) walk(children[i]!, node as Parent, i);
    }
  };
  walk(tree, undefined, undefined);
}

/** Every node of a given type, in document order. */
export function selectAll<T extends Node['type']>(tree: Node, type: T): Extract<Node, { type: T }>[] {
  const found: Extract<Node, { type: T }>[] = [];
  visit(tree, (node) => {
    if (node.type === type) found.push(node as Extract<Node, { type: T }>);
  });
  return found;
}

function hasChildren(node: Node): node is Parent {
  return 'children' in node;
}

/**
 * Rebuild a tree with every text node's value passed through `fn`. Nodes whose
 * text does not change are returned as they were (same object).
 */
export function mapText<T extends Node>(tree: T, fn: (value: string, node: Text) => string): T {
  if (tree.type === 'text') {
    const value = fn(tree.value, tree);
    return (value === tree.value ? tree : { ...tree, value }) as T;
  }
  if (!hasChildren(tree)) return tree;
  let changed = false;
  const children = (tree.children as Node[]).map((child) => {
    const next = mapText(child, fn);
    if (next !== child) changed = true;
    return next;
  });
  if (!changed) return tree;
  const isInlineParent = children.every((c) => c.type === 'text' || c.type === 'strong' || c.type === 'emphasis' || c.type === 'lead');
  return { ...tree, children: isInlineParent && children.length ? mergeInlines(children as Inline[]) : children } as T;
}

/** Rebuild an edition with each article's blocks replaced by `fn(blocks, article)`. */
export function mapBlocks(edition: Edition, fn: (blocks: Block[], article: Article) => Block[]): Edition {
  let changed = false;
  const children = edition.children.map((article) => {
    const blocks = fn(article.children, article);
    if (blocks === article.children) return article;
    changed = true;
    return { ...article, children: blocks };
  });
  return changed ? { ...edition, children } : edition;
}

/** The text of inline content, as it reads. */
export function inlineText(children: readonly Inline[]): string {
  let out = '';
  for (const child of children) out += child.type === 'text' ? child.value : inlineText(child.children);
  return out;
}

/** The text of a block as a reader sees it: marker first, then content; list items one per line. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'list':
      return block.children.map((item) => (item.marker ?? '') + inlineText(item.children)).join('\n');
    case 'heading':
    case 'paragraph':
      return (block.marker ?? '') + inlineText(block.children);
    default:
      return inlineText(block.children);
  }
}

/** All the body text of an edition, one block a line, in reading order. */
export function plainText(edition: Edition): string {
  return edition.children.flatMap((article) => article.children.map(blockText)).join('\n');
}
