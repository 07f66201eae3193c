// Markdown written by admins sits under the page's h1 and a section's h2: its own headings start
// at h3, so a brief's "# Examples" does not read as a second page title to a screen reader.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { Markdown } from '@/components/ui/markdown';

it('renders the text\'s headings below the page\'s own, keeping their order', () => {
  const html = renderToStaticMarkup(createElement(Markdown, null, '# How your function is called\n\ntext\n\n## Examples\n\n#### Deep\n\n###### Deepest'));
  expect([...html.matchAll(/<(h[1-6])[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
    'h3 How your function is called',
    'h4 Examples',
    'h6 Deep',
    'h6 Deepest',
  ]);
});

it('starts lower where the text sits deeper (a brief under an h3)', () => {
  const html = renderToStaticMarkup(createElement(Markdown, { headingLevel: 4 } as Parameters<typeof Markdown>[0], '# Examples\n\n## Edge cases'));
  expect([...html.matchAll(/<(h[1-6])[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['h4 Examples', 'h5 Edge cases']);
});

it('sets every heading in the text no larger than the text around it, below the section heading it sits under', () => {
  const html = renderToStaticMarkup(createElement(Markdown, null, '# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six'));
  const classes = [...html.matchAll(/<h[1-6] class="([^"]*)"/g)].map((m) => m[1]!);
  expect(classes).toHaveLength(6);
  for (const className of classes) expect(className).not.toMatch(/\btext-(lg|xl|[2-9]xl)\b/);
});

it('puts a table in its own sideways-scrolling region, so a wide one does not widen the page on a phone', () => {
  const html = renderToStaticMarkup(createElement(Markdown, null, '| Input | Returns |\n| --- | --- |\n| `{"status": {"conditions": [{"type": "Progressing"}]}}` | `{"state": "progressing"}` |'));
  expect(html).toMatch(/<div tabindex="0" role="region" aria-label="Table" class="[^"]*\boverflow-x-auto\b[^"]*"><table>/);
});
