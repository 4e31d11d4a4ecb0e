// From a validated template file (extends applied) to the resolved Template a
// writer receives: defaults filled, the variant merged in, units converted,
// and a grid turned into body size and line pitch.
import { ZhpressError } from '../errors.js';
import type { Lang } from '../model/types.js';
import { pageSize } from './page.js';
import type { FontRole, PageSetup, QuoteStyle, Style, StyleName, Template } from './types.js';
import { STYLE_NAMES } from './types.js';
import { mmToPt, toUnit, type Unit } from './units.js';
import { plural } from '../plural.js';

type Raw = Record<string, unknown>;

export const DEFAULT_FONTS: Record<FontRole, string> = {
  serif: 'Noto Serif SC',
  sans: 'Noto Sans SC',
  kai: 'LXGW WenKai, AR PL UKai CN',
  fangsong: 'FangSong',
};

/**
 * The regional faces a Traditional edition takes for a role the template leaves
 * at the Simplified default (DEFAULT_FONTS, or the same family named alone):
 * TC/HK glyph forms and centred ，。 in every template. npm's Noto TC/HK and LXGW
 * WenKai TC first, then Debian's Noto CJK and UKai; the SC fonts last, so a PDF can
 * always be written.
 */
const REGIONAL_FONTS: Partial<Record<Lang, Partial<Record<FontRole, string>>>> = {
  'zh-Hant': {
    serif: 'Noto Serif TC, Noto Serif CJK TC, Noto Serif SC',
    sans: 'Noto Sans TC, Noto Sans CJK TC, Noto Sans SC',
    kai: 'LXGW WenKai TC, AR PL UKai TW, LXGW WenKai, AR PL UKai CN',
  },
  'zh-Hant-TW': {
    serif: 'Noto Serif TC, Noto Serif CJK TC, Noto Serif SC',
    sans: 'Noto Sans TC, Noto Sans CJK TC, Noto Sans SC',
    kai: 'LXGW WenKai TC, AR PL UKai TW, LXGW WenKai, AR PL UKai CN',
  },
  'zh-Hant-HK': {
    serif: 'Noto Serif HK, Noto Serif CJK HK, Noto Serif TC, Noto Serif CJK TC, Noto Serif SC',
    sans: 'Noto Sans HK, Noto Sans CJK HK, Noto Sans TC, Noto Sans CJK TC, Noto Sans SC',
    kai: 'LXGW WenKai TC, AR PL UKai HK, AR PL UKai TW, LXGW WenKai, AR PL UKai CN',
  },
};

/** The faces a role is left at when a template names only Simplified-Chinese defaults. */
const SIMPLIFIED_DEFAULTS = new Set(['Noto Serif SC', 'Noto Sans SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC', 'LXGW WenKai', 'AR PL UKai CN']);

/** The role settings of an edition: the template's, its variant's, and regional faces where the template chose none. */
function resolveFonts(raw: Raw, own: Raw, variant: Lang): Record<FontRole, string> {
  const fonts = { ...DEFAULT_FONTS, ...(raw.fonts as Raw), ...(own.fonts as Raw) } as Record<FontRole, string>;
  const regional = REGIONAL_FONTS[variant] ?? {};
  for (const role of Object.keys(regional) as FontRole[]) {
    const chosen = fonts[role].split(',').map((n) => n.trim()).filter(Boolean);
    if ((own.fonts as Raw | undefined)?.[role] === undefined && chosen.every((n) => SIMPLIFIED_DEFAULTS.has(n))) fonts[role] = regional[role]!;
  }
  return fonts;
}

const BASE_STYLE: Style = {
  font: 'serif',
  size: 12,
  weight: 'normal',
  leading: 20,
  indent: 0,
  alignment: 'justify',
  spaceBefore: 0,
  spaceAfter: 0,
};

const UNITS: Record<string, Unit> = { size: 'pt', leading: 'pt', indent: 'em', spaceBefore: 'pt', spaceAfter: 'pt' };

function fail(file: string, key: string, message: string): never {
  throw new ZhpressError(`${key}: ${message}`, { file, exitCode: 2 });
}

