// Model blocks to pdfmake content. Each block is one text node in a named
// style, so the first-line indent (leadingIndent) applies to its first line only.
// A paragraph with a role (signature, address, attachment note, …) is set in its
// role's style (templates/derived.ts); so are the title block's notes and byline.
import type { Content } from 'pdfmake/interfaces.js';
import type { Article, Block, Change, HeadingDepth } from '../../model/types.js';
import { inlineText } from '../../model/visit.js';
import type { AnyStyleName, LaidStyle } from '../../templates/derived.js';
import type { Template } from '../../templates/types.js';
import { labelAlone, paragraphStyle } from '../paragraph-style.js';
import { titleBlockByline, titleFromHeading, titleRepeatsHeading } from '../derived-title.js';
import type { FontFamily } from '../../fonts/types.js';
import { lineHeightFor, type PdfFonts } from './fonts.js';
import type { Run } from './linebreak.js';
import { rememberedLines } from './line-memo.js';
import { type InlineContext, pdfInlines, pdfText } from './inlines.js';
import { BLOCK_INDEX, KEEP_WITH_NEXT, keepTogether } from './keep.js';

export interface BlockContext {
  template: Template;
  /** The template's styles and the derived ones, by name (the names of the pdfmake styles). */
  styles: Record<AnyStyleName, LaidStyle>;
  fonts: PdfFonts;
  report: Change[];
  /** Width of a line of text (the type area, or one column), pt. */
  width: number;
  /** Families by the name pdfmake knows them under. */
  families: ReadonlyMap<string, FontFamily>;
  /**
   * One paragraph of the article set loose (balance.ts: the newspaper's last page, where
   * no column break balances it, takes a line more): its index among the article's
   * blocks, and the points its lines are filled short of the measure (justified to it).
   */
  loosen?: { block: number; by: number };
  /** Points off the measure while breaking this block's lines (set from `loosen`). */
  loose?: number;
}

export { KEEP_WITH_NEXT };

function inlineContext(context: BlockContext, style: AnyStyleName, position: InlineContext['position']): InlineContext {
  const s = context.styles[style];
  const lead = context.styles.lead;
  return { fonts: context.fonts, role: s.font, bold: s.weight === 'bold', report: context.report, position, lead: { role: lead.font, bold: lead.weight === 'bold' } };
}

/**
 * One block as one pdfmake text node in its named style. Left-aligned and
 * justified text is broken into lines here (linebreak.ts); centred and
 * right-aligned lines (titles, datelines) are left to pdfmake.
 */
function styled(context: BlockContext, style: AnyStyleName, text: Content[], extra: Record<string, unknown> = {}): Content {
  const s = context.styles[style];
  const grid = context.template.page.grid;
  // On a grid, text at the body size keeps the grid's character pitch (headings, quotes, items too).
  const gridPitch = grid ? context.width / grid.charsPerLine : undefined;
  const pitch = gridPitch && s.size <= gridPitch * 1.1 ? gridPitch : undefined;
  // Indents count characters: on a grid, cells (GB/T 9704: a 2-character indent is two
  // cells, so a first line holds 26 characters, not 25 stretched off the grid).
  const em = pitch ?? s.size;
  // A hanging indent is a negative one: the first line starts `hanging` before the others.
  const indent = (s.indent - s.hanging) * em;
  const left = s.left * em;
  const node: Record<string, unknown> = { text, style, ...extra };
  if (indent !== 0) node.leadingIndent = indent;
  if (left > 0) node.margin = [left, s.spaceBefore, 0, s.spaceAfter];
  if (s.alignment === 'justify' || s.alignment === 'left') {
    node.text = rememberedLines(text as Run[], {
      width: context.width - left,
      indent,
      size: s.size,
      justify: s.alignment === 'justify',
      pitch,
      families: context.families,
      fonts: context.fonts.source,
      hanLatinSpace: context.template.hanLatinSpace,
      ...(context.loose ? { loose: context.loose } : {}),
    });
    node.alignment = 'left';
    node.broken = true;
  }
  // Every run gets the line height that makes its line the style's leading in its own
  // font: a run in another face (a bold lead in sans, a fallback) would otherwise make
  // its line taller or shorter and move every baseline after it off the grid.
  const lineHeights = new Map<string, number | undefined>();
  const lineHeight = (font: string) => {
    if (!lineHeights.has(font)) {
      const family = context.families.get(font) ?? context.fonts.source.family(font);
      lineHeights.set(font, family && lineHeightFor(context.fonts.source, family, s.size, s.leading));
    }
    return lineHeights.get(font);
  };
  node.text = (node.text as Run[]).map((run) => {
    const height = lineHeight(run.font);
    return height === undefined ? run : { ...run, lineHeight: height };
  });
  return node as unknown as Content;
}

