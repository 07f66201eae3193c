// Reads a piece of text the way the grader needs it, with wink-nlp's English model for tokens,
// sentences, lemmas and parts of speech: comparable tokens (lemma, lexicon, stem; filler words
// dropped, negations kept), the clause each token sits in, which tokens negate or contrast, and
// the syntax that tells an explanation from a list of terms (verbs, function words).
// The same function reads an answer and a rubric phrasing, so both fold the same way.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isCarrierSeries } from './carrier-series';
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
// "or" and "nor" do not end a clause ("not X or Y" is one denial); a negation carries over "and"
// into a coordinated part without its own subject:
// "we didn't send 5% to a canary and compare error rate and latency against a baseline and roll
// back automatically" denies all three, "we didn't use a canary and it broke prod" does not deny
// the second clause. Negators that deny a verb carry to a coordinated verb; the others ("without",
// "instead of", "no") only to a coordinated noun phrase or an -ing form ("instead of rebuilding
// and redeploying").
const VERB_NEGATORS = new Set(['not', "n't", 'nt', 'never', 'cannot', 'nor', 'neither', 'nobody']);
const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'SYM']);
type Negation = 'verb' | 'other' | undefined;
// An evaluative dismissal denies what its clause names ("comparing against a baseline is
// pointless", "a bake time is a waste of time", "rolling back is something we'd refuse to do",
// "backoff and jitter just add latency", "logs are too expensive for that"), and the parts
// joined to that clause by "and". Opening with a pronoun ("but that's a myth") or ending on one
// ("so you should never use them"), it denies the clause before it instead. Words that can state
// a claim themselves ("meaningless", "useless": "5% of little traffic is meaningless") are not here.
// A rejection can follow what it rejects in its clause, in words of the candidate's own
// (2026-12-04 review): a verdict after a copula ("… is unnecessary in my view", "… are irrelevant
// to a canary", "… is a gimmick", "… is not worth tracking", "… is off the table"), a relative
// clause saying the candidate drops it ("… is a habit that I skip", "… is something my team
// ripped out", "… is a feature we switched off", "… is a worry I dismiss"), an imperative
// ("Skip the bake time", "Forget about success criteria") or a denied need ("zero need for …").
// Verbs like "skip", "ignore" and "turn off" state claims too ("skip flaky tests", "code ships
// turned off"), so they dismiss only in those constructions, and never the words of a phrasing
// that names them itself (see Token.inDismissal).
const COPULA = "(?:is|are|was|were|be|'s|'re|seems?|seemed|feels?|felt|sounds?)";
const REJECTORS = '(?:i|we|my team|our team|the team|they|people|everyone|most teams)';
const REJECTING = "(?:skip|skips|skipped|ignore|ignored|dismiss|dismissed|ditch|ditched|dropped|abandoned|rip(?:ped)? out|tore out|threw out|got rid of|gave up on|switched off|turned off|disabled|removed|do n't bother|never bother|have never seen|'ve never seen|never see)";
// Each with what it denies: its whole clause, what comes before it (the subject of a verdict:
// "… is unnecessary once automated analysis is in place" denies nothing after "unnecessary"), or
// what comes after it (the object of an imperative or a denied need: "Skip the bake time").
const DISMISSALS: { pattern: RegExp; denies: 'clause' | 'before' | 'after' }[] = [
  { pattern: /\b(?:pointless|overkill|myth|nonsense|overrated|waste of (?:time|money|effort)|refuse[sd]?|refusing|too (?:expensive|costly|complex|complicated)|(?:just|only) adds? (?:latency|overhead|complexity|cost|noise))\b/g, denies: 'clause' },
  {
    pattern: new RegExp(`\\b${COPULA} (?:\\w+ ){0,2}?(?:unnecessary|irrelevant|unimportant|a gimmick|gimmicky|(?:\\w+ )?busywork|decoration|exaggerated|overblown|overstated|theater|theatre|a (?:\\w+ )?distraction|a non issue|a red herring|(?:a )?bad (?:idea|advice|practice)|off the table)\\b`, 'g'),
    denies: 'before',
  },
  { pattern: new RegExp(`\\b${COPULA} (?:a|an|the|one|something|some|just|simply|more|not|bad) (?:\\w+ ){0,4}?(?:that |which )?${REJECTORS} (?:\\w+ ){0,2}?${REJECTING}\\b`, 'g'), denies: 'before' },
  { pattern: /\b(?:not|n't|never|no longer) (?:really )?worth\b/g, denies: 'before' },
  { pattern: /\b(?:not|n't|never) (?:something|anything|a thing|a concern|a worry) (?:that )?(?:i|we|you|my team|our team|anyone|people) /g, denies: 'before' },
  { pattern: /\brare enough to\b/g, denies: 'before' },
  { pattern: /\bwastes? (?:an?|the|our|my|your|so much|a lot of) (?:\w+ )?(?:time|afternoon|day|hour|week|money|effort)\b/g, denies: 'before' },
  { pattern: /\b(?:zero|no|little) (?:need|point|reason|value) (?:for|to|in|of)\b/g, denies: 'after' },
  { pattern: /^(?:just |simply |you can |we can |feel free to )?(?:skip|forget(?: about)?|ignore|ditch|do n't bother with|never bother with)\b/g, denies: 'after' },
];
const NEVER_USE_THEM = /\b(?:should|would|must) (?:never|not|n't) (?:use|recommend|trust|bother with) (?:them|it|that|this|those|these)$/;
const POINTS_BACK = /^(?:that|this|it|which|those|these)\b/;

export type Token = {
  token: string;
  // Index of the whitespace-separated word of the text it came from (for cutting evidence).
  word: number;
  clause: number;
  isNegator: boolean;
  // Denied by an evaluative dismissal in its sentence (see DISMISSALS): 'here' when the dismissal
  // is in its own clause or one joined to it by "and" ("backoff and jitter just add latency": a
  // misconception can be worded so; a verdict denies only what precedes it, an imperative what
  // follows it), 'back' when a later clause points back at it ("…, but that's a myth", "so you
  // should never use them").
  dismissed: false | 'here' | 'back';
  // One of a dismissal's own words ("skip", "switched off", "unnecessary"): a phrasing that
  // names it ("skip flaky tests", "code ships turned off") states it, and is not denied by it.
  inDismissal: boolean;
  // The clause continues a negated one through "and" with no subject of its own.
  carriesNegation: boolean;
};
export type Analysis = {
  tokens: Token[];
  words: number;
  verbs: number;
  functionWords: number;
  // A list of terms dressed as a sentence: "We use X and Y and Z." (see carrier-series.ts).
  series: boolean;
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

// What follows "and" at `i`: a predicate with no subject of its own ("and compare",
// "and then roll back"), a noun phrase with no verb after it ("and latency against a baseline"),
// or a clause with its own subject ("and it broke", "and the team compared"). Reads wink-nlp's
// tags; "roll" in "and roll back" is tagged a noun, which the noun-phrase reading covers.
function coordinated(values: string[], pos: string[], i: number): 'verb' | 'noun' | 'clause' {
  let j = i + 1;
  while (j < values.length && pos[j] === 'ADV') j++;
  const tag = pos[j];
  if (tag === 'VERB' || tag === 'AUX') return 'verb';
  if (tag === 'PRON' || tag === undefined) return 'clause';
  if (!NOUN_PHRASE_POS.has(tag)) return 'noun';
  // A "noun" with an object or a particle after it is a mis-tagged verb: "and move old data",
  // "and roll back".
  if (tag === 'NOUN' && (/^(DET|ADJ|PRON|NUM)$/.test(pos[j + 1] ?? '') || /^(back|up|out|off|down|over)$/.test(values[j + 1]?.toLowerCase() ?? ''))) return 'verb';
  // A subject has a noun: "dual writes" is an adjective and a mis-tagged noun, not "dual" doing something.
  let head = false;
  for (; j < values.length && NOUN_PHRASE_POS.has(pos[j]!); j++) head ||= pos[j] === 'NOUN' || pos[j] === 'PROPN';
  while (j < values.length && pos[j] === 'ADV') j++;
  return head && (pos[j] === 'VERB' || pos[j] === 'AUX') ? 'clause' : 'noun';
}

// `tokensOnly`: only each token and whether it negates are read (a rubric's phrasings, thousands
// per rubric, compiled once per grading process): the dismissals and the carrier series, which only
// an answer's sentences need, are skipped (every token's `dismissed` and `inDismissal` false,
// `series` false): a third of the time a new rubric's phrasings took to read.
export function analyzeText(text: string, { tokensOnly = false }: { tokensOnly?: boolean } = {}): Analysis {
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
  // Per clause: whether it carries the negation of the clause before it.
  const carries: boolean[] = [false];
  // The negation of the current clause (its own or carried); a comma before "and" ends it.
  let negation: Negation;
  let clauseHasWords = false;
  // Per clause: its words as written, and the word that opened it ("and", "but", "," …).
  const clauseText: string[][] = [[]];
  // The raw word index of each of those words.
  const clauseRaw: number[][] = [[]];
  const openedBy: string[] = [''];
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
      clauseText[clause] = [];
      clauseRaw[clause] = [];
      openedBy[clause] = value;
      carries[clause] = false;
      negation = undefined;
      clauseHasWords = false;
      continue;
    }
    // "but", "if", "while" start a new clause and stay words (a phrasing may name them).
    if (CLAUSE_BREAKS.has(value)) {
      const before = clauseHasWords ? negation : undefined;
      clause++;
      clauseText[clause] = [];
      clauseRaw[clause] = [];
      openedBy[clause] = value;
      negation = undefined;
      clauseHasWords = false;
      if (value === 'and' && before) {
        const next = coordinated(values, pos, i);
        const isIng = /ing$/.test(values[i + 1]?.toLowerCase() ?? '');
        if (next === 'noun' || (next === 'verb' && (before === 'verb' || isIng))) negation = before;
      }
      carries[clause] = negation !== undefined;
    }
    if (type === 'word' || type === 'alpha') {
      if (!CLAUSE_BREAKS.has(value)) {
        clauseText[clause]!.push(value);
        clauseRaw[clause]!.push(raw.length);
      }
      clauseHasWords = true;
      // "no more than 0.5 points" bounds a number; it denies nothing.
      const bound = value === 'no' && /^(more|less|fewer|later|earlier|longer)$/.test(values[i + 1]?.toLowerCase() ?? '');
      if ((NEGATORS.has(value) || value === "n't" || value === 'nt') && !bound) negation = negation === 'verb' || VERB_NEGATORS.has(value) ? 'verb' : 'other';
    }
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

  const dismissal = tokensOnly ? NO_DISMISSAL : dismissedWords(clauseText, clauseRaw, openedBy, rawClause);
  const { words: folded, sources } = applyLexicon(raw);
  const out: Token[] = [];
  folded.forEach((w, k) => {
    const from = sources[k]!;
    if (w === '-' || w === '/' || FILLER.has(w)) return;
    for (const part of /^[a-z0-9]+$/.test(w) ? [w] : w.split(/[^\p{L}\p{N}.]+/u).filter(Boolean)) {
      const token = memo(stemMemo, part.replace(/\.$/, ''), stem);
      if (!token) continue;
      out.push({ token, word: rawWord[from]!, clause: rawClause[from]!, isNegator: NEGATORS.has(part), dismissed: dismissal.denied.get(from) ?? false, inDismissal: dismissal.words.has(from), carriesNegation: carries[rawClause[from]!] ?? false });
    }
  });
  return { tokens: out, words, verbs, functionWords, series: !tokensOnly && isCarrierSeries(values, pos, lemmas) };
}

const NO_DISMISSAL: ReturnType<typeof dismissedWords> = { denied: new Map(), words: new Set() };

// The raw words an evaluative dismissal denies (see DISMISSALS), and the raw word indices of the
// dismissals' own words.
// A dismissal in a clause that opens with "when", "while" or "if" right after the clause it
// qualifies is the predicate of that clause's subject too: "CPU throttling when a container goes
// over its limit is something I have never seen matter".
const SUBORDINATE = new Set(['when', 'while', 'if']);
function dismissedWords(clauseText: string[][], clauseRaw: number[][], openedBy: string[], rawClause: number[]): { denied: Map<number, 'here' | 'back'>; words: Set<number> } {
  const denied = new Map<number, 'here' | 'back'>();
  const words = new Set<number>();
  const byClause: number[][] = [];
  rawClause.forEach((c, i) => (byClause[c] ??= []).push(i));
  const hasWords = (c: number) => (clauseText[c]?.length ?? 0) > 0;
  const mark = (c: number, how: 'here' | 'back', keep: (i: number) => boolean = () => true) => {
    for (const i of byClause[c] ?? []) if (keep(i) && denied.get(i) !== 'back') denied.set(i, how);
  };
  // A clause (or the words of it before `before`) and the ones joined before it by "and"
  // ("backoff and jitter just add latency").
  const deny = (c: number, how: 'here' | 'back', before = Infinity) => {
    for (let k = c; k >= 0; k--) {
      if (!hasWords(k)) continue;
      mark(k, how, k === c ? (i) => i < before : undefined);
      if (openedBy[k] !== 'and' && !(how === 'here' && SUBORDINATE.has(openedBy[k]!) && hasWords(k - 1))) break;
    }
  };
  clauseText.forEach((clauseWords, c) => {
    // The clause as text, and where each of its words starts in it ("it 's" reads "it's").
    let text = '';
    const starts: number[] = [];
    clauseWords.forEach((w, i) => {
      if (i > 0 && !/^'(s|re|d)$/.test(w)) text += ' ';
      starts.push(text.length);
      text += w;
    });
    const spans: { from: number; to: number; denies: 'clause' | 'before' | 'after' }[] = [];
    const neverUse = NEVER_USE_THEM.exec(text);
    if (neverUse) spans.push({ from: neverUse.index, to: neverUse.index + neverUse[0].length, denies: 'clause' });
    for (const { pattern, denies } of DISMISSALS) for (const m of text.matchAll(pattern)) spans.push({ from: m.index, to: m.index + m[0].length, denies });
    if (spans.length === 0) return;
    // A verdict after a copula ("… is irrelevant") marks the verdict's own words, not the copula.
    const inSpan = clauseWords.map((_, i) => spans.find(({ from, to }) => starts[i]! >= from && starts[i]! < to));
    clauseWords.forEach((w, i) => {
      if (inSpan[i] && !/^(?:is|are|was|were|be|'s|'re|a|an|the|i|we|my|our|team|they|that|which)$/.test(w)) words.add(clauseRaw[c]![i]!);
    });
    if (neverUse || POINTS_BACK.test(text)) {
      let k = c - 1;
      while (k >= 0 && !hasWords(k)) k--;
      if (k >= 0) deny(k, 'back');
      return;
    }
    for (const span of spans) {
      const first = clauseRaw[c]![inSpan.findIndex((x) => x === span)]!;
      const last = clauseRaw[c]![inSpan.findLastIndex((x) => x === span)]!;
      if (span.denies === 'clause') deny(c, 'here');
      else if (span.denies === 'before') deny(c, 'here', first);
      else mark(c, 'here', (i) => i > last);
    }
  });
  return { denied, words };
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
