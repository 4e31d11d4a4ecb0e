// YAML front matter: the `---` … `---` block that opens a file. It is cut off
// before markdown-it sees the text (so markdown-it's line numbers are counted
// from the line after it), parsed with `yaml`, and checked loosely against the
// model's own metadata schema (front-matter-schema.ts): a key the format does
// not know, or a value of the wrong kind, is a warning and left out; only YAML
// that does not parse is an error.
import type { Node as YamlNode } from 'yaml';
import { ZhpressError } from '../../errors.js';
import type { ArticleMeta, Change, EditionMeta, Position } from '../../model/types.js';
import { linesPosition, type SourceLines } from './source.js';
import { isCalendarDate } from '../../model/dates.js';
import { yaml } from '../../lazy.js';
import { yamlLocator } from '../../schema/yaml-locate.js';
import { checkFrontMatter } from './front-matter-schema.js';

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

/** Parses and checks the front matter. Throws a ZhpressError (with the file line) on bad YAML. */
export function parseFrontMatter(
  block: FrontMatterBlock,
  source: SourceLines,
  file?: string,
): { matter: FrontMatter; report: Change[] } {
  const { LineCounter, parseDocument, isMap, isScalar } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(block.yaml, { lineCounter, prettyErrors: true });
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
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { matter: { edition: {}, articles: [], hasArticles: false }, report: [] };
  }
  const locate = yamlLocator(doc, lineCounter);
  // File lines are 0-based here: the YAML's line 1 is the file's line yamlStart.
  const position = (path: (string | number)[]): Position | undefined => {
    const at = locate(path);
    return at ? linesPosition(source, at.line - 1 + block.yamlStart, at.line - 1 + block.yamlStart) : undefined;
  };
  if (!isMap(contents)) {
    throw new ZhpressError('front matter must be a YAML mapping (key: value lines)', {
      file,
      line: position([])?.start.line ?? block.yamlStart + 1,
      hint: 'e.g. "title: …" and "articles:" with one entry per article',
    });
  }
  let value: Record<string, unknown>;
  try {
    value = doc.toJS() as Record<string, unknown>;
  } catch (error) {
    // An alias expanding past yaml's maxAliasCount (100): a "billion laughs" block.
    throw new ZhpressError(`front matter is not valid YAML: ${(error as Error).message}`, {
      file,
      line: block.yamlStart + 1,
      hint: 'YAML aliases (*name) may expand to at most 100 copies',
    });
  }
  const report: Change[] = [];
  const warn = (path: (string | number)[], message: string) => {
    const at = position(path);
    report.push({
      source: SOURCE,
      kind: 'front-matter',
      message: `front matter: ${message}${at ? ` (line ${at.start.line})` : ''}; left out`,
      ...(at ? { position: at } : {}),
      severity: 'warning',
    });
  };
  const checked = checkFrontMatter(value, warn, locate);
  if (typeof checked.date === 'string' && !isCalendarDate(checked.date)) {
    warn(['date'], `date: ${checked.date} is no calendar date`);
    delete checked.date;
  }
  const { articles, ...edition } = checked;
  const entries = Array.isArray(articles) ? articles : [];
  return {
    matter: {
      edition: edition as Partial<EditionMeta>,
      hasArticles: Array.isArray(articles),
      articles: entries.map((entry) => {
        if (entry === null || typeof entry !== 'object') return undefined;
        const { id, ...meta } = entry as { id?: string } & ArticleMeta;
        return { ...(id === undefined ? {} : { id }), meta };
      }),
    },
    report,
  };
}
