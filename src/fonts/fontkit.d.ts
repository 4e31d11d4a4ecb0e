// The small part of fontkit zhpress uses (fontkit ships no types).
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    familyName: string;
    subfamilyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    availableFeatures: string[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    type: 'TTC' | 'DFont';
    fonts: Font[];
    getFont(name: string): Font | null;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
