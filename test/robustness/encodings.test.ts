// Robustness (issue 9): encodings and bytes. Every odd input is generated here
// (Buffer.from / iconv) into a temporary folder; nothing binary is committed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clients, han, run } from '../helpers/clients.js';
import { expectBuilt, expectNothingPartial, expectOneError, files, outputs, put, tmp, zhpress } from './helpers.js';

// Full-width comma U+FF0C and ideographic full stop as escapes (see the brief).
const C = '\uFF0C';
const TEXT = `\u3000\u3000上海合作组织峰会在天津举行${C}各方就区域合作达成共识。\n\n\u3000\u3000会议强调${C}要继续推进务实合作。\n`;
const HAN = han(TEXT).join('');

const hasPdf = clients('pdftotext');

/** Build `file` to all formats in a fresh out folder; the result and the folder. */
function build(file: string, ...extra: string[]) {
  const out = join(file, '..', `out-${Math.random().toString(36).slice(2)}`);
  return { result: zhpress(['build', file, '--format', 'all', '--out', out, ...extra]), out };
}

function markdownOf(out: string): string {
  const md = outputs(out).find((f) => f.endsWith('.md'));
  expect(md, `no Markdown in ${out}`).toBeDefined();
  return readFileSync(join(out, md!), 'utf8');
}

/** A correct edition: pdf, docx and md written; the Markdown and the PDF text hold every Han character. */
function expectEdition(out: string, expectedHan = HAN): string {
  expect(outputs(out).map((f) => f.replace(/^.*\./, '')).sort()).toEqual(['docx', 'md', 'pdf']);
  expectNothingPartial(out);
  const md = markdownOf(out);
  expect(han(md).join('')).toContain(expectedHan);
  expect(md).not.toMatch(/[\uFEFF\uFFFD\r]/);
  if (hasPdf) {
    const pdf = outputs(out).find((f) => f.endsWith('.pdf'))!;
    const text = run('pdftotext', ['-enc', 'UTF-8', join(out, pdf), '-']);
    expect(han(text).join('')).toContain(expectedHan.slice(0, 10));
  }
  return md;
}

/** The paragraphs of the Markdown body (after the front matter). */
function paragraphs(md: string): string[] {
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p && !p.startsWith('#'));
}

function iconv(text: string, to: string): Buffer | undefined {
  const result = spawnSync('iconv', ['-f', 'UTF-8', '-t', to], { input: Buffer.from(text, 'utf8') });
  return result.status === 0 ? result.stdout : undefined;
}

describe('encodings that are read as they are', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('enc');
  });

  it('UTF-8 without BOM', () => {
    const { result, out } = build(put(dir, '无BOM.txt', TEXT));
    expectBuilt(result);
    expect(paragraphs(expectEdition(out))).toHaveLength(2);
  });

  it('UTF-8 with BOM: the BOM is not text', () => {
    const { result, out } = build(put(dir, '有BOM.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])));
    expectBuilt(result);
    expect(paragraphs(expectEdition(out))).toHaveLength(2);
  });

  it('CRLF line endings', () => {
    const { result, out } = build(put(dir, 'crlf.txt', TEXT.replace(/\n/g, '\r\n')));
    expectBuilt(result);
    expect(paragraphs(expectEdition(out))).toHaveLength(2);
  });

  it('CR line endings (old Mac)', () => {
    const { result, out } = build(put(dir, 'cr.txt', TEXT.replace(/\n/g, '\r')));
    expectBuilt(result);
    expect(paragraphs(expectEdition(out))).toHaveLength(2);
  });

  it('UTF-16 LE with BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const { result, out } = build(put(dir, 'utf16le.txt', bytes));
    expectBuilt(result);
    expect(paragraphs(expectEdition(out))).toHaveLength(2);
  });

  it('UTF-16 BE with BOM', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.from(le).swap16();
    const { result, out } = build(put(dir, 'utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expectBuilt(result);
    expect(paragraphs(expectEdition(out))).toHaveLength(2);
  });

  it('UTF-16 LE with BOM and CRLF', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf16le')]);
    const { result, out } = build(put(dir, 'utf16le-crlf.txt', bytes));
    expectBuilt(result);
    expect(paragraphs(expectEdition(out))).toHaveLength(2);
  });
});

