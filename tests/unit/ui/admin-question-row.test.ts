// The admin question list and a question's analytics say "1 attempt", not "1 attempts", and the
// list shows a prompt's start as plain text, not its Markdown source.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { QuestionAnalytics } from '@/components/admin/question-analytics';
import { QuestionRow } from '@/components/admin/question-row';
import type { QuestionAnalytics as Analytics } from '@/server/analytics/get-question-analytics';
import type { AdminQuestionListItem } from '@/server/curation/list-admin-questions';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const question = (attempts: number, prompt: string) =>
  ({
    id: 'q1', slug: 'on-call', prompt, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [], topic: { name: 'Operations' },
    published: true, latestVersion: null, attempts,
  }) as unknown as AdminQuestionListItem;

it('counts attempts in the form the number needs', () => {
  expect(text(renderToStaticMarkup(createElement('ul', null, createElement(QuestionRow, { question: question(1, 'Explain') }))))).toContain(' 1 attempt ');
  expect(text(renderToStaticMarkup(createElement('ul', null, createElement(QuestionRow, { question: question(2, 'Explain') }))))).toContain(' 2 attempts ');
});

it('shows a Markdown prompt as plain text', () => {
  const prompt = 'You are **on-call** tonight.\n\n| Metric | Value |\n| --- | --- |\n| p99 | 300ms |\n\n```bash\necho hi\n```';
  const html = renderToStaticMarkup(createElement('ul', null, createElement(QuestionRow, { question: question(0, prompt) })));
  const link = /<a [^>]*>([\s\S]*?)<\/a>/.exec(html)![1];
  expect(link).toBe('You are on-call tonight. Metric, Value; p99, 300ms;');
});

it('says a concept was missed in the only attempt, or in n of m attempts', () => {
  const analytics = (attempts: number, missed: number, partly = 0): Analytics =>
    ({ attempts, users: 1, passed: 0, passRate: 0, distribution: Array(10).fill(0), mostMissed: [{ name: 'rollback', missed, partly, share: 100 }], byVersion: [] }) as unknown as Analytics;
  const shown = (a: Analytics) => text(renderToStaticMarkup(createElement(QuestionAnalytics, { analytics: a })));
  expect(shown(analytics(1, 1))).toContain('rollback: missed in the only attempt (100%)');
  expect(shown(analytics(2, 2))).toContain('rollback: missed in 2 of 2 attempts (100%)');
  // A concept covered in part is said to be, not counted as missed.
  expect(shown(analytics(1, 1, 1))).toContain('rollback: partly covered in the only attempt (100%)');
  expect(shown(analytics(3, 3, 3))).toContain('rollback: partly covered in 3 of 3 attempts (100%)');
  expect(shown(analytics(3, 3, 2))).toContain('rollback: missed in 1 and partly covered in 2 of 3 attempts (100%)');
});
