// Page-level typesetting faults measured from a PDF itself (poppler's pdftohtml -xml:
// each text piece with its box and font), not from the layout code's own belief:
// - headings as the last line of a page or column (the text flows on below or after);
// - orphans: a paragraph's first line alone at a foot; widows: its last line alone at a top;
// - runts: a paragraph's last line of one or two characters;
// - pages holding only the running head and foot;
// - lines starting with closing punctuation or ending with opening punctuation;
// - for columns: how many baselines of the right column meet one of the left.
// A heading is a line set entirely in bold, or whose text is a bookmark (the writer
// bookmarks every title and heading). A paragraph starts on an indented line or after
// a line that stops short of the measure; it ends on a line that stops short.
import { spawnSync } from 'node:child_process';

const ZOOM = 2;
const CLOSING = '\u3001\u3002\uFF0C\uFF1A\uFF1B\uFF01\uFF1F\uFF09\u300D\u300F\u201D\u2019\u300B\u3009\u3011\uFF3D\u3015\u3017\u2026\u2014,.;:!?)]';
const OPENING = '\u201C\u2018\uFF08\u300C\u300E\u300A\u3008\u3010\uFF3B\u3014\u3016([';

interface Piece {
  top: number;
  left: number;
  width: number;
  height: number;
  font: string;
  size: number;
  bold: boolean;
  text: string;
}

export interface Line {
  page: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  text: string;
  bold: boolean;
  size: number;
  /** 0, 1, … for a column; -1 for a line across the columns. */
  column: number;
}

export interface Fault {
  kind: 'heading-at-foot' | 'orphan' | 'widow' | 'runt' | 'empty-page' | 'bad-start' | 'bad-end';
  page: number;
  text: string;
}

export interface PageReport {
  pages: number;
  faults: Fault[];
  counts: Record<Fault['kind'], number>;
  /** Columns only: share of right-column lines whose baseline meets a left-column one. */
  gridShare?: number;
  /** Columns only: on the last page, the columns' heights differ by this many body lines. */
  lastPageImbalance?: number;
  /**
   * Columns only: each band of columns above a title across them that starts partway
   * down a page: where the columns' last lines end, how many body lines apart.
   */
  bands?: Band[];
}

export interface Band {
  page: number;
  /** The title under the band (its first line). */
  title: string;
  /** Body lines between the ends of the two columns' last lines (0.1 line steps). */
  imbalance: number;
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

interface Parsed {
  pages: { number: number; width: number; height: number; pieces: Piece[] }[];
  outline: Set<string>;
  /** The top-level bookmarks: the articles' titles (each article starts a new page). */
  titles: Set<string>;
  /** The page of the first bookmark: the text starts there (before it: cover and contents). */
  firstText: number;
}

export function parsePdf(file: string): Parsed {
  const result = spawnSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', '-zoom', String(ZOOM), file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftohtml ${file}: ${result.stderr}`);
  const xml = result.stdout;
  const fonts = new Map<string, { size: number; family: string }>();
  const pages: Parsed['pages'] = [];
  for (const m of xml.matchAll(/<page number="(\d+)"[^>]*height="(\d+)" width="(\d+)">([\s\S]*?)<\/page>/g)) {
    const body = m[4]!;
    for (const f of body.matchAll(/<fontspec id="(\d+)" size="([\d.-]+)" family="([^"]*)"/g)) fonts.set(f[1]!, { size: Number(f[2]), family: f[3]!.replace(/^[A-Z]{6}\+/, '') });
    const pieces: Piece[] = [];
    for (const t of body.matchAll(/<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)" font="(\d+)">([\s\S]*?)<\/text>/g)) {
      const font = fonts.get(t[5]!) ?? { size: 0, family: '' };
      const text = decode(t[6]!);
      if (!text.trim()) continue;
      pieces.push({ top: Number(t[1]), left: Number(t[2]), width: Number(t[3]), height: Number(t[4]), font: font.family, size: font.size, bold: /<b>/.test(t[6]!), text });
    }
    pages.push({ number: Number(m[1]), height: Number(m[2]), width: Number(m[3]), pieces });
  }
  const outline = new Set<string>();
  const titles = new Set<string>();
  let depth = 0;
  let firstText = Infinity;
  for (const o of xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([\s\S]*?)<\/item>/g)) {
    if (o[0] === '<outline>') depth++;
    else if (o[0] === '</outline>') depth--;
    else {
      firstText = Math.min(firstText, Number(o[1]));
      outline.add(normal(decode(o[2]!)));
      if (depth === 1) titles.add(normal(decode(o[2]!)));
    }
  }
  return { pages, outline, titles, firstText: Number.isFinite(firstText) ? firstText : 1 };
}

