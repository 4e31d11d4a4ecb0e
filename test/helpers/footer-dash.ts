// Where a page number's dash stands, measured from the ink: pdftoppm renders a strip of the
// page under the type area at 4 px a point in grey; the dash's rows are those holding a dark
// run over 0.6 em of the footer's size (a digit's foot, "2", runs under half an em), and
// their middle is the dash's. Returns millimetres below the type area's foot (A4 pages).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCALE = 4;

export function dashBelowTypeArea(pdf: string, page: number, bottomMarginMm: number, sizePt: number): number | undefined {
  const bottom = ((297 - bottomMarginMm) * 72) / 25.4;
  const from = Math.floor(bottom * SCALE);
  const stem = join(mkdtempSync(join(tmpdir(), 'zhpress-dash-')), 'strip');
  const run = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(72 * SCALE), '-gray', '-singlefile', '-y', String(from), '-H', String(Math.ceil((bottomMarginMm * 72 * SCALE) / 25.4)), '-x', '0', '-W', String(596 * SCALE), pdf, stem]);
  if (run.status !== 0) throw new Error(`pdftoppm failed on ${pdf}`);
  const pgm = readFileSync(`${stem}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h, start] = [Number(header[1]), Number(header[2]), header[0].length];
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    let length = 0;
    let longest = 0;
    for (let x = 0; x < w; x++) {
      length = pgm[start + y * w + x]! < 128 ? length + 1 : 0;
      longest = Math.max(longest, length);
    }
    if (longest >= sizePt * SCALE * 0.6) rows.push(y);
  }
  if (!rows.length) return undefined;
  const middle = (from + (rows[0]! + rows[rows.length - 1]! + 1) / 2) / SCALE;
  return ((middle - bottom) * 25.4) / 72;
}
