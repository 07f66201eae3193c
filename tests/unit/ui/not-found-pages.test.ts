// Another candidate's /attempts/<id> and an unknown /roles/<slug> said "That topic or question does
// not exist": the one 404 page spoke of topics and questions for every address. The generic page
// is generic, and each route that can find nothing names what it looked for.
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import RootNotFound from '@/app/not-found';
import AttemptNotFound from '@/app/attempts/[id]/not-found';
import CategoryNotFound from '@/app/categories/[slug]/not-found';
import QuestionNotFound from '@/app/questions/[slug]/not-found';
import RoleNotFound from '@/app/roles/[slug]/not-found';
import TopicNotFound from '@/app/topics/[slug]/not-found';

const render = (page: FunctionComponent) => renderToStaticMarkup(createElement(page));

it('words each 404 for what its route looked for, and the rest generically', () => {
  const pages: [FunctionComponent, string][] = [
    [RootNotFound, 'There is nothing at this address.'],
    [AttemptNotFound, 'You have no attempt at this address.'],
    [CategoryNotFound, 'That category does not exist.'],
    [QuestionNotFound, 'That question does not exist, or is no longer published.'],
    [RoleNotFound, 'That role does not exist.'],
    [TopicNotFound, 'That topic does not exist, or is no longer published.'],
  ];
  for (const [page, words] of pages) {
    const html = render(page);
    expect(html).toContain('<h1 class="text-2xl font-semibold">Page not found</h1>');
    expect(html).toContain(words);
    expect(html).not.toContain('topic or question');
  }
  expect(render(RoleNotFound)).toContain('href="/roles"');
});
