// "1 attempt", "2 attempts": a count with its noun in the form the count needs. `many` is for
// nouns whose plural is not the singular plus "s". Client-safe.
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
