// "Try the hints first…" stood under "Show the model answer" after a 100/100 result, where there
// are no hints to try. It is said only while there are hints left to open.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AnswerHelp } from '@/components/practice/answer-help';

const render = (hints: string[]) => renderToStaticMarkup(createElement(AnswerHelp, { questionId: 'q1', hints, canReveal: true, initialModelAnswer: null }));

it('suggests the hints before the model answer only when there are hints', () => {
  expect(render(['How would you roll back?'])).toContain('Try the hints first');
  const none = render([]);
  expect(none).toContain('Show the model answer');
  expect(none).not.toContain('Try the hints first');
});
