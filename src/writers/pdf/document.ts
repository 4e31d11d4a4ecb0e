import { basename } from 'node:path';
// The whole pdfmake document: page setup, named styles, cover, contents,
// running header and footer, keep-with-next, metadata.
import type { Content, DynamicContent, Node, NodeQueries, Style, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Change, Edition } from '../../model/types.js';
import { mmToPt, pageSize } from '../../templates/index.js';
import type { HeaderFooter, StyleName, Template } from '../../templates/types.js';
import { STYLE_NAMES } from '../../templates/types.js';
import { articleContent, type BlockContext, KEEP_WITH_NEXT } from './blocks.js';
import { lineHeightFor, type PdfFonts } from './fonts.js';
import { pdfText } from './inlines.js';

function styles(template: Template, fonts: PdfFonts): Record<string, Style> {
  const out: Record<string, Style> = {};
  for (const name of STYLE_NAMES) {
    const s = template.styles[name];
    const family = fonts.roles[s.font].family;
    out[name] = {
      font: family.name,
      fontSize: s.size,
      bold: s.weight === 'bold',
      lineHeight: lineHeightFor(family, s.size, s.leading),
      alignment: s.alignment,
      margin: [0, s.spaceBefore, 0, s.spaceAfter],
    };
  }
  return out;
}

/** Fill {edition.title} {article.title} {page} {pages}. */
function fill(pattern: string, fields: Record<string, string>): string {
  return pattern.replace(/\{(edition\.title|article\.title|page|pages)\}/g, (_, key: string) => fields[key] ?? '');
}

interface BandContext {
  edition: Edition;
  /** The article whose pages these are, for {article.title}. */
  articleTitle?: string;
  context: BlockContext;
  /** Left/right page margins, and the distance from the page edge. */
  inset: [number, number];
}

/** A header or footer as a pdfmake dynamic content function. */
function band(spec: HeaderFooter | undefined, style: StyleName, b: BandContext, top: boolean): DynamicContent | null {
  if (!spec) return null;
  return (currentPage: number, pageCount: number) => {
    const fields = { 'edition.title': b.edition.meta.title ?? '', 'article.title': b.articleTitle ?? '', page: String(currentPage), pages: String(pageCount) };
    const name = spec.style ?? style;
    const s = b.context.template.styles[name];
    const inline = { fonts: b.context.fonts, role: s.font, bold: s.weight === 'bold', report: b.context.report };
    const cell = (text: string | undefined, alignment: 'left' | 'center' | 'right', width: string) =>
      ({ text: text ? pdfText(fill(text, fields), inline) : '', alignment, style: name, width, noWrap: true }) as Content;
    const odd = currentPage % 2 === 1;
    const left = spec.left ?? (!odd ? spec.outer : undefined);
    const right = spec.right ?? (odd ? spec.outer : undefined);
    const margin = top ? [b.inset[0], b.inset[1], b.inset[0], 0] : [b.inset[0], 0, b.inset[0], 0];
    return { columns: [cell(left, 'left', '*'), cell(spec.center, 'center', 'auto'), cell(right, 'right', '*')], margin } as Content;
  };
}

function cover(edition: Edition, context: BlockContext): Content[] {
  const inline = (style: StyleName) => ({ fonts: context.fonts, role: context.template.styles[style].font, bold: context.template.styles[style].weight === 'bold', report: context.report });
  const lines: Content[] = [{ text: pdfText(edition.meta.title ?? '', inline('title')), style: 'title', fontSize: context.template.styles.title.size * 1.4, margin: [0, 160, 0, 24] } as Content];
  const facts = [edition.meta.publication, edition.meta.page && `\u7B2C${edition.meta.page}\u7248`, edition.meta.date].filter(Boolean).join('  ');
  if (facts) lines.push({ text: pdfText(facts, inline('subtitle')), style: 'subtitle' } as Content);
  if (edition.meta.source) lines.push({ text: pdfText(basename(edition.meta.source), inline('kicker')), style: 'kicker', margin: [0, 12, 0, 0] } as Content);
  lines.push({ text: '', pageBreak: 'after' });
  return lines;
}

