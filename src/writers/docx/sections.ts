// Sections of the Word edition: page setup (size, margins, columns, grid), the
// cover, the contents, and one section per article (each starts a page) with the
// running header and footer and their fields.
import {
  type ISectionOptions,
  type ISectionPropertiesOptions,
  DocumentGridType,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  SectionType,
  SimpleField,
  Tab,
  TableOfContents,
  TextRun,
} from 'docx';
import type { Article, Edition } from '../../model/types.js';
import { pageSize } from '../../templates/page.js';
import type { HeaderFooter, StyleName, Template } from '../../templates/types.js';
import { bandPattern, coverFacts, editionFields, FIELD } from '../../templates/fields.js';
import { articleBodyParagraphs, articleParagraphs, articleTitleParagraphs } from './blocks.js';
import { docxText } from './inlines.js';
import { ARTICLE_TITLE_LEVEL, STYLE, WORD_STYLE, mmToTwips, lineTwips } from './styles.js';
import { FOOTER_GAP_MM } from '../page-furniture.js';

/** Width of the type area, in twips (header and footer tab stops). */
export function textWidth(template: Template): number {
  const [w] = pageSize(template.page);
  const m = template.page.margins;
  return mmToTwips(w - m.left - m.right);
}

/**
 * How far above the page's foot the footer ends, mm: where its line's dash stands 7 mm below the type
 * area, as in the PDF edition (GB/T 9704's place for the page number). A footer line's dash stands
 * about 0.24 mm a point above the line's foot (measured in LibreOffice: 3.4 mm at 14 pt).
 */
const DASH_ABOVE_FOOT_MM_PER_PT = 0.24;
function footerDistance(template: Template): number {
  return Math.max(4, template.page.margins.bottom - FOOTER_GAP_MM - DASH_ABOVE_FOOT_MM_PER_PT * template.styles.footer.size);
}

