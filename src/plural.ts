// "1 page", "2 pages": counts in messages agree with their nouns.
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
