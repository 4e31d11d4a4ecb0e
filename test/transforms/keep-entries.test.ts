// Keep entries of a conversion dictionary: =词 keeps a phrase's words and
// converts its characters; ==词 keeps the phrase byte for byte.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition, Lang } from '../../src/model/types.js';
import { plainText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { convertEdition } from '../helpers/convert.js';
import { builtInDictionaries } from '../../src/io/dictionaries.js';
import { characterForms, hasOtherForms } from '../../src/transforms/convert/keep.js';

const dir = mkdtempSync(join(tmpdir(), 'zhpress-keep-'));
function dictionary(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function read(body: string, lang?: Lang): Edition {
  return readText({ text: `标题\n\n\u3000\u3000${body}\n`, path: 'keep.txt' }, lang ? { lang } : {}).edition;
}

const body = (edition: Edition) => plainText(edition).split('\n').slice(-1)[0]!;

const TRADITIONAL: Lang[] = ['zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'];

describe('=词: the words kept, the characters converted', () => {
  const sco = dictionary('sco.txt', '# 上合组织\n=上海合作组织\n');
  const software = dictionary('software.txt', '=软件\n');
  const source = read('上海合作组织成员国交流软件开发经验。');

  for (const variant of TRADITIONAL) {
    for (const vocabulary of [false, true]) {
      it(`=上海合作组织 is 上海合作組織 in ${variant}${vocabulary ? ' with vocabulary' : ''}`, () => {
        const out = body(convertEdition(source, { variant, vocabulary, dictionaries: [sco] }).edition);
        expect(out).toContain('上海合作組織');
        expect(out).not.toContain('组织');
      });
    }
  }

  it('=软件 keeps 軟件 where Taiwan vocabulary writes 軟體', () => {
    expect(body(convertEdition(source, { variant: 'zh-Hant-TW', vocabulary: true }).edition)).toContain('軟體開發');
    const kept = body(convertEdition(source, { variant: 'zh-Hant-TW', vocabulary: true, dictionaries: [software] }).edition);
    expect(kept).toContain('軟件開發');
  });

  it('read backwards, Traditional text keeps the words too', () => {
    const taiwan = read('上海合作組織成員國交流軟件開發經驗。', 'zh-Hant-TW');
    const back = convertEdition(taiwan, { variant: 'zh-Hans', vocabulary: true, dictionaries: [sco, software] });
    expect(body(back.edition)).toBe('上海合作组织成员国交流软件开发经验。');
    expect(back.report.some((c) => c.kind === 'dictionary' && c.message.includes('=软件'))).toBe(true);
  });

  it('a keep entry that gives what OpenCC gives anyway is reported, once, with its line', () => {
    const { report } = convertEdition(read('上海合作组织。上海合作组织。'), { variant: 'zh-Hant-TW', dictionaries: [sco] });
    const idle = report.filter((c) => c.kind === 'idle-keep-entry');
    expect(idle).toHaveLength(1);
    expect(idle[0]!.message).toContain(`${sco}:2: =上海合作组织 changes nothing in zh-Hant-TW (converted without it, it is 上海合作組織 too)`);
    expect(idle[0]!.message).toContain('==上海合作组织');
  });

  it('one that keeps a word from the regional vocabulary is not', () => {
    const { report } = convertEdition(source, { variant: 'zh-Hant-TW', vocabulary: true, dictionaries: [software] });
    expect(report.filter((c) => c.kind === 'idle-keep-entry')).toEqual([]);
  });

  it('nor is one that never meets the text', () => {
    const { report } = convertEdition(read('成员国交流经验。'), { variant: 'zh-Hant-TW', dictionaries: [sco] });
    expect(report.filter((c) => c.kind === 'idle-keep-entry')).toEqual([]);
  });
});

describe('==词: kept byte for byte', () => {
  const exact = dictionary('exact.txt', '==上海合作组织\n');
  const source = read('上海合作组织成员国。');
  for (const variant of TRADITIONAL) {
    for (const vocabulary of [false, true]) {
      it(`stays 上海合作组织 in ${variant}${vocabulary ? ' with vocabulary' : ''}, the rest converted`, () => {
        const { edition, report } = convertEdition(source, { variant, vocabulary, dictionaries: [exact] });
        expect(body(edition)).toBe('上海合作组织成員國。');
        expect(report.some((c) => c.kind === 'dictionary' && c.message.includes('==上海合作组织'))).toBe(true);
        expect(report.filter((c) => c.kind === 'idle-keep-entry')).toEqual([]);
      });
    }
  }
  it('and backwards', () => {
    const mixed = read('上海合作组织成員國。', 'zh-Hant-TW');
    expect(body(convertEdition(mixed, { variant: 'zh-Hans', dictionaries: [exact] }).edition)).toBe('上海合作组织成员国。');
  });
});

describe('character forms of a phrase', () => {
  it('need no converter for a phrase written alike in both scripts', () => {
    expect(hasOtherForms('支持')).toBe(false);
    expect(hasOtherForms('激活')).toBe(false);
    expect(hasOtherForms('上海合作组织')).toBe(true);
    expect(hasOtherForms('头发')).toBe(true);
  });
  it('follow OpenCC phrases and the region', () => {
    expect(characterForms('理发店', 'zh-Hant', builtInDictionaries)).toBe('理髮店');
    expect(characterForms('里面', 'zh-Hant-TW', builtInDictionaries)).toBe('裡面');
    expect(characterForms('里面', 'zh-Hant-HK', builtInDictionaries)).toBe('裏面');
    expect(characterForms('软件', 'zh-Hans', builtInDictionaries)).toBe('软件');
  });
});
