// One TrueType font from the pieces a web font is split into, or a subset of one
// font (the characters a Word edition embeds). @fontsource ships
// LXGW WenKai TC as 116 WOFF files, each a whole small font for one range of
// characters (unicode-range slices); pdfkit and the glyph check want one font
// per face. The pieces' outlines are copied as they are (composite glyphs get
// their components' new ids), with metrics, one cmap (formats 4 and 12) and the
// header tables of the first piece; their layout tables (GSUB vert and calt,
// which horizontal Chinese text does not use) are left out.

interface Piece {
  tables: Map<string, DataView>;
  numGlyphs: number;
  loca: number[];
  cmap: Map<number, number>;
}

function tablesOf(sfnt: Uint8Array): Map<string, DataView> {
  const data = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  if (data.getUint32(0) !== 0x00010000 && data.getUint32(0) !== 0x74727565) throw new Error('a piece is not a TrueType font');
  const tables = new Map<string, DataView>();
  for (let i = 0; i < data.getUint16(4); i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(sfnt[at]!, sfnt[at + 1]!, sfnt[at + 2]!, sfnt[at + 3]!);
    const offset = data.getUint32(at + 8);
    const length = data.getUint32(at + 12);
    if (offset + length > sfnt.byteLength) throw new Error(`a piece's ${tag} table runs past its end`);
    tables.set(tag, new DataView(sfnt.buffer, sfnt.byteOffset + offset, length));
  }
  for (const tag of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap']) if (!tables.has(tag)) throw new Error(`a piece has no ${tag} table`);
  return tables;
}

/** Code point to glyph from the best Unicode subtable (format 12, else 4). */
function readCmap(cmap: DataView): Map<number, number> {
  const map = new Map<number, number>();
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < cmap.getUint16(2); i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    const offset = cmap.getUint32(8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = cmap.getUint16(offset);
    if ((format === 12 && best?.format !== 12) || (format === 4 && !best)) best = { offset, format };
  }
  if (!best) throw new Error('a piece has no Unicode cmap');
  const at = best.offset;
  if (best.format === 12) {
    for (let i = 0; i < cmap.getUint32(at + 12); i++) {
      const group = at + 16 + i * 12;
      const start = cmap.getUint32(group);
      const end = cmap.getUint32(group + 4);
      const glyph = cmap.getUint32(group + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
  } else {
    const segments = cmap.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = cmap.getUint16(ends + s * 2);
      const start = cmap.getUint16(starts + s * 2);
      const delta = cmap.getInt16(deltas + s * 2);
      const range = cmap.getUint16(ranges + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (range === 0) glyph = (cp + delta) & 0xffff;
        else {
          glyph = cmap.getUint16(ranges + s * 2 + range + (cp - start) * 2);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) map.set(cp, glyph);
      }
    }
  }
  return map;
}

function readPiece(sfnt: Uint8Array): Piece {
  const tables = tablesOf(sfnt);
  const numGlyphs = tables.get('maxp')!.getUint16(4);
  const long = tables.get('head')!.getInt16(50) === 1;
  const locaTable = tables.get('loca')!;
  const loca: number[] = [];
  for (let i = 0; i <= numGlyphs; i++) loca.push(long ? locaTable.getUint32(i * 4) : locaTable.getUint16(i * 2) * 2);
  return { tables, numGlyphs, loca, cmap: readCmap(tables.get('cmap')!) };
}

function bytesOf(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** A glyph's outline bytes; a composite's component ids are read from and written into a copy. */
function glyphBytes(piece: Piece, glyph: number): Uint8Array {
  const glyf = piece.tables.get('glyf')!;
  const start = piece.loca[glyph]!;
  const end = piece.loca[glyph + 1]!;
  return new Uint8Array(glyf.buffer, glyf.byteOffset + start, Math.max(0, end - start));
}

/** The component glyph ids of a composite glyph, with where each is written. */
function components(bytes: Uint8Array): { at: number; glyph: number }[] {
  if (bytes.length < 10) return [];
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.getInt16(0) >= 0) return [];
  const found: { at: number; glyph: number }[] = [];
  let at = 10;
  for (;;) {
    const flags = data.getUint16(at);
    found.push({ at: at + 2, glyph: data.getUint16(at + 2) });
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return found;
  }
}

function metric(table: DataView | undefined, count: number, glyph: number): [number, number] {
  if (!table || count === 0) return [0, 0];
  if (glyph < count) return [table.getUint16(glyph * 4), table.getInt16(glyph * 4 + 2)];
  return [table.getUint16((count - 1) * 4), table.getInt16(count * 4 + (glyph - count) * 2)];
}

function cmapTable(map: [number, number][]): Uint8Array {
  // Groups of consecutive code points with consecutive glyphs.
  const groups: [number, number, number][] = [];
  for (const [cp, glyph] of map) {
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && glyph === last[2] + cp - last[0]) last[1] = cp;
    else groups.push([cp, cp, glyph]);
  }
  const bmp = groups.filter((g) => g[0] <= 0xfffe).map((g): [number, number, number] => [g[0], Math.min(g[1], 0xfffe), g[2]]);
  bmp.push([0xffff, 0xffff, 0]);
  const segments = bmp.length;
  const format4Length = 16 + segments * 8;
  const format12Length = 16 + groups.length * 12;
  const useFormat4 = format4Length <= 0xffff;
  const header = 4 + (useFormat4 ? 2 : 1) * 8 + 8;
  const out = new DataView(new ArrayBuffer(header + (useFormat4 ? format4Length : 0) + format12Length));
  out.setUint16(2, useFormat4 ? 3 : 2);
  let record = 4;
  const format12At = 4 + (useFormat4 ? 3 : 2) * 8 + (useFormat4 ? format4Length : 0);
  const records: [number, number, number][] = useFormat4
    ? [[0, 4, format12At], [3, 1, 4 + 3 * 8], [3, 10, format12At]]
    : [[0, 4, format12At], [3, 10, format12At]];
  for (const [platform, encoding, offset] of records) {
    out.setUint16(record, platform);
    out.setUint16(record + 2, encoding);
    out.setUint32(record + 4, offset);
    record += 8;
  }
  if (useFormat4) {
    const at = 4 + 3 * 8;
    out.setUint16(at, 4);
    out.setUint16(at + 2, format4Length);
    out.setUint16(at + 6, segments * 2);
    const power = 2 ** Math.floor(Math.log2(segments));
    out.setUint16(at + 8, power * 2);
    out.setUint16(at + 10, Math.log2(power));
    out.setUint16(at + 12, segments * 2 - power * 2);
    bmp.forEach(([start, end, glyph], s) => {
      out.setUint16(at + 14 + s * 2, end);
      out.setUint16(at + 16 + segments * 2 + s * 2, start);
      out.setUint16(at + 16 + segments * 4 + s * 2, start === 0xffff ? 1 : (glyph - start) & 0xffff);
      out.setUint16(at + 16 + segments * 6 + s * 2, 0);
    });
  }
  out.setUint16(format12At, 12);
  out.setUint32(format12At + 4, format12Length);
  out.setUint32(format12At + 12, groups.length);
  groups.forEach(([start, end, glyph], i) => {
    out.setUint32(format12At + 16 + i * 12, start);
    out.setUint32(format12At + 20 + i * 12, end);
    out.setUint32(format12At + 24 + i * 12, glyph);
  });
  return new Uint8Array(out.buffer);
}

function copy(view: DataView): DataView {
  return new DataView(bytesOf(view).slice().buffer);
}

function checksum(bytes: Uint8Array): number {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = 0; i < 4; i++) last = (last << 8) | (bytes[whole + i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt of the given tables, with its checksums. */
function writeSfnt(tables: Map<string, Uint8Array>): Buffer {
  const tags = [...tables.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  let size = 12 + tags.length * 16;
  for (const tag of tags) size += (tables.get(tag)!.length + 3) & ~3;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(tags.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tags.length * 16 - power * 16, 10);
  let offset = 12 + tags.length * 16;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    out.write(tag, 12 + i * 16, 'latin1');
    out.writeUInt32BE(checksum(data), 16 + i * 16);
    out.writeUInt32BE(offset, 20 + i * 16);
    out.writeUInt32BE(data.length, 24 + i * 16);
    out.set(data, offset);
    if (tag === 'head') headAt = offset;
    offset += (data.length + 3) & ~3;
  });
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headAt + 8);
  return out;
}

/**
 * One TrueType font holding every character of the pieces (TrueType sfnts of one
 * face, as a web font's unicode-range slices are). Where pieces map the same
 * character, the first wins. Throws on a piece that is not a TrueType font.
 */
export function mergePieces(sfnts: readonly Uint8Array[], keep?: (codePoint: number) => boolean): Buffer {
  if (sfnts.length === 0) throw new Error('no pieces to merge');
  const pieces = sfnts.map(readPiece);
  const first = pieces[0]!;
  // New glyph ids: .notdef, then the mapped glyphs in code point order (so the cmap is
  // runs of consecutive ids), then components not mapped themselves.
  const ids = pieces.map(() => new Map<number, number>());
  const order: [number, number][] = [[0, 0]];
  ids[0]!.set(0, 0);
  const owner = new Map<number, [number, number]>();
  pieces.forEach((piece, p) => {
    for (const [cp, glyph] of piece.cmap) if (!owner.has(cp) && glyph < piece.numGlyphs && (!keep || keep(cp))) owner.set(cp, [p, glyph]);
  });
  const mapped = [...owner.entries()].sort((a, b) => a[0] - b[0]);
  const add = (p: number, glyph: number) => {
    let id = ids[p]!.get(glyph);
    if (id === undefined) {
      id = order.length;
      ids[p]!.set(glyph, id);
      order.push([p, glyph]);
    }
    return id;
  };
  const cmap: [number, number][] = mapped.map(([cp, [p, glyph]]) => [cp, add(p, glyph)]);
  for (let i = 0; i < order.length; i++) {
    const [p, glyph] = order[i]!;
    for (const c of components(glyphBytes(pieces[p]!, glyph))) add(p, c.glyph);
  }
  if (order.length > 0xffff) throw new Error('the pieces hold more than 65,535 glyphs');

  const glyfParts: Uint8Array[] = [];
  const loca = new DataView(new ArrayBuffer((order.length + 1) * 4));
  const hmtx = new DataView(new ArrayBuffer(order.length * 4));
  const vertical = pieces.every((p) => p.tables.has('vhea') && p.tables.has('vmtx'));
  const vmtx = new DataView(new ArrayBuffer(vertical ? order.length * 4 : 0));
  let offset = 0;
  let advanceMax = 0;
  let heightMax = 0;
  const maxp = copy(first.tables.get('maxp')!);
  const head = copy(first.tables.get('head')!);
  let [xMin, yMin, xMax, yMax] = [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)];
  for (const piece of pieces) {
    const own = piece.tables.get('head')!;
    xMin = Math.min(xMin, own.getInt16(36));
    yMin = Math.min(yMin, own.getInt16(38));
    xMax = Math.max(xMax, own.getInt16(40));
    yMax = Math.max(yMax, own.getInt16(42));
    const theirs = piece.tables.get('maxp')!;
    if (theirs.byteLength >= 32 && maxp.byteLength >= 32) for (let at = 6; at < 32; at += 2) maxp.setUint16(at, Math.max(maxp.getUint16(at), theirs.getUint16(at)));
  }
  order.forEach(([p, glyph], id) => {
    const piece = pieces[p]!;
    let bytes = glyphBytes(piece, glyph);
    const parts = components(bytes);
    if (parts.length) {
      bytes = bytes.slice();
      const data = new DataView(bytes.buffer);
      for (const c of parts) data.setUint16(c.at, ids[p]!.get(c.glyph)!);
    }
    loca.setUint32(id * 4, offset);
    glyfParts.push(bytes);
    offset += bytes.length;
    const pad = (4 - (bytes.length % 4)) % 4;
    if (pad) {
      glyfParts.push(new Uint8Array(pad));
      offset += pad;
    }
    const [advance, bearing] = metric(piece.tables.get('hmtx'), piece.tables.get('hhea')!.getUint16(34), glyph);
    hmtx.setUint16(id * 4, advance);
    hmtx.setInt16(id * 4 + 2, bearing);
    advanceMax = Math.max(advanceMax, advance);
    if (vertical) {
      const [height, top] = metric(piece.tables.get('vmtx'), piece.tables.get('vhea')!.getUint16(34), glyph);
      vmtx.setUint16(id * 4, height);
      vmtx.setInt16(id * 4 + 2, top);
      heightMax = Math.max(heightMax, height);
    }
  });
  loca.setUint32(order.length * 4, offset);
  const glyf = new Uint8Array(offset);
  let at = 0;
  for (const part of glyfParts) {
    glyf.set(part, at);
    at += part.length;
  }

  head.setUint32(8, 0);
  head.setInt16(36, xMin);
  head.setInt16(38, yMin);
  head.setInt16(40, xMax);
  head.setInt16(42, yMax);
  head.setInt16(50, 1);
  maxp.setUint16(4, order.length);
  const hhea = copy(first.tables.get('hhea')!);
  hhea.setUint16(10, advanceMax);
  hhea.setUint16(34, order.length);
  const post = copy(first.tables.get('post')!);
  const tables = new Map<string, Uint8Array>([
    ['head', bytesOf(head)],
    ['hhea', bytesOf(hhea)],
    ['maxp', bytesOf(maxp)],
    ['hmtx', bytesOf(hmtx)],
    ['loca', bytesOf(loca)],
    ['glyf', glyf],
    ['cmap', cmapTable(cmap)],
  ]);
  if (post.byteLength >= 32) {
    const header = new DataView(bytesOf(post).slice(0, 32).buffer);
    header.setUint32(0, 0x00030000);
    tables.set('post', bytesOf(header));
  }
  // The pieces' OS/2 tables differ only in the ranges they cover: the largest piece's, with every piece's ranges.
  const largest = pieces.reduce((a, b) => (b.numGlyphs > a.numGlyphs ? b : a));
  const os2 = largest.tables.get('OS/2') && copy(largest.tables.get('OS/2')!);
  if (os2) {
    for (const piece of pieces) {
      const theirs = piece.tables.get('OS/2');
      if (!theirs) continue;
      for (let at = 42; at < 58; at += 4) os2.setUint32(at, (os2.getUint32(at) | theirs.getUint32(at)) >>> 0);
      if (os2.byteLength >= 86 && theirs.byteLength >= 86) for (let at = 78; at < 86; at += 4) os2.setUint32(at, (os2.getUint32(at) | theirs.getUint32(at)) >>> 0);
    }
    const bmp = cmap.map(([cp]) => cp).filter((cp) => cp <= 0xffff);
    os2.setUint16(64, Math.min(...bmp.slice(0, 1), 0xffff));
    os2.setUint16(66, bmp[bmp.length - 1] ?? 0xffff);
    tables.set('OS/2', bytesOf(os2));
  }
  // Hinting programs (prep, fpgm, cvt) belong to one font: kept for a subset of one.
  for (const tag of ['name', 'gasp', ...(pieces.length === 1 ? ['prep', 'fpgm', 'cvt '] : [])]) {
    const table = first.tables.get(tag);
    if (table) tables.set(tag, bytesOf(table));
  }
  if (vertical) {
    const vhea = copy(first.tables.get('vhea')!);
    vhea.setUint16(10, heightMax);
    vhea.setUint16(34, order.length);
    tables.set('vhea', bytesOf(vhea));
    tables.set('vmtx', bytesOf(vmtx));
  }
  return writeSfnt(tables);
}

/** A TrueType font with the glyphs of `codePoints` only (and .notdef, and their components). */
export function subsetTrueType(sfnt: Uint8Array, codePoints: ReadonlySet<number>): Buffer {
  return mergePieces([sfnt], (cp) => codePoints.has(cp));
}
