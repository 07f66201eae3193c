// Whether a sentence is a list of terms dressed as a sentence: an empty carrier ("we use", "we
// think about", "we have", "there is") followed by a series of terms joined by "and", "or" or
// commas, with no reasoning of its own ("We use weighted routing and 5 percent and sticky
// sessions.", "We think about CPU limits and throttling and latency.", "We use requests used
// scheduling and cpu request share."). Such a sentence names the terms; it explains none of them,
// so it is read like any other list (2026-12-04 review: rubric terms stuffed into "We use X and Y
// and Z" sentences passed).
//
// A series item that is a clause or a predicate of its own keeps the sentence an explanation:
// "We use two full environments and switch all traffic at once" (a coordinated predicate), "we
// have two environments and the load balancer points at one of them" (a clause). What tells such
// an item from a run of terms that happens to hold a verb ("requests used scheduling", "memory
// limit killed", "all pods restart") is the grammar around the verb: a real predicate has
// function words (a determiner, a preposition, a pronoun, an auxiliary), a run of terms few or
// none. Gerunds and participles before a noun are terms ("measuring actual usage", "automated
// canary analysis"), and so is a verb's form after a preposition ("readiness without restart").
// Reasoning anywhere (because, so, when, which, to + verb, by + -ing) keeps the sentence an
// explanation too, whatever else it holds.

const SUBJECTS = new Set(['we', 'i', 'they', 'you', 'everyone', 'teams', 'people']);
const TEAM_OWNERS = new Set(['my', 'our', 'the']);
const LEAD_ADVERBS = new Set(['also', 'usually', 'mostly', 'typically', 'generally', 'always', 'often', 'mainly', 'just', 'really', 'basically', 'normally', 'then', 'do', 'does', 'did', 'definitely', 'certainly', 'primarily']);
// Carrier verbs by lemma, with the particle they take ("think about"), if any.
const CARRIERS: Record<string, readonly string[] | null> = {
  use: null, have: null, consider: null, mention: null, cover: null, include: null, employ: null, leverage: null, utilize: null, apply: null, handle: null, want: null, like: null,
  think: ['about', 'of'], care: ['about'], look: ['at', 'into'], talk: ['about'], focus: ['on'], rely: ['on'], know: ['about'], deal: ['with'], worry: ['about'], go: ['for', 'with'],
};
// "up", "out" after a verb are particles ("write up afterwards"), not the grammar of a clause.
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'back', 'over', 'away']);
const FUNCTION_POS = new Set(['DET', 'ADP', 'PRON', 'AUX', 'SCONJ']);
// Running English is 40–50% function words; "switch all traffic at once" has two in five,
// "database down all pods restart" one in five, "timeout under load restart" one in four.
const MIN_CLAUSE_FUNCTION_SHARE = 0.3;
const REASONING = new Set(['because', 'since', 'so', 'when', 'whenever', 'if', 'unless', 'until', 'while', 'whilst', 'although', 'though', 'whereas', 'which', 'who', 'whose', 'where', 'why', 'how', 'therefore', 'thus', 'hence', 'otherwise', 'once', 'before', 'after', 'that']);
const SEPARATORS = new Set(['and', 'or', 'nor', 'plus', ',', ';', '&', '/']);

type Word = { value: string; pos: string; lemma: string };

// The length of a carrier at `i` ("we use", "my team also thinks about", "there are"), or 0.
function carrierAt(words: Word[], i: number): number {
  let j = i;
  if (words[j]?.value === 'there' && /^(be|is|are|was|were|'s)$/.test(words[j + 1]?.lemma ?? '')) return 2;
  while (LEAD_ADVERBS.has(words[j]?.value ?? '')) j++;
  if (TEAM_OWNERS.has(words[j]?.value ?? '') && /^(team|teams|company|org|organization)$/.test(words[j + 1]?.value ?? '')) j += 2;
  else if (SUBJECTS.has(words[j]?.value ?? '')) j++;
  else return 0;
  // "We never had X or Y" denies; it lists nothing.
  while (LEAD_ADVERBS.has(words[j]?.value ?? '') || words[j]?.pos === 'ADV') if (/^(never|not|n't)$/.test(words[j++]!.value)) return 0;
  const verb = words[j];
  if (!verb || !(verb.lemma in CARRIERS)) return 0;
  j++;
  const particles = CARRIERS[verb.lemma];
  if (particles) {
    if (!particles.includes(words[j]?.value ?? '')) return 0;
    j++;
  }
  return j - i;
}

// A verb that makes an item a predicate: not a gerund, not a participle before a noun.
function isClauseVerb(words: Word[], k: number): boolean {
  const w = words[k]!;
  // The tagger reads some verbs as plural nouns: "the router switches traffic between them", "the
  // load balancer points at one of them" (a noun, then an -s word, then its object).
  if (w.pos === 'NOUN' && /[^s]s$/.test(w.value) && /^(NOUN|PROPN)$/.test(words[k - 1]?.pos ?? '') && (/^(DET|NOUN|PRON|NUM)$/.test(words[k + 1]?.pos ?? '') || (words[k + 1]?.pos === 'ADP' && /^(DET|NOUN|PRON|NUM)$/.test(words[k + 2]?.pos ?? '')))) return true;
  if (w.pos !== 'VERB' && w.pos !== 'AUX') return false;
  if (/ing$/.test(w.value)) return false;
  // After a preposition or a determiner it is a noun: "readiness without restart".
  if (/^(ADP|DET)$/.test(words[k - 1]?.pos ?? '')) return false;
  if (/ed$/.test(w.value) && /^(NOUN|PROPN|ADJ)$/.test(words[k + 1]?.pos ?? '')) return false;
  return true;
}

export function isCarrierSeries(values: readonly string[], pos: readonly string[], lemmas: readonly string[]): boolean {
  const words: Word[] = [];
  values.forEach((value, k) => {
    const tag = pos[k]!;
    if (tag === 'SPACE' || (tag === 'PUNCT' && !SEPARATORS.has(value))) return;
    words.push({ value: value.toLowerCase(), pos: tag, lemma: (lemmas[k] ?? value).toLowerCase() });
  });
  const start = carrierAt(words, 0);
  if (start === 0) return false;
  // The items after the carrier; an item may repeat the carrier ("…, and we also use X").
  const items: Word[][] = [[]];
  for (let k = start; k < words.length; k++) {
    const w = words[k]!;
    if (REASONING.has(w.value) || w.pos === 'SCONJ') return false;
    if ((w.value === 'to' && words[k + 1]?.pos === 'VERB') || (w.value === 'by' && /ing$/.test(words[k + 1]?.value ?? ''))) return false;
    if (SEPARATORS.has(w.value) || (w.value === 'as' && words[k + 1]?.value === 'well' && words[k + 2]?.value === 'as')) {
      if (w.value === 'as') k += 2;
      if (items.at(-1)!.length > 0) items.push([]);
      const again = carrierAt(words, k + 1);
      k += again;
      continue;
    }
    items.at(-1)!.push(w);
  }
  const series = items.filter((item) => item.length > 0);
  if (series.length < 2) return false;
  // An item with a verb of its own and the grammar of a clause is an explanation.
  return !series.some((item) => {
    const hasVerb = item.some((_, k) => isClauseVerb(item, k));
    const grammar = item.filter((w) => FUNCTION_POS.has(w.pos) && !PARTICLES.has(w.value)).length;
    return hasVerb && grammar / item.length >= MIN_CLAUSE_FUNCTION_SHARE;
  });
}
