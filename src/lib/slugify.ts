// URL slugs for topics and questions. Question slugs drop filler words and keep the first six
// meaningful ones, so a prompt yields a short, stable, readable address.
const FILLER = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'for', 'with', 'that', 'them', 'as', 'is', 'are',
  'between', 'how', 'what', 'which', 'you', 'your', 'would', 'i', 'in', 'on', 'it', 'its', 'they',
]);

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    // NFKD splits "é" into "e" and a combining accent: drop the accent ("Réseaux" -> "reseaux",
    // not "re-seaux").
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

export function slugify(text: string): string {
  return words(text).join('-');
}

export function questionSlug(prompt: string, maxWords = 6): string {
  return words(prompt)
    .filter((w) => !FILLER.has(w))
    .slice(0, maxWords)
    .join('-');
}
