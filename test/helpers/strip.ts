/** A copy of a model without `position` anywhere: fixtures compare structure and text. */
export function stripPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v))) as T;
}
