import type { Change, Edition } from '../model/types.js';
import type { Template } from '../templates/types.js';

export interface WriteContext {
  /** The template, already loaded, extended and resolved for the edition's variant. */
  template: Template;
  /** Fixed date for document properties: from the edition or SOURCE_DATE_EPOCH, never the clock. */
  date?: Date;
  /** The Word edition embeds the PDF's fonts (subset) and names them instead of the fonts its readers have. */
  embedFonts?: boolean;
}

export interface WriteResult {
  data: Uint8Array | string;
  /** What the writer dropped, could not show, or noticed (missing glyphs, …). */
  report: Change[];
  /** Pages, where the format has them. */
  pages?: number;
}

/** Every writer has this shape; none does file I/O. */
export interface Writer {
  /** File extension without the dot: "pdf", "docx", "md". */
  extension: string;
  write(edition: Edition, context: WriteContext): WriteResult | Promise<WriteResult>;
}
