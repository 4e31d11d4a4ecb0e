// A section number whose 、 the source lost ("三" alone on its line after "一、" "二、" heads).
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text/index.js';
import { hanValue } from '../../src/readers/text/lost-markers.js';

describe('hanValue', () => {
  it('reads Han numerals up to 99', () => {
    expect([hanValue('三'), hanValue('十'), hanValue('十二'), hanValue('二十'), hanValue('九十九')]).toEqual([3, 10, 12, 20, 99]);
  });
  it('is undefined for what is no numeral of that kind', () => {
    expect([hanValue(''), hanValue('三三'), hanValue('百'), hanValue('甲')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

const body = '\u3000\u3000\u8fd9\u662f\u4e00\u6bb5\u8db3\u591f\u957f\u7684\u6b63\u6587\uff0c\u8bf4\u660e\u672c\u8282\u7684\u5185\u5bb9\u548c\u8981\u6c42\u3002';
const text = (third: string) => `\u5173\u4e8e\u5de5\u4f5c\u7684\u901a\u77e5\n\u4e00\u3001\u603b\u4f53\u8981\u6c42\n${body}\n\u4e8c\u3001\u4e3b\u8981\u4efb\u52a1\n${body}\n${third}\n${body}\n`;

describe('a bare numeral after numbered heads', () => {
  it('is the next head of the series when it follows the last one', () => {
    const blocks = readText({ text: text('\u4e09') }).edition.children[0]!.children;
    expect(blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.marker)).toEqual(['\u4e00\u3001', '\u4e8c\u3001', '\u4e09']);
  });
  it('is text where it does not follow (a 五 after 二、)', () => {
    const blocks = readText({ text: text('\u4e94') }).edition.children[0]!.children;
    expect(blocks.filter((b) => b.type === 'heading')).toHaveLength(2);
  });
});