const normal = (s: string) => s.replace(/\s+/g, '');

export interface Geometry {
  /** Page margins in pt: top, bottom (the type area lies between). */
  top: number;
  bottom: number;
  columns: number;
}

/** Lines of the type area (running head and foot left out), in reading order per page. */
export function pageLines(parsed: Parsed, geometry: Geometry): Line[][] {
  const scale = ZOOM; // px per pt
  return parsed.pages.map((page) => {
    const areaTop = geometry.top * scale - 2;
    const areaBottom = page.height - geometry.bottom * scale + 2;
    const mid = page.width / 2;
    const inArea = page.pieces.filter((p) => p.top + p.height / 2 >= areaTop && p.top + p.height / 2 <= areaBottom);
    const columnOf = (p: { left: number; right: number }) => (geometry.columns < 2 ? 0 : p.left < mid && p.right > mid + 4 ? -1 : p.left < mid ? 0 : 1);
    // Pieces on one line: the same column and overlapping vertically around their middle.
    const sorted = [...inArea].sort((a, b) => a.top + a.height / 2 - (b.top + b.height / 2) || a.left - b.left);
    const lines: (Line & { pieces: Piece[] })[] = [];
    for (const p of sorted) {
      const column = columnOf({ left: p.left, right: p.left + p.width });
      const centre = p.top + p.height / 2;
      const line = lines.find((l) => (l.column === column || (geometry.columns > 1 && (l.column === -1 || column === -1) && false)) && Math.abs((l.top + l.bottom) / 2 - centre) < Math.min(l.bottom - l.top, p.height) / 2);
      if (line) {
        line.pieces.push(p);
        line.top = Math.min(line.top, p.top);
        line.bottom = Math.max(line.bottom, p.top + p.height);
        line.left = Math.min(line.left, p.left);
        line.right = Math.max(line.right, p.left + p.width);
      } else lines.push({ page: page.number, top: p.top, bottom: p.top + p.height, left: p.left, right: p.left + p.width, text: '', bold: true, size: 0, column, pieces: [p] });
    }
    for (const l of lines) {
      l.pieces.sort((a, b) => a.left - b.left);
      l.text = l.pieces.map((p) => p.text).join('');
      l.bold = l.pieces.every((p) => p.bold);
      l.size = Math.max(...l.pieces.map((p) => p.size));
      // A piece that spans the middle makes the line span (a title across the columns).
      if (geometry.columns > 1 && l.left < mid && l.right > mid + 4) l.column = -1;
    }
    // Reading order: bands between lines across the columns; in a band, column by column.
    lines.sort((a, b) => a.top - b.top);
    const ordered: (Line & { pieces: Piece[] })[] = [];
    let band: (Line & { pieces: Piece[] })[] = [];
    const flush = () => {
      for (let c = 0; c < Math.max(1, geometry.columns); c++) ordered.push(...band.filter((l) => l.column === c));
      band = [];
    };
    for (const l of lines) {
      if (l.column === -1) {
        flush();
        ordered.push(l);
      } else band.push(l);
    }
    flush();
    return ordered.map(({ pieces: _, ...l }) => l);
  });
}

