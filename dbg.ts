import { readFileSync } from 'node:fs';
import { readText } from './src/readers/text/index.js';
import { inlineText } from './src/model/visit.js';
const e = readText(readFileSync(process.argv[2]!, 'utf8')).edition;
for (const a of e.children) { console.log('ARTICLE', a.meta.title); for (const b of a.children.slice(0, 400)) if (b.type==='heading' || b.type==='subhead' || b.type === 'dateline') console.log(' ', b.type, (b as any).depth, (b as any).marker, inlineText((b as any).children).slice(0,20)); }
