// A question page says its prompt once: a long prompt was shown cut off with an ellipsis, as a
// heading, directly above the same words in full. The page keeps one h1 either way.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { QuestionHeading } from '@/components/catalog/question-heading';

const h1s = (html: string) => [...html.matchAll(/<h1([^>]*)>([\s\S]*?)<\/h1>/g)].map((m) => ({ attributes: m[1]!, text: m[2]!.replace(/<[^>]+>/g, '') }));

it('makes a short one-paragraph prompt the visible h1 itself', () => {
  const html = renderToStaticMarkup(createElement(QuestionHeading, { prompt: 'Explain canary releases and contrast them with `blue-green`.' }));
  const [h1, ...more] = h1s(html);
  expect(more).toEqual([]);
  expect(h1!.text).toBe('Explain canary releases and contrast them with blue-green.');
  expect(h1!.attributes).not.toContain('sr-only');
});

it('shows a long prompt once, in full, and keeps its cut title for screen readers only', () => {
  const prompt = `Write a Python function rollout_state(deployment: dict) -> dict that ${'tells how a rollout is going and why, '.repeat(10)}in one word.`;
  const html = renderToStaticMarkup(createElement(QuestionHeading, { prompt }));
  const [h1, ...more] = h1s(html);
  expect(more).toEqual([]);
  expect(h1!.text).toMatch(/^Write a Python function rollout_state\(deployment: dict\) -&gt; dict that tells .*…$/);
  expect(h1!.attributes).toContain('class="sr-only"');
  // Everything shown is the prompt in full: the cut title appears nowhere else.
  const shown = html.replace(/<h1[\s\S]*?<\/h1>/, '');
  expect(shown).toContain('in one word.');
  expect(shown).not.toContain('…');
});

it('treats a prompt of several paragraphs as long, whatever its length', () => {
  const html = renderToStaticMarkup(createElement(QuestionHeading, { prompt: 'Fix this.\n\n```bash\nrm -rf /\n```' }));
  expect(h1s(html)).toEqual([{ attributes: ' class="sr-only"', text: 'Fix this.' }]);
  expect(html).toContain('<pre');
});
