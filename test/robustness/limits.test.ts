// Robustness (issue 9): limits. A 10 MB input builds (Markdown) within a minute
// and under 1 GB of memory; a 1 MB input builds as a PDF; an input over the
// 16 MB limit stops with one clear line. Never a crash nor a hang.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clients, han, isSubsequence, run } from '../helpers/clients.js';
import { cli, expectBuilt, expectOneError, outputPath, outputs, tmp } from './helpers.js';

const POOL = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话';
const NUMERALS = '一二三四五六七八九十';

/** A news-like text of about `bytes` bytes: indented paragraphs of 150 characters with commas, a heading every 40. */
function newsText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  for (let n = 1; size < bytes; n++) {
    let p = '\u3000\u3000';
    for (let k = 0; k < 150; k++) {
      p += POOL[(i++ * 7919) % POOL.length];
      if (k % 23 === 22) p += '\uFF0C';
    }
    p += '\u3002\n\n';
    if (n % 40 === 0) p += `${NUMERALS[Math.floor(n / 40) % 10]}\u3001第${n}节\n\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

const hasTime = existsSync('/usr/bin/time');

/** Run the CLI under /usr/bin/time -v where there is one: exit code, stderr and peak memory in KB. */
function measured(args: string[], timeout: number) {
  const command = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-v', process.execPath, cli, ...args] : [cli, ...args];
  const started = performance.now();
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ZHPRESS_DEBUG: '' } });
  const ms = performance.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  const stderr = result.stderr.replace(/^\tCommand being timed:[\s\S]*$/m, '');
  return { code: result.status, signal: result.signal, stderr, stdout: result.stdout, ms, rssKb: rss ? Number(rss) : undefined };
}

describe('limits', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('limits');
  });

  it('a 10 MB input builds as Markdown within a minute and under 1 GB', { timeout: 120_000 }, () => {
    const text = newsText(10 * 1024 * 1024);
    const input = join(dir, '十兆.txt');
    writeFileSync(input, text);
    expect(statSync(input).size).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const out = join(dir, 'out-10mb');
    const result = measured(['build', input, '--format', 'md', '--out', out], 90_000);
    expectBuilt({ ...result, ms: result.ms });
    expect(result.ms, 'took too long').toBeLessThan(60_000);
    if (result.rssKb !== undefined) expect(result.rssKb, `peak ${Math.round(result.rssKb / 1024)} MB`).toBeLessThan(1024 * 1024);
    expect(outputs(out)).toEqual(['十兆.zh-Hans.md']);
    const md = readFileSync(join(out, '十兆.zh-Hans.md'), 'utf8');
    const wanted = han(text);
    const got = han(md);
    expect(got.length).toBeGreaterThanOrEqual(wanted.length);
    expect(isSubsequence(wanted, got).ok).toBe(true);
  });

  it('a 1 MB input builds as a PDF, every Han character in its text', { timeout: 180_000 }, () => {
    const text = newsText(1024 * 1024);
    const input = join(dir, '一兆.txt');
    writeFileSync(input, text);
    const out = join(dir, 'out-1mb');
    const result = measured(['build', input, '--format', 'pdf', '--out', out], 150_000);
    expectBuilt({ ...result, ms: result.ms });
    if (result.rssKb !== undefined) expect(result.rssKb, `peak ${Math.round(result.rssKb / 1024)} MB`).toBeLessThan(1024 * 1024);
    expect(outputs(out)).toEqual(['一兆.zh-Hans.pdf']);
    if (clients('pdftotext')) {
      const pdf = run('pdftotext', ['-enc', 'UTF-8', outputPath(out, 'pdf'), '-']);
      const check = isSubsequence(han(text), han(pdf));
      expect(check.ok, `lost after Han character #${check.at}`).toBe(true);
    }
  });

  it('an input over 16 MB stops with one line about the limit, nothing written', { timeout: 60_000 }, () => {
    const input = join(dir, '太大.txt');
    // 17 MB of ASCII text: the size is checked before the file is read.
    writeFileSync(input, Buffer.alloc(17 * 1024 * 1024, 'a\n'));
    const out = join(dir, 'out-17mb');
    const result = measured(['build', input, '--format', 'all', '--out', out], 50_000);
    expectOneError({ ...result, ms: result.ms }, 1, /太大\.txt: the file is 17,825,792 bytes \(17\.0 MB\); zhpress reads inputs up to 16,777,216 bytes \(16 MB\) \(split the input/);
    expect(outputs(out)).toEqual([]);
  });

  it('parse of an input over 16 MB: the same line, exit 1', { timeout: 60_000 }, () => {
    const input = join(dir, '太大2.txt');
    writeFileSync(input, Buffer.alloc(16 * 1024 * 1024 + 1, '\u4e2d'));
    const result = measured(['parse', input], 50_000);
    expectOneError({ ...result, ms: result.ms }, 1, /the file is 16,777,217 bytes \(16\.0 MB\); zhpress reads inputs up to 16,777,216 bytes/);
  });
});
