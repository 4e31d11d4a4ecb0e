// Estimated page numbers for the contents (ZHPRESS_DOCX_TOC_PAGES=1): docx/layout
// lays the pages out with the role fonts. It is loaded only when asked for, as
// the module alone is 1.8 MB of code (about 60 ms to load).
import { estimatePageNumbersWith, type FontFile } from 'docx/layout';
import type { WriteFonts } from '../../fonts/types.js';

/** The role fonts' files, so the contents' page numbers are laid out with the fonts the document names. */
function fontFiles({ roles, bytes }: WriteFonts): FontFile[] {
  const seen = new Set<string>();
  const out: FontFile[] = [];
  for (const { family } of Object.values(roles)) {
    for (const face of [family.normal, family.bold]) {
      if (!face || seen.has(face.file)) continue;
      seen.add(face.file);
      out.push({ data: bytes(face), name: family.name });
    }
  }
  return out;
}

const estimators = new Map<string, ReturnType<typeof estimatePageNumbersWith>>();

/** One estimator per set of fonts, as parsing them is slow. */
export function pageNumberEstimator(fonts: WriteFonts): ReturnType<typeof estimatePageNumbersWith> {
  const key = Object.values(fonts.roles)
    .map((r) => `${r.family.name}:${r.family.normal.file}:${r.family.bold?.file ?? ''}`)
    .join('|');
  let found = estimators.get(key);
  if (!found) {
    found = estimatePageNumbersWith({ fonts: fontFiles(fonts), guess: true });
    estimators.set(key, found);
  }
  return found;
}
