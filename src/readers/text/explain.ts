// `zhpress check --explain`: what every line of a text became, and the rule that
// made it so, in the order of the source, so that a user can see a wrong decision
// and override it in the sidecar (`reader:` headings, articles, repair).
import type { Article, Block, Change, Edition } from '../../model/types.js';
import { inlineText } from '../../model/visit.js';

const ROLE_WHY: Record<string, string> = {
  header: 'header field before the text (document number, issuer, date, source, web chrome)',
  address: 'addressees or salutation: a line ending in a colon that names whom the text is for',
  attachment: 'attachment note at the end: 附件： and its numbered list',
  signature: 'signature: the issuing body over a date at the end (or the rows of names under it)',
  annotation: 'annotation in brackets after the text (（此件公开发布）, （注：…）)',
  record: 'end matter or page furniture: copy-to, credits, a running head or page number of a dump',
};

function clip(text: string, n = 24): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

function why(block: Block, article: Article): string {
  switch (block.type) {
    case 'heading': {
      const text = inlineText(block.children);
      const numbered = block.marker ? `numbered ${block.marker}` : 'unnumbered, over the provisions of a law with chapters';
      return `heading, depth ${block.depth} (${numbered}; depth counts the numbering kinds this article uses, outermost first): ${
        /[。？?]$/u.test(text) ? 'one short sentence' : 'a short line without a sentence end'
      } with text under it`;
    }
    case 'paragraph': {
      if (block.role) return ROLE_WHY[block.role]!;
      const [first] = block.children;
      const lead = first?.type === 'lead' ? inlineText(first.children) : undefined;
      const parts: string[] = [];
      if (block.marker) parts.push(`numbered ${block.marker}: its siblings of this numbering are items with text, not heads`);
      if (lead) {
        if (/^第.+条/u.test(lead)) parts.push(`lead "${lead}": a provision's number`);
        else if (/[：:]$/u.test(lead)) parts.push(`lead "${clip(lead)}": a speaker or section label before a colon`);
        else parts.push(`lead "${clip(lead)}": a run-in title; most items of its series open with one`);
      }
      return parts.length ? `paragraph, ${parts.join('; ')}` : 'paragraph';
    }
    case 'subhead': {
      if (block.data?.role === 'contents') return 'contents: 目录 and its entries up to where the body repeats the first';
      const text = inlineText(block.children);
      if (/[\u2014\u2015]{2}$/u.test(text)) return 'subhead: a short line ending in —— that is not a sentence leading in';
      return 'subhead: a short line without closing punctuation standing over a passage (an unnumbered head, a box label, a topic)';
    }
    case 'list':
      return `${block.style} list of ${block.children.length}: consecutive lines opening with ${block.children[0]?.marker ?? 'the same mark'}`;
    case 'quote':
      return 'quote: a whole quotation standing right under a title, heading or subhead';
    case 'dateline':
      return `dateline${article.meta.dateline ? ` (${[article.meta.dateline.agency, article.meta.dateline.place, article.meta.dateline.date].filter(Boolean).join(' ')})` : ''}: ends the article`;
    case 'continuation':
      return `continued ${block.direction === 'from' ? 'from' : 'on'} page ${block.page}: ${block.direction === 'from' ? 'starts' : 'ends'} an article`;
  }
}

function lineOf(block: Block): number {
  return block.position?.start.line ?? 0;
}

/** Lines of the explanation: article by article, block by block, with the reader's joins and layout decisions. */
export function explain(edition: Edition, report: readonly Change[]): string[] {
  const out: string[] = [];
  for (const change of report) {
    if (change.kind === 'join-wrapped-lines' || change.kind === 'bulletin' || change.kind === 'join-paragraphs') {
      out.push(`L${change.position?.start.line ?? '?'}  ${change.kind}: ${change.message}${change.before ? ` (${change.before})` : ''}`);
    }
  }
  for (const article of edition.children) {
    const m = article.meta;
    const start = article.position?.start.line ?? 0;
    out.push(`L${start}  article ${article.id}${article.meta.continuedFrom ? `, continued from page ${article.meta.continuedFrom}` : ''}`);
    if (m.kicker) out.push(`      kicker "${clip(m.kicker)}": the line above the title (a column tag, an issuer, an attachment label)`);
    if (m.title) out.push(`      title "${clip(m.title, 40)}": ${m.titleDerived ? 'derived from the first heading or phrase (the text has none)' : 'the first line that is not body text'}`);
    if (m.subtitle) out.push(`      subtitle "${clip(m.subtitle)}": under the title (a —— line, or a second title-like line)`);
    for (const note of m.notes ?? []) out.push(`      note "${clip(note)}": a date, adoption or amendment line under the title`);
    if (m.byline) out.push(`      byline "${clip(m.byline)}": a name with its office or as reporter`);
    if (m.truncated) out.push('      truncated: the last paragraph stops mid-sentence, with no end matter after it');
    for (const block of article.children) {
      const text = block.type === 'list' ? block.children.map((i) => inlineText(i.children)).join(' / ') : inlineText(block.children);
      out.push(`L${lineOf(block)}  ${clip(text)}\n      → ${why(block, article)}`);
    }
  }
  out.push(
    'Override what is wrong in <input>.meta.yaml:  reader: { headings: ["一、", "（一）"], articles: split-on-headlines | one, repair: off }',
  );
  return out;
}
