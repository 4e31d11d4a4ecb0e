import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { article, edition as editionOf, heading, lead, mergeInlines, paragraph, strong, text } from '../../src/model/builders.js';
import { readJson } from '../../src/readers/json/index.js';
import { fromJSON, toJSON } from '../../src/model/json.js';
import type { Edition } from '../../src/model/types.js';
import { blockText, mapText, plainText, selectAll } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const seed = readFileSync(join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt'), 'utf8');

describe('builders', () => {
  it('merge adjacent text and drop empty text', () => {
    const p = paragraph(['一', text(''), text('二'), strong(['三']), '四', '五']);
    expect(p.children).toEqual([
      { type: 'text', value: '一二' },
      { type: 'strong', children: [{ type: 'text', value: '三' }] },
      { type: 'text', value: '四五' },
    ]);
  });
  it('keep the span of merged positions', () => {
    const a = text('甲', { position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } });
    const b = text('乙', { position: { start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 3, offset: 2 } } });
    const [merged] = mergeInlines([a, b]);
    expect(merged!.position).toEqual({ start: a.position!.start, end: b.position!.end });
  });
  it('never leave two text nodes side by side, for any sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant(strong(['粗']))), { maxLength: 12 }), (parts) => {
        const children = mergeInlines(parts.map((p) => (typeof p === 'string' ? text(p) : p)));
        for (let i = 1; i < children.length; i++) expect(children[i - 1]!.type === 'text' && children[i]!.type === 'text').toBe(false);
        expect(children.every((c) => c.type !== 'text' || c.value !== '')).toBe(true);
      }),
    );
  });
  it('keep markers out of the children and in blockText', () => {
    const h = heading(1, ['优化现代化城市体系'], { marker: '二、' });
    expect(blockText(h)).toBe('二、优化现代化城市体系');
    const p = paragraph([lead(['标题。']), '正文。'], { marker: '(一)' });
    expect(blockText(p)).toBe('(一)标题。正文。');
  });
});

describe('mapText', () => {
  it('rebuilds only what changed and never mutates the input', () => {
    const { edition } = readText({ text: seed });
    const before = structuredClone(edition);
    const mapped = mapText(edition, (v) => v.replace(/上合组织/g, '上海合作组织'));
    expect(edition).toEqual(before);
    expect(mapped).not.toBe(edition);
    expect(plainText(mapped)).toContain('上海合作组织');
    expect(mapped.children[1]).toBe(edition.children[1]);
    expect(mapText(edition, (v) => v)).toBe(edition);
  });
});

