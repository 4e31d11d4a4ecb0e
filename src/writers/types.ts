import type { Change, Edition } from '../model/types.js';
import type { Template } from '../templates/types.js';
import type { WriteFonts } from '../fonts/types.js';

export interface WriteContext {
  /** The template, already loaded, extended and resolved for the edition's variant. */
  template: Template;
  /** Fixed date for document properties: from the edition or SOURCE_DATE_EPOCH, never the clock. */
  date?: Date;
  /** The Word edition embeds the PDF's fonts (subset) and names them instead of the fonts its readers have. */
  embedFonts?: boolean;
  /**
   * The fonts, resolved for the template by the build layer (writeFonts, src/fonts/): the
   * writers that set text in fonts (pdf, docx) read faces only through it. The library's
   * loadWriter (src/index.ts) fills it in when it is not given.
   */
  fonts?: WriteFonts;
}

export interface WriteResult {
  data: Uint8Array | string;
  /** What the writer dropped, could not show, or noticed (missing glyphs, …). */
  report: Change[];
  /** Pages, where the format has them. */
  pages?: number;
}

/** Every writer has this shape; none does file I/O (test/architecture/pure-writers.test.ts). */
export interface Writer {
  /** File extension without the dot: "pdf", "docx", "md". */
  extension: string;
  write(edition: Edition, context: WriteContext): WriteResult | Promise<WriteResult>;
}
