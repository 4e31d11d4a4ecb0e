// Which glyphs of a font OpenType shaping can touch with fontkit's default
// features: the first-position coverage of every lookup those features use, in
// GSUB and GPOS, under the default language system of any script (nothing here
// sets a language, so fontkit always shapes with the default one). A run none
// of whose glyphs is in the set comes out of the shaper exactly as the cmap and
// hmtx give it (no lookup can fire at any position), so it can be laid out
// directly. Taking every script makes the set larger than needed, which only
// sends more text to the real shaper. (The pan-CJK Noto fonts keep their
// regional Han forms under `locl` in the JAN/KOR/ZHS/ZHT/ZHH systems; counting
// those sent all Han text through the shaper.)

/** fontkit's default features for left-to-right text: variation, directional, fractional, common and horizontal. */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

interface Coverage {
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface Subtable {
  extension?: Subtable;
  coverage?: Coverage;
  inputCoverage?: Coverage[];
  coverages?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}
interface LangSys {
  reqFeatureIndex: number;
  featureIndexes: number[];
}
interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: LangSys | null } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(index: number): { subTables: Subtable[] } };
}

/** The features of every script's default language system (its required feature too). */
function defaultFeatures(table: LayoutTable): Set<number> {
  const features = new Set<number>();
  for (const { script } of table.scriptList) {
    const system = script.defaultLangSys;
    if (!system) continue;
    for (const index of system.featureIndexes) features.add(index);
    if (system.reqFeatureIndex !== 0xffff) features.add(system.reqFeatureIndex);
  }
  return features;
}
export interface ShapingFont {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  directory: { tables: Record<string, unknown> };
}

function addCoverage(coverage: Coverage | undefined, into: Set<number>): void {
  if (!coverage) return;
  for (const glyph of coverage.glyphs ?? []) into.add(glyph);
  for (const range of coverage.rangeRecords ?? []) for (let g = range.start; g <= range.end; g++) into.add(g);
}

function addFirstCoverage(subtable: Subtable, into: Set<number>): void {
  if (subtable.extension) return addFirstCoverage(subtable.extension, into);
  addCoverage(subtable.coverage, into);
  addCoverage(subtable.inputCoverage?.[0], into);
  addCoverage(subtable.coverages?.[0], into);
  addCoverage(subtable.markCoverage, into);
  addCoverage(subtable.mark1Coverage, into);
}

/** The glyphs the lookups of the features named in `tags` may touch first (default language systems). */
function coveredBy(font: ShapingFont, tags: ReadonlySet<string>): Set<number> {
  const glyphs = new Set<number>();
  for (const table of [font.GSUB, font.GPOS]) {
    if (!table) continue;
    for (const index of defaultFeatures(table)) {
      const record = table.featureList[index];
      if (!record || !tags.has(record.tag)) continue;
      for (const lookup of record.feature.lookupListIndexes) {
        for (const subtable of table.lookupList.get(lookup).subTables) addFirstCoverage(subtable, glyphs);
      }
    }
  }
  return glyphs;
}

/**
 * The glyph ids the default features may change or move, or undefined when the
 * font is shaped some other way (AAT morx, a legacy kern table)
 * and every run must go to the real shaper.
 */
export function shapedGlyphs(font: ShapingFont): Set<number> | undefined {
  const tables = font.directory.tables;
  // AAT fonts are shaped by morx; a legacy kern table is applied where GPOS has no kern for the script.
  if (tables.morx || tables.kern) return undefined;
  return coveredBy(font, DEFAULT_FEATURES);
}

/** The glyph ids the font's `chws` (contextual half-width spacing) may adjust: its punctuation, if it has the feature. */
export function chwsGlyphs(font: ShapingFont): Set<number> {
  return coveredBy(font, new Set(['chws']));
}
