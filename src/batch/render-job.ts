// Renders one job (an input in one variant, to several formats) in memory.
// Runs in a worker thread or in the main one; fonts, templates and converters
// are cached per thread by their modules, so each is loaded once per thread.
import { prepare, render } from '../build.js';
import { loadPlugins } from '../plugins/index.js';
import type { Encoding } from '../io/decode.js';
import type { Change, Lang } from '../model/types.js';
import type { Format } from '../writers/index.js';

export interface JobSettings {
  template: string;
  vocabulary?: boolean;
  /** User dictionaries for conversion (absolute paths). */
  dictionaries?: string[];
  skip?: string[];
  from?: string;
  encoding?: Encoding;
  lenient?: boolean;
  /** The Word edition embeds the PDF's fonts. */
  embedFonts?: boolean;
  /** Plugins to load first (resolved paths): a worker thread loads them for itself. */
  plugins?: string[];
}

export interface JobRequest {
  input: string;
  variant: Lang;
  formats: Format[];
  settings: JobSettings;
  /** Report what reading the input changed (once per input, not once per variant). */
  withReadReport: boolean;
}

export interface JobResult {
  rendered: { format: Format; data: Uint8Array; pages?: number }[];
  report: Change[];
  /** A failure the user caused (bad input): the message line, with the file. */
  error?: { message: string; exitCode: number };
}

let last: { key: string; value: Awaited<ReturnType<typeof prepare>> } | undefined;

/** Forget the input read last (`zhpress watch`: the file may have changed since). */
export function forgetPrepared(): void {
  last = undefined;
}

export async function renderJob(request: JobRequest): Promise<JobResult> {
  const { input, variant, formats, settings } = request;
  try {
    if (settings.plugins?.length) loadPlugins(settings.plugins);
    // The formats and variants of one input share the reading and the shared transforms.
    const key = JSON.stringify([input, settings]);
    if (last?.key !== key) last = { key, value: await prepare(input, settings) };
    const prepared = last.value;
    const report: Change[] = request.withReadReport ? [...prepared.report] : [];
    const rendered: JobResult['rendered'] = [];
    for (const format of formats) {
      const result = await render(prepared.edition, format, variant, settings);
      report.push(...result.report);
      const data = typeof result.data === 'string' ? new TextEncoder().encode(result.data) : result.data;
      rendered.push({ format, data, pages: result.pages });
    }
    return { rendered, report };
  } catch (error) {
    const { isZhpressError } = await import('../errors.js');
    if (!isZhpressError(error)) throw error;
    return { rendered: [], report: [], error: { message: error.inFile(input).format(), exitCode: error.exitCode } };
  }
}
