// Libraries that only some runs need, loaded on first use instead of at start:
// a build of one text file to .docx never parses YAML, compiles a schema at
// run time, reads Markdown or converts to Traditional, and loading those
// modules was about a fifth of such a run. Each is required through its
// CommonJS build, synchronously, once.
import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type * as AjvModule from 'ajv';
import type * as EntitiesModule from 'entities';
import type * as CliProgress from 'cli-progress';
import type MarkdownItModule from 'markdown-it';
import type MarkdownItContainerModule from 'markdown-it-container';
import type * as OpenCCModule from 'opencc-js';
import type * as YamlModule from 'yaml';
import type * as TypeBoxModule from '@sinclair/typebox';

const require = createRequire(import.meta.url);

function once<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}

export const yaml = once<typeof YamlModule>('yaml');
export const ajv = once<typeof AjvModule>('ajv');
/** HTML's character references, for the HTML a text file may carry (readers/text/html-residue.ts). */
export const entities = once<typeof EntitiesModule>('entities');
export const markdownIt = once<typeof MarkdownItModule>('markdown-it');
export const markdownItContainer = once<typeof MarkdownItContainerModule>('markdown-it-container');
export const opencc = once<typeof OpenCCModule>('opencc-js');
export const cliProgress = once<typeof CliProgress>('cli-progress');
export const jieba = once<typeof JiebaModule>('@node-rs/jieba');
export const jiebaDict = once<{ dict: Uint8Array }>('@node-rs/jieba/dict');
/** TypeBox, to make the JSON Schemas from their definitions where the build has not (src/schema/validate.ts). */
export const typebox = once<typeof TypeBoxModule>('@sinclair/typebox');