function count(faults: Fault[]): Record<Fault['kind'], number> {
  const out = { 'heading-at-foot': 0, orphan: 0, widow: 0, runt: 0, 'empty-page': 0, 'bad-start': 0, 'bad-end': 0 };
  for (const f of faults) out[f.kind]++;
  return out;
}

/** Measure one PDF made with a template of the given geometry. */
export function measurePdf(file: string, geometry: Geometry): PageReport {
  const parsed = parsePdf(file);
  const pages = pageLines(parsed, geometry);
  // The text's lines: the cover and the contents before it are no paragraphs (a contents
  // entry at a foot with the next at the top of the next page is no orphan).
  const all = pages.flat().filter((l) => l.page >= parsed.firstText);
  // The measure of each column: the leftmost start and rightmost end of its lines.
  const edges = new Map<number, { left: number; right: number }>();
  for (const l of all) {
    const e = edges.get(l.column) ?? { left: Infinity, right: -Infinity };
    e.left = Math.min(e.left, l.left);
    e.right = Math.max(e.right, l.right);
    edges.set(l.column, e);
  }
  // The body size: the font size most text is set in.
  const sizes = new Map<number, number>();
  for (const l of all) sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
  const em = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 20;
  const isHeading = (l: Line) => l.bold || parsed.outline.has(normal(l.text));
  const full = (l: Line) => l.right >= edges.get(l.column)!.right - 0.6 * em;
  // A first line is indented two characters in every template; a line that starts one
  // character in holds a glyph the text layer lacks (a private-use character no font has).
  const indented = (l: Line) => l.left > edges.get(l.column)!.left + 1.5 * em;
  // A page of headings only is a cover (the edition's title alone on it): no foot a heading was left at.
  const covers = new Set(pages.map((lines, i) => (lines.length > 0 && lines.every(isHeading) ? parsed.pages[i]!.number : -1)));
  // A line set to the right (a closing dateline "（新华社北京8月28日电）") is no paragraph's first line;
  // a continuation note ("（接1版）") opens an article's text, and is no paragraph's last line.
  const rightSet = (l: Line) => l.left > edges.get(l.column)!.left + 2 * em;
  const continuation = (l: Line) => /^[(\uFF08]\s*(?:上\s*)?接\s*(?:第\s*)?[0-9\uFF10-\uFF19一二三四五六七八九十\s]+版\s*[)\uFF09]$/u.test(l.text.trim());
  const faults: Fault[] = [];
  const add = (kind: Fault['kind'], l: Line) => faults.push({ kind, page: l.page, text: l.text });
  pages.forEach((lines, i) => {
    if (lines.length === 0 && i > 0) faults.push({ kind: 'empty-page', page: parsed.pages[i]!.number, text: '' });
  });
  const startsParagraphAt = (i: number) => {
    const l = all[i]!;
    const before = all[i - 1];
    return !before || indented(l) || isHeading(before) || !full(before) || (before.column !== l.column && before.column === -1);
  };
  // Lines in flow order, each knowing whether the one after it stands in another column or page.
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    const before = all[i - 1];
    const after = all[i + 1];
    const startsParagraph = startsParagraphAt(i);
    const first = [...l.text.trim()][0];
    const last = [...l.text.trim()].at(-1);
    // Only a line that goes on with a paragraph counts: the input's own lines may open with
    // a dash (a subtitle's "——2020年…") or a bracket left alone (a web page's "】").
    if (first && CLOSING.includes(first) && !startsParagraph) add('bad-start', l);
    if (last && OPENING.includes(last) && after && !startsParagraphAt(i + 1)) add('bad-end', l);
    // A runt: the short last line of a paragraph of two lines or more.
    if (before && !startsParagraph && !isHeading(l) && !full(l) && [...l.text.trim()].length <= 2) add('runt', l);
    if (!after) continue;
    // A foot: the text goes on on the next page, or back up in the next column.
    const foot = after.page !== l.page || after.top < l.top - 2;
    // The text flows on only into a column or a page, not into a title across the columns.
    if (!foot || after.column === -1) continue;
    // A page that ends before an article's title (a new section, on a new page) is no foot
    // a heading was left at: the contents page, a title block that fills its page.
    const startsArticle = after.page !== l.page && [...parsed.titles].some((t) => t.startsWith(normal(after.text)));
    if (isHeading(l) && !startsArticle && !covers.has(l.page)) add('heading-at-foot', l);
    else {
      const continues = full(l) && !indented(after) && !isHeading(after);
      if (continues && startsParagraph && !rightSet(l)) add('orphan', l);
      if (continues && !full(after) && !continuation(after)) {
        const next = all[i + 2];
        // The widow is the paragraph's last line: short, and the one after it starts anew.
        add('widow', after);
        void next;
      }
    }
  }
  const report: PageReport = { pages: pages.length, faults, counts: count(faults) };
  if (geometry.columns > 1) {
    let met = 0;
    let right = 0;
    for (const lines of pages) {
      // Lines at the body size only: pdftohtml's boxes are as tall as their font is large.
      const body = lines.filter((l) => l.size === em);
      const left = body.filter((l) => l.column === 0).map((l) => l.bottom);
      for (const r of body.filter((l) => l.column === 1)) {
        right++;
        if (left.some((b) => Math.abs(b - r.bottom) <= 1.5)) met++;
      }
    }
    report.gridShare = right ? met / right : 1;
    const last = pages.at(-1) ?? [];
    const lastBand: Line[] = [];
    for (const l of last) {
      if (l.column === -1) lastBand.length = 0;
      else lastBand.push(l);
    }
    // The columns' heights (top of the first line to the foot of the last) in body lines:
    // a heading taller than a body line counts for its height, not as one line.
    const pitch = bodyPitch(pages, em);
    const heights = [0, 1].map((c) => {
      const lines = lastBand.filter((l) => l.column === c);
      return lines.length ? Math.max(...lines.map((l) => l.bottom)) - Math.min(...lines.map((l) => l.top)) : 0;
    });
    report.lastPageImbalance = Math.round(Math.abs(heights[0]! - heights[1]!) / pitch);
    report.bands = bandsAboveTitles(pages.filter((lines) => (lines[0]?.page ?? 0) >= parsed.firstText), pitch);
  }
  return report;
}

