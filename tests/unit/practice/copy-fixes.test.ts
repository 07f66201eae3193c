// Wording a reviewer found wrong: "Rev probe topic (1 questions)", "Graded … in 0.00 s" for a
// quick grade, ?difficulty=x answered with internal codes ("EASY, MEDIUM or HARD"), and an empty
// sign-in form answered "Wrong email or password." instead of saying what is missing.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { StartMockForm } from '@/components/mock/start-mock-form';
import { describeGrading } from '@/lib/attempt-view';
import { missingSignInFields } from '@/lib/missing-sign-in-fields';
import { searchFilterValues } from '@/lib/search-filter-values';
import { SearchQuerySchema } from '@/server/search/schemas';

// The form navigates after starting; rendered here outside an app router.
vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

describe('the mock interview topic list', () => {
  it('counts one question in the singular', () => {
    const topics = [
      { id: 't1', name: 'Rev probe topic', questionCount: 1 },
      { id: 't2', name: 'Ops', questionCount: 9 },
    ];
    const html = renderToStaticMarkup(createElement(StartMockForm, { topics })).replaceAll('<!-- -->', '');
    expect(html).toContain('Rev probe topic (1 question)');
    expect(html).toContain('Ops (9 questions)');
  });
});

describe('describeGrading', () => {
  it('says "under 0.01 s" for a grade quicker than the shown precision', () => {
    expect(describeGrading({ gradedVersion: 'rubric:canary@2', durationMs: 3 })).toBe('Graded by the offline grader against the answer checklist, version 2, in under 0.01 s.');
    expect(describeGrading({ gradedVersion: 'harness:h@1', durationMs: 0 })).toBe('Graded by the test suite, version 1, in under 0.01 s.');
    expect(describeGrading({ gradedVersion: 'harness:h@1', durationMs: 40 })).toBe('Graded by the test suite, version 1, in 0.04 s.');
    expect(describeGrading({ gradedVersion: 'harness:h@1', durationMs: 2500 })).toBe('Graded by the test suite, version 1, in 2.5 s.');
  });
});

describe('search filters in the address', () => {
  it('names the values in words, and reads them in any case', () => {
    const bad = SearchQuerySchema.safeParse({ difficulty: 'x', type: 'x', kind: 'x' });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'Difficulty is easy, medium or hard.',
      'Type is technical, system design or behavioral.',
      'Answer kind is written, bash, python or config.',
    ]);
    expect(SearchQuerySchema.parse({ difficulty: 'easy', type: 'system design', kind: 'Python' })).toMatchObject({ difficulty: 'EASY', type: 'SYSTEM_DESIGN', kind: 'PYTHON' });
    expect(SearchQuerySchema.parse({ difficulty: 'HARD', type: 'SYSTEM_DESIGN' })).toMatchObject({ difficulty: 'HARD', type: 'SYSTEM_DESIGN' });
  });
});

describe('an empty sign-in form', () => {
  it('says which field is missing', () => {
    expect(missingSignInFields('', '')).toEqual({ email: 'Enter your email.', password: 'Enter your password.' });
    expect(missingSignInFields('  ', 'secret')).toEqual({ email: 'Enter your email.' });
    expect(missingSignInFields('a@example.com', '')).toEqual({ password: 'Enter your password.' });
    expect(missingSignInFields('a@example.com', 'secret')).toEqual({});
  });
});

describe('the search form after ?difficulty=easy', () => {
  it('shows the filter it matched as its code, so the select does not say "Any"', () => {
    const raw = { difficulty: 'easy', kind: 'python', q: 'docker', page: '2' };
    expect(searchFilterValues(raw, SearchQuerySchema.parse(raw))).toEqual({ difficulty: 'EASY', kind: 'PYTHON', q: 'docker', page: '2' });
    expect(searchFilterValues({ difficulty: 'x' }, null)).toEqual({ difficulty: 'x' });
  });
});
