// Every writer (every format in the registry, the example plugin's too) writes the
// canonical edition, and the text of every node is read back out of what it wrote
// by a real reader of the format: pdftotext, pandoc for Word, zhpress's own
// Markdown reader, the HTML's elements. A writer that drops a node type, an inline
// type, a paragraph role or a title-block field fails here by name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clients, run } from '../helpers/clients.js';
import { CANONICAL } from '../fixtures/canonical.js';
import { blockText, inlineText, visit } from '../../src/model/visit.js';
import type { Block, Edition, Node } from '../../src/model/types.js';
import { ARTICLE_KINDS, HEADING_DEPTHS, LIST_STYLES, NODE_TYPES_AT, PARAGRAPH_ROLES } from '../../src/model/enums.js';
import { FORMATS } from '../../src/writers/index.js';
import { loadWriter } from '../../src/index.js';
import { loadTemplate } from '../../src/templates/index.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { loadPlugin } from '../../src/plugins/index.js';

loadPlugin(join(import.meta.dirname, '../../examples/plugin-html/index.js'));

const dir = mkdtempSync(join(tmpdir(), 'zhpress-canonical-'));
const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

/** Each text the edition must show: the title block's fields, and each block (each list item) with its marker. */
function expectedTexts(edition: Edition): { what: string; text: string }[] {
  const texts: { what: string; text: string }[] = [{ what: 'edition title', text: edition.meta.title! }];
  for (const a of edition.children) {
    const { kicker, title, subtitle, notes = [], byline } = a.meta;
    for (const [what, text] of [['kicker', kicker], ['title', title], ['subtitle', subtitle], ...notes.map((n) => ['note', n]), ['byline', byline]] as const) {
      if (text) texts.push({ what: `${a.id} ${what}`, text });
    }
    for (const block of a.children) {
      const what = `${a.id} ${block.type}${'role' in block && block.role ? ` (${block.role})` : ''}${block.type === 'list' ? ` (${block.style})` : ''}`;
      if (block.type === 'list') for (const item of block.children) texts.push({ what: `${what} item`, text: (item.marker ?? '') + inlineText(item.children) });
      else texts.push({ what, text: blockText(block) });
    }
  }
  return texts;
}

/** The text in each format's own reader. */
const readBack: Record<string, (data: Uint8Array | string, file: string) => string> = {
  pdf: (_data, file) => run('pdftotext', ['-enc', 'UTF-8', file, '-']),
  // Standalone: pandoc reads Word's Title paragraph as the document's title and prints it only so.
  docx: (_data, file) => run('pandoc', ['-s', '-f', 'docx', '-t', 'plain', '--wrap=none', file]),
  md: (data) => {
    const { edition } = readMarkdown({ text: String(data) });
    return [edition.meta.title ?? '', ...edition.children.flatMap((a) => [a.meta.kicker, a.meta.title, a.meta.subtitle, ...(a.meta.notes ?? []), a.meta.byline, ...a.children.map(blockText)])].join('\n');
  },
  html: (data) => String(data).replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
};

describe('the canonical edition', () => {
  it('holds every node type, inline type, paragraph role, list style, heading depth and title-block field of the model', () => {
    const types = new Set<string>();
    const roles = new Set<string>();
    const styles = new Set<string>();
    const depths = new Set<number>();
    visit(CANONICAL, (node: Node) => {
      types.add(node.type);
      if (node.type === 'paragraph' && node.role) roles.add(node.role);
      if (node.type === 'list') styles.add(node.style);
      if (node.type === 'heading') depths.add(node.depth);
    });
    for (const type of [...NODE_TYPES_AT.block, ...NODE_TYPES_AT.inline, 'listItem', 'article', 'edition']) expect(types, type).toContain(type);
    expect([...roles].sort()).toEqual([...PARAGRAPH_ROLES].sort());
    expect([...styles].sort()).toEqual([...LIST_STYLES].sort());
    expect([...depths].sort()).toEqual([...HEADING_DEPTHS]);
    const first = CANONICAL.children[0]!.meta;
    expect(Object.keys(first).sort()).toEqual(['byline', 'dateline', 'kicker', 'kind', 'notes', 'subtitle', 'title']);
    expect(ARTICLE_KINDS).toContain(first.kind);
    // Every block type in the article that holds them all, and no text twice (a text found once names its node).
    const texts = expectedTexts(CANONICAL).map((t) => t.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(new Set(CANONICAL.children[0]!.children.map((b: Block) => b.type))).toEqual(new Set(NODE_TYPES_AT.block));
  });

  it('every format of the registry has a reader here to read its text back', () => {
    expect(FORMATS.filter((format) => !readBack[format])).toEqual([]);
  });

  const ready = clients('pdftotext', 'pandoc');
  for (const format of FORMATS) {
    it.runIf(ready)(`${format}: the text of every node, inline and title-block field is in what the writer wrote`, { timeout: 120_000 }, async () => {
      const written = await (await loadWriter(format)).write(CANONICAL, { template: loadTemplate('briefing', 'zh-Hans'), date: new Date('2025-08-29T00:00:00Z') });
      expect(written.report.filter((c) => c.severity === 'warning' || c.severity === 'error')).toEqual([]);
      const file = join(dir, `canonical.${format}`);
      writeFileSync(file, written.data);
      const text = squeeze(readBack[format]!(written.data, file));
      const missing = expectedTexts(CANONICAL).filter((t) => !text.includes(squeeze(t.text)));
      expect(missing).toEqual([]);
      // In order, as in the edition: each text found after the one before it (the title block first).
      let from = 0;
      const order: string[] = [];
      for (const t of expectedTexts(CANONICAL).slice(1)) {
        const at = text.indexOf(squeeze(t.text), from);
        if (at < 0) order.push(t.what);
        else from = at;
      }
      expect(order, 'out of order').toEqual([]);
    });
  }

  it('md: the edition reads back to the same blocks, roles, markers and leads (the Markdown edition is the model\u2019s own format)', async () => {
    const written = await (await loadWriter('md')).write(CANONICAL, { template: loadTemplate('briefing', 'zh-Hans') });
    const { edition } = readMarkdown({ text: String(written.data) });
    const strip = (e: Edition) => JSON.parse(JSON.stringify(e, (key, value) => (key === 'position' ? undefined : value))) as Edition;
    expect(strip(edition).children.map((a) => a.children)).toEqual(strip(CANONICAL).children.map((a) => a.children));
  });
});
