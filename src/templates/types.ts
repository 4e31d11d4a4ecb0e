// A template is a declarative style sheet (DESIGN.md "Templates"). This is the
// resolved form a writer receives: `extends` applied, defaults filled, the
// edition's variant merged in. Units: mm for the page, pt for sizes, em for indents.
import type { Lang } from '../model/types.js';

export const FONT_ROLES = ['serif', 'sans', 'kai', 'fangsong'] as const;

export type FontRole = (typeof FONT_ROLES)[number];

export const STYLE_NAMES = [
  'title',
  'subtitle',
  'kicker',
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'subhead',
  'body',
  'lead',
  'quote',
  'listItem',
  'dateline',
  'continuation',
  'header',
  'footer',
] as const;

export type StyleName = (typeof STYLE_NAMES)[number];

export interface Style {
  font: FontRole;
  /** pt */
  size: number;
  weight: 'normal' | 'bold';
  /** Line pitch in pt (baseline to baseline). */
  leading: number;
  /** First-line indent in em. */
  indent: number;
  alignment: 'left' | 'center' | 'right' | 'justify';
  /** pt */
  spaceBefore: number;
  /** pt */
  spaceAfter: number;
}

export interface PageSetup {
  size: 'A4' | 'A5' | 'B5' | 'LETTER';
  orientation: 'portrait' | 'landscape';
  /** mm */
  margins: { top: number; right: number; bottom: number; left: number };
  columns: number;
  /** mm */
  columnGap: number;
  /** A rule between columns. */
  columnRule: boolean;
  /** Fixes body size and line pitch (GB/T 9704: 22 lines x 28 characters). */
  grid?: { linesPerPage: number; charsPerLine: number };
}

/** Fields: {edition.title} {edition.publication} {edition.date} {article.title} {page} {pages}. */
export interface HeaderFooter {
  left?: string;
  center?: string;
  right?: string;
  /** On the outer edge: right on odd pages, left on even ones (GB/T 9704 page numbers). */
  outer?: string;
  /** The style the text is set in ("header" or "footer" unless given). */
  style?: StyleName;
}

export const QUOTE_STYLES = ['source', 'corner', 'curly'] as const;

export type QuoteStyle = (typeof QUOTE_STYLES)[number];

export interface Template {
  name: string;
  description: string;
  page: PageSetup;
  /** A font family name for each role (resolved to files by the font registry). */
  fonts: Record<FontRole, string>;
  /**
   * The font the Word edition names for each role: one a Word user has (宋体, 仿宋,
   * 標楷體, …); a role not given is named by the family the PDF uses.
   */
  wordFonts: Partial<Record<FontRole, string>>;
  styles: Record<StyleName, Style>;
  header?: HeaderFooter;
  footer?: HeaderFooter;
  /** The cover; `pageLabel` shows the edition's page ({page}) beside its publication and date. */
  cover: { enabled: boolean; pageLabel: string };
  toc: { enabled: boolean; title: string };
  /**
   * The language the template's own text is written in (the contents title, the
   * cover's page label, the literal text of header and footer); each edition
   * gets that text converted to its own language.
   */
  lang: Lang;
  /** Quotation-mark style: keep the source's, 「」『』 (corner) or “”‘’ (curly). */
  quotes: QuoteStyle;
  /**
   * Space between a Han character and a Latin letter or digit beside it ("共2亿人", "5G网络"),
   * em of the text's size; 0 sets none (clreq 3.2.2 asks for about a quarter em).
   */
  hanLatinSpace: number;
}
