// Reads a piece of text the way the grader needs it, with wink-nlp's English model for tokens,
// sentences, lemmas and parts of speech: comparable tokens (lemma, lexicon, stem; filler words
// dropped, negations kept), the clause each token sits in, which tokens negate or contrast, and
// the syntax that tells an explanation from a list of terms (verbs, function words).
// The same function reads an answer and a rubric phrasing, so both fold the same way.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { americanSpelling, applyLexicon } from './lexicon';
import { stem } from './stem';

// Loaded on first use: parsing a rubric does not need the tagger, only grading does.
let loaded: ReturnType<typeof winkNLP> | undefined;
const wink = () => (loaded ??= winkNLP(model, ['sbd', 'pos']));

// Words that carry no meaning for matching; dropping them lets "collect the metrics" match
// "collect metrics". Negations are kept (they are NEGATORS below).
const FILLER = new Set([
  'a', 'an', 'the', 'of', 'to', 'and', 'or', 'is', 'are', 'am', 'be', 'been', 'being', 'was', 'were', 'for', 'in',
  'on', 'at', 'by', 'with', 'it', 'its', 'this', 'that', 'these', 'those', 'we', 'you', 'our', 'your', 'i', 'my',
  'as', 'so', 'then', 'than', 'into', 'from', 'very', 'just', 'also', 'can', 'will', 'would', 'should', 'could',
  'do', 'does', 'did', 'has', 'have', 'had', 'they', 'them', 'their', 'there', 'us', 'me', 'he', 'she', 'his', 'her',
  'which', 'who', 'what', 'some', 'any', 'really', 'basically', 'actually', 'may', 'might', 'must',
]);

// A match preceded by one of these in its clause is denied or contrasted ("never roll back",
// "no need to compare", "instead of rebuilding", "unlike blue-green").
export const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nobody', 'none', 'nothing', 'neither', 'nor', 'unlike', 'instead', 'rather', 'avoid', 'cannot']);
// Words that end a clause, so a negation does not reach past them.
const CLAUSE_BREAKS = new Set(['and', 'but', 'whereas', 'however', 'although', 'though', 'yet', 'while', 'whilst', 'because', 'since', 'unless', 'if', 'so', 'otherwise']);
const BREAK_PUNCTUATION = /^[,;:()[\]!?.…–—]$|^-{2,}$|^->$|^=>$/;
const FUNCTION_POS = new Set(['DET', 'PRON', 'ADP', 'AUX', 'SCONJ', 'CCONJ', 'PART']);

export type Token = {
  token: string;
  // Index of the whitespace-separated word of the text it came from (for cutting evidence).
  word: number;
  clause: number;
  isNegator: boolean;
};
export type Analysis = {
  tokens: Token[];
  words: number;
  verbs: number;
  functionWords: number;
};

// Words recur across answers; folding each once keeps a 400-word answer well under 20 ms.
const MAX_MEMO = 50_000;
const spellingMemo = new Map<string, string>();
const stemMemo = new Map<string, string>();
function memo(map: Map<string, string>, word: string, fold: (w: string) => string): string {
  let out = map.get(word);
  if (out === undefined) {
    out = fold(word);
    if (map.size >= MAX_MEMO) map.clear();
    map.set(word, out);
  }
  return out;
}

function clean(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2010-\u2015\u2212]/g, (d) => (d === '\u2013' || d === '\u2014' || d === '\u2015' ? ' , ' : '-'))
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

export function analyzeText(text: string): Analysis {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(clean(text));
  const tokens = doc.tokens();
  const values = tokens.out(its.normal) as string[];
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  // The types declare precedingSpaces with another signature than the other token properties.
  const spaces = tokens.out(its.precedingSpaces as unknown as typeof its.value) as string[];

  // Raw lower-case words with their whitespace word index and clause.
  const raw: string[] = [];
  const rawWord: number[] = [];
  const rawClause: number[] = [];
  let word = 0;
  let clause = 0;
  let words = 0;
  let verbs = 0;
  let functionWords = 0;
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && spaces[i]) word++;
    const value = values[i]!.toLowerCase();
    const type = types[i];
    const tag = pos[i]!;
    if (type === 'word' || type === 'number' || type === 'alpha' || type === 'ordinal') {
      words++;
      if (tag === 'VERB' || tag === 'AUX') verbs++;
      if (FUNCTION_POS.has(tag)) functionWords++;
    }
    if (BREAK_PUNCTUATION.test(value)) {
      clause++;
      continue;
    }
    // "but", "if", "while" start a new clause and stay words (a phrasing may name them).
    if (CLAUSE_BREAKS.has(value)) clause++;
    if (type === 'punctuation' && value !== '/' && value !== '-') continue;
    if (value === '-') {
      // "blue-green", "half-finished": the hyphen only joins words.
      raw.push('-');
    } else {
      const lemma = lemmas[i]!.toLowerCase();
      // Irregular verbs fold to their lemma ("built" -> "build"); other words keep their form for
      // the stemmer, which treats an answer and a phrasing alike whatever their context.
      const useLemma = tag === 'VERB' && /^[a-z]+$/.test(lemma) && !FILLER.has(lemma);
      raw.push(value === "n't" || value === 'nt' ? 'not' : memo(spellingMemo, useLemma ? lemma : value, americanSpelling));
    }
    rawWord.push(word);
    rawClause.push(clause);
  }

  const { words: folded, sources } = applyLexicon(raw);
  const out: Token[] = [];
  folded.forEach((w, k) => {
    const from = sources[k]!;
    if (w === '-' || w === '/' || FILLER.has(w)) return;
    for (const part of /^[a-z0-9]+$/.test(w) ? [w] : w.split(/[^\p{L}\p{N}.]+/u).filter(Boolean)) {
      const token = memo(stemMemo, part.replace(/\.$/, ''), stem);
      if (!token) continue;
      out.push({ token, word: rawWord[from]!, clause: rawClause[from]!, isNegator: NEGATORS.has(part) });
    }
  });
  return { tokens: out, words, verbs, functionWords };
}

// Comparable tokens of a short piece of text (a rubric phrasing).
export function normalize(text: string): string[] {
  return analyzeText(text).tokens.map((t) => t.token);
}

// A quick reading without the tagger, for checking rubric phrasings as admins type them (is a
// variant only filler words? how many distinct variants does a line stand for?). Matching always
// uses analyzeText.
export function roughTokens(text: string): string[] {
  return clean(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}%]+/u)
    .filter((w) => w && !FILLER.has(w))
    .map((w) => memo(stemMemo, americanSpelling(w), stem));
}
