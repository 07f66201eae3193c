// Grades a written answer against a rubric (format 2, docs/decisions/006): claim by claim, each
// credited by the best unit that states it; misconceptions quoted with their correction and
// penalised; every concept reported as covered, partly covered, missing or contradicted.
//
// - A claim earns its weight times the credit of its unit's style: an explanation in prose earns
//   it all, a clipped bullet most of it, a bare term (however punctuated) little, so a list of
//   the right terms scores below 30. A unit that states many claims per verb is a list in
//   disguise and counts as bare.
// - Each claim counts once, so repeating or padding an answer never raises its score.
// - A sentence that restates the question (given `prompt`) earns nothing and is named in the
//   advice (find-prompt-echoes.ts).
// - A negated or contrasted statement earns nothing; a stated misconception takes its penalty
//   and zeroes the claims it contradicts; a point waved away ("… is unnecessary", "… is a habit
//   I skip") costs a lighter one and is named in the advice. Text addressed to the grader earns
//   nothing. A sentence that only carries terms ("We use X and Y and Z.") reads as a list.
// - Passed means the score reaches the pass score and no misconception stands (isWrittenPass).
// Pure and deterministic: the same answer and rubric always give the same result (apart from
// durationMs).
import type { GradeResult, TestResult } from '../contract';
import { analyzeText } from './analyze-text';
import { findPromptEchoes } from './find-prompt-echoes';
import { compilePhrasings, isDeniedAt, matchIn, matchStatement, mentions, type Match } from './match-phrasings';
import { isWrittenPass } from './is-written-pass';
import { quoteEvidence } from './quote-evidence';
import { explainedShare, readAnswer, type Unit, type UnitStyle } from './read-answer';
import type { Claim, Concept, Rubric } from './rubric';

export const STYLE_CREDIT: Record<UnitStyle, number> = { prose: 1, telegraphic: 0.75, bare: 0.2 };
// Few strong answers state every claim of a rubric; this much of the weight earns 100.
export const FULL_MARKS_AT = 0.95;
// A unit stating more claims than this per verb reads as a list, not an explanation.
const MAX_CLAIMS_PER_VERB = 3;
// Below this share of words in explanations, the answer is a list of terms, and scores at most LIST_CAP.
const MIN_EXPLAINED_SHARE = 0.5;
export const LIST_CAP = 25;
export const MISCONCEPTION_FLOOR = 10;
// A concept whose point the candidate waved away ("… is unnecessary", "… is a habit I skip") costs
// this much on top of earning nothing: an interviewer hears a practice rejected, not a gap
// (2026-12-04 review). Lighter than a misconception, and under the same floor.
export const DISMISSAL_PENALTY = 5;
// An answer that discusses the topics in its own sentences but states no claim earns a little, as
// an interviewer credits being on topic: never more than ON_TOPIC_CAP (a clear fail), each unit
// touching at most one concept (so a sentence listing the prompt's topics counts once), and the
// claim score wins whenever it is higher, so padding a real answer with talk adds nothing.
export const ON_TOPIC_CAP = 25;

// Words of a concept's name that no other concept's name uses: what a sentence about it mentions.
const topicCache = new Map<string, Set<string>[]>();
function topicTerms(rubric: Rubric): Set<string>[] {
  const key = rubric.concepts.map((c) => c.name).join('\n');
  const cached = topicCache.get(key);
  if (cached) return cached;
  if (topicCache.size > 1_000) topicCache.clear();
  const names = rubric.concepts.map((c) => new Set(analyzeText(c.name, { tokensOnly: true }).tokens.map((t) => t.token).filter((t) => t.length >= 4 && !/^\d/.test(t))));
  const terms = names.map((own, i) => new Set([...own].filter((t) => names.every((other, j) => j === i || !other.has(t)))));
  topicCache.set(key, terms);
  return terms;
}

