// What the docx library cannot say, written into the package's XML: core
// properties with fixed dates and a language, the East Asian theme-font language
// in the settings, the header and footer tab stops; then the zip rewritten with
// fixed entry dates, in a fixed order, so the same input gives the same bytes.
import { type Document, Packer } from 'docx';
import type { Lang } from '../../model/types.js';
import { docxCompiler, type Parts, type PartsCompiler } from '../../patches/docx-compiler.js';
import { STYLE, bandTabs, eastAsianLang, LATIN_LANG } from './styles.js';
import { unzip, zip } from './zip.js';

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  language: string;
  date: Date;
}

export interface PackageOptions {
  properties: CoreProperties;
  lang: Lang;
  /** Width of the text area in twips (header and footer tab stops). */
  textWidth: number;
  /** word/fontTable.xml: the fonts the styles name, with their substitution facts (font-table.ts). */
  fontTable?: string;
  /** The fonts embedded are subsets: Word keeps them subset when it saves the copy again. */
  subsetFonts?: boolean;
  /** Space between Han and Latin text (the template's hanLatinSpace is not 0): Word's and LibreOffice's own switch for it (on unless given). */
  hanLatinSpace?: boolean;
}

/**
 * Word's switches for the space between East Asian text and Latin letters (autoSpaceDE)
 * and digits (autoSpaceDN), in the document's default paragraph properties, where every
 * style inherits them. Both are on when absent: written either way, so the file says what
 * the template asks (off for GB/T 9704's grid). CT_PPrBase puts them before w:spacing.
 */
export function addAutoSpace(styles: string, on: boolean): string {
  const value = on ? '' : ' w:val="0"';
  const xml = `<w:autoSpaceDE${value}/><w:autoSpaceDN${value}/>`;
  const at = styles.indexOf('<w:pPrDefault><w:pPr>');
  if (at >= 0) {
    const end = at + '<w:pPrDefault><w:pPr>'.length;
    return styles.slice(0, end) + xml + styles.slice(end);
  }
  const defaults = styles.indexOf('</w:rPrDefault>');
  if (defaults < 0) return styles;
  const end = defaults + '</w:rPrDefault>'.length;
  return styles.slice(0, end) + `<w:pPrDefault><w:pPr>${xml}</w:pPr></w:pPrDefault>` + styles.slice(end);
}

/** XML text: markup escaped, and the C0 controls XML 1.0 forbids (a BEL in a title) left out. */
const escapeXml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** ISO 8601 to the second, as Word writes W3CDTF dates. */
const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function coreXml(p: CoreProperties): string {
  const el = (name: string, value: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : `<${name}/>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', p.creator) +
    el('cp:keywords', p.keywords) +
    el('dc:description', p.description) +
    el('dc:language', p.language) +
    el('cp:lastModifiedBy', 'zhpress') +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(p.date)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(p.date)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Insert `xml` into the pPr of a paragraph style (first, where w:tabs belong when there is no keepNext). */
function addToStylePPr(styles: string, styleId: string, xml: string): string {
  const start = styles.indexOf(`w:styleId="${styleId}"`);
  if (start < 0) return styles;
  const end = styles.indexOf('</w:style>', start);
  const pPr = styles.indexOf('<w:pPr>', start);
  if (pPr < 0 || pPr > end) return styles;
  const at = pPr + '<w:pPr>'.length;
  return styles.slice(0, at) + xml + styles.slice(at);
}

/** Settings Word writes for Chinese: the theme fonts' languages and punctuation compression. */
function patchSettings(settings: string, lang: Lang): string {
  let out = settings;
  if (!out.includes('<w:themeFontLang')) {
    const tag = `<w:themeFontLang w:val="${LATIN_LANG}" w:eastAsia="${eastAsianLang(lang)}"/>`;
    // CT_Settings order: ... rsids, mathPr, attachedSchema, themeFontLang, clrSchemeMapping, ..., compat comes earlier.
    const before = ['<w:clrSchemeMapping', '<w:doNotIncludeSubdocsInStats', '<w:doNotAutoCompressPictures', '<w:forceUpgrade', '<w:captions', '<w:readModeInkLockDown', '<w:smartTagType', '<w:schemaLibrary', '<w:shapeDefaults', '<w:doNotEmbedSmartTags', '<w:decimalSymbol', '<w:listSeparator', '</w:settings>'];
    const at = before.map((b) => out.indexOf(b)).filter((i) => i >= 0).sort((a, b) => a - b)[0]!;
    out = out.slice(0, at) + tag + out.slice(at);
  }
  // Compress punctuation (Word's default for Chinese): full-width marks take half their width when they meet.
  if (!out.includes('<w:characterSpacingControl') && out.includes('<w:compat>')) {
    out = out.replace('<w:compat>', '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>');
  }
  return out;
}

/**
 * Bookmark names and ids in the order they first appear: the docx library counts
 * them per process, so a second edition written in the same process would differ.
 */
export function renumberBookmarks(xml: string): string {
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  return xml
    .replace(/_Toc(\d+)/g, (_, n: string) => {
      if (!names.has(n)) names.set(n, String(names.size + 1));
      return `_Toc${names.get(n)}`;
    })
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)"/g, (_, head: string, n: string) => {
      if (!ids.has(n)) ids.set(n, String(ids.size + 1));
      return `${head}${ids.get(n)}"`;
    });
}

/**
 * The document's parts as docx compiles them (src/patches/docx-compiler.ts);
 * without its compiler, Packer's zip read back (the same parts, slower).
 */
export async function packageParts(document: Document, compiler: PartsCompiler | null = docxCompiler() ?? null): Promise<Parts> {
  if (compiler) return compiler.compile(document);
  return unzip(new Uint8Array(await Packer.toBuffer(document)));
}

export function finishPackage(parts: Parts, options: PackageOptions): Uint8Array {
  const files = new Map(parts);
  const decoder = new TextDecoder();
  const edit = (name: string, fn: (xml: string) => string) => {
    const file = files.get(name);
    if (file !== undefined) files.set(name, fn(typeof file === 'string' ? file : decoder.decode(file)));
  };
  files.set('docProps/core.xml', coreXml(options.properties));
  if (options.fontTable && files.has('word/fontTable.xml')) files.set('word/fontTable.xml', options.fontTable);
  edit('word/document.xml', renumberBookmarks);
  edit('word/settings.xml', (xml) => {
    const patched = patchSettings(xml, options.lang);
    return options.subsetFonts ? patched.replace(/(<w:embedTrueTypeFonts\b[^>]*\/>)/, '$1<w:saveSubsetFonts/>') : patched;
  });
  edit('word/styles.xml', (xml) => {
    let out = addAutoSpace(xml, options.hanLatinSpace ?? true);
    for (const id of [STYLE.header, STYLE.footer]) out = addToStylePPr(out, id, bandTabs(options.textWidth));
    return out;
  });
  const encoder = new TextEncoder();
  const names = [...files.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return zip(
    names.map((name) => {
      const file = files.get(name)!;
      return [name, typeof file === 'string' ? encoder.encode(file) : file];
    }),
    options.properties.date,
  );
}
