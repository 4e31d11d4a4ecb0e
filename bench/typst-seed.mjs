// The peer for "seed to PDF": typst (through @myriaddreamin/typst-ts-node-compiler)
// setting the same text in the same font (Noto Serif SC, regular and bold), one
// paragraph per paragraph of the input, justified with a first-line indent; the
// first line is the title. Run as a whole process by bench/run.mjs:
//   node bench/typst-seed.mjs <input.txt> <output.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const [input, output] = process.argv.slice(2);
const serif = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json', { paths: [root] }));
const fontBlobs = ['400Regular/NotoSerifSC_400Regular.ttf', '700Bold/NotoSerifSC_700Bold.ttf'].map((file) => readFileSync(join(serif, file)));

/** Typst markup for plain text: every character that means something in markup escaped. */
const escape = (text) => text.replace(/[\\#$*_`<>@[\]~=\-+/"']/g, (ch) => `\\${ch}`);
const paragraphs = readFileSync(input, 'utf8').split(/\n\s*\n|\r\n\s*\r\n/).map((p) => p.replace(/\s*\n\s*/g, '').trim()).filter(Boolean);
const [title, ...body] = paragraphs;
const source = [
  '#set page(paper: "a4", margin: (x: 26mm, y: 30mm))',
  '#set text(font: "Noto Serif SC", size: 12pt, lang: "zh")',
  '#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.9em)',
  `#align(center, text(size: 20pt, weight: "bold")[${escape(title)}])`,
  ...body.map(escape),
].join('\n\n');
const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
const pdf = compiler.pdf({ mainFileContent: source });
writeFileSync(output, pdf);