// "I don't know", "not sure", "no idea", "can't remember": a sentence that says so is not a
// discussion of what it names.
const HEDGES = new Set(['know', 'sure', 'idea', 'clue', 'understand', 'remember', 'familiar']);
const isHedged = (unit: Unit) => unit.tokens.some((t, k) => HEDGES.has(t.token) && k > 0 && unit.tokens[k - 1]!.isNegator);

function onTopicScore(units: Unit[], rubric: Rubric): number {
  const terms = topicTerms(rubric);
  const touched = new Set<number>();
  const seen = new Set<string>();
  for (const unit of units) {
    const key = unit.tokenText.join(' ');
    if (unit.style !== 'prose' || seen.has(key) || isHedged(unit)) continue;
    seen.add(key);
    // A term the sentence denies ("we never used startup probes") is not discussed.
    const i = terms.findIndex((set, k) => !touched.has(k) && unit.tokens.some((t, j) => set.has(t.token) && !isDeniedAt(unit.tokens, j)));
    if (i >= 0) touched.add(i);
  }
  return Math.min(ON_TOPIC_CAP, Math.round((1.5 * ON_TOPIC_CAP * touched.size) / rubric.concepts.length));
}

// One meaningful word is shallow evidence ("rollback" alone): it earns this share of the claim.
export const ONE_WORD_CREDIT = 0.5;

type Found = { unit: Unit; match: Match; credit: number };
type Statement = { phrasings: string[]; together?: string[][]; text?: string };

