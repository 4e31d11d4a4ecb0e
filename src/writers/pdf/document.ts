// The whole pdfmake document: page setup, named styles, cover, contents,
// running header and footer, keep-with-next, metadata.
import type { Content, DynamicContent, Node, NodeQueries, Style, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Change, Edition } from '../../model/types.js';
import { bandPattern, coverFacts, editionFields, FIELD } from '../../templates/fields.js';
import { pageSize } from '../../templates/page.js';
import { mmToPt } from '../../templates/units.js';
import type { HeaderFooter, StyleName, Template } from '../../templates/types.js';
import { STYLE_NAMES } from '../../templates/types.js';
import { type AnyStyleName, DERIVED_STYLE_NAMES, type LaidStyle, laidStyles } from '../../templates/derived.js';
import { articleBody, articleContent, articleTitle, type BlockContext, loosening } from './blocks.js';
import { type Balancer, balancer, firstBlockHeight } from './balance.js';
import { lineHeightFor, type PdfFonts } from './fonts.js';
import { pdfText } from './inlines.js';
import { FOOTER_GAP_MM } from '../page-furniture.js';

function styles(laid: Record<AnyStyleName, LaidStyle>, fonts: PdfFonts): Record<string, Style> {
  const out: Record<string, Style> = {};
  for (const name of [...STYLE_NAMES, ...DERIVED_STYLE_NAMES]) {
    const s = laid[name];
    const family = fonts.roles[s.font].family;
    out[name] = {
      font: family.name,
      fontSize: s.size,
      bold: s.weight === 'bold',
      lineHeight: lineHeightFor(fonts.source, family, s.size, s.leading),
      alignment: s.alignment,
      margin: [0, s.spaceBefore, 0, s.spaceAfter],
    };
  }
  return out;
}

/** Fill the fields of a header or footer text (templates/fields.ts). */
function fill(pattern: string, fields: Record<string, string>): string {
  return pattern.replace(FIELD, (_, key: string) => fields[key] ?? '');
}

interface BandContext {
  edition: Edition;
  /** The article whose pages these are, for {article.title}. */
  articleTitle?: string;
  context: BlockContext;
  /** Left margin, distance of the header from the page top, right margin (pt). */
  inset: [number, number, number];
  /** Points the bottom margin was reduced by (grid slack): the footer's area starts as much lower, so its offset is as much less. */
  slack: number;
  /** Width of the type area, pt. */
  width: number;
}

/** A newspaper's title block across the columns (its break is decided in pageBreakBefore). */
const TITLE_ACROSS = 2;

const FOOTER_GAP = mmToPt(FOOTER_GAP_MM);

/**
 * How far below the top of a footer line its dash (U+2014) is drawn, pt: GB/T 9704 puts
 * the page number's dashes themselves 7 mm below the type area, not the top of the line.
 */
function dashDepth(context: BlockContext, style: StyleName): number {
  const s = context.template.styles[style];
  const font = context.fonts.source.open(context.fonts.roles[s.font].family.normal) as unknown as {
    ascent: number;
    unitsPerEm: number;
    glyphForCodePoint(c: number): { bbox: { minY: number; maxY: number } };
  };
  const box = font.glyphForCodePoint(0x2014).bbox;
  return ((font.ascent - (box.minY + box.maxY) / 2) / font.unitsPerEm) * s.size;
}