/** The body's line pitch: the most common distance between two body lines one under the other. */
function bodyPitch(pages: Line[][], em: number): number {
  const counts = new Map<number, number>();
  for (const lines of pages) {
    const body = lines.filter((l) => l.size === em);
    for (let i = 1; i < body.length; i++) {
      const step = body[i]!.top - body[i - 1]!.top;
      if (body[i]!.column === body[i - 1]!.column && step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? em * 1.5;
}

/**
 * The bands of columns above a title across them partway down a page: the lines in columns
 * between the head of the page (or the title before) and the title. Both columns start at
 * the band's top; a column with no line ends there.
 */
function bandsAboveTitles(pages: Line[][], pitch: number): Band[] {
  const bands: Band[] = [];
  for (const lines of pages) {
    let band: Line[] = [];
    for (const l of lines) {
      if (l.column !== -1) {
        band.push(l);
        continue;
      }
      if (band.length) {
        const top = Math.min(...band.map((b) => b.top));
        const ends = [0, 1].map((c) => Math.max(top, ...band.filter((b) => b.column === c).map((b) => b.bottom)));
        bands.push({ page: l.page, title: l.text, imbalance: Math.round((Math.abs(ends[0]! - ends[1]!) / pitch) * 10) / 10 });
      }
      band = [];
    }
  }
  return bands;
}
