// The Word edition's named styles, from the template's semantic styles. Every
// paragraph and run in the document refers to one of these; nothing is set on
// a paragraph directly, so editors restyle the whole edition from the Styles pane.
import { AlignmentType, type IParagraphStyleOptions, type ICharacterStyleOptions, type IStylesOptions, LineRuleType } from 'docx';
import type { ResolvedRole } from '../../fonts/types.js';
import type { HeadingDepth, Lang } from '../../model/types.js';
import type { FontRole, Style, StyleName, Template } from '../../templates/types.js';
import { type AnyStyleName, type DerivedStyleName, type LaidStyle, laidStyles } from '../../templates/derived.js';
import { pageSize } from '../../templates/page.js';

/** Style ids (and the names Word shows) of the edition's styles. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  kicker: 'Kicker',
  body: 'BodyText',
  label: 'Label',
  subhead: 'Subhead',
  quote: 'Quote',
  dashListItem: 'DashListItem',
  listItem: 'ListItem',
  dateline: 'Dateline',
  continuation: 'Continuation',
  header: 'Header',
  footer: 'Footer',
  tocHeading: 'TOCHeading',
  coverFacts: 'CoverFacts',
  coverSource: 'CoverSource',
  titleNote: 'TitleNote',
  byline: 'Byline',
  headerField: 'HeaderField',
  salutation: 'Salutation',
  attachmentNote: 'AttachmentNote',
  attachmentNoteContinued: 'AttachmentNoteContinued',
  signature: 'Signature',
  annotation: 'Annotation',
  endMatter: 'EndMatter',
  lead: 'Lead',
  emphasis: 'Emphasis',
} as const;

/** The Word style set in each of the template's styles (the title style is the article title's). */
export const WORD_STYLE: Record<StyleName, string> = {
  title: 'Heading1',
  subtitle: STYLE.subtitle,
  kicker: STYLE.kicker,
  heading1: 'Heading2',
  heading2: 'Heading3',
  heading3: 'Heading4',
  heading4: 'Heading5',
  subhead: STYLE.subhead,
  body: STYLE.body,
  lead: STYLE.body,
  quote: STYLE.quote,
  listItem: STYLE.listItem,
  dateline: STYLE.dateline,
  continuation: STYLE.continuation,
  header: STYLE.header,
  footer: STYLE.footer,
};

/** The Word style of each derived style (templates/derived.ts): title-block lines and paragraph roles. */
export const DERIVED_WORD_STYLE: Record<DerivedStyleName, string> = {
  titleNote: STYLE.titleNote,
  byline: STYLE.byline,
  headerField: STYLE.headerField,
  address: STYLE.salutation,
  attachment: STYLE.attachmentNote,
  attachmentItem: STYLE.attachmentNoteContinued,
  signature: STYLE.signature,
  annotation: STYLE.annotation,
  record: STYLE.endMatter,
};

/** The Word heading level of an article title. */
export const ARTICLE_TITLE_LEVEL = 1;

/** Heading style id for a Word heading level (1 = article title). */
export const headingStyle = (level: number) => `Heading${level}`;

/** The model's heading depth d is Word's Heading d+1: the navigation pane shows edition > article > section. */
export const headingLevelFor = (depth: HeadingDepth) => depth + 1;

/** Word's language tag for East Asian text. */
export function eastAsianLang(lang: Lang): string {
  switch (lang) {
    case 'zh-Hans':
      return 'zh-CN';
    case 'zh-Hant-HK':
      return 'zh-HK';
    case 'zh-Hant':
    case 'zh-Hant-TW':
      return 'zh-TW';
  }
}

/** Language of Latin text in the edition (spelling of numbers, names). */
export const LATIN_LANG = 'en-US';

/** The font Word is told for each role. */
export type RoleFonts = Record<FontRole, string>;

/** Each role's Word font: the template's `wordFonts`, else the family the PDF is set in. */
export function wordFonts(template: Template, roles: Record<FontRole, ResolvedRole>): RoleFonts {
  const names = {} as RoleFonts;
  for (const role of Object.keys(roles) as FontRole[]) names[role] = template.wordFonts[role] ?? roles[role].family.name;
  return names;
}

/** East Asian and Latin fonts of a role, set separately (same family: it has both scripts). */
export function roleFont(roles: RoleFonts, role: FontRole) {
  const name = roles[role];
  return { eastAsia: name, ascii: name, hAnsi: name, cs: name };
}

const ALIGN: Record<Style['alignment'], (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
};

/** pt to twentieths of a point. */
export const twips = (pt: number) => Math.round(pt * 20);

/**
 * A line's height in twips, rounded down: on a grid (GB/T 9704: 22 lines in 225 mm,
 * 28.99 pt each) 580 twips x 22 would overflow the type area by a hair and Word and
 * LibreOffice would set 21 lines; 579 x 22 fits.
 */
export const lineTwips = (pt: number) => Math.floor(pt * 20 + 1e-6);

