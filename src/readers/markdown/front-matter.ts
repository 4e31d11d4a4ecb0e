// YAML front matter: the `---` … `---` block that opens a file. It is cut off
// before markdown-it sees the text (so markdown-it's line numbers are counted
// from the line after it), parsed with `yaml`, and checked loosely: a key the
// format does not know, or a value of the wrong kind, is a warning and left
// out; only YAML that does not parse is an error.
import type { Document, LineCounter, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ZhpressError } from '../../errors.js';
import type { ArticleKind, ArticleMeta, Change, DatelineMeta, EditionMeta, Lang, Position } from '../../model/types.js';
import { LANGS } from '../../model/types.js';
import { linesPosition, type SourceLines } from './source.js';
import { isCalendarDate } from '../../model/dates.js';
import { yaml } from '../../lazy.js';

// yaml is loaded when a document has front matter (lazy.ts).
const isMap = (node: unknown): node is YAMLMap => yaml().isMap(node);
const isSeq = (node: unknown): node is YAMLSeq => yaml().isSeq(node);
const isScalar = (node: unknown): node is Scalar => yaml().isScalar(node);
const isNode = (node: unknown): node is YamlNode => yaml().isNode(node);

export const SOURCE = 'reader:markdown';

export interface FrontMatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** File line (0-based) of the YAML's first line. */
  yamlStart: number;
  /** File line (0-based) where the Markdown body starts. */
  bodyStart: number;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Finds the front matter at the very start of the file, if there is one. */
export function splitFrontMatter(source: SourceLines, file?: string): FrontMatterBlock | undefined {
  if (!OPEN.test(source.lines[0] ?? '')) return undefined;
  for (let i = 1; i < source.lines.length; i++) {
    if (CLOSE.test(source.lines[i]!)) {
      return { yaml: source.lines.slice(1, i).join('\n'), yamlStart: 1, bodyStart: i + 1 };
    }
  }
  throw new ZhpressError('the front matter opened on line 1 is not closed', {
    file,
    line: 1,
    hint: 'end it with a line "---", or start the file with something other than "---"',
  });
}

export interface ArticleEntry {
  id?: string;
  meta: ArticleMeta;
}

export interface FrontMatter {
  edition: Partial<EditionMeta>;
  /** By article index; undefined where the list has no (usable) entry. */
  articles: (ArticleEntry | undefined)[];
  /** Whether the front matter has an `articles` list at all. */
  hasArticles: boolean;
}