describe('JSON form', () => {
  const { edition } = readText({ text: seed, path: 'seed.txt' });
  it('round-trips the seed exactly, modelVersion first', () => {
    const json = toJSON(edition);
    expect(json.startsWith('{\n  "modelVersion": 1,')).toBe(true);
    expect(fromJSON(json)).toEqual(edition);
  });
  const bad = (mutate: (value: Record<string, any>) => void) => {
    const value = JSON.parse(toJSON(edition));
    mutate(value);
    try {
      fromJSON(JSON.stringify(value), 'bad.json');
    } catch (error) {
      return (error as Error & { format(): string }).format();
    }
    throw new Error('accepted a bad model');
  };
  it('names the pointer and the allowed types for an unknown node type', () => {
    expect(bad((v) => (v.children[0].children[3].type = 'para'))).toMatch(
      /^bad\.json: \/children\/0\/children\/3\/type: unknown node type "para"; expected one of heading, paragraph, subhead, list, quote, dateline, continuation/,
    );
    expect(bad((v) => (v.children[1].children[2].children[0].type = 'bold'))).toMatch(/\/children\/1\/children\/2\/children\/0\/type: unknown node type "bold"; expected one of text, strong, emphasis, lead/);
  });
  it('rejects a wrong modelVersion with its own message', () => {
    expect(bad((v) => (v.modelVersion = 2))).toMatch(/model version number 2.*reads version 1/);
    expect(bad((v) => delete v.modelVersion)).toMatch(/modelVersion: missing/);
  });
  it('names a missing key, an unknown one and a value of the wrong type, in the words of every schema message', () => {
    expect(bad((v) => delete v.children[0].id)).toMatch(/\/children\/0: missing key "id"/);
    expect(bad((v) => (v.children[0].children[1].children[0].value = 42))).toMatch(/\/children\/0\/children\/1\/children\/0\/value: found number 42; expected text/);
    expect(bad((v) => (v.meta.lang = 'fr'))).toMatch(/\/meta\/lang: "fr" is not allowed; allowed: zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK/);
    expect(bad((v) => (v.children[0].meta.colour = 'red'))).toMatch(/\/children\/0\/meta\/colour: unknown key; allowed here: kicker, title, subtitle, notes, byline/);
  });
  it('lists every fault of the file, the first first', () => {
    const message = bad((v) => {
      delete v.children[0].id;
      v.meta.lang = 'fr';
    });
    expect(message).toMatch(/^bad\.json: \/meta\/lang: "fr" is not allowed; allowed: [^;]+; also \/children\/0: missing key "id" \(see the model/);
  });
  it('gives the line and column of a syntax error', () => {
    expect(() => fromJSON('{\n  "modelVersion": 1,\n  oops\n}', 'x.json')).toThrow(/not valid JSON/);
    try {
      fromJSON('{\n  "modelVersion": 1,\n  oops\n}', 'x.json');
    } catch (error) {
      expect((error as { line?: number }).line).toBe(3);
    }
  });
  it('reads back paragraph roles and the title block\u2019s notes and byline through the JSON reader, and refuses others', () => {
    const notice = editionOf({ lang: 'zh-Hans' }, [
      article('a1', { title: '\u901A\u77E5', notes: ['\uFF082018\u5E7412\u670829\u65E5\uFF09'], byline: '\u7701\u957F\u3000\u674E\u70B3\u519B' }, [
        paragraph(['\u56FD\u529E\u53D1\u30142018\u3015128\u53F7'], { role: 'header' }),
        paragraph(['\u5404\u4F4D\u4EE3\u8868\uFF1A'], { role: 'address' }),
        paragraph(['\u9644\u4EF6\uFF1A1.\u5F0F\u6837'], { role: 'attachment' }),
        paragraph(['\u56FD\u52A1\u9662\u529E\u516C\u5385'], { role: 'signature' }),
        paragraph(['\uFF08\u6B64\u4EF6\u516C\u5F00\u53D1\u5E03\uFF09'], { role: 'annotation' }),
        paragraph(['\u6284\u9001\uFF1A\u5404\u90E8\u95E8\u3002'], { role: 'record' }),
      ]),
    ]);
    const json = toJSON(notice);
    expect(readJson({ text: json, path: 'notice.json' }).edition).toEqual(notice);
    const wrong = (mutate: (value: Record<string, any>) => void) => {
      const value = JSON.parse(json);
      mutate(value);
      return () => readJson({ text: JSON.stringify(value), path: 'bad.json' });
    };
    expect(wrong((v) => (v.children[0].children[0].role = 'footer'))).toThrow(/\/children\/0\/children\/0\/role: "footer" is not allowed; allowed: header, address, attachment, signature, annotation, record/);
    expect(wrong((v) => (v.children[0].meta.notes = '\u4E00\u884C'))).toThrow(/\/children\/0\/meta\/notes: .*expected an array/);
    expect(wrong((v) => (v.children[0].meta.byline = ['\u7532']))).toThrow(/\/children\/0\/meta\/byline: .*expected text/);
  });
  it('selectAll finds nodes in document order', () => {
    expect(selectAll(edition as Edition, 'heading').map((h) => h.marker)).toEqual(['(二)', '(三)', '二、', '三、', '四、', '五、', '六、']);
  });
});