describe('GB18030 / GBK', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('gb');
  });

  it('a GB18030 file (iconv) is detected and read correctly', () => {
    const bytes = iconv(TEXT, 'GB18030');
    expect(bytes, 'iconv -t GB18030 failed').toBeDefined();
    const file = put(dir, 'gb18030.txt', bytes!);
    const { result, out } = build(file);
    expectBuilt(result);
    expectEdition(out);
    // `parse` reads the same text.
    const parsed = zhpress(['parse', file]);
    expect(parsed.code, parsed.stderr).toBe(0);
    expect(parsed.stdout).toContain('上海合作组织峰会在天津举行');
  });

  it('hand-written GBK bytes: 中文 = d6 d0 ce c4', () => {
    // "中文。" + newline + "中文" in GBK: d6d0 cec4 a1a3 0a d6d0 cec4
    const bytes = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xa1, 0xa3, 0x0a, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0xa1, 0xa3, 0x0a]);
    const file = put(dir, 'gbk.txt', bytes);
    const parsed = zhpress(['parse', file]);
    expect(parsed.code, parsed.stderr).toBe(0);
    expect(han(parsed.stdout).join('')).toContain('中文中文');
    const { result, out } = build(file);
    expectBuilt(result);
    expectEdition(out, '中文中文');
  });

  for (const name of ['gb18030', 'gbk', 'GB2312']) {
    it(`--encoding ${name} reads a GBK file`, () => {
      const file = put(dir, `forced-${name}.txt`, iconv(TEXT, 'GBK')!);
      const { result, out } = build(file, '--encoding', name);
      expectBuilt(result);
      expectEdition(out);
    });
  }

  it('--encoding gb18030 on a 4-byte GB18030 character (𠮷)', () => {
    const bytes = iconv(`\u3000\u3000吉祥的𠮷字${C}写法不同。\n`, 'GB18030');
    expect(bytes).toBeDefined();
    const file = put(dir, 'gb18030-4byte.txt', bytes!);
    const parsed = zhpress(['parse', file, '--encoding', 'gb18030']);
    expect(parsed.code, parsed.stderr).toBe(0);
    expect(parsed.stdout).toContain('吉祥的𠮷字');
  });

  it('--encoding utf-8 on a GBK file is refused, not guessed', () => {
    const file = put(dir, 'forced-utf8.txt', iconv(TEXT, 'GBK')!);
    const { result, out } = build(file, '--encoding', 'utf-8');
    expectOneError(result, 1, /(invalid|not valid) UTF-8/i, 'forced-utf8.txt');
    expect(outputs(out)).toEqual([]);
    expectNothingPartial(out);
  });

  it('an unknown --encoding is a usage error (exit 2)', () => {
    const file = put(dir, 'any.txt', TEXT);
    const { result } = build(file, '--encoding', 'latin-7');
    expectOneError(result, 2, /unknown encoding "latin-7"/);
  });
});