/** A header or footer as a pdfmake dynamic content function. */
function band(spec: HeaderFooter | undefined, style: StyleName, b: BandContext, top: boolean): DynamicContent | null {
  if (!spec) return null;
  return (currentPage: number, pageCount: number) => {
    const fields = {
      ...editionFields(b.edition),
      // One article whose title is the edition's: the running head shows it once.
      'article.title': b.articleTitle === b.edition.meta.title && Object.values(spec).some((v) => v?.includes('{edition.title}')) ? '' : (b.articleTitle ?? ''),
      page: String(currentPage),
      pages: String(pageCount),
    };
    const name = spec.style ?? style;
    const s = b.context.template.styles[name];
    const inline = { fonts: b.context.fonts, role: s.font, bold: s.weight === 'bold', report: b.context.report };
    // Bands are one line: a field too long for its share of the line is shortened with "…".
    const share = b.width / (spec.center ? 3 : 2) - s.size;
    const fit = (text: string) => {
      const chars = [...text];
      const room = Math.max(4, Math.floor(share / s.size));
      return chars.length > room ? `${chars.slice(0, room - 1).join('')}\u2026` : text;
    };
    const cell = (text: string | undefined, alignment: 'left' | 'center' | 'right', width: string) =>
      ({ text: text && bandPattern(text, b.edition) ? pdfText(fit(fill(text, fields)), inline) : '', alignment, style: name, width, noWrap: true }) as Content;
    const odd = currentPage % 2 === 1;
    const left = spec.left ?? (!odd ? spec.outer : undefined);
    const right = spec.right ?? (odd ? spec.outer : undefined);
    // Outer page numbers stand one character in from the edge of the type area (GB/T 9704).
    const inset = spec.outer ? s.size : 0;
    const margin = top ? [b.inset[0], b.inset[1], b.inset[2], 0] : [b.inset[0] + (odd ? 0 : inset), Math.max(0, FOOTER_GAP - dashDepth(b.context, name) - b.slack), b.inset[2] + (odd ? inset : 0), 0];
    return { columns: [cell(left, 'left', '*'), cell(spec.center, 'center', 'auto'), cell(right, 'right', '*')], margin } as Content;
  };
}