function convert(file: string, key: string, value: unknown, unit: Unit): number {
  let n: number;
  try {
    n = toUnit(value as number | string, unit);
  } catch (error) {
    return fail(file, key, (error as Error).message);
  }
  if (!Number.isFinite(n)) fail(file, key, `${String(value)} is not a finite length`);
  return n;
}

/** The column gap leaves each column at least this wide. */
const MIN_COLUMN_MM = 20;

/**
 * Sizes a page can hold: a type size up to the type area's width (and height), a
 * leading and the space around a paragraph up to its height, an indent inside its
 * width. Beyond these a writer would lay out nothing or overflow its numbers
 * (`size: 1e308` took 10 s to fail inside pdfmake).
 */
function checkRanges(file: string, page: PageSetup, styles: Record<StyleName, Style>): void {
  const area = typeArea(page);
  const pt = (n: number) => `${n < 1e6 ? Math.round(n * 10) / 10 : n.toPrecision(3)} pt`;
  const columnWidth = (area.width - mmToPt(page.columnGap) * (page.columns - 1)) / page.columns;
  if (page.columns > 1 && columnWidth < mmToPt(MIN_COLUMN_MM)) {
    fail(file, 'page.columnGap', `${page.columnGap} mm between ${page.columns} columns leaves each column less than ${MIN_COLUMN_MM} mm of the ${pt(area.width)} type area`);
  }
  const width = page.columns > 1 ? columnWidth : area.width;
  // The body first: the other styles start from it, and its own key is the one to name.
  for (const name of ['body', ...STYLE_NAMES.filter((n) => n !== 'body')] as StyleName[]) {
    const style = styles[name];
    const key = (k: string) => `styles.${name}.${k}`;
    if (style.size > width || style.size > area.height) fail(file, key('size'), `${pt(style.size)} is larger than the type area (${pt(width)} wide, ${pt(area.height)} high)`);
    if (style.leading > area.height) fail(file, key('leading'), `${pt(style.leading)} is more than the type area's height (${pt(area.height)})`);
    if (style.indent * style.size >= width) fail(file, key('indent'), `${style.indent} em of ${pt(style.size)} is as wide as the type area (${pt(width)}) or wider`);
    for (const k of ['spaceBefore', 'spaceAfter'] as const) {
      if (style[k] > area.height) fail(file, key(k), `${pt(style[k])} is more than the type area's height (${pt(area.height)})`);
    }
  }
}

function resolvePage(raw: Raw, file: string): PageSetup {
  const margins = (raw.margins ?? {}) as Raw;
  const mm = (key: string, value: unknown, fallback: number) => {
    const n = value === undefined ? fallback : convert(file, `page.${key}`, value, 'mm');
    if (n < 0) fail(file, `page.${key}`, `a length here cannot be negative (found ${n} mm)`);
    return n;
  };
  const page: PageSetup = {
    size: (raw.size as PageSetup['size']) ?? 'A4',
    orientation: (raw.orientation as PageSetup['orientation']) ?? 'portrait',
    margins: {
      top: mm('margins.top', margins.top, 25),
      right: mm('margins.right', margins.right, 25),
      bottom: mm('margins.bottom', margins.bottom, 25),
      left: mm('margins.left', margins.left, 25),
    },
    columns: (raw.columns as number) ?? 1,
    columnGap: mm('columnGap', raw.columnGap, 8),
    columnRule: (raw.columnRule as boolean) ?? false,
  };
  if (raw.grid) page.grid = raw.grid as PageSetup['grid'];
  const [width, height] = pageSize(page);
  if (page.margins.left + page.margins.right >= width - 20 || page.margins.top + page.margins.bottom >= height - 20) {
    fail(file, 'page.margins', `the margins leave less than 20 mm of a ${width} x ${height} mm page`);
  }
  return page;
}