function headingStyle(depth: HeadingDepth): AnyStyleName {
  return `heading${depth}` as AnyStyleName;
}

function block(node: Block, article: Article, index: number, context: BlockContext): Content[] {
  switch (node.type) {
    case 'heading': {
      const style = headingStyle(node.depth);
      return [
        styled(context, style, pdfInlines(node.children, inlineContext(context, style, node.position), node.marker), {
          id: `${article.id}-${index}`,
          headlineLevel: KEEP_WITH_NEXT,
          tocItem: node.depth <= 2,
          tocMargin: [node.depth * 12, 0, 0, 0],
          tocStyle: { font: context.fonts.roles.serif.family.name, bold: false },
          outline: true,
          outlineText: (node.marker ?? '') + inlineText(node.children),
          // Under the article's bookmark, unless the title was derived from a heading and has none.
          ...(titleFromHeading(article) ? {} : { outlineParentId: article.id }),
        }),
      ];
    }
    case 'paragraph': {
      const style = paragraphStyle(node);
      return [styled(context, style, pdfInlines(node.children, inlineContext(context, style, node.position), node.marker), labelAlone(node) ? { headlineLevel: KEEP_WITH_NEXT } : undefined)];
    }
    case 'subhead':
      return [styled(context, 'subhead', pdfInlines(node.children, inlineContext(context, 'subhead', node.position)), { headlineLevel: KEEP_WITH_NEXT })];
    case 'list':
      return node.children.map((item) =>
        styled(context, 'listItem', pdfInlines(item.children, inlineContext(context, 'listItem', item.position), item.marker ?? (node.style === 'bullet' ? '\u2022' : undefined))),
      );
    case 'quote':
      return [styled(context, 'quote', pdfInlines(node.children, inlineContext(context, 'quote', node.position)))];
    case 'dateline':
      return [styled(context, 'dateline', pdfInlines(node.children, inlineContext(context, 'dateline', node.position)))];
    case 'continuation':
      return [styled(context, 'continuation', pdfInlines(node.children, inlineContext(context, 'continuation', node.position)))];
  }
}

/** The article's title block: kicker, title (a bookmark and a contents entry), subtitle, notes, byline. */
export function articleTitle(article: Article, context: BlockContext): Content[] {
  const out: Content[] = [];
  const meta = article.meta;
  const plain = (style: AnyStyleName, text: string, extra: Record<string, unknown> = {}) =>
    styled(context, style, pdfText(text, inlineContext(context, style, article.position)), extra);
  if (meta.kicker) out.push(plain('kicker', meta.kicker, { headlineLevel: KEEP_WITH_NEXT }));
  // A title derived from a heading: the heading right under it stands for it; one further
  // down is the contents entry and the bookmark, so the title is printed but not listed.
  if (!titleRepeatsHeading(article)) {
    const listed = !titleFromHeading(article);
    out.push(
      plain('title', meta.title ?? article.id, {
        id: article.id,
        headlineLevel: KEEP_WITH_NEXT,
        tocItem: listed,
        outline: listed,
        ...(listed ? { outlineText: meta.title ?? article.id } : {}),
      }),
    );
  }
  if (meta.subtitle) out.push(plain('subtitle', meta.subtitle, { headlineLevel: KEEP_WITH_NEXT }));
  for (const note of meta.notes ?? []) out.push(plain('titleNote', note, { headlineLevel: KEEP_WITH_NEXT }));
  const byline = titleBlockByline(meta);
  if (byline) out.push(plain('byline', byline, { headlineLevel: KEEP_WITH_NEXT }));
  return closeUp(out, context);
}

/**
 * Paragraphs of a contextual style in a row are spaced as one (Word's contextual
 * spacing): the space above the first and below the last, none between them.
 */
function closeUp(nodes: Content[], context: BlockContext): Content[] {
  const styleOf = (node: Content | undefined) => (node as { style?: AnyStyleName } | undefined)?.style;
  return nodes.map((node, i) => {
    const style = styleOf(node);
    const s = style && context.styles[style];
    if (!s?.contextual) return node;
    const top = styleOf(nodes[i - 1]) === style ? 0 : s.spaceBefore;
    const bottom = styleOf(nodes[i + 1]) === style ? 0 : s.spaceAfter;
    if (top === s.spaceBefore && bottom === s.spaceAfter) return node;
    const left = ((node as { margin?: number[] }).margin ?? [0])[0]!;
    return { ...(node as object), margin: [left, top, 0, bottom] } as Content;
  });
}

