// writeAtomic (issue 17): the temporary name is short and never opened through
// a link planted under it; folders and the target under the root are checked.
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// A fixed "random" part, so the test knows the temporary name in advance.
vi.mock('node:crypto', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:crypto')>()),
  randomBytes: (n: number) => Buffer.alloc(n, 0xab),
}));

const { temporaryName, writeAtomic } = await import('../../src/io/write-atomic.js');

describe('writeAtomic', () => {
  it('a temporary name is short: a 255-byte target still gets one that fits', () => {
    const target = join('/out', `${'长'.repeat(83)}.md`);
    expect(Buffer.byteLength(basename(target))).toBe(252);
    expect(basename(temporaryName(target))).toBe(`.zp-${process.pid}-abababab.tmp`);
  });

  it('a link planted under the temporary name is not written through', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zhpress-atomic-'));
    const victim = join(out, '..', `${basename(out)}-victim`);
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(out, `.zp-${process.pid}-abababab.tmp`));
    await expect(writeAtomic(join(out, '正文.md'), 'new text', out)).rejects.toThrow(/cannot write .*正文\.md: EEXIST/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(existsSync(join(out, '正文.md'))).toBe(false);
  });

  it('folders under the root are made, a link among them refused, a target outside the root refused', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zhpress-atomic-'));
    await writeAtomic(join(out, 'a', 'b', '正文.md'), 'text', out);
    expect(readFileSync(join(out, 'a', 'b', '正文.md'), 'utf8')).toBe('text');
    const elsewhere = mkdtempSync(join(tmpdir(), 'zhpress-elsewhere-'));
    symlinkSync(elsewhere, join(out, 'a', 'link'));
    await expect(writeAtomic(join(out, 'a', 'link', 'x.md'), 'text', out)).rejects.toThrow(/a\/link is a symbolic link inside the output folder/);
    await expect(writeAtomic(join(out, '..', 'x.md'), 'text', out)).rejects.toThrow(/not inside the output folder/);
  });
});
