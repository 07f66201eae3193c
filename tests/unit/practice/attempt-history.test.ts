// The history lists the latest 50 attempts; numbered by their place in that list, the newest of 52
// read "Attempt 50". Each is labelled with its own ordinal, and the list says when older ones are
// not shown.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AttemptHistory, type AttemptHistoryItem } from '@/components/practice/attempt-history';

function items(total: number, shown: number): AttemptHistoryItem[] {
  return Array.from({ length: shown }, (_, i) => ({
    id: `a${i}`,
    number: total - i,
    status: 'FAILED' as const,
    score: 40,
    createdAt: '2026-12-03T05:00:00Z',
    recall: null,
    gradedVersion: null,
  }));
}

const render = (attempts: AttemptHistoryItem[]) => renderToStaticMarkup(createElement(AttemptHistory, { attempts })).replaceAll('<!-- -->', '');

it('labels the newest of 52 attempts "Attempt 52" and says only the latest 50 are shown', () => {
  const html = render(items(52, 50));
  expect(html).toContain('>Attempt 52</a>');
  expect(html).toContain('>Attempt 3</a>');
  expect(html).not.toContain('>Attempt 1</a>');
  expect(html).toContain('Showing the latest 50 of 52 attempts.');
});

it('says nothing about older attempts when every one is listed', () => {
  const html = render(items(3, 3));
  expect(html).toContain('>Attempt 1</a>');
  expect(html).not.toContain('Showing the latest');
});