function blocks(article: Article, context: BlockContext): Content[] {
  const { loosen } = context;
  return closeUp(
    article.children.flatMap((node, i) => block(node, article, i, loosen?.block === i ? { ...context, loose: loosen.by } : context).map((n) => ({ ...(n as object), [BLOCK_INDEX]: i }) as unknown as Content)),
    context,
  );
}

/** Most a paragraph is set loose by, em off the measure (its lines lose about a character each). */
const LOOSEST = 1;
/** Most space a loose line may have between two characters, em (1.6 em of slack over 20 gaps); more only where the paragraph set as usual has as much. */
const LOOSEST_SPACING = 0.08;

/**
 * How loose a block must be set to run one line longer: pt off the measure (the least of
 * a quarter em's steps up to LOOSEST) and the most space it then leaves between two
 * characters of a line (em); undefined when it is no justified paragraph, or not one
 * line longer within that (two lines longer is no gain), or a line would come out
 * looser than LOOSEST_SPACING (a number or a Latin word that cannot break going down
 * whole leaves its line gappy).
 */
export function loosening(article: Article, index: number, context: BlockContext): { by: number; spacing: number } | undefined {
  const node = article.children[index];
  if (node?.type !== 'paragraph') return undefined;
  const style = context.styles[paragraphStyle(node)];
  if (style.alignment !== 'justify' || context.template.page.grid) return undefined;
  const laid = (loose?: number) => {
    const runs = (block(node, article, index, loose ? { ...context, loose } : context)[0] as unknown as { text: { text: string; characterSpacing?: number }[] }).text;
    const breaks = runs.flatMap((r, k) => (r.text === '\n' ? [k] : []));
    // The widest gap between characters on a line that is justified (all but the last).
    const widest = Math.max(0, ...runs.slice(0, breaks.at(-1) ?? 0).map((r) => r.characterSpacing ?? 0)) / style.size;
    return { lines: breaks.length + 1, widest };
  };
  const natural = laid();
  for (let step = 1; step <= LOOSEST * 4; step++) {
    const by = (step / 4) * style.size;
    const loose = laid(by);
    if (loose.lines > natural.lines + 1) return undefined;
    if (loose.lines < natural.lines + 1) continue;
    return loose.widest <= Math.max(LOOSEST_SPACING, natural.widest) ? { by, spacing: loose.widest } : undefined;
  }
  return undefined;
}

/** The space above and below a node in its named style. */
function spacing(context: BlockContext) {
  return (node: Record<string, unknown>): [number, number] => {
    const s = context.styles[node.style as AnyStyleName] as LaidStyle | undefined;
    return [s?.spaceBefore ?? 0, s?.spaceAfter ?? 0];
  };
}

/**
 * Blocks on the body's line grid: the space above a block grows until its height (lines
 * at its leading, space above and below) is a whole number of body lines, so the
 * baselines of snaking columns stay on one grid whatever headings stand in them.
 */
function onGrid(nodes: Content[], context: BlockContext): Content[] {
  const grid = context.styles.body.leading;
  return nodes.map((content) => {
    const node = content as unknown as Record<string, unknown>;
    const s = context.styles[node.style as AnyStyleName] as LaidStyle | undefined;
    if (!s) return content;
    const margin = (node.margin as number[] | undefined) ?? [0, s.spaceBefore, 0, s.spaceAfter];
    const lines = node.broken && Array.isArray(node.text) ? (node.text as { text: string }[]).filter((r) => r.text === '\n').length + 1 : 1;
    const height = lines * s.leading + margin[1]! + margin[3]!;
    const extra = Math.ceil(height / grid - 1e-6) * grid - height;
    if (extra < 1e-6) return content;
    return { ...node, margin: [margin[0], margin[1]! + extra, margin[2], margin[3]] } as unknown as Content;
  });
}

/** The article's blocks with their break rules (keep.ts); a newspaper sets them in columns under the title, on a line grid. */
export function articleBody(article: Article, context: BlockContext): Content[] {
  return keepTogether(onGrid(blocks(article, context), context), spacing(context));
}

/** Title block and blocks in one flow: the title keeps with the first lines of the text. */
export function articleContent(article: Article, context: BlockContext): Content[] {
  return keepTogether([...articleTitle(article, context), ...blocks(article, context)], spacing(context));
}
