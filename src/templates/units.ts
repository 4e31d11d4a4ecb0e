// Lengths in templates: a bare number is in the key's own unit (mm for the page,
// pt for type sizes, em for indents); a string may name its unit ("25mm", "12pt").
const PER_POINT: Record<string, number> = { pt: 1, mm: 72 / 25.4, cm: 72 / 2.54, in: 72, px: 0.75 };

export type Unit = 'mm' | 'pt' | 'em';

export const LENGTH = /^(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in|px|em)?$/;

/** Convert a template value to `unit`; throws a message naming the allowed units. */
export function toUnit(value: number | string, unit: Unit): number {
  if (typeof value === 'number') return value;
  const match = LENGTH.exec(value.trim());
  if (!match) throw new Error(`"${value}" is not a length; write a number or one with a unit (${unitsFor(unit)})`);
  const amount = Number(match[1]);
  const given = match[2] ?? unit;
  if (unit === 'em' || given === 'em') {
    if (given !== unit) throw new Error(`"${value}": the unit here is ${unit}; allowed: ${unitsFor(unit)}`);
    return amount;
  }
  const points = amount * PER_POINT[given]!;
  return unit === 'pt' ? points : points / PER_POINT.mm!;
}

export function unitsFor(unit: Unit): string {
  return unit === 'em' ? 'em' : 'pt, mm, cm, in, px';
}

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