/** Page size and margins; the header and footer sit where the PDF edition puts them. */
function pageProperties(template: Template): NonNullable<ISectionPropertiesOptions['page']> {
  const [w, h] = pageSize({ size: template.page.size, orientation: 'portrait' });
  const m = template.page.margins;
  return {
    size: {
      width: mmToTwips(w),
      height: mmToTwips(h),
      orientation: template.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: {
      top: mmToTwips(m.top),
      right: mmToTwips(m.right),
      bottom: mmToTwips(m.bottom),
      left: mmToTwips(m.left),
      header: mmToTwips(Math.max(8, m.top / 2 - 4)),
      footer: mmToTwips(footerDistance(template)),
      gutter: 0,
    },
  };
}

/**
 * The document grid: lines at the body leading. A template's characters per line
 * are kept by character spacing in the styles (styles.ts gridSpacing), not by a
 * linesAndChars grid, which LibreOffice spreads to 18 characters a line.
 */
function grid(template: Template): ISectionPropertiesOptions['grid'] {
  // Only a template with a grid gets one. On a line grid LibreOffice (and Word) snap every
  // line to whole grid lines, so a heading set on 24 or 30 pt in a 22 pt grid took two
  // (44 pt) and a briefing page came out 3-5 lines short of the PDF's; without a grid the
  // exact line heights of the styles hold, as in the PDF.
  if (!template.page.grid) return { type: DocumentGridType.DEFAULT, linePitch: lineTwips(template.styles.body.leading) };
  return { type: DocumentGridType.LINES, linePitch: lineTwips(template.styles.body.leading) };
}

// ---------------------------------------------------------------- header and footer


/** A header or footer pattern to runs: {page} and {pages} as PAGE and NUMPAGES, {article.title} as STYLEREF to the article title style. */
function fieldRuns(given: string, edition: Edition, article: Article | undefined): ParagraphChild[] {
  const pattern = bandPattern(given, edition);
  const out: ParagraphChild[] = [];
  let last = 0;
  const text = (s: string) => {
    if (s) out.push(new TextRun({ text: s }));
  };
  for (const match of pattern.matchAll(FIELD)) {
    text(pattern.slice(last, match.index));
    last = match.index + match[0].length;
    switch (match[1]) {
      case 'edition.title':
      case 'edition.publication':
      case 'edition.date':
      case 'edition.page':
        text(editionFields(edition)[match[1]]);
        break;
      case 'article.title':
        // Word fills it from the nearest article title; the section's own title is the cached value other readers show.
        out.push(new SimpleField(`STYLEREF "Heading ${ARTICLE_TITLE_LEVEL}"`, article ? (article.meta.title ?? article.id) : ''));
        break;
      case 'page':
        out.push(new TextRun({ children: [PageNumber.CURRENT] }));
        break;
      case 'pages':
        out.push(new TextRun({ children: [PageNumber.TOTAL_PAGES] }));
        break;
    }
  }
  text(pattern.slice(last));
  return out;
}

type Slot = 'left' | 'center' | 'right';

/**
 * One band (header or footer) for odd or even pages. One filled slot that matches the
 * style's alignment is set as it is; otherwise slots are separated by the style's centre and right tabs.
 */
function band(spec: HeaderFooter, style: string, alignment: Template['styles'][StyleName]['alignment'], size: number, edition: Edition, article: Article | undefined, even: boolean): Paragraph {
  const slots: Record<Slot, string | undefined> = {
    left: spec.left ?? (spec.outer && even ? spec.outer : undefined),
    center: spec.center,
    right: spec.right ?? (spec.outer && !even ? spec.outer : undefined),
  };
  const filled = (Object.keys(slots) as Slot[]).filter((k) => slots[k]);
  // The outer slot alone (GB/T 9704 7.5: the page number on the outer side, one character in): set flush
  // to that side and indented one character of the band's size, as the PDF sets it.
  const side = filled.length === 1 && filled[0] !== 'center' && !spec[filled[0]!] ? filled[0]! : undefined;
  if (side) {
    const inset = Math.round(size * 20);
    return new Paragraph({ style, alignment: side, indent: side === 'right' ? { right: inset } : { left: inset }, children: fieldRuns(slots[side]!, edition, article) });
  }
  const own: Slot = alignment === 'justify' ? 'left' : alignment;
  if (filled.length === 1 && filled[0] === own) return new Paragraph({ style, children: fieldRuns(slots[own]!, edition, article) });
  const children: ParagraphChild[] = [];
  if (slots.left) children.push(...fieldRuns(slots.left, edition, article));
  if (slots.center || slots.right) children.push(new TextRun({ children: [new Tab()] }));
  if (slots.center) children.push(...fieldRuns(slots.center, edition, article));
  if (slots.right) children.push(new TextRun({ children: [new Tab()] }), ...fieldRuns(slots.right, edition, article));
  // Tabs count from the left: the one case where a band overrides its style's alignment.
  return new Paragraph({ style, children, ...(own === 'left' ? {} : { alignment: 'left' as const }) });
}

/** True when a band puts something on the outer edge, so odd and even pages differ. */
export function needsEvenPages(template: Template): boolean {
  return Boolean(template.header?.outer || template.footer?.outer);
}

/** True when a band shows the article title, so each article section has its own. */
const perArticle = (spec: HeaderFooter | undefined) =>
  Boolean(spec && [spec.left, spec.center, spec.right, spec.outer].some((s) => s?.includes('{article.title}')));

/**
 * The header and footer of an article section. The first article section carries both;
 * a later one only those that show the article title, and inherits the others.
 */
function bands(template: Template, edition: Edition, article: Article | undefined, first: boolean): Pick<ISectionOptions, 'headers' | 'footers'> {
  const out: { headers?: { default: Header; even?: Header }; footers?: { default: Footer; even?: Footer } } = {};
  const even = needsEvenPages(template);
  const make = (spec: HeaderFooter, fallback: StyleName, id: string, isEven: boolean) => {
    const styleName = spec.style ?? fallback;
    const styleId = spec.style && spec.style !== fallback ? WORD_STYLE[spec.style] : id;
    return band(spec, styleId, template.styles[styleName].alignment, template.styles[styleName].size, edition, article, isEven);
  };
  if (template.header && (first || perArticle(template.header))) {
    const spec = template.header;
    out.headers = { default: new Header({ children: [make(spec, 'header', STYLE.header, false)] }) };
    if (even) out.headers.even = new Header({ children: [make(spec, 'header', STYLE.header, true)] });
  }
  if (template.footer && (first || perArticle(template.footer))) {
    const spec = template.footer;
    out.footers = { default: new Footer({ children: [make(spec, 'footer', STYLE.footer, false)] }) };
    if (even) out.footers.even = new Footer({ children: [make(spec, 'footer', STYLE.footer, true)] });
  }
  return out;
}

// ---------------------------------------------------------------- sections

function coverSection(edition: Edition, template: Template, base: ISectionPropertiesOptions): ISectionOptions {
  const meta = edition.meta;
  const children = [new Paragraph({ style: STYLE.title, children: docxText(meta.title ?? '') })];
  const facts = coverFacts(edition, template);
  if (facts) children.push(new Paragraph({ style: STYLE.coverFacts, children: docxText(facts) }));
  if (meta.source) children.push(new Paragraph({ style: STYLE.coverSource, children: docxText(meta.source) }));
  return { properties: base, children };
}

function tocSection(template: Template, base: ISectionPropertiesOptions, first: boolean): ISectionOptions {
  return {
    properties: { ...base, ...(first ? {} : { type: SectionType.NEXT_PAGE }) },
    children: [
      new Paragraph({ style: STYLE.tocHeading, children: docxText(template.toc.title) }),
      new TableOfContents(template.toc.title, { hyperlink: true, headingStyleRange: '1-3' }),
    ],
  };
}

export function docxSections(edition: Edition, template: Template): ISectionOptions[] {
  const base: ISectionPropertiesOptions = { page: pageProperties(template), grid: grid(template) };
  const sections: ISectionOptions[] = [];
  if (template.cover.enabled) sections.push(coverSection(edition, template, base));
  if (template.toc.enabled) sections.push(tocSection(template, base, sections.length === 0));
  const columns = template.page.columns > 1 ? { count: template.page.columns, space: mmToTwips(template.page.columnGap), separate: template.page.columnRule, equalWidth: true } : undefined;
  const articles = edition.children.length ? edition.children : [];
  articles.forEach((article, i) => {
    if (columns) {
      // A newspaper page: the title across the page in a one-column section, the text in
      // columns below it, both continuous, so the articles run on as in the PDF.
      const flow = sections.length > 0 ? { type: SectionType.CONTINUOUS } : {};
      sections.push({ properties: { ...base, ...flow }, ...(i === 0 ? bands(template, edition, article, true) : {}), children: articleTitleParagraphs(article) });
      sections.push({ properties: { ...base, type: SectionType.CONTINUOUS, column: columns }, children: articleBodyParagraphs(article) });
      return;
    }
    const properties: ISectionPropertiesOptions = {
      ...base,
      ...(sections.length > 0 ? { type: SectionType.NEXT_PAGE } : {}),
    };
    sections.push({ properties, ...bands(template, edition, article, i === 0), children: articleParagraphs(article) });
  });
  if (sections.length === 0) sections.push({ properties: base, ...bands(template, edition, undefined, true), children: [new Paragraph({ style: STYLE.body })] });
  return sections;
}
