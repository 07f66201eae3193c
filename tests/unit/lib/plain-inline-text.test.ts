// The fast path for one-line prompts must render exactly what react-markdown renders: every seed
// prompt and a set of awkward strings go through both, and the HTML must be the same.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/components/ui/markdown';
import { plainInlineParts } from '@/lib/plain-inline-text';

// The Markdown component's inline rendering, always through the parser.
const parsed = (text: string) => renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm], components: { p: ({ children }) => createElement(Fragment, null, children) } }, text));
const fast = (text: string) => renderToStaticMarkup(createElement(Markdown, { inline: true } as { inline: true; children: string }, text)).replace(/^<span class="[^"]*">/, '').replace(/<\/span>$/, '');

const contentDir = path.join(process.cwd(), 'seeds', 'content');
const seedPrompts = readdirSync(contentDir).flatMap((slug) => {
  const file = path.join(contentDir, slug, 'question.json');
  try {
    return [(JSON.parse(readFileSync(file, 'utf8')) as { prompt: string }).prompt];
  } catch {
    return [];
  }
});

const awkward = [
  'How do you roll out `kubectl apply` safely?',
  'Compare ` a ` and `  b  ` and ` ` spans',
  'A `code` span, then `another one` at the end `x`',
  'Tabs\tand   several   spaces, trailing space ',
  'Percent 50% and $HOME and "quotes" and \'single\' and (parens) and {braces}',
  'Semicolons; commas, colons: and question marks?',
  'An unpaired ` backtick',
  'Double ``code`` spans',
  'Emphasis *here* and _there_',
  'A [link](https://example.com) and https://example.com and www.example.com',
  'Entities &amp; and <b>html</b>',
  '1. looks like a list',
  '- a bullet',
  '> a quote',
  'Escapes \\* here',
  'mail me@example.com',
  'Ends with two spaces  ',
  'Trailing backslash \\',
  'Unicode — dashes, “quotes”, émigré, 日本語',
  '',
];

describe('plainInlineParts', () => {
  it('covers most seed prompts', () => {
    expect(seedPrompts.length).toBeGreaterThan(40);
    const plain = seedPrompts.filter((p) => !p.trim().includes('\n') && plainInlineParts(p) !== null);
    expect(plain.length).toBeGreaterThan(seedPrompts.length / 2);
  });

  it('renders every seed prompt and every awkward string exactly as react-markdown does', () => {
    for (const text of [...seedPrompts.filter((p) => !p.trim().includes('\n')), ...awkward]) {
      expect(fast(text), text).toBe(parsed(text));
    }
  });

  it('leaves anything that could be other Markdown to the parser', () => {
    for (const text of ['*a*', '[a](b)', 'https://x.y', 'www.x.y', 'a&amp;b', '<i>', '# h', '1. x', '- x', '> x', 'a\\*', 'a@b.c', '``x``', 'a `b', 'a\nb', '``']) {
      expect(plainInlineParts(text), text).toBeNull();
    }
  });
});
