// Patterns with a Unicode property (\p{Script=Han} …) use the v flag, not u.
// V8 compiles a property class under u as surrogate-pair alternatives, and a
// bounded quantifier on it ([\p{Script=Han}]{2,4}) unrolled, at about 1 ms a
// pattern the first time it runs; under v the same pattern costs some 0.1 ms.
// The reader has over a hundred such patterns: under u its first document took
// 137 ms of a cold process, under v 75 ms (src/text/han.ts says more). A new
// pattern written with u would slowly bring the cost back; this test names it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every pattern of `file` that holds a property escape under the u flag, as "line: text". */
export function propertyPatternsUnderU(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) => `${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source).slice(0, 60)}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const flags = literal.slice(literal.lastIndexOf('/') + 1);
      if (flags.includes('u') && /\\[pP]\{/u.test(literal)) found.push(where(node));
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern && flags && ts.isStringLiteralLike(flags) && flags.text.includes('u') && /\\\\[pP]\{|String\.raw`[^`]*\\[pP]\{/u.test(pattern.getText(source))) found.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('Unicode property patterns', () => {
  it('finds a property class under u, literal or built', () => {
    expect(propertyPatternsUnderU('x.ts', "const A = /[\\p{Script=Han}]{2,4}/u;\nconst B = new RegExp(`^${X}[\\\\p{Script=Han}]`, 'u');\nconst C = /\\p{Script=Han}/v;")).toEqual([
      '1: /[\\p{Script=Han}]{2,4}/u',
      "2: new RegExp(`^${X}[\\\\p{Script=Han}]`, 'u')",
    ]);
  });

  it('are written with the v flag everywhere in src/', () => {
    const offenders = sources(SRC).flatMap((file) => propertyPatternsUnderU(file).map((hit) => `${relative(SRC, file)}:${hit}`));
    expect(offenders).toEqual([]);
  });
});
