// Escaping so that a Markdown reader gets back exactly the model's text.
// CommonMark lets any ASCII punctuation be backslash-escaped; we escape only
// what could start markup, so the file stays pleasant to read.

/** Characters that are markup anywhere in a line (markdown-it default preset: tables, strikethrough). */
const INLINE = /[\\`*_[\]<>&~|]/g;

/** Escape inline text. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, (ch) => `\\${ch}`).replace(/!(?=\\\[)/g, '\\!');
}

/**
 * Escape what would open a block at the start of a line: "# ", "> ", "- ", "+ ",
 * "1. ", "1) ", "===", ":::" (a fenced div), leading spaces (indented code), and a
 * line of only dashes.
 */
export function escapeLineStart(line: string): string {
  let out = line;
  if (/^[ \t]/.test(out)) out = out.replace(/^([ \t]+)/, (s) => s.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  if (/^(?:[#>+=-]|:::)/.test(out)) return `\\${out}`;
  const ordered = /^(\d{1,9})([.)])/.exec(out);
  if (ordered) return `${ordered[1]}\\${out.slice(ordered[1]!.length)}`;
  return out;
}

/** Line breaks inside a text become hard breaks ("\" at line end), so lines keep their content. */
export function escapeText(text: string): string {
  return escapeInline(text)
    .split('\n')
    .map((line, i) => (i === 0 ? line : escapeLineStart(line)))
    .join('\\\n');
}