function anchorsOk(concept: Concept, unit: Unit): boolean {
  if (concept.anchors.length === 0) return true;
  return matchIn(unit.tokens, unit.tokenText, compilePhrasings(concept.anchors)) !== undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
// Where two misconceptions were found: the same words when they start within six words of each
// other ("… bugs are always caught by the canary": one claim, read by two phrasings).
const sameWords = (a: { unit: Unit; word: number } | undefined, b: { unit: Unit; word: number } | undefined) =>
  !a || !b || (a.unit === b.unit && Math.abs(a.word - b.word) <= 6);

// Each statement is matched against each unit once per grading (the list check, the swap check
// and the credit all ask), which keeps a 400-word answer within the speed goal.
let memo = new WeakMap<Statement, (Match | null)[]>();
function matchUnit(units: Unit[], statement: Statement, i: number): Match | undefined {
  let row = memo.get(statement);
  if (!row) memo.set(statement, (row = []));
  let found = row[i];
  if (found === undefined) {
    const unit = units[i]!;
    found = row[i] = matchStatement(unit.tokens, unit.tokenText, statement.phrasings, statement.together, 'contradicts' in statement) ?? null;
  }
  return found ?? undefined;
}

// One phrasing stated outright is more specific than the parts of a "together" set; then the
// longer phrasing is; then the sentence sharing more words with the statement itself (a
// misconception phrased both ways round, "liveness removes the pod from the load balancer" and
// "readiness restarts the container", is quoted where the answer says what its text says).
const textTokens = new Map<string, Set<string>>();
function overlap(unit: Unit, text: string | undefined): number {
  if (!text) return 0;
  let tokens = textTokens.get(text);
  if (!tokens) {
    if (textTokens.size > 5_000) textTokens.clear();
    textTokens.set(text, (tokens = new Set(analyzeText(text, { tokensOnly: true }).tokens.map((t) => t.token))));
  }
  return new Set(unit.tokenText.filter((t) => tokens.has(t))).size;
}
function isMoreSpecific(a: Found, b: Found, text: string | undefined): boolean {
  if (a.match.together !== b.match.together) return !a.match.together;
  if (a.match.length !== b.match.length) return a.match.length > b.match.length;
  return overlap(a.unit, text) > overlap(b.unit, text);
}

function best(units: Unit[], statement: Statement, concept: Concept, credit: (u: Unit) => number, skip?: (u: Unit, i: number, m: Match) => boolean): { hit?: Found; negated?: Found } {
  let hit: Found | undefined;
  let negated: Found | undefined;
  for (const [i, unit] of units.entries()) {
    const match = matchUnit(units, statement, i);
    if (!match || !anchorsOk(concept, unit) || skip?.(unit, i, match)) continue;
    // One meaningful word earns it all only in a sentence that says more about the concept
    // (another of its claims, or one of its anchor terms): "compare the error rate against a
    // baseline", not "baseline" alone.
    const shallow = match.length <= 1 && !concept.claims.some((c) => c !== statement && matchUnit(units, c, i)?.negated === false) && !(concept.anchors.length > 0 && anchorsOk(concept, unit));
    const found = { unit, match, credit: credit(unit) * (shallow ? ONE_WORD_CREDIT : 1) };
    if (match.negated) negated ??= found;
    // The strongest credit, and of equals the most specific match: the sentence quoted as evidence
    // is the one that states the claim most fully, not the first that touches it.
    else if (!hit || found.credit > hit.credit || (found.credit === hit.credit && isMoreSpecific(found, hit, statement.text))) hit = found;
  }
  return { hit, negated };
}

const quote = (found: Found) => quoteEvidence(found.unit.text, found.match.word);

// What a definition is about (claims with `defines`): the defined or other term mentioned
// nearest before the words that state it in the same unit ("CI merges often, and continuous
// delivery keeps every change releasable": the second half is about delivery); a term named
// only after them is not its subject ("release (short-lived), ops (kill switch)"). A unit that
// mentions neither and opens with a pronoun ("It", "This", "They") continues the subject of the
// unit before it. Undefined when it is about no rubric term.
type Subject = 'term' | 'other' | undefined;
function subjectAt(unit: Unit, word: number, claim: Claim, carried: Subject): Subject {
  const defines = claim.defines!;
  const marks = [
    ...mentions(unit.tokenText, unit.tokens, compilePhrasings(defines.term)).map((w) => ({ w, s: 'term' as const })),
    ...mentions(unit.tokenText, unit.tokens, compilePhrasings(defines.others)).map((w) => ({ w, s: 'other' as const })),
  ];
  if (marks.length === 0) return /^\s*(it|this|that|they|these|those|its|their|such)\b/i.test(unit.text) ? carried : undefined;
  return marks.filter((m) => m.w <= word).sort((a, b) => b.w - a.w)[0]?.s;
}

// The subject each unit carries into the next (its last term mention), for pronoun openings.
function carriedSubjects(units: Unit[], claim: Claim): Subject[] {
  let previous: Subject;
  return units.map((unit) => {
    const here = previous;
    previous = subjectAt(unit, Number.MAX_SAFE_INTEGER, claim, previous);
    return here;
  });
}

// A judge's verdicts (src/grading/written/judge/), keyed "<concept>/<claim>" and
// "<concept>/!<misconception>", each with a quote already found in the answer. A statement with
// a verdict is decided by it; the rest by the offline reading. The score is computed here either way.
export type Verdicts = Map<string, { verdict: 'met' | 'partial' | 'missing' | 'contradicted'; quote: string }>;
const VERDICT_CREDIT = { met: 1, partial: 0.5, missing: 0, contradicted: 0 } as const;

// `prompt`: the question asked, so that reading it back earns nothing; without it no sentence is
// taken for an echo.
export function gradeWritten({ answer, rubric, verdicts, prompt }: { answer: string; rubric: Rubric; verdicts?: Verdicts; prompt?: string }): GradeResult {
  const started = performance.now();
  const all = readAnswer(answer);
  const echoes = findPromptEchoes(all, prompt);
  const units = all.filter((u) => !u.toGrader && u.kind !== 'code' && !echoes.has(u));
  memo = new WeakMap();

  // Claims each unit states, to spot a list of terms dressed as a sentence.
  const claimsPerUnit = new Map<Unit, number>();
  for (const claim of rubric.concepts.flatMap((c) => c.claims)) {
    for (const [i, unit] of units.entries()) {
      if (matchUnit(units, claim, i)?.negated === false) {
        claimsPerUnit.set(unit, (claimsPerUnit.get(unit) ?? 0) + 1);
      }
    }
  }
  const styleOf = (unit: Unit): UnitStyle => ((claimsPerUnit.get(unit) ?? 0) > MAX_CLAIMS_PER_VERB * Math.max(1, unit.verbs) ? 'bare' : unit.style);
  const credit = (unit: Unit) => STYLE_CREDIT[styleOf(unit)];

  let totalWeight = 0;
  let earned = 0;
  let penalty = 0;
  // Concepts whose best evidence only names them, and the sentences that state a misconception:
  // "you named X without explaining it" is said only of a term named outside an explanation, and
  // never of a sentence that said something wrong (nor of a contradicted concept).
  const namedOnlyAt: { name: string; unit: Unit; contradicted: boolean }[] = [];
  const wrongUnits = new Set<Unit>();
  // Concepts with a claim the candidate rejected in so many words ("comparing against a baseline
  // is unnecessary", "success criteria are a habit I skip"): not covered, and said so.
  const dismissedNames: string[] = [];
  const tests: TestResult[] = rubric.concepts.map((concept) => {
    totalWeight += concept.weight;
    const stated = concept.misconceptions
      .map((m) => {
        const judged = verdicts?.get(`${concept.id}/!${m.id}`);
        if (judged) return { m, quote: judged.verdict === 'met' || judged.verdict === 'partial' ? quoteEvidence(judged.quote) : undefined, at: undefined };
        const found = best(units, m, concept, () => 1).hit;
        if (found) wrongUnits.add(found.unit);
        return { m, quote: found && quote(found), at: found && { unit: found.unit, word: found.match.word } };
      })
      .filter((x): x is { m: typeof x.m; quote: string; at: { unit: Unit; word: number } | undefined } => x.quote !== undefined);
    // A definition stated about the wrong term (claims with `defines`): never credited, and a
    // misconception when the rubric gives its correction.
    const about = new Map<string, (u: Unit, i: number, m: Match) => boolean>();
    for (const claim of concept.claims) {
      if (!claim.defines) continue;
      const carried = carriedSubjects(units, claim);
      const isOther = (u: Unit, i: number, m: Match) => subjectAt(u, m.word, claim, carried[i]) === 'other';
      about.set(claim.id, isOther);
      if (verdicts?.has(`${concept.id}/${claim.id}`)) continue;
      // Only when the answer never states it about the right term: a loose match in a sentence
      // about the other term is not a swap when the definition is given correctly elsewhere.
      // A list of terms ("canary, blue-green, 5% traffic") states nothing about any of them, so
      // the term named nearest before a match in it is no subject: never a swap.
      const swapped = best(units, claim, concept, () => 1, (u, i, m) => !isOther(u, i, m) || styleOf(u) === 'bare').hit;
      const right = best(units, claim, concept, () => 1, isOther).hit;
      if (swapped && !right && claim.defines.correction && !stated.some(({ quote: q }) => q === quote(swapped))) {
        stated.push({
          at: undefined,
          m: { id: `${claim.id}-swapped`, text: `A definition given for the wrong term: ${claim.text}`, phrasings: [], correction: claim.defines.correction, penalty: claim.defines.penalty, contradicts: [claim.id] },
          quote: quote(swapped),
        });
        wrongUnits.add(swapped.unit);
      }
    }
    // One sentence read as two near-identical misconceptions of a concept (both denying the same
    // claim: "a canary always catches non-deterministic bugs" and "a short canary catches every
    // bug") is one wrong statement: the heavier is kept. Two found at different words of the
    // sentence ("a request is the max …, and pods are scheduled by their limits") or denying
    // different claims are two wrong statements.
    const distinct = stated.filter(
      (x) =>
        !stated.some(
          (y) => y !== x && y.quote === x.quote && sameWords(x.at, y.at) && sameSet(y.m.contradicts, x.m.contradicts) && (y.m.penalty > x.m.penalty || (y.m.penalty === x.m.penalty && stated.indexOf(y) < stated.indexOf(x))),
        ),
    );
    stated.splice(0, stated.length, ...distinct);
    const contradicted = new Set(stated.flatMap(({ m }) => m.contradicts));
    penalty += stated.reduce((sum, { m }) => sum + m.penalty, 0);

    const claimWeight = concept.claims.reduce((sum, c) => sum + c.weight, 0);
    let claimEarned = 0;
    let bestFound: Found | undefined;
    let judgedEvidence: string | undefined;
    const claims = concept.claims.map((claim) => {
      const base = { id: claim.id, text: claim.text };
      if (contradicted.has(claim.id)) return { ...base, status: 'contradicted' as const };
      const judged = verdicts?.get(`${concept.id}/${claim.id}`);
      if (judged) {
        claimEarned += claim.weight * VERDICT_CREDIT[judged.verdict];
        if (judged.verdict === 'missing') return { ...base, status: 'missing' as const };
        judgedEvidence ??= quoteEvidence(judged.quote);
        return { ...base, status: judged.verdict, evidence: quoteEvidence(judged.quote) };
      }
      const { hit, negated } = best(units, claim, concept, credit, about.get(claim.id));
      if (!hit) {
        // A sentence that also states a claim is a critique of the bad practice it dismisses
        // ("a shared dependency in liveness is a bad idea: every pod restarts when it blips"),
        // not a rejection of the rubric's point.
        if (negated?.match.dismissed && !claimsPerUnit.has(negated.unit) && !dismissedNames.includes(concept.name)) dismissedNames.push(concept.name);
        return { ...base, status: 'missing' as const };
      }
      claimEarned += claim.weight * hit.credit;
      if (!bestFound || hit.credit > bestFound.credit) bestFound = hit;
      return { ...base, status: hit.credit >= STYLE_CREDIT.telegraphic ? ('met' as const) : ('partial' as const), evidence: quote(hit) };
    });
    const share = claimWeight > 0 ? claimEarned / claimWeight : 0;
    earned += concept.weight * share;
    if (bestFound && bestFound.credit < STYLE_CREDIT.telegraphic) namedOnlyAt.push({ name: concept.name, unit: bestFound.unit, contradicted: stated.length > 0 || claims.some((c) => c.status === 'contradicted') });

    const isContradicted = stated.length > 0 || claims.some((c) => c.status === 'contradicted');
    const coverage = isContradicted ? 'contradicted' : share >= 0.7 ? 'covered' : share > 0 ? 'partial' : 'missing';
    const misconceptions = stated.map(({ m, quote: said }) => ({ id: m.id, text: m.text, quote: said, correction: m.correction, penalty: m.penalty }));
    const evidence = bestFound ? quote(bestFound) : judgedEvidence;
    const result: TestResult = {
      name: concept.name,
      status: coverage === 'covered' ? 'pass' : 'fail',
      message: concept.description,
      concept: concept.id,
      weight: concept.weight,
      coverage,
      claims,
      ...(evidence ? { evidence } : {}),
      ...(misconceptions.length > 0 ? { misconceptions } : {}),
      // Asked only when nothing of the concept was said, so it never asks for a stated claim.
      ...(coverage === 'missing' ? { followUp: concept.followUp } : {}),
    };
    return result;
  });

  // A term in a prose sentence was explained there, if only in a word ("the container gets
  // OOMKilled and restarts"); the advice is for terms named bare or in a clipped note.
  const namedOnly = namedOnlyAt.filter(({ unit, contradicted }) => !contradicted && !wrongUnits.has(unit) && styleOf(unit) !== 'prose').map(({ name }) => name);
  // An answer that only reads the question back is not a list of terms: it says nothing at all.
  const onlyEchoes = echoes.size > 0 && units.length === 0;
  const isList = !onlyEchoes && explainedShare(all.filter((u) => !echoes.has(u)), styleOf) < MIN_EXPLAINED_SHARE;
  penalty += DISMISSAL_PENALTY * dismissedNames.length;
  const raw = totalWeight > 0 ? earned / totalWeight : 0;
  let score = Math.max(Math.round(100 * Math.min(1, raw / FULL_MARKS_AT)), onTopicScore(units, rubric));
  if (isList) score = Math.min(score, LIST_CAP);
  // A stated misconception costs its penalty, down to a floor that keeps a confidently wrong but
  // otherwise engaged answer apart from an empty one (it still fails: see isWrittenPass).
  score = Math.max(0, score - penalty, Math.min(score, MISCONCEPTION_FLOOR));

  const advice: string[] = [];
  const percent = Math.round(STYLE_CREDIT.bare * 100);
  if (all.some((u) => u.toGrader)) advice.push('Part of your answer was addressed to the grader rather than the interviewer; it was ignored and earned nothing.');
  if (echoes.size > 0) advice.push(`${onlyEchoes ? 'Your answer restates' : 'Part of your answer restates'} the question; an interviewer gives no credit for reading it back, so it earned nothing. Answer it in your own words: what you would do, how and why.`);
  if (isList && answer.trim()) {
    advice.push(
      `Your answer reads as a list of terms. An interviewer wants each idea explained in a sentence or two: what it is, how you would do it, and why it matters. A term that is only named earns ${percent}% of its weight.`,
    );
  } else if (namedOnly.length > 0) {
    advice.push(`You named ${listNames(namedOnly)} without explaining how or why; a sentence on each would earn the rest of ${namedOnly.length === 1 ? 'its' : 'their'} weight.`);
  }

  if (dismissedNames.length > 0) {
    advice.push(
      `You dismissed part of ${listNames(dismissedNames)}; an interviewer reads a point waved away as a gap, so it earned nothing. Say why ${dismissedNames.length === 1 ? 'it matters' : 'each matters'}, or what you would do instead.`,
    );
  }

  const covered = tests.filter((t) => t.coverage === 'covered').length;
  const misconceptionCount = tests.reduce((n, t) => n + (t.misconceptions?.length ?? 0), 0);
  const isEmpty = !answer.trim();
  return {
    status: !isEmpty && isWrittenPass({ score, passScore: rubric.passScore, misconceptions: misconceptionCount }) ? 'passed' : 'failed',
    score,
    message: isEmpty ? 'The answer is empty.' : summarize(tests, covered, misconceptionCount),
    tests,
    advice,
    gradedVersion: `rubric:${rubric.id}@${rubric.version}`,
    durationMs: Math.max(0, performance.now() - started),
    grader: 'offline',
    conceptsCovered: covered,
    conceptsTotal: tests.length,
  };
}

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function summarize(tests: TestResult[], covered: number, misconceptions: number): string {
  const partial = tests.filter((t) => t.coverage === 'partial').map((t) => t.name);
  const missing = tests.filter((t) => t.coverage === 'missing').map((t) => t.name);
  const parts = [`${covered} of ${tests.length} concepts covered.`];
  if (partial.length > 0) parts.push(`Partly covered: ${partial.join(', ')}.`);
  if (missing.length > 0) parts.push(`Missing: ${missing.join(', ')}.`);
  if (misconceptions > 0) parts.push(`${misconceptions === 1 ? 'One statement is' : `${misconceptions} statements are`} wrong; see the correction${misconceptions === 1 ? '' : 's'}.`);
  if (partial.length === 0 && missing.length === 0 && misconceptions === 0) parts.push('Nothing important is missing.');
  return parts.join(' ');
}