describe('invalid UTF-8', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('bad-utf8');
  });
  const before = Buffer.from(TEXT.split('\n\n')[0]! + '\n\n', 'utf8');
  const after = Buffer.from(TEXT.split('\n\n')[1]!, 'utf8');

  it('a stray 0xFF: one error line with the byte offset, nothing written', () => {
    const file = put(dir, '坏字节.txt', Buffer.concat([before, Buffer.from([0xff]), after]));
    const { result, out } = build(file);
    const line = expectOneError(result, 1, new RegExp(`invalid UTF-8 at byte offset ${before.length}\\b`), '坏字节.txt');
    expect(line).toMatch(/--lenient|--encoding/);
    expect(outputs(out)).toEqual([]);
    expectNothingPartial(out);
  });

  it('the error names the line of the bad byte', () => {
    const file = put(dir, '坏字节行.txt', Buffer.concat([before, Buffer.from([0xff]), after]));
    const parsed = zhpress(['parse', file]);
    // before = one paragraph + blank line: the bad byte is on line 3.
    expectOneError(parsed, 1, /坏字节行\.txt:3: invalid UTF-8 at byte offset/);
  });

  it('a UTF-8 file cut in the middle of a character (truncated sequence) is not misread as GB18030', () => {
    // "正" is e6 ad a3; drop the last byte. Many such files decode as valid GB18030 mojibake.
    const cut = Buffer.concat([before, Buffer.from([0xe6, 0xad]), Buffer.from('\n\n', 'utf8'), after]);
    const file = put(dir, '截断.txt', cut);
    const { result, out } = build(file);
    expectOneError(result, 1, new RegExp(`invalid UTF-8 at byte offset ${before.length}\\b`), '截断.txt');
    expect(outputs(out)).toEqual([]);
  });

  it('a UTF-8 file whose last character is cut is not read as GB18030 mojibake', () => {
    // "会议强调，要继续推进务实合作。" without its last byte decodes as valid GB18030
    // ("浼氳寮鸿皟…"): it must be refused as damaged UTF-8, not guessed.
    const whole = Buffer.from(`\u3000\u3000会议强调${C}要继续推进务实合作。`, 'utf8');
    const file = put(dir, '末字截断.txt', whole.subarray(0, whole.length - 1));
    const { result, out } = build(file);
    expectOneError(result, 1, new RegExp(`末字截断\\.txt:1: invalid UTF-8 at byte offset ${whole.length - 3}\\b`));
    expect(outputs(out)).toEqual([]);
    const lenient = build(file, '--lenient');
    expect(lenient.result.code, lenient.result.stderr).toBe(0);
    expect(markdownOf(lenient.out)).toContain('会议强调');
  });

  it('--lenient builds anyway, with a warning, keeping the good text', () => {
    const file = put(dir, '宽容.txt', Buffer.concat([before, Buffer.from([0xff]), after]));
    const { result, out } = build(file, '--lenient');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/warning: .*(invalid|replaced).*U\+FFFD|warning: .*invalid UTF-8/i);
    expect(outputs(out)).toHaveLength(3);
    expectNothingPartial(out);
    const md = markdownOf(out);
    expect(han(md).join('')).toContain(HAN);
  });
});

describe('binary, empty and blank files', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('bin');
  });

  const refused: [string, Uint8Array | string, RegExp][] = [
    ['png.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /not a text file/],
    ['nul-in-text.txt', Buffer.concat([Buffer.from('正文第一段。\n'), Buffer.from([0]), Buffer.from('正文第二段。\n')]), /not a text file \(NUL byte at offset 19\)/],
    ['zip.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), /not a text file/],
    ['empty.txt', '', /the file is empty/],
    ['blank.txt', ' \n\t\n\u3000\u3000\n\r\n', /only whitespace/],
    ['bom-only.txt', Uint8Array.from([0xef, 0xbb, 0xbf]), /only whitespace|empty/],
    ['bom16-only.txt', Uint8Array.from([0xff, 0xfe]), /only whitespace|empty/],
    ['nbsp-only.txt', '\u00a0\u00a0\n\u2003\n', /only whitespace/],
  ];
  for (const [name, content, message] of refused) {
    it(`${name}: one clear line, exit 1, nothing written`, () => {
      const file = put(dir, name, content);
      const { result, out } = build(file);
      expectOneError(result, 1, message, name);
      expect(outputs(out)).toEqual([]);
      expect(files(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('a binary file among good ones: the good one is built, exit 1', () => {
    const sub = tmp('mixed');
    put(sub, '好.txt', TEXT);
    put(sub, '坏.txt', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]));
    const out = join(sub, 'out');
    const result = zhpress(['build', sub, '--format', 'all', '--out', out]);
    expectOneError(result, 1, /坏\.txt: not a text file/);
    expect(outputs(out)).toEqual(['好.zh-Hans.docx', '好.zh-Hans.md', '好.zh-Hans.pdf']);
    expectNothingPartial(out);
  });

  it('the output folder is not created for a file that fails', () => {
    const file = put(dir, 'empty-alone.txt', '');
    const out = join(dir, 'never-made');
    const result = zhpress(['build', file, '--format', 'md', '--out', out]);
    expectOneError(result, 1, /empty/);
    expect(outputs(out)).toEqual([]);
    void existsSync;
  });
});