function resolveStyle(name: StyleName, raw: Raw, file: string, base: Style, grid?: number): Style {
  const style: Style = { ...base };
  for (const [key, value] of Object.entries(raw)) {
    const unit = UNITS[key];
    (style as unknown as Raw)[key] = unit ? convert(file, `styles.${name}.${key}`, value, unit) : value;
    if (unit && (style as unknown as Record<string, number>)[key]! < 0) fail(file, `styles.${name}.${key}`, 'cannot be negative');
  }
  if (raw.size !== undefined && raw.leading === undefined) {
    // On a grid every line takes a whole number of grid lines.
    style.leading = grid ? grid * Math.ceil((style.size * 1.2) / grid) : Math.round(style.size * 1.6 * 10) / 10;
  }
  if (style.size <= 0) fail(file, `styles.${name}.size`, 'must be more than 0 pt');
  return style;
}

/** The type area in pt: page less margins. */
export function typeArea(page: PageSetup): { width: number; height: number } {
  const [width, height] = pageSize(page);
  return { width: mmToPt(width - page.margins.left - page.margins.right), height: mmToPt(height - page.margins.top - page.margins.bottom) };
}

export function resolveTemplate(raw: Raw, variant: Lang, file: string): Template {
  const own = ((raw.variants as Raw | undefined)?.[variant] ?? {}) as Raw;
  const page = resolvePage((raw.page ?? {}) as Raw, file);
  const fonts = resolveFonts(raw, own, variant);
  const rawStyles = (raw.styles ?? {}) as Record<string, Raw>;
  const body = resolveStyle('body', rawStyles.body ?? {}, file, BASE_STYLE);
  if (page.grid) {
    const area = typeArea(page);
    const size = area.width / page.grid.charsPerLine;
    const leading = area.height / page.grid.linesPerPage;
    const bodySize = (rawStyles.body ?? {}).size === undefined ? size : body.size;
    if (size < 4 || leading < bodySize * 1.05 || bodySize > size * 1.2) {
      fail(file, 'page.grid', `${plural(page.grid.linesPerPage, 'line')} x ${plural(page.grid.charsPerLine, 'character')} cannot fit a ${Math.round(area.width)} x ${Math.round(area.height)} pt type area (characters ${size.toFixed(1)} pt on a ${leading.toFixed(1)} pt pitch)`);
    }
    // The body keeps its own size when the template gives one (GB/T 9704: 16 pt on a
    // 15.8 pt pitch, as Word's grid does); the line pitch is always the grid's.
    body.size = bodySize;
    body.leading = leading;
  }
  const styles = {} as Record<StyleName, Style>;
  for (const name of STYLE_NAMES) {
    styles[name] = name === 'body' ? body : resolveStyle(name, rawStyles[name] ?? {}, file, { ...body, indent: 0 }, page.grid ? body.leading : undefined);
  }
  checkRanges(file, page, styles);
  // "source" leaves the choice to the conversion, which knows its direction (corner brackets into TW/HK).
  const quotes = (own.quotes ?? raw.quotes ?? 'source') as QuoteStyle;
  const hanLatinSpace = raw.hanLatinSpace === undefined ? 0 : convert(file, 'hanLatinSpace', raw.hanLatinSpace, 'em');
  if (hanLatinSpace < 0 || hanLatinSpace > 1) fail(file, 'hanLatinSpace', `${hanLatinSpace} em: give 0 (none) to 1 em, about 0.25 em as clreq asks`);
  const template: Template = {
    name: String(raw.name),
    description: String(raw.description ?? ''),
    page,
    fonts,
    wordFonts: { ...(raw.wordFonts as Raw), ...(own.wordFonts as Raw) } as Template['wordFonts'],
    styles,
    cover: { enabled: Boolean((raw.cover as Raw | undefined)?.enabled), pageLabel: String((raw.cover as Raw | undefined)?.pageLabel ?? '\u7B2C{page}\u7248') },
    toc: { enabled: Boolean((raw.toc as Raw | undefined)?.enabled), title: String((raw.toc as Raw | undefined)?.title ?? '\u76EE\u5F55') },
    quotes,
    hanLatinSpace,
    lang: (raw.lang as Lang | undefined) ?? 'zh-Hans',
  };
  if (raw.header) template.header = raw.header as Template['header'];
  if (raw.footer) template.footer = raw.footer as Template['footer'];
  return template;
}
