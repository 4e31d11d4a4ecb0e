import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, render } from '../src/build.js';

const seed = join(import.meta.dirname, '../seeds/000_fb7c4685e6dc9c77.txt');
const dir = mkdtempSync(join(tmpdir(), 'zhpress-build-'));

describe('render: the variant transforms and the template together', () => {
  it('uses a user dictionary over the built-in one and OpenCC', async () => {
    const dictionary = join(dir, 'names.txt');
    writeFileSync(dictionary, '# keep the organisation\u2019s name as written, byte for byte\n==\u4e0a\u6d77\u5408\u4f5c\u7ec4\u7ec7\n');
    const { edition } = await prepare(seed, {});
    const plain = await render(edition, 'md', 'zh-Hant-TW', { template: 'briefing' });
    const kept = await render(edition, 'md', 'zh-Hant-TW', { template: 'briefing', dictionaries: [dictionary] });
    expect(String(plain.data)).toContain('\u4e0a\u6d77\u5408\u4f5c\u7d44\u7e54');
    expect(String(kept.data)).toContain('\u4e0a\u6d77\u5408\u4f5c\u7ec4\u7ec7');
    expect(String(kept.data)).not.toContain('\u4e0a\u6d77\u5408\u4f5c\u7d44\u7e54');
  });

  it('sets Taiwan editions in corner brackets and keeps the Simplified one as written', async () => {
    const { edition } = await prepare(seed, {});
    const tw = String((await render(edition, 'md', 'zh-Hant-TW', { template: 'briefing' })).data);
    const hans = String((await render(edition, 'md', 'zh-Hans', { template: 'briefing' })).data);
    expect(tw).toContain('\u300c\u4e0a\u6d77\u7cbe\u795e\u300d');
    expect(tw).not.toMatch(/[\u201c\u201d]/);
    expect(hans).toContain('\u201c\u4e0a\u6d77\u7cbe\u795e\u201d');
  });
});