function cover(edition: Edition, context: BlockContext): Content[] {
  const inline = (style: StyleName) => ({ fonts: context.fonts, role: context.template.styles[style].font, bold: context.template.styles[style].weight === 'bold', report: context.report });
  const lines: Content[] = [{ text: pdfText(edition.meta.title ?? '', inline('title')), style: 'title', fontSize: context.template.styles.title.size * 1.4, margin: [0, 160, 0, 24] } as Content];
  const facts = coverFacts(edition, context.template);
  if (facts) lines.push({ text: pdfText(facts, inline('subtitle')), style: 'subtitle' } as Content);
  if (edition.meta.source) lines.push({ text: pdfText(edition.meta.source, inline('kicker')), style: 'kicker', margin: [0, 12, 0, 0] } as Content);
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
  const context: BlockContext = { template, styles: laidStyles(template), fonts, report, width, families };
  // On a grid the type area holds exactly linesPerPage lines; a point of slack keeps
  // rounding from pushing the last one over.
  const slack = template.page.grid ? 1 : 0;
  const margins: [number, number, number, number] = [mmToPt(m.left), mmToPt(m.top), mmToPt(m.right), mmToPt(m.bottom) - slack];
  const headerInset: [number, number, number] = [margins[0], mmToPt(Math.max(8, m.top / 2 - 4)), margins[2]];
  const footerBand = (articleTitle?: string) => band(template.footer, 'footer', { edition, articleTitle, context, inset: headerInset, slack, width: inner }, false);
  const headerBand = (articleTitle?: string) => band(template.header, 'header', { edition, articleTitle, context, inset: headerInset, slack, width: inner }, true);
  const sections: Content[] = [];
  let balance: Balancer | undefined;
  const bands: Balancer[] = [];
  /** The titles across the columns, in flow order (pdfmake leaves its positions on each). */
  const titles: { positions?: { pageNumber: number }[] }[] = [];
  /** A title's table (pdfmake hands the hook the same object): how tall its body's first block stands. */
  const firstBlock = new WeakMap<object, number>();
  if (template.cover.enabled) sections.push({ section: cover(edition, context), header: null, footer: null } as unknown as Content);
  if (template.toc.enabled) {
    const s = template.styles.heading1;
    const toc = {
      toc: { title: { text: pdfText(template.toc.title, { fonts, role: s.font, bold: true, report }), style: 'heading1', margin: [0, 0, 0, 12] }, numberStyle: { font: fonts.roles.serif.family.name } },
    };
    sections.push({ section: [toc], header: null, footer: footerBand() } as unknown as Content);
  }
  if (template.page.columns > 1) {
    // A newspaper page: each title spans the columns, its text snakes through them.
    // Every article's columns are balanced where they end: the last article's on the last
    // page, the others' above the next title (a band across the page; balanced, its columns
    // may leave the title room on the page). pdfmake asks about each node once, in flow
    // order, laying out again after each change: each article is balanced on the pages the
    // ones before it left.
    const styleOf = (style: unknown) => context.styles[style as AnyStyleName] ?? context.styles.body;
    let offset = 0;
    const flow = edition.children.flatMap((article, i) => {
      const title = articleTitle(article, { ...context, width: inner });
      const body = articleBody(article, context);
      // The last article's last page may take a paragraph set loose to balance (balance.ts).
      const loosen =
        i === edition.children.length - 1
          ? {
              spacing: (block: number) => loosening(article, block, context)?.spacing,
              body: (block?: number) => articleBody(article, block === undefined ? context : { ...context, loosen: { block, by: loosening(article, block, context)!.by } }),
            }
          : undefined;
      const b = balancer(body, mmToPt(widthMm) / 2, { top: margins[1], bottom: mmToPt(heightMm) - margins[3] }, template.styles.body.leading, styleOf, offset, loosen);
      offset += b.tags;
      if (i === edition.children.length - 1) balance = b;
      else bands.push(b);
      const across = titleAcross(title, i === 0 ? 0 : template.styles.body.leading);
      titles.push(across as unknown as { positions?: { pageNumber: number }[] });
      const first = firstBlockHeight(body, styleOf);
      if (first !== undefined) firstBlock.set((across as { table: object }).table, first);
      return [across, columns(body, template)];
    });
    sections.push({ section: flow, header: headerBand(), footer: ruleEnd(footerBand(), template, margins, width, mmToPt(heightMm), (page) => columnsEnd([...bands, ...(balance ? [balance] : [])], titles, page)) } as unknown as Content);
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
    styles: styles(context.styles, fonts),
    background: columnRules(template, margins, mmToPt(heightMm), width),
    defaultStyle: { font: fonts.roles.serif.family.name, fontSize: template.styles.body.size },
    // Only a newspaper's titles across the columns are left to pdfmake's page-break hook
    // (everything else keeps together as unbreakable groups, keep.ts): a title whose
    // columns would not get two lines under it on this page, or not their first block,
    // starts the next.
    pageBreakBefore: (node: Node, queries: NodeQueries) => {
      if (bands.some((b) => b.check(node as never))) return true;
      if (balance?.check(node as never)) return true;
      const info = node as Node & { startPosition: { verticalRatio: number }; headlineLevel?: number };
      if (info.headlineLevel !== TITLE_ACROSS || info.startPosition.verticalRatio === 0) return false;
      const next = queries.getFollowingNodesOnPage().find((n) => (n as { columns?: unknown }).columns) as typeof info | undefined;
      if (!next) return queries.getNodesOnNextPage().length > 0;
      // Nor one whose columns' first block would not fit under it (it would go to the next page).
      const first = firstBlock.get((node as { table?: object }).table ?? {}) ?? 0;
      return innerHeight * (1 - next.startPosition.verticalRatio) < Math.max(bodyLeading * 2.5, first + 0.5);
    },
    info: {
      title: edition.meta.title,
      // The publication when one is given, else no author (never a path).
      ...(edition.meta.publication ? { author: edition.meta.publication } : {}),
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

/**
 * A title block across the columns, in one white cell: the column rule (drawn on the
 * page background) stops at the cell, space above included, so no tick of it shows
 * over the title. The space above (a line, between one article's columns and the next
 * title) is the cell's padding, not a margin: a margin after snaking columns that end at
 * the foot would push pdfmake on to a new, empty page.
 */
function titleAcross(title: Content[], gap: number): Content {
  const none = () => 0;
  return {
    table: { widths: ['*'], body: [[{ stack: title, fillColor: '#ffffff' }]], dontBreakRows: true },
    layout: { hLineWidth: none, vLineWidth: none, paddingLeft: none, paddingRight: none, paddingTop: (row: number) => (row === 0 ? gap : 0), paddingBottom: none },
    unbreakable: true,
    headlineLevel: TITLE_ACROSS,
  } as unknown as Content;
}

/** Snaking columns with the template's gap: the text flows down the first and on into the next. */
function columns(body: Content[], template: Template): Content {
  const gap = mmToPt(template.page.columnGap);
  const rest = Array.from({ length: template.page.columns - 1 }, () => ({ width: '*', text: '' }));
  return { columns: [{ width: '*', stack: body }, ...rest], columnGap: gap, snakingColumns: true } as unknown as Content;
}

/**
 * The footer of a newspaper's flow, which on the last page (and a page whose next title
 * went over to the next) also ends the column rule where the balanced columns end (a line
 * below their last line), not at the foot: a white
 * strip over the rule below it, as the title's white cell stops it above. The footer is
 * laid out after the body, so the columns' end is known by then (balance.ts).
 */
function ruleEnd(footer: DynamicContent | null, template: Template, margins: [number, number, number, number], width: number, pageHeight: number, columnsEndOn: (page: number) => number | undefined): DynamicContent | null {
  if (template.page.columns < 2 || !template.page.columnRule) return footer;
  const gap = mmToPt(template.page.columnGap);
  const foot = pageHeight - margins[3];
  return (currentPage, pageCount, pageSize) => {
    const band = footer?.(currentPage, pageCount, pageSize) ?? null;
    const end = columnsEndOn(currentPage);
    const from = end === undefined ? foot : end + template.styles.body.leading - template.styles.body.size;
    if (from >= foot - 0.5) return band;
    const strips = Array.from({ length: template.page.columns - 1 }, (_, i) => {
      const x = margins[0] + (i + 1) * width + i * gap + gap / 2;
      // pdfmake sets a footer's content from the foot of the type area down: y counts from there.
      return { type: 'rect', x: x - 1, y: from - foot, w: 2, h: foot - from + 1, color: '#ffffff' };
    });
    return [{ canvas: strips, absolutePosition: { x: 0, y: 0 } }, ...(band ? [band] : [])] as Content;
  };
}

/**
 * Where the columns end on a page that an article's columns end on, with no title after
 * them there (the last page; a page whose next title went over to the next): the column
 * rule ends with them. Undefined on any other page: the rule runs to the foot, or to the
 * next title's white cell. `articles` and `titles` are in flow order, one each an article.
 */
function columnsEnd(articles: Balancer[], titles: { positions?: { pageNumber: number }[] }[], page: number): number | undefined {
  for (let k = articles.length - 1; k >= 0; k--) {
    const end = articles[k]!.columnsEnd(page);
    if (end === undefined) continue;
    if (articles[k]!.columnsEnd(page + 1) !== undefined) return undefined;
    if (titles[k + 1]?.positions?.some((p) => p?.pageNumber === page)) return undefined;
    return end;
  }
  return undefined;
}

/** A rule down the middle of each column gap, on every page of the flow. */
function columnRules(template: Template, margins: [number, number, number, number], pageHeight: number, width: number): DynamicContent | undefined {
  if (template.page.columns < 2 || !template.page.columnRule) return undefined;
  const gap = mmToPt(template.page.columnGap);
  const lines = Array.from({ length: template.page.columns - 1 }, (_, i) => {
    const x = margins[0] + (i + 1) * width + i * gap + gap / 2;
    return { type: 'line', x1: x, y1: margins[1], x2: x, y2: pageHeight - margins[3], lineWidth: 0.5, lineColor: '#555555' };
  });
  return () => ({ canvas: lines }) as Content;
}
