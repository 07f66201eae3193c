// Turns text into comparable tokens: case, Unicode dashes and quotes, punctuation, filler words,
// plurals and common inflections are folded away, so "Rolled back", "roll-back" and "rolling
// back" all read as "roll back".
const DASHES = /[\u2010-\u2015\u2212\u00ad]/g;
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;

// Words that carry no meaning for matching a phrasing; dropping them lets "collect the metrics"
// match the phrasing "collect metrics".
const FILLER = new Set([
  'a', 'an', 'the', 'of', 'to', 'and', 'or', 'is', 'are', 'be', 'been', 'was', 'were', 'for', 'in', 'on', 'at',
  'by', 'with', 'it', 'its', 'this', 'that', 'these', 'those', 'we', 'you', 'our', 'your', 'i', 'as', 'so',
  'then', 'than', 'into', 'from', 'very', 'just', 'also', 'can', 'will', 'would', 'should', 'do', 'does',
]);

const UNDOUBLE = /([b-df-hj-km-np-tv-z])\1$/;

// A light suffix stripper (not a full Porter stemmer): enough that a phrasing matches its plural
// and -ing/-ed/-ment forms. Both the answer and the phrasings go through it, so over-stemming
// is harmless as long as it is consistent.
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3).replace(UNDOUBLE, '$1');
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2).replace(UNDOUBLE, '$1');
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

export function tokenize(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .replace(/%/g, ' percent ')
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

// Meaningful, stemmed tokens.
export function normalize(text: string): string[] {
  return tokenize(text)
    .filter((t) => !FILLER.has(t))
    .map(stem);
}