export function pdfDocument(edition: Edition, template: Template, fonts: PdfFonts, date: Date, report: Change[]): TDocumentDefinitions {
  const [widthMm, heightMm] = pageSize(template.page);
  const m = template.page.margins;
  const columnsGap = mmToPt(template.page.columnGap);
  const inner = mmToPt(widthMm - m.left - m.right);
  const width = (inner - columnsGap * (template.page.columns - 1)) / template.page.columns;
  const families = new Map(fonts.fallbacks.map((f) => [f.name, f]));
  const context: BlockContext = { template, fonts, report, width, families };
  const margins: [number, number, number, number] = [mmToPt(m.left), mmToPt(m.top), mmToPt(m.right), mmToPt(m.bottom)];
  const headerInset: [number, number] = [margins[0], mmToPt(Math.max(8, m.top / 2 - 4))];
  const footerBand = (articleTitle?: string) => band(template.footer, 'footer', { edition, articleTitle, context, inset: headerInset }, false);
  const headerBand = (articleTitle?: string) => band(template.header, 'header', { edition, articleTitle, context, inset: headerInset }, true);
  const sections: Content[] = [];
  if (template.cover.enabled) sections.push({ section: cover(edition, context), header: null, footer: null } as unknown as Content);
  if (template.toc.enabled) {
    const s = template.styles.heading1;
    const toc = {
      toc: { title: { text: pdfText(template.toc.title, { fonts, role: s.font, bold: true, report }), style: 'heading1', margin: [0, 0, 0, 12] }, numberStyle: { font: fonts.roles.serif.family.name } },
    };
    sections.push({ section: [toc], header: null, footer: footerBand() } as unknown as Content);
  }
  if (template.page.columns > 1) {
    // A newspaper page: the articles flow on, in columns, under one running head.
    const body = edition.children.flatMap((article) => articleContent(article, context));
    sections.push({ section: [columns(body, template)], header: headerBand(), footer: footerBand() } as unknown as Content);
  } else {
    for (const article of edition.children) {
      const title = article.meta.title ?? article.id;
      sections.push({ section: articleContent(article, context), header: headerBand(title), footer: footerBand(title) } as unknown as Content);
    }
  }

  const innerHeight = mmToPt(heightMm - m.top - m.bottom);
  const bodyLeading = template.styles.body.leading;

  return {
    pageSize: { width: mmToPt(widthMm), height: mmToPt(heightMm) },
    pageOrientation: template.page.orientation,
    pageMargins: margins,
    content: sections,
    styles: styles(template, fonts),
    defaultStyle: { font: fonts.roles.serif.family.name, fontSize: template.styles.body.size },
    pageBreakBefore: (node: Node, queries: NodeQueries) => {
      const info = node as Node & { startPosition: { verticalRatio: number }; pageNumbers: number[]; headlineLevel?: number };
      if (info.headlineLevel !== KEEP_WITH_NEXT || info.startPosition.verticalRatio === 0) return false;
      // A heading keeps its first two lines of text with it.
      const next = queries.getFollowingNodesOnPage().find((n) => (n as { headlineLevel?: number }).headlineLevel !== KEEP_WITH_NEXT) as typeof info | undefined;
      if (!next) return queries.getNodesOnNextPage().length > 0;
      if (next.pageNumbers.length > 1) return innerHeight * (1 - next.startPosition.verticalRatio) < bodyLeading * 2;
      return false;
    },
    info: {
      title: edition.meta.title,
      author: edition.meta.publication ?? edition.meta.source,
      subject: edition.children.map((a) => a.meta.title).filter(Boolean).join('\uFF1B'),
      keywords: [edition.meta.publication, edition.meta.lang].filter(Boolean).join(', '),
      creator: 'zhpress',
      producer: 'zhpress (pdfmake)',
      creationDate: date,
      modDate: date,
    },
    language: edition.meta.lang,
  } as TDocumentDefinitions;
}

/** Snaking columns with the template's gap. */
function columns(body: Content[], template: Template): Content {
  const gap = mmToPt(template.page.columnGap);
  return { columns: Array.from({ length: template.page.columns }, () => ({ width: '*', stack: [] })), columnGap: gap, snakingColumns: true, stack: body } as unknown as Content;
}
