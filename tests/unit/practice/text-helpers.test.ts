// Pure helpers behind titles, topic summaries, candidate-facing grading notes and announcements.
import { describe, expect, it } from 'vitest';
import { announceAttempt, describeGrading } from '@/lib/attempt-view';
import { plainTitle } from '@/lib/plain-title';
import { summarizeText } from '@/lib/summarize-text';

describe('plainTitle', () => {
  it('drops Markdown marks and keeps a short prompt whole', () => {
    expect(plainTitle('Explain **canary** releases and `kubectl rollout undo`.')).toBe('Explain canary releases and kubectl rollout undo.');
  });
  it('keeps underscores, arrows and stars that are not Markdown marks', () => {
    expect(plainTitle('Write a Python function compare_manifests(old_manifest: dict, new_manifest: dict) -> bool')).toBe(
      'Write a Python function compare_manifests(old_manifest: dict, new_manifest: dict) -> bool',
    );
    expect(plainTitle('# Explain _why_ `a_b -> *c*` matters > 2 * 3 times')).toBe('Explain why a_b -> *c* matters > 2 * 3 times');
    expect(plainTitle('> Quoted __strong__ and ~~gone~~ text')).toBe('Quoted strong and gone text');
    expect(plainTitle('Why is `0.1 + 0.2` > `0.3`?')).toBe('Why is 0.1 + 0.2 > 0.3?');
    expect(plainTitle('Use `a` # then b')).toBe('Use a # then b');
    expect(plainTitle('When is **`git rebase`** safe, and what does [`kubectl drain`](https://k8s.io) do?')).toBe('When is git rebase safe, and what does kubectl drain do?');
    expect(plainTitle('Rename snake__case__name safely')).toBe('Rename snake__case__name safely');
  });
  it('reads a table as its cells, without pipes or the delimiter row, and drops code fences', () => {
    const prompt = 'You are **on-call**.\n\n| Metric | Value |\n| --- | :-: |\n| p99 | `300 | ms` |\n\n```bash\necho hi\n```\n\nWhat next?';
    expect(plainTitle(prompt)).toBe('You are on-call. Metric, Value; p99, 300 | ms; What next?');
  });
  it('cuts a long prompt at a word boundary with an ellipsis, never mid-word', () => {
    const title = plainTitle('Explain canary releases and contrast them with blue-green deployment in production systems', 40);
    expect(title).toBe('Explain canary releases and contrast…');
    expect(title.length).toBeLessThanOrEqual(41);
  });
});

describe('summarizeText', () => {
  it('keeps whole sentences up to about the word budget and returns the rest', () => {
    const text = 'One two three. Four five six seven. Eight nine ten eleven twelve.';
    expect(summarizeText(text, 7)).toEqual({ summary: 'One two three. Four five six seven.', rest: 'Eight nine ten eleven twelve.' });
    expect(summarizeText('Short.', 45)).toEqual({ summary: 'Short.', rest: '' });
  });
  it('always keeps at least the first sentence', () => {
    expect(summarizeText('A very long first sentence with many words in it.', 3).summary).toBe('A very long first sentence with many words in it.');
  });
});

describe('candidate-facing wording', () => {
  it('never shows internal labels such as rubric:…@1', () => {
    expect(describeGrading({ gradedVersion: 'harness:bash-deploy@2', durationMs: 2500 })).toBe('Graded by the test suite, version 2, in 2.5 s.');
    expect(describeGrading({ gradedVersion: 'something-else', durationMs: 10 })).toBe('Graded against the current checks, in 0.01 s.');
  });
  it('says in one sentence what graded a written answer and against which checklist version', () => {
    expect(describeGrading({ gradedVersion: 'rubric:canary-vs-blue-green@3', durationMs: 4, grader: 'offline' })).toBe(
      'Graded by the offline grader against the answer checklist, version 3, in under 0.01 s.',
    );
    // Results recorded before the grader was named were all offline.
    expect(describeGrading({ gradedVersion: 'rubric:canary-vs-blue-green@3', durationMs: 4 })).toBe('Graded by the offline grader against the answer checklist, version 3, in under 0.01 s.');
    expect(describeGrading({ gradedVersion: 'rubric:canary-vs-blue-green@3', durationMs: 1234, grader: 'llm:llama3.1:8b' })).toBe(
      'Graded by a language-model judge (llama3.1:8b) against the answer checklist, version 3, in 1.2 s; the score is computed from the checklist.',
    );
  });
  it('announces each state, with the score once graded', () => {
    expect(announceAttempt({ status: 'QUEUED', score: null })).toBe('Your answer is saved and queued for grading.');
    expect(announceAttempt({ status: 'FAILED', score: 36 })).toBe('Graded: Not yet. Score 36 out of 100.');
    expect(announceAttempt({ status: 'PASSED', score: 100 })).toBe('Graded: Passed. Score 100 out of 100.');
  });
});
