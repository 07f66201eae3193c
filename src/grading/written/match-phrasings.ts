// Finds a rubric statement (a claim, a misconception or an anchor) in one unit of an answer.
// Every phrasing line is expanded and read by analyzeText once per rubric object; a match counts
// only when nothing in its clause denies or contrasts it ("we never roll back", "instead of
// rebuilding", "rollback is not needed"), unless the phrasing itself carries that negation.
import { expandPhrasing } from './expand-phrasing';
import { analyzeText, type Token } from './analyze-text';
import { matchAt } from './find-phrase';

export type Phrase = { tokens: string[]; negators: number };
// Phrases by their first token, so a unit is scanned once per statement, not once per phrase.
export type Compiled = Map<string, Phrase[]>;

// Keyed by content, not object: the worker parses a fresh rubric for every job. Bounded.
const cache = new Map<string, Compiled>();
const MAX_CACHED = 5_000;

export function compilePhrasings(phrasings: readonly string[]): Compiled {
  const key = phrasings.join('\n');
  let compiled = cache.get(key);
  if (!compiled) {
    const unique = new Map<string, Phrase>();
    for (const line of phrasings) {
      for (const variant of expandPhrasing(line)) {
        const tokens = analyzeText(variant, { tokensOnly: true }).tokens;
        if (tokens.length === 0) continue;
        unique.set(tokens.map((t) => t.token).join(' '), { tokens: tokens.map((t) => t.token), negators: tokens.filter((t) => t.isNegator).length });
      }
    }
    compiled = new Map();
    for (const phrase of unique.values()) {
      const list = compiled.get(phrase.tokens[0]!) ?? [];
      list.push(phrase);
      compiled.set(phrase.tokens[0]!, list);
    }
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  return compiled;
}

// How far before a match a negation still reaches, in meaningful tokens of the same clause.
const NEGATION_REACH = 4;
const DENIALS = new Set(['not', 'never', 'no']);
// After a negation, these deny the rest of the clause: "no need", "no idea", "not sure", "no clue".
const REACHING_DENIALS = new Set(['need', 'idea', 'sure', 'clue']);

// `misconception`: a wrong statement is often worded as a dismissal ("jitter only adds latency",
// "traces are too costly"), so a dismissal in its own clause does not deny it; one pointing back
// from a later clause ("…, but that's a myth") still does.
// 'dismissed' when an evaluative dismissal denies it ("… is unnecessary"), true for any other denial.
function isNegated(tokens: Token[], start: number, end: number, phrase: Phrase, denialAfter = true, misconception = false): boolean | 'dismissed' {
  const clause = tokens[start]!.clause;
  // "We didn't send 5% to a canary and compare error rates": the coordinated part is denied too.
  if (tokens[start]!.carriesNegation && phrase.negators === 0) return true;
  // "Comparing against a baseline is pointless", "… but that's a myth", "With low traffic, too
  // few requests is a worry I dismiss" (a match reaching into a dismissed clause is dismissed).
  // A phrasing that names the dismissal's own words states it ("skip flaky tests").
  let dismissed: Token['dismissed'] = false;
  let namesDismissal = false;
  for (let k = start; k <= end; k++) {
    const d = tokens[k]!.dismissed;
    if (d === 'back' || (d === 'here' && !dismissed)) dismissed = d;
    namesDismissal ||= tokens[k]!.inDismissal;
  }
  if (dismissed && !namesDismissal && !(misconception && dismissed === 'here')) return 'dismissed';
  let before = 0;
  for (let k = Math.max(0, start - NEGATION_REACH); k < start; k++) if (tokens[k]!.isNegator && tokens[k]!.clause === clause) before++;
  let inside = 0;
  for (let k = start; k <= end; k++) if (tokens[k]!.isNegator) inside++;
  if (before + Math.max(0, inside - phrase.negators) > 0) return true;
  // "No need to compare with the old version or to set thresholds in advance": a denied need
  // reaches everything after it in its clause, and so does a stated uncertainty ("I have no idea
  // how a rollback would work or how long a bake time should be", "not sure how").
  for (let k = start - 1; k >= 1 && tokens[k]!.clause === clause; k--) {
    if (REACHING_DENIALS.has(tokens[k]!.token) && tokens[k - 1]!.isNegator && tokens[k - 1]!.clause === clause) return true;
  }
  // "Rollback is never needed", "a baseline is not necessary".
  if (!denialAfter) return false;
  for (let k = end + 1; k <= Math.min(tokens.length - 1, end + 2); k++) {
    if (tokens[k]!.clause === clause && DENIALS.has(tokens[k]!.token)) return true;
  }
  return false;
}

// Whether the token at `k` is denied where it stands ("we never used a startup probe", "a bake
// time is a waste of time"). A negation right after one word denies what follows it, not the
// word: "feature flags have no real downside" is about feature flags.
export function isDeniedAt(tokens: Token[], k: number): boolean {
  return isNegated(tokens, k, k, { tokens: [tokens[k]!.token], negators: 0 }, false) !== false;
}

// `length` is how many meaningful tokens the phrasing had: one generic word is shallow evidence.
// `together` marks a match made of a "together" set's parts, looser evidence than one phrasing.
// `dismissed`: a negated match the candidate rejected in so many words ("… is unnecessary", "…
// is a habit I skip"), not merely left undone.
export type Match = { word: number; negated: boolean; length: number; together?: boolean; dismissed?: boolean };

// The longest match that is not negated (the earliest of equals); else the earliest negated one;
// else undefined.
// The distinct tokens of a unit, so a statement none of whose phrasings can start in it is
// skipped without scanning (most statements, for most units).
const tokenSets = new WeakMap<string[], Set<string>>();
function canStartIn(text: string[], phrases: Compiled): boolean {
  let present = tokenSets.get(text);
  if (!present) tokenSets.set(text, (present = new Set(text)));
  if (phrases.size > present.size) {
    for (const token of present) if (phrases.has(token)) return true;
    return false;
  }
  for (const first of phrases.keys()) if (present.has(first)) return true;
  return false;
}

export function matchIn(tokens: Token[], text: string[], phrases: Compiled, misconception = false): Match | undefined {
  if (!canStartIn(text, phrases)) return undefined;
  let negated: Match | undefined;
  let found: Match | undefined;
  for (let start = 0; start < text.length; start++) {
    for (const phrase of phrases.get(text[start]!) ?? []) {
      const end = matchAt(text, phrase.tokens, start);
      if (end < 0) continue;
      // The longest phrasing stated is the most specific evidence (and the first of equals).
      const denial = isNegated(tokens, start, end, phrase, true, misconception);
      if (!denial) {
        if (!found || phrase.tokens.length > found.length) found = { word: tokens[start]!.word, negated: false, length: phrase.tokens.length };
      } else negated ??= { word: tokens[start]!.word, negated: true, length: phrase.tokens.length, ...(denial === 'dismissed' ? { dismissed: true } : {}) };
    }
  }
  return found ?? negated;
}

// A statement (claim or misconception): any of its phrasings, or every phrasing of one of its
// "together" sets somewhere in the same unit, in any order. Negated when the only way it is
// stated is negated.
const compiledSets = new WeakMap<readonly string[], Compiled[]>();
export function matchStatement(tokens: Token[], text: string[], phrasings: readonly string[], together: readonly (readonly string[])[] = [], misconception = false): Match | undefined {
  const direct = matchIn(tokens, text, compilePhrasings(phrasings), misconception);
  if (direct && !direct.negated) return direct;
  let negated = direct;
  for (const set of together) {
    let compiled = compiledSets.get(set);
    if (!compiled) compiledSets.set(set, (compiled = set.map((phrasing) => compilePhrasings([phrasing]))));
    const parts: Match[] = [];
    for (const phrases of compiled) {
      const part = matchIn(tokens, text, phrases, misconception);
      if (!part) break;
      parts.push(part);
    }
    if (parts.length < set.length) continue;
    const dismissed = parts.some((p) => p.dismissed);
    const found = { word: Math.min(...parts.map((p) => p.word)), negated: parts.some((p) => p.negated), length: parts.reduce((n, p) => n + p.length, 0), together: true, ...(dismissed ? { dismissed } : {}) };
    if (!found.negated) return found;
    negated ??= found;
  }
  return negated;
}

// Where a phrasing is mentioned in a unit: the word index of every match, negated or not.
export function mentions(text: string[], tokens: Token[], phrases: Compiled): number[] {
  const words: number[] = [];
  for (let start = 0; start < text.length; start++) {
    if ((phrases.get(text[start]!) ?? []).some((phrase) => matchAt(text, phrase.tokens, start) >= 0)) words.push(tokens[start]!.word);
  }
  return words;
}
