// One input file to an edition: read the bytes, decode them, pick the reader by
// extension (or --from), apply the sidecar metadata beside a text input.
import { readFile, stat } from 'node:fs/promises';
import { ZhpressError } from '../errors.js';
import type { Change, Lang } from '../model/types.js';
import { readerFor } from '../readers/index.js';
import type { ReadResult } from '../readers/types.js';
import { decode, type Encoding } from './decode.js';
import { applySidecar, parseSidecar, sidecarCandidates } from './sidecar.js';

export interface ReadInputOptions {
  from?: string;
  encoding?: Encoding;
  lenient?: boolean;
  lang?: Lang;
}

/** Inputs above this size are refused with a clear message rather than risking the memory limit. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

async function readBytes(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ZhpressError(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})`, { file: path, exitCode: code === 'ENOENT' ? 2 : 1 });
  }
  if (info.isDirectory()) throw new ZhpressError('is a folder, not a file', { file: path, hint: 'zhpress build takes folders; parse and check take files' });
  if (!info.isFile()) {
    // A device, pipe or socket (/dev/zero, a FIFO) has no size to check and may never end.
    throw new ZhpressError('not a regular file (a device, pipe or socket)', { file: path, hint: 'save the text to a file and give its path' });
  }
  if (info.size > MAX_INPUT_BYTES) {
    // In bytes as well: 16,777,217 bytes round to "16.0 MB", as the limit does.
    const bytes = (n: number) => n.toLocaleString('en-US');
    throw new ZhpressError(`the file is ${bytes(info.size)} bytes (${(info.size / 1048576).toFixed(1)} MB); zhpress reads inputs up to ${bytes(MAX_INPUT_BYTES)} bytes (${MAX_INPUT_BYTES / 1048576} MB)`, {
      file: path,
      hint: 'split the input into several files',
    });
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new ZhpressError(`cannot read the file (${(error as NodeJS.ErrnoException).code})`, { file: path });
  }
}

/** The sidecar that applies (the first candidate that exists) and the others found beside it, unused. */
async function findSidecars(path: string): Promise<{ used?: { file: string; text: string }; unused: string[] }> {
  let used: { file: string; text: string } | undefined;
  const unused: string[] = [];
  for (const file of sidecarCandidates(path)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue; // no sidecar by this name
    }
    if (used) unused.push(file);
    else used = { file, text };
  }
  return { used, unused };
}

export async function readInput(path: string, options: ReadInputOptions = {}): Promise<ReadResult> {
  const bytes = await readBytes(path);
  const decoded = decode(bytes, path, options);
  const report: Change[] = [];
  if (decoded.detected) {
    report.push({ source: 'input', kind: 'encoding', message: `read as ${decoded.encoding.toUpperCase()} (not valid UTF-8)` });
  }
  if (decoded.replaced) {
    const { offset, line, count } = decoded.replaced;
    // Where the first U+FFFD stands in the decoded text (positions are in the decoded source).
    const at = Math.max(0, decoded.text.indexOf('\uFFFD'));
    const lineStart = Math.max(decoded.text.lastIndexOf('\n', at - 1), decoded.text.lastIndexOf('\r', at - 1)) + 1;
    const point = { line, column: at - lineStart + 1, offset: at };
    report.push({
      source: 'input',
      kind: 'invalid-bytes',
      severity: 'warning',
      message: `${count === 1 ? 'an invalid byte sequence' : `${count} invalid byte sequences`} in ${decoded.encoding.toUpperCase()}${
        offset >= 0 ? ` (the first at byte offset ${offset})` : ''
      } replaced with U+FFFD (--lenient)`,
      position: { start: point, end: point },
    });
  }
  if (decoded.text.replace(/^\uFEFF/, '').trim() === '') {
    throw new ZhpressError(bytes.length === 0 ? 'the file is empty' : 'the file has only whitespace', {
      file: path,
      hint: 'nothing to publish; no edition was written',
    });
  }
  const { name, reader } = readerFor(path, options.from);
  const found = await findSidecars(path);
  const sidecar = name === 'text' ? found.used : undefined;
  // A metadata file beside the input that is not read is said so, never ignored in silence.
  for (const file of name === 'text' ? found.unused : [found.used?.file, ...found.unused].filter((f): f is string => Boolean(f))) {
    report.push({
      source: 'input',
      kind: 'sidecar-unused',
      severity: 'warning',
      message:
        name === 'text'
          ? `${file} is not used: ${sidecar!.file} gives this input's metadata (the one named after the whole file name wins)`
          : `${file} is not used: a ${name === 'markdown' ? 'Markdown input takes its metadata from its front matter' : 'JSON input carries its own metadata'}`,
    });
  }
  const meta = sidecar ? parseSidecar(sidecar.text, sidecar.file) : undefined;
  let result: ReadResult;
  try {
    result = reader(
      { text: decoded.text, path },
      { lang: meta?.lang ?? options.lang, headings: meta?.reader?.headings, articles: meta?.reader?.articles },
    );
  } catch (error) {
    throw error instanceof ZhpressError ? error.inFile(sidecar && /reader\.headings/.test(error.message) ? sidecar.file : path) : error;
  }
  const edition = meta ? applySidecar(result.edition, meta) : result.edition;
  const skip = meta?.reader?.repair === 'off' ? ['repair-breaks'] : undefined;
  return { edition, report: [...report, ...result.report], ...(skip ? { skip } : {}) };
}
