// The practice page counts a written answer's words against the minimum to be graded, as the mock
// interview does: it showed only characters, so "write at least 20 words" first came as a refusal.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { WrittenAnswerEditor } from '@/components/practice/written-answer-editor';

const render = (value: string, errorId?: string) =>
  renderToStaticMarkup(createElement(WrittenAnswerEditor, { value, onChange: () => {}, errorId })).replaceAll('<!-- -->', '');

it('counts the words and says the minimum while the answer is short of it', () => {
  const html = render('Canary is small traffic.');
  expect(html).toMatch(/<p id="answer-words"[^>]*>4 words \(at least 20 to be graded\)<\/p>/);
});

it('drops the minimum once it is met', () => {
  const html = render(Array.from({ length: 21 }, (_, i) => `word${i}`).join(' '), 'submit-error');
  expect(html).toMatch(/<p id="answer-words"[^>]*>21 words<\/p>/);
  // Read with the box, as the mock interview's is, then the size and the refusal.
  expect(html).toContain('aria-describedby="answer-words answer-count submit-error"');
  expect(render('one')).toMatch(/>1 word \(at least 20/);
});
