// Incremental builds: a manifest in the output folder records, for each
// output, a hash of everything that made it (input and sidecar bytes,
// template, fonts, options, zhpress version). An output whose hash has not
// changed and whose file is still there is skipped.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../io/write-atomic.js';

export const MANIFEST_NAME = '.zhpress-manifest.json';

interface ManifestFile {
  version: 1;
  outputs: Record<string, string>;
}

export class Manifest {
  private constructor(
    private readonly path: string,
    private readonly outputs: Map<string, string>,
  ) {}

  static async load(out: string): Promise<Manifest> {
    const path = join(out, MANIFEST_NAME);
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as ManifestFile;
      if (parsed.version === 1 && parsed.outputs && typeof parsed.outputs === 'object') {
        return new Manifest(path, new Map(Object.entries(parsed.outputs)));
      }
    } catch {
      // no manifest yet, or an unreadable one: build everything
    }
    return new Manifest(path, new Map());
  }

  /** True when the output exists and was made from the same things. */
  async isFresh(output: string, hash: string): Promise<boolean> {
    if (this.outputs.get(output) !== hash) return false;
    return stat(join(this.path, '..', output)).then(
      (info) => info.isFile() && info.size > 0,
      () => false,
    );
  }

  record(output: string, hash: string): void {
    this.outputs.set(output, hash);
  }

  forget(output: string): void {
    this.outputs.delete(output);
  }

  async save(): Promise<void> {
    const sorted = Object.fromEntries([...this.outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomic(this.path, `${JSON.stringify({ version: 1, outputs: sorted }, null, 1)}\n`);
  }
}

/** A hash of the inputs' bytes and of every setting that shapes the output. */
export async function jobHash(input: string, settings: unknown): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(input));
  for (const suffix of ['.meta.yaml', '.meta.yml', '.meta.json']) {
    const sidecar = await readFile(input + suffix).catch(() => undefined);
    if (sidecar) hash.update(suffix).update(sidecar);
  }
  hash.update(JSON.stringify(settings));
  return hash.digest('hex');
}