const EDITION_KEYS = ['title', 'lang', 'date', 'publication', 'page', 'source', 'articles'] as const;
const ARTICLE_KEYS = [
  'id',
  'title',
  'kicker',
  'subtitle',
  'notes',
  'byline',
  'bylineInText',
  'titleDerived',
  'kind',
  'continuedFrom',
  'continuedTo',
  'truncated',
  'dateline',
] as const;
const DATELINE_KEYS = ['agency', 'place', 'date', 'raw'] as const;
const KINDS: readonly ArticleKind[] = ['news', 'feature', 'policy', 'other'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

class Checker {
  readonly report: Change[] = [];
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly block: FrontMatterBlock,
    private readonly source: SourceLines,
  ) {}

  position(node: unknown): Position | undefined {
    if (!isNode(node) || !node.range) return undefined;
    const line = this.lineCounter.linePos(node.range[0]).line - 1 + this.block.yamlStart;
    return linesPosition(this.source, line, line);
  }

  warn(node: unknown, message: string): void {
    const position = this.position(node);
    const where = position ? ` (line ${position.start.line})` : '';
    this.report.push({
      source: SOURCE,
      kind: 'front-matter',
      message: `front matter: ${message}${where}; left out`,
      ...(position ? { position } : {}),
      severity: 'warning',
    });
  }

  js(node: unknown): unknown {
    if (isScalar(node)) return node.value;
    if (isNode(node)) {
      try {
        return node.toJS(this.doc);
      } catch (error) {
        // An alias expanding past yaml's maxAliasCount (100): a "billion laughs" block.
        const position = this.position(node);
        throw new ZhpressError(`front matter is not valid YAML: ${(error as Error).message}`, {
          line: position?.start.line,
          hint: 'YAML aliases (*name) may expand to at most 100 copies',
        });
      }
    }
    return node;
  }

  /** The pairs of a mapping as [key, key node, value node]. */
  entries(map: YAMLMap): [string, unknown, unknown][] {
    return map.items.map((pair) => [String(this.js(pair.key)), pair.key, pair.value]);
  }

  unknownKey(keyNode: unknown, key: string, allowed: readonly string[], where: string): void {
    this.warn(keyNode, `unknown key "${where}${key}" (allowed: ${allowed.join(', ')})`);
  }

  string(node: unknown, name: string): string | undefined {
    const value = this.js(node);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.warn(node, `"${name}" should be text`);
    return undefined;
  }

  /** A list of texts; one text alone is a list of one. An item that is not text is left out. */
  strings(node: unknown, name: string): string[] | undefined {
    if (!isSeq(node)) {
      const value = this.js(node);
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return [String(value)];
      this.warn(node, `"${name}" should be a list of texts`);
      return undefined;
    }
    const out: string[] = [];
    node.items.forEach((item, i) => {
      const text = this.string(item, `${name}[${i}]`);
      if (text !== undefined) out.push(text);
    });
    return out;
  }

  boolean(node: unknown, name: string): boolean | undefined {
    const value = this.js(node);
    if (typeof value === 'boolean') return value;
    this.warn(node, `"${name}" should be true or false`);
    return undefined;
  }

  date(node: unknown, name: string): string | undefined {
    const value = this.js(node);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && ISO_DATE.test(value)) {
      if (isCalendarDate(value)) return value;
      this.warn(node, `"${name}": ${value} is no calendar date`);
      return undefined;
    }
    this.warn(node, `"${name}" should be a date as YYYY-MM-DD`);
    return undefined;
  }

  oneOf<T extends string>(node: unknown, name: string, allowed: readonly T[]): T | undefined {
    const value = this.js(node);
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.warn(node, `"${name}" should be one of ${allowed.join(', ')}`);
    return undefined;
  }

  dateline(node: unknown, name: string): DatelineMeta | undefined {
    if (!isMap(node)) {
      this.warn(node, `"${name}" should be a mapping with agency, place, date, raw`);
      return undefined;
    }
    const out: Partial<DatelineMeta> = {};
    for (const [key, keyNode, value] of this.entries(node)) {
      if (!(DATELINE_KEYS as readonly string[]).includes(key)) {
        this.unknownKey(keyNode, key, DATELINE_KEYS, `${name}.`);
        continue;
      }
      const text = this.string(value, `${name}.${key}`);
      if (text !== undefined) out[key as (typeof DATELINE_KEYS)[number]] = text;
    }
    if (out.raw === undefined) {
      this.warn(node, `"${name}" needs "raw", the dateline as written`);
      return undefined;
    }
    return out as DatelineMeta;
  }

  article(node: unknown, index: number): ArticleEntry | undefined {
    if (node === null || (isScalar(node) && node.value === null)) return undefined;
    const where = `articles[${index}]`;
    if (!isMap(node)) {
      this.warn(node, `"${where}" should be a mapping`);
      return undefined;
    }
    const entry: ArticleEntry = { meta: {} };
    const meta = entry.meta;
    for (const [key, keyNode, value] of this.entries(node)) {
      const name = `${where}.${key}`;
      switch (key) {
        case 'id':
          entry.id = this.string(value, name) ?? entry.id;
          break;
        case 'title':
        case 'kicker':
        case 'subtitle':
        case 'byline':
        case 'continuedFrom':
        case 'continuedTo': {
          const text = this.string(value, name);
          if (text !== undefined) meta[key] = text;
          break;
        }
        case 'notes': {
          const notes = this.strings(value, name);
          if (notes !== undefined) meta.notes = notes;
          break;
        }
        case 'titleDerived':
        case 'bylineInText':
        case 'truncated': {
          const flag = this.boolean(value, name);
          if (flag !== undefined) meta[key] = flag;
          break;
        }
        case 'kind': {
          const kind = this.oneOf(value, name, KINDS);
          if (kind) meta.kind = kind;
          break;
        }
        case 'dateline': {
          const dateline = this.dateline(value, name);
          if (dateline) meta.dateline = dateline;
          break;
        }
        default:
          this.unknownKey(keyNode, key, ARTICLE_KEYS, `${where}.`);
      }
    }
    if (entry.id === undefined) delete entry.id;
    return entry;
  }

  root(node: YAMLMap): FrontMatter {
    const matter: FrontMatter = { edition: {}, articles: [], hasArticles: false };
    const edition = matter.edition;
    for (const [key, keyNode, value] of this.entries(node)) {
      switch (key) {
        case 'title':
        case 'publication':
        case 'page':
        case 'source': {
          const text = this.string(value, key);
          if (text !== undefined) edition[key] = text;
          break;
        }
        case 'date': {
          const date = this.date(value, key);
          if (date !== undefined) edition.date = date;
          break;
        }
        case 'lang': {
          const lang = this.oneOf<Lang>(value, key, LANGS);
          if (lang) edition.lang = lang;
          break;
        }
        case 'articles':
          if (isSeq(value)) {
            matter.hasArticles = true;
            matter.articles = value.items.map((item, i) => this.article(item, i));
          } else if (!(isScalar(value) && value.value === null) && value !== null) {
            this.warn(value, '"articles" should be a list, one entry per article');
          }
          break;
        default:
          this.unknownKey(keyNode, key, EDITION_KEYS, '');
      }
    }
    return matter;
  }
}

/** Parses and checks the front matter. Throws a ZhpressError (with the file line) on bad YAML. */
export function parseFrontMatter(
  block: FrontMatterBlock,
  source: SourceLines,
  file?: string,
): { matter: FrontMatter; report: Change[] } {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(block.yaml, { lineCounter, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    // The message's own "at line 1, column 10" counts within the YAML: the file line replaces it.
    const message = error.message.split('\n')[0]!.replace(/\s*at line \d+, column \d+:?\s*$/, '');
    throw new ZhpressError(`front matter is not valid YAML: ${message}`, {
      file,
      line: at === undefined ? block.yamlStart + 1 : at.line + block.yamlStart,
      ...(at ? { column: at.col } : {}),
      hint: 'the front matter between the "---" lines must be YAML',
      cause: error,
    });
  }
  const checker = new Checker(doc, lineCounter, block, source);
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { matter: { edition: {}, articles: [], hasArticles: false }, report: [] };
  }
  if (!isMap(contents)) {
    const position = checker.position(contents);
    throw new ZhpressError('front matter must be a YAML mapping (key: value lines)', {
      file,
      line: position?.start.line ?? block.yamlStart + 1,
      hint: 'e.g. "title: …" and "articles:" with one entry per article',
    });
  }
  const matter = checker.root(contents);
  return { matter, report: checker.report };
}
