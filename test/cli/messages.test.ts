// What a new user meets first (issue 22, point 5): any case in --format and --variant,
// an output folder that is a file said in words, hints that name README sections that
// exist, and `check` pointing at the column of the mark it widened.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ZHPRESS_DEBUG: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('messages a new user meets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-messages-'));
  const input = join(dir, '短文.txt');
  writeFileSync(input, '这是测试,第二句;好吗?\n\n\u3000\u3000缩进的段落也有,逗号。\n');

  it('the package bin (what npm link, npm install -g and npx run) is an executable Node script printing the version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: { zhpress: string } };
    const bin = join(root, pkg.bin.zhpress);
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('--format PDF and --variant zh-hant-tw are accepted in any case', () => {
    const out = join(dir, 'case');
    const result = run(['build', input, '--format', 'MD', '--variant', 'ZH-hant-tw', '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(out)).toContain('短文.zh-Hant-TW.md');
  });

  it('an output folder that is a file is said so in words, with the file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const out of [file, join(file, 'sub')]) {
      const result = run(['build', input, '--format', 'md', '--out', out]);
      expect(result.status).toBe(1);
      const line = result.stderr.trim().split('\n').find((l) => l.startsWith('zhpress:'))!;
      expect(line).toMatch(out === file ? /a file of that name is in the way/ : new RegExp(`${file.replace(/[.\\/]/g, '\\$&')} is a file, not a folder`));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('every README section a hint points to exists', () => {
    const headings = new Set(
      readFileSync(join(root, 'README.md'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.replace(/^#+\s*/, '')),
    );
    const sources = spawnSync('grep', ['-rhoE', 'see "[^"]+" in README', join(root, 'src')], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const hint of sources) expect(headings, hint).toContain(/"([^"]+)"/.exec(hint)![1]);
  });

  it('a config error names a README section that exists', () => {
    const config = join(dir, 'zhpress.config.yaml');
    writeFileSync(config, 'formats: pdf\n');
    const result = run(['build', input, '--config', config]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/zhpress\.config\.yaml:1:1: formats: unknown key; allowed here: inputs, format, variant, .*see "Configuration" in README\.md/);
  });

  it('check gives the column of the first widened mark', () => {
    const result = run(['check', input]);
    const lines = result.stdout.split('\n').filter((l) => l.includes('[punctuation] width'));
    expect(lines.map((l) => /:(\d+):(\d+): /.exec(l)!.slice(1).join(':'))).toEqual(['1:5', '3:10']);
  });
});
