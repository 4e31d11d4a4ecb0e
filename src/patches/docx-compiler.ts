// docx's Packer zips the parts of a document with fflate's JavaScript deflate
// (about 30 ms of a first document), and the Word writer only inflates them again
// to rewrite the package with fixed dates (writers/docx/package.ts). The parts are
// taken from the compiler Packer holds instead: `Packer.compiler`, a private
// static that docx's typings do not declare.
import { type Document, Packer } from 'docx';
import { expectMembers, markInstalled, patchOn } from './expect.js';

/** A package's parts by path: XML as text, anything else as bytes. */
export type Parts = Map<string, string | Uint8Array>;

/** What docx's Packer zips: the document compiled to its parts. */
export interface PartsCompiler {
  compile(document: Document): Parts;
}

let compiler: PartsCompiler | null | undefined;

/** docx's own compiler (checked to be there), or undefined under ZHPRESS_NO_PATCH=docx-compiler. */
export function docxCompiler(): PartsCompiler | undefined {
  if (compiler === undefined) {
    if (patchOn('docx-compiler')) {
      const found = (Packer as unknown as { compiler?: unknown }).compiler;
      expectMembers('docx', 'Packer.compiler', found, { compile: 'function' });
      compiler = found as PartsCompiler;
      markInstalled('docx-compiler');
    } else compiler = null;
  }
  return compiler ?? undefined;
}
