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
  const analytics = (attempts: number, missed: number): Analytics =>
    ({ attempts, users: 1, passed: 0, passRate: 0, distribution: Array(10).fill(0), mostMissed: [{ name: 'rollback', missed, share: 100 }], byVersion: [] }) as unknown as Analytics;
  expect(text(renderToStaticMarkup(createElement(QuestionAnalytics, { analytics: analytics(1, 1) })))).toContain('rollback: missed in the only attempt (100%)');
  expect(text(renderToStaticMarkup(createElement(QuestionAnalytics, { analytics: analytics(2, 2) })))).toContain('rollback: missed in 2 of 2 attempts (100%)');
});