/** mm to twentieths of a point. */
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** A paragraph's indents: first line in characters (Word's own unit for Chinese), or a left and hanging indent. */
function indentProps(s: LaidStyle, template: Template) {
  if (s.left > 0 || s.hanging > 0) {
    // One character on a grid is its pitch: the size and the grid's character spacing.
    const char = s.size + (gridSpacing(template, s) ?? 0) / 20;
    return { left: twips(s.left * char), ...(s.hanging > 0 ? { hanging: twips(s.hanging * char) } : { firstLine: 0 }) };
  }
  return s.indent > 0 ? { firstLineChars: Math.round(s.indent * 100), firstLine: twips(s.indent * s.size) } : { firstLine: 0 };
}

function paragraphProps(s: LaidStyle, template: Template, extra: { outlineLevel?: number; keepNext?: boolean } = {}) {
  return {
    alignment: ALIGN[s.alignment],
    spacing: { before: twips(s.spaceBefore), after: twips(s.spaceAfter), line: lineTwips(s.leading), lineRule: LineRuleType.EXACT },
    indent: indentProps(s, template),
    ...(s.contextual ? { contextualSpacing: true } : {}),
    // As the PDF edition breaks pages: never one line of a paragraph alone at a foot or a
    // top (so a paragraph of three lines or fewer is not split); headings keep with the next.
    widowControl: true,
    ...(extra.keepNext ? { keepNext: true, keepLines: true } : {}),
    ...(extra.outlineLevel !== undefined ? { outlineLevel: extra.outlineLevel } : {}),
  };
}

/**
 * On a character grid (GB/T 9704: 28 to a line), text at the body size is set
 * with character spacing that puts it on the grid's pitch. The section's grid
 * is a line grid only: LibreOffice (7.x) spreads full-width characters wider than
 * a linesAndChars cell over one and a half cells, 18 to a line instead of 28.
 */
export function gridSpacing(template: Template, s: Style): number | undefined {
  const spec = template.page.grid;
  if (!spec) return undefined;
  const [w] = pageSize(template.page);
  const width = ((w - template.page.margins.left - template.page.margins.right) * 72) / 25.4;
  const pitch = width / spec.charsPerLine;
  if (s.size > pitch * 1.1) return undefined;
  // Twentieths of a point, rounded down so that a full line never overflows.
  return Math.floor((pitch - s.size) * 20);
}

function runProps(s: Style, roles: RoleFonts, template?: Template) {
  const spacing = template ? gridSpacing(template, s) : undefined;
  return {
    font: roleFont(roles, s.font),
    size: Math.round(s.size * 2),
    ...(s.weight === 'bold' ? { bold: true } : {}),
    ...(spacing ? { characterSpacing: spacing } : {}),
  };
}

interface ParagraphStyleSpec {
  id: string;
  name: string;
  from: AnyStyleName;
  /** The style it inherits from in Word, when not Normal: editors restyle the family in one place. */
  basedOn?: string;
  /** Word outline level (0-based), for headings. */
  outlineLevel?: number;
  keepNext?: boolean;
  next?: string;
  /** Type size multiplied (the cover title). */
  scale?: number;
  /** Space in pt replacing the template's (the cover title). */
  spaceBefore?: number;
  spaceAfter?: number;
}

/** Every paragraph style, in the order the Styles pane lists them. */
function paragraphSpecs(): ParagraphStyleSpec[] {
  const specs: ParagraphStyleSpec[] = [
    { id: STYLE.body, name: 'Body Text', from: 'body' },
    // A label alone over what it heads ("柯華葳：" over a turn): body text kept with the next paragraph.
    { id: STYLE.label, name: 'Label', from: 'body', basedOn: STYLE.body, keepNext: true, next: STYLE.body },
    // The cover title, as the PDF edition sets it: 1.4 times the title size, 160 pt down the page.
    { id: STYLE.title, name: 'Title', from: 'title', scale: 1.4, spaceBefore: 160, spaceAfter: 24, keepNext: true, next: STYLE.coverFacts },
    { id: STYLE.subtitle, name: 'Subtitle', from: 'subtitle', keepNext: true, next: STYLE.body },
    { id: STYLE.titleNote, name: 'Title Note', from: 'titleNote', keepNext: true, next: STYLE.body },
    { id: STYLE.byline, name: 'Byline', from: 'byline', keepNext: true, next: STYLE.body },
    { id: STYLE.kicker, name: 'Kicker', from: 'kicker', keepNext: true, next: headingStyle(ARTICLE_TITLE_LEVEL) },
    { id: headingStyle(ARTICLE_TITLE_LEVEL), name: 'Heading 1', from: 'title', outlineLevel: 0, keepNext: true, next: STYLE.body },
  ];
  for (const depth of [1, 2, 3, 4] as const) {
    const level = headingLevelFor(depth);
    specs.push({ id: headingStyle(level), name: `Heading ${level}`, from: `heading${depth}`, outlineLevel: level - 1, keepNext: true, next: STYLE.body });
  }
  specs.push(
    { id: STYLE.subhead, name: 'Subhead', from: 'subhead', keepNext: true, next: STYLE.body },
    { id: STYLE.quote, name: 'Quote', from: 'quote', next: STYLE.body },
    { id: STYLE.dashListItem, name: 'Dash List Item', from: 'listItem' },
    { id: STYLE.listItem, name: 'List Item', from: 'listItem' },
    { id: STYLE.dateline, name: 'Dateline', from: 'dateline', next: STYLE.body },
    { id: STYLE.continuation, name: 'Continuation', from: 'continuation', next: STYLE.body },
    // The parts of an official document around its body (GB/T 9704), by the paragraph's role.
    { id: STYLE.headerField, name: 'Header Field', from: 'headerField' },
    { id: STYLE.salutation, name: 'Salutation', from: 'address', next: STYLE.body },
    { id: STYLE.attachmentNote, name: 'Attachment Note', from: 'attachment', next: STYLE.attachmentNoteContinued },
    { id: STYLE.attachmentNoteContinued, name: 'Attachment Note Continued', from: 'attachmentItem', basedOn: STYLE.attachmentNote },
    { id: STYLE.signature, name: 'Signature', from: 'signature' },
    { id: STYLE.annotation, name: 'Annotation', from: 'annotation' },
    { id: STYLE.endMatter, name: 'End Matter', from: 'record' },
    { id: STYLE.header, name: 'Header', from: 'header' },
    { id: STYLE.footer, name: 'Footer', from: 'footer' },
    { id: STYLE.tocHeading, name: 'TOC Heading', from: 'heading1', next: STYLE.body },
    { id: STYLE.coverFacts, name: 'Cover Facts', from: 'subtitle', next: STYLE.coverSource },
    { id: STYLE.coverSource, name: 'Cover Source', from: 'kicker' },
  );
  return specs;
}

