import { describe, expect, it } from 'vitest';
import { decode } from '../../src/io/decode.js';

const text = '中华人民共和国\uFF0C2019年国民经济。';
const utf8 = new TextEncoder().encode(text);

function gb18030(s: string): Uint8Array {
  // Node's TextDecoder reads GB18030 but nothing in the standard library writes it:
  // build the bytes from a known mapping of these characters.
  const table: Record<string, number[]> = {
    中: [0xd6, 0xd0], 华: [0xbb, 0xaa], 人: [0xc8, 0xcb], 民: [0xc3, 0xf1], 共: [0xb9, 0xb2], 和: [0xba, 0xcd], 国: [0xb9, 0xfa],
  };
  return Uint8Array.from([...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
}

describe('decode', () => {
  it('reads UTF-8 and keeps a BOM for the reader to report', () => {
    expect(decode(utf8, 'a.txt').text).toBe(text);
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), 'a.txt').text).toBe('\uFEFF' + text);
  });
  it('reads UTF-16 with a BOM, both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decode(le, 'a.txt')).toMatchObject({ text: '\uFEFF' + text, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decode(be, 'a.txt')).toMatchObject({ text: '\uFEFF' + text, encoding: 'utf-16be' });
  });
  it('detects GB18030 and says it guessed', () => {
    const result = decode(gb18030('中华人民共和国'), 'gbk.txt');
    expect(result).toEqual({ text: '中华人民共和国', encoding: 'gb18030', detected: true });
  });
  it('refuses binary files', () => {
    expect(() => decode(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), 'x.pdf')).toThrow(/not a text file \(NUL byte at offset 4\)/);
  });
  it('refuses invalid UTF-8 with the byte offset, unless lenient', () => {
    const bad = Uint8Array.from([...new TextEncoder().encode('中文'), 0xff, 0x41]);
    expect(() => decode(bad, 'bad.txt')).toThrow(/invalid UTF-8 at byte offset 6/);
    expect(decode(bad, 'bad.txt', { lenient: true }).text).toBe('中文\uFFFDA');
  });
  it('honours a forced encoding', () => {
    expect(() => decode(utf8, 'a.txt', { encoding: 'utf-16le' })).not.toThrow();
    expect(decode(gb18030('中国'), 'a.txt', { encoding: 'gb18030' }).text).toBe('中国');
  });
});
