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

/** A lookup as fontkit decodes it, with the parts of the subtables that name glyphs. */
interface PositioningLookup {
  lookupType: number;
  flags: { markAttachmentType: number; flags: Record<string, boolean> };
  subTables: PositioningSubtable[];
}
interface ClassDef {
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface Rule {
  backtrack?: number[];
  input?: number[];
  lookahead?: number[];
  lookupRecords?: { lookupListIndex: number }[];
}
type Many<T> = T[] | { length: number; get(index: number): T } | undefined | null;
interface PositioningSubtable extends Subtable {
  /** An extension subtable's own lookup type, and the subtable it points to. */
  lookupType?: number;
  extension?: PositioningSubtable;
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  classDef?: ClassDef;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  backtrackClassDef?: ClassDef;
  inputClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  pairSets?: Many<Many<{ secondGlyph: number }>>;
  ruleSets?: Many<Many<Rule>>;
  classSet?: Many<Many<Rule>>;
  chainRuleSets?: Many<Many<Rule>>;
  chainClassSet?: Many<Many<Rule>>;
  lookupRecords?: { lookupListIndex: number }[];
}

/** The items of a decoded array, lazy or not. */
function itemsOf<T>(many: Many<T>): T[] {
  if (!many) return [];
  if (Array.isArray(many)) return many;
  const out: T[] = [];
  for (let i = 0; i < many.length; i++) out.push(many.get(i));
  return out;
}

function addClasses(classDef: ClassDef | undefined, into: Set<number>): void {
  if (!classDef) return;
  // Class 0 is every glyph not listed: listing a glyph in it tells it from nothing.
  classDef.classValueArray?.forEach((value, i) => value !== 0 && into.add(classDef.startGlyph! + i));
  for (const range of classDef.classRangeRecord ?? []) if (range.class !== 0) for (let g = range.start; g <= range.end; g++) into.add(g);
}

/**
 * Every glyph the font's chws lookups, and the lookups they call, can tell
 * apart from other glyphs: in a coverage, in a class other than 0, as the
 * second of a pair or in a rule. Glyphs outside the set are all alike to chws
 * (a pair of ， with any of them is adjusted the same), so the adjustment found
 * for one holds for all. Undefined when a lookup is of a kind not read here or
 * skips glyphs by their GDEF class (then every pair is asked of the shaper).
 */
export function chwsDistinguished(font: ShapingFont): Set<number> | undefined {
  const table = font.GPOS;
  const glyphs = new Set<number>();
  if (!table) return glyphs;
  const lookups = table.lookupList as unknown as { get(index: number): PositioningLookup };
  const pending: number[] = [];
  for (const index of defaultFeatures(table)) {
    const record = table.featureList[index];
    if (record?.tag === 'chws') pending.push(...record.feature.lookupListIndexes);
  }
  const seen = new Set<number>();
  const addRules = (sets: Many<Many<Rule>>) => {
    for (const set of itemsOf(sets)) {
      for (const rule of itemsOf(set)) {
        for (const g of [...(rule.backtrack ?? []), ...(rule.input ?? []), ...(rule.lookahead ?? [])]) glyphs.add(g);
        for (const record of rule.lookupRecords ?? []) pending.push(record.lookupListIndex);
      }
    }
  };
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    const lookup = lookups.get(index);
    if (lookup.flags.markAttachmentType !== 0 || Object.values(lookup.flags.flags).some(Boolean)) return undefined;
    for (const outer of lookup.subTables) {
      const type = lookup.lookupType === 9 ? outer.lookupType : lookup.lookupType;
      const subtable = lookup.lookupType === 9 ? outer.extension : outer;
      if (!subtable || type === undefined || ![1, 2, 7, 8].includes(type)) return undefined;
      addCoverage(subtable.coverage, glyphs);
      for (const coverage of [...(subtable.coverages ?? []), ...(subtable.backtrackCoverage ?? []), ...(subtable.inputCoverage ?? []), ...(subtable.lookaheadCoverage ?? [])]) addCoverage(coverage, glyphs);
      for (const classDef of [subtable.classDef, subtable.classDef1, subtable.classDef2, subtable.backtrackClassDef, subtable.inputClassDef, subtable.lookaheadClassDef]) addClasses(classDef, glyphs);
      for (const set of itemsOf(subtable.pairSets)) for (const pair of itemsOf(set)) glyphs.add(pair.secondGlyph);
      for (const sets of [subtable.ruleSets, subtable.classSet, subtable.chainRuleSets, subtable.chainClassSet]) addRules(sets);
      for (const record of subtable.lookupRecords ?? []) pending.push(record.lookupListIndex);
    }
  }
  return glyphs;
}