/** The paragraph style ids this writer defines (for tests and checks). */
export const PARAGRAPH_STYLE_IDS = paragraphSpecs().map((s) => s.id);

export function docxStyles(template: Template, roles: RoleFonts, lang: Lang): IStylesOptions {
  const body = template.styles.body;
  const laid = laidStyles(template);
  const paragraphStyles: IParagraphStyleOptions[] = paragraphSpecs().map((spec) => {
    const s = laid[spec.from];
    const sized: LaidStyle = {
      ...s,
      ...(spec.scale ? { size: s.size * spec.scale, leading: s.leading * spec.scale } : {}),
      ...(spec.spaceBefore !== undefined ? { spaceBefore: spec.spaceBefore } : {}),
      ...(spec.spaceAfter !== undefined ? { spaceAfter: spec.spaceAfter } : {}),
    };
    if (spec.basedOn) {
      // Only what differs from the style it is based on, so that a change there reaches it.
      const { indent, spacing } = paragraphProps(sized, template, spec);
      const keep = spec.keepNext ? { keepNext: true, keepLines: true } : {};
      return { id: spec.id, name: spec.name, basedOn: spec.basedOn, next: spec.next ?? spec.id, quickFormat: true, paragraph: { ...keep, indent, spacing: { before: spacing.before } } };
    }
    return {
      id: spec.id,
      name: spec.name,
      basedOn: STYLE.normal,
      next: spec.next ?? spec.id,
      quickFormat: true,
      paragraph: paragraphProps(sized, template, spec),
      run: runProps(sized, roles, template),
    };
  });
  // Contents entries: the body font, indented one em a level.
  for (const level of [1, 2, 3]) {
    paragraphStyles.push({
      id: `TOC${level}`,
      name: `toc ${level}`,
      basedOn: STYLE.normal,
      next: STYLE.normal,
      uiPriority: 39,
      paragraph: {
        spacing: { before: level === 1 ? twips(body.leading / 4) : 0, after: 0, line: lineTwips(body.leading), lineRule: LineRuleType.EXACT },
        indent: { left: twips(body.size * (level - 1)) },
      },
      run: { font: roleFont(roles, body.font), size: Math.round(body.size * 2), bold: level === 1 },
    });
  }
  const lead = template.styles.lead;
  const characterStyles: ICharacterStyleOptions[] = [
    { id: STYLE.lead, name: 'Lead', quickFormat: true, run: { font: roleFont(roles, lead.font), bold: lead.weight === 'bold' } },
    // 着重号: a dot under each character (w:em), in the kai face.
    { id: STYLE.emphasis, name: 'Emphasis', quickFormat: true, run: { font: roleFont(roles, 'kai'), emphasisMark: { type: 'dot' } } },
  ];
  return {
    default: {
      document: {
        run: { font: roleFont(roles, body.font), size: Math.round(body.size * 2), language: { value: LATIN_LANG, eastAsia: eastAsianLang(lang) } },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles,
    characterStyles,
  };
}

/** Tab stops of the header and footer styles: centre and right edge of the text area. */
export function bandTabs(textWidth: number): string {
  return `<w:tabs><w:tab w:val="center" w:pos="${Math.round(textWidth / 2)}"/><w:tab w:val="right" w:pos="${textWidth}"/></w:tabs>`;
}
