// One size counter for an answer, on the practice page and in a mock interview, measured as the
// server holds it to the limit: characters for written answers, UTF-8 bytes for code.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AnswerSize } from '@/components/practice/answer-size';
import { MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS } from '@/grading/contract';
import { describeOversizeAnswer } from '@/server/attempts/schemas';

const render = (answerKind: Parameters<typeof AnswerSize>[0]['answerKind'], answer: string) =>
  renderToStaticMarkup(createElement(AnswerSize, { id: 'size', answerKind, answer })).replaceAll('<!-- -->', '');

it('counts a written answer in characters and code in bytes, against their limits', () => {
  expect(render('WRITTEN', 'é'.repeat(1234))).toContain('>1,234 / 20,000 characters</p>');
  expect(render('PYTHON', 'é'.repeat(1234))).toContain('>2,468 / 65,536 bytes</p>');
});

it('turns red exactly where the server starts refusing the answer', () => {
  for (const [kind, fits] of [['WRITTEN', 'x'.repeat(MAX_WRITTEN_ANSWER_CHARS)], ['BASH', 'x'.repeat(MAX_CODE_ANSWER_BYTES)]] as const) {
    expect(describeOversizeAnswer(kind, fits)).toBeNull();
    expect(render(kind, fits)).not.toContain('text-rose');
    expect(describeOversizeAnswer(kind, `${fits}x`)).not.toBeNull();
    expect(render(kind, `${fits}x`)).toContain('text-rose');
  }
});
