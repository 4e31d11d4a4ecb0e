import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { article, edition, heading, lead, list, listItem, paragraph, quote, strong, subhead } from '../../src/model/builders.js';
import type { Block, Edition } from '../../src/model/types.js';
import { blockText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { runTransforms } from '../../src/transforms/index.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const md = new MarkdownIt();

/** What markdown-it reads: the text of each block, in order (front matter cut off). */
function readBack(markdown: string): { blocks: { type: string; text: string }[]; front: unknown } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const body = match ? markdown.slice(match[0].length) : markdown;
  const blocks: { type: string; text: string }[] = [];
  let open = '';
  for (const token of md.parse(body, {})) {
    if (token.type.endsWith('_open') && token.type !== 'paragraph_open') open = token.type.replace('_open', '');
    if (token.type === 'inline') {
      const text = (token.children ?? []).map((c) => (c.type === 'text' ? c.content : c.type === 'hardbreak' ? '\n' : '')).join('');
      blocks.push({ type: open || 'paragraph', text });
      if (open === 'heading') open = '';
    }
    if (token.type === 'blockquote_close' || token.type === 'bullet_list_close' || token.type === 'ordered_list_close') open = '';
  }
  return { blocks, front: match ? parseYaml(match[1]!) : undefined };
}

function expectedTexts(e: Edition): string[] {
  return e.children.flatMap((a) => [a.meta.title ?? a.id, ...a.children.flatMap((b: Block) => (b.type === 'list' ? b.children.map((i) => (i.marker ?? '') + blockText({ ...b, children: [i] }).slice((i.marker ?? '').length)) : [blockText(b)]))]);
}

describe('Markdown edition', () => {
  const seed = runTransforms(readText({ text: readFileSync(seedPath, 'utf8'), path: 'seeds/000_fb7c4685e6dc9c77.txt' }).edition, {}).edition;
  const markdown = writeMarkdown(seed);

  it('starts with YAML front matter holding the edition and article metadata', () => {
    const { front } = readBack(markdown) as { front: { title: string; lang: string; articles: { id: string; continuedFrom?: string; dateline?: { agency: string }; truncated?: boolean }[] } };
    expect(front.title).toBe(seed.meta.title);
    expect(front.lang).toBe('zh-Hans');
    expect(front.articles.map((a) => a.id)).toEqual(['article-1', 'article-2']);
    expect(front.articles[0]!.dateline?.agency).toBe('\u65b0\u534e\u793e');
    expect(front.articles[1]!.truncated).toBe(true);
  });

  it('markdown-it reads back exactly the model\u2019s text, block by block', () => {
    expect(readBack(markdown).blocks.map((b) => b.text)).toEqual(expectedTexts(seed));
  });

  it('writes article titles as level-1 headings, model headings one level down with markers, leads bold, quotes as >', () => {
    expect(markdown).toMatch(/^# .+\n\n/m);
    expect(markdown).toContain('\n### \uff08\u4e8c\uff09');
    expect(markdown).toContain('\n## \u4e8c\u3001\u4f18\u5316\u73b0\u4ee3\u5316\u57ce\u5e02\u4f53\u7cfb\n');
    expect(markdown).toContain('\uff08\u4e00\uff09**\u7a33\u59a5\u6709\u5e8f\u63a8\u52a8\u57ce\u5e02\u7fa4\u4e00\u4f53\u5316\u548c\u90fd\u5e02\u5708\u540c\u57ce\u5316\u53d1\u5c55**\u3002');
    const tokens = md.parse(markdown.slice(markdown.indexOf('\n---\n') + 5), {});
    expect(tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'strong_open').length).toBe(17 + 6);
    expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(3);
  });

  it('escapes what Markdown would read as markup, so any text survives', () => {
    const markup = fc.constantFrom('*', '_', '`', '[', ']', '<', '>', '&', '#', '-', '+', '1.', '2)', '|', '~~', '\\', '!', '=', '\u4e2d', '\u6587', ' ', 'a');
    const text = fc.array(markup, { minLength: 1, maxLength: 20 }).map((a) => a.join('').trim()).filter((t) => t.length > 0);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const e = edition({ lang: 'zh-Hans' }, [article('a1', { title: '\u6807\u9898' }, texts.map((t) => paragraph([t])))]);
        expect(readBack(writeMarkdown(e)).blocks.map((b) => b.text)).toEqual(['\u6807\u9898', ...texts]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes every block type readably', () => {
    const e = edition({ lang: 'zh-Hans', title: 'T' }, [
      article('a1', { title: '\u6807\u9898' }, [
        heading(1, ['\u603b\u4f53\u8981\u6c42'], { marker: '\u4e00\u3001' }),
        subhead(['\u5171\u62a4\u548c\u5e73\u2014\u2014']),
        paragraph([lead(['\u63a8\u52a8\u201c\u4e0a\u6d77\u7cbe\u795e\u201d\u3002']), '\u6b63\u6587', strong(['\u91cd\u70b9'])]),
        list('dash', [listItem(['\u7532\uff1b'], { marker: '\u2014\u2014' }), listItem(['\u4e59\u3002'], { marker: '\u2014\u2014' })]),
        quote(['\u201c\u5f15\u6587\u3002\u201d']),
      ]),
    ]);
    const out = writeMarkdown(e);
    expect(out).toContain('## \u4e00\u3001\u603b\u4f53\u8981\u6c42\n');
    expect(out).toContain('**\u5171\u62a4\u548c\u5e73\u2014\u2014**\n');
    expect(out).toContain('**\u63a8\u52a8\u201c\u4e0a\u6d77\u7cbe\u795e**\u201d\u3002\u6b63\u6587**\u91cd\u70b9**');
    expect(out).toContain('\u2014\u2014\u7532\uff1b\n\n\u2014\u2014\u4e59\u3002\n');
    expect(out).toContain('> \u201c\u5f15\u6587\u3002\u201d');
    const strongs = md.parse(out.slice(out.indexOf('\n---\n') + 5), {}).flatMap((t) => t.children ?? []).filter((t) => t.type === 'strong_open');
    expect(strongs).toHaveLength(3);
  });
});
