// A page past the end (/search?page=99 of 3, /topics/x?page=2 of 1) showed an empty list, "Page 99
// of 3" and a Previous link to another empty page, or nothing at all. It says there is no such
// page and links to the last one.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { PageLinks } from '@/components/catalog/page-links';

const render = (page: number, pageCount: number) =>
  renderToStaticMarkup(createElement(PageLinks, { page, pageCount, href: (p: number) => `/search?q=x&page=${p}`, focusId: 'results-heading' })).replaceAll('<!-- -->', '');

it('says a page past the end does not exist and links to the last page', () => {
  const html = render(99, 3);
  expect(html).toContain('There is no page 99: this list has 3 pages.');
  expect(html).toContain('href="/search?q=x&amp;page=3"');
  expect(html).toContain('Go to the last page (page 3)');
  expect(html).not.toContain('Page 99 of 3');
  expect(html).not.toContain('page=98');
});

it('says so on a one-page list too, where the page links are otherwise hidden', () => {
  const html = render(2, 1);
  expect(html).toContain('There is no page 2: this list has only one page.');
  expect(html).toContain('href="/search?q=x&amp;page=1"');
  expect(html).toContain('Go to page 1');
});

it('keeps the usual links inside the list', () => {
  expect(render(1, 1)).toBe('');
  const html = render(2, 3);
  expect(html).toContain('Page 2 of 3');
  expect(html).toContain('page=1');
  expect(html).toContain('page=3');
  expect(html).not.toContain('There is no page');
});
