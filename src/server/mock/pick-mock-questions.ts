// Chooses a mock interview's questions from a topic: `count` at random, with code and written
// questions mixed when the topic has both (about a third code, at least one of each), written
// ones first as an interview usually goes. `random` is injectable so tests can pin the choice.
import type { AnswerKindCode } from '@/lib/labels';
export type MockCandidate = { id: string; answerKind: AnswerKindCode };

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export function pickMockQuestions(candidates: readonly MockCandidate[], count: number, random: () => number = Math.random): MockCandidate[] {
  const written = shuffle(candidates.filter((c) => c.answerKind === 'WRITTEN'), random);
  const code = shuffle(candidates.filter((c) => c.answerKind !== 'WRITTEN'), random);
  const total = Math.min(count, candidates.length);
  const wantCode = written.length === 0 ? total : code.length === 0 ? 0 : Math.max(1, Math.min(code.length, Math.round(total / 3)));
  const codePicked = code.slice(0, wantCode);
  const writtenPicked = written.slice(0, total - codePicked.length);
  // Too few written questions: fill up with more code.
  const more = code.slice(codePicked.length, codePicked.length + (total - codePicked.length - writtenPicked.length));
  return [...writtenPicked, ...codePicked, ...more];
}
