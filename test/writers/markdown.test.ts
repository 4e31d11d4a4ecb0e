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
import { runTransforms } from '../../src/index.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { stripPositions } from '../helpers/strip.js';
import { clients, run } from '../helpers/clients.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

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
    expect(markdown).toContain('\n## \uff08\u4e8c\uff09'); // depth 1: the first article's own outermost numbering
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

/** A notice: a title block with notes and a byline, the parts of the document around its body. */
const notice = edition({ lang: 'zh-Hans', title: '\u901a\u77e5' }, [
  article('a1', { title: '\u5173\u4e8e\u5370\u53d1\u65b9\u6848\u7684\u901a\u77e5', notes: ['\uff082018\u5e7412\u670829\u65e5\uff09', '2013\u5e74 1\u6708 17\u65e5'], byline: '\u7701\u957f\u3000\u674e\u70b3\u519b' }, [
    paragraph(['\u56fd\u529e\u53d1\u30142018\u3015128\u53f7'], { role: 'header' }),
    paragraph(['\u5404\u7701\u3001\u81ea\u6cbb\u533a\u4eba\u6c11\u653f\u5e9c\uff1a'], { role: 'address' }),
    paragraph(['\u73b0\u5370\u53d1\u7ed9\u4f60\u4eec\u3002']),
    paragraph(['\u9644\u4ef6\uff1a1.\u53f7\u724c\u5f0f\u6837'], { role: 'attachment' }),
    paragraph(['2.\u6d82\u88c5\u6837\u56fe'], { role: 'attachment' }),
    paragraph(['\u56fd\u52a1\u9662\u529e\u516c\u5385'], { role: 'signature' }),
    paragraph(['2018\u5e7412\u670829\u65e5'], { role: 'signature' }),
    paragraph(['\uff08\u6b64\u4ef6\u516c\u5f00\u53d1\u5e03\uff09'], { role: 'annotation' }),
    paragraph(['\u6284\u9001\uff1a\u515a\u4e2d\u592e\u5404\u90e8\u95e8\u3002'], { role: 'record' }),
    paragraph(['\u6b63\u6587\u518d\u8d77\u3002']),
    paragraph(['\u8d23\u4efb\u7f16\u8f91\uff1a\u4f55\u7ee7\u7ea2'], { role: 'record' }),
    paragraph([':::\u4e0d\u662f\u56f4\u680f'], { role: 'record' }),
  ]),
  article('a2', { title: '\u6b63\u6587' }, [paragraph([':::\u00a0signature']), paragraph(['::: record'])]),
]);

describe('Markdown edition of an official document', () => {
  const out = writeMarkdown(notice);

  it('writes the notes and the byline in the article\u2019s front matter', () => {
    const { front } = readBack(out) as { front: { articles: { notes?: string[]; byline?: string }[] } };
    expect(front.articles[0]!.notes).toEqual(notice.children[0]!.meta.notes);
    expect(front.articles[0]!.byline).toBe('\u7701\u957f\u3000\u674e\u70b3\u519b');
    expect(front.articles[1]).not.toHaveProperty('notes');
  });

  it('writes paragraphs of a role in fenced divs of that class, one div a run, and escapes ":::" at a line start', () => {
    expect(out).toContain('\n\n::: signature\n\u56fd\u52a1\u9662\u529e\u516c\u5385\n\n2018\u5e7412\u670829\u65e5\n:::\n\n');
    expect(out).toContain('::: attachment\n\u9644\u4ef6\uff1a1.\u53f7\u724c\u5f0f\u6837\n\n2\\.\u6d82\u88c5\u6837\u56fe\n:::');
    expect(out).toContain('::: header\n');
    expect(out).toContain('::: address\n');
    expect(out).toContain('::: annotation\n');
    // Two runs of end matter with body text between: two divs.
    expect(out.match(/^::: record$/gm)).toHaveLength(2);
    expect(out).toContain('\n\\:::\u4e0d\u662f\u56f4\u680f\n:::');
    expect(out).toContain('\n\\:::\u00a0signature\n');
  });

  it('reads back as the same model (positions aside), without a warning', () => {
    const back = readMarkdown({ text: out });
    expect(stripPositions(back.edition)).toEqual(stripPositions(notice));
    expect(back.report).toEqual([]);
  });

  it.runIf(clients('pandoc'))('pandoc reads the divs as Divs with the role as their class', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhpress-md-')), 'notice.md');
    writeFileSync(file, out);
    const json = JSON.parse(run('pandoc', ['-f', 'markdown', '-t', 'json', file])) as { blocks: { t: string; c: unknown }[] };
    const divs = json.blocks.filter((b) => b.t === 'Div').map((b) => {
      const [[, classes], content] = b.c as [[string, string[]], { t: string }[]];
      return [classes.join(' '), content.length];
    });
    expect(divs).toEqual([
      ['header', 1],
      ['address', 1],
      ['attachment', 2],
      ['signature', 2],
      ['annotation', 1],
      ['record', 1],
      ['record', 2],
    ]);
  });
});

describe('Markdown lists written back (issue 22, point 6)', () => {
  it('a `-` list stays a `-` list, reads back to the same model, and markdown-it sees a bullet list', () => {
    const source = '# 标题\n\n- 第一项\n- 第二项\n\n1. 甲\n2. 乙\n';
    const model = readMarkdown({ text: source }).edition;
    const written = writeMarkdown(model);
    expect(written).toContain('\n- 第一项\n- 第二项\n');
    expect(written).not.toContain('\u2022');
    expect(stripPositions(readMarkdown({ text: written }).edition.children)).toEqual(stripPositions(model.children));
    const tokens = new MarkdownIt().parse(written.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
    expect(tokens.filter((t) => t.type === 'bullet_list_open')).toHaveLength(1);
    expect(tokens.filter((t) => t.type === 'list_item_open')).toHaveLength(4);
  });
  it('bullets of another mark (●) keep their mark', () => {
    const model = edition({ lang: 'zh-Hans' }, [article('a', { title: '题' }, [list('bullet', [listItem(['圆点一'], { marker: '\u25CF' })])])]);
    expect(writeMarkdown(model)).toContain('\u25CF圆点一');
  });
});
