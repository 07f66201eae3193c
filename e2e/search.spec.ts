// Candidate search: full-text search and filters, all held in the URL; tags and own status shown.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('a candidate searches, filters and sorts; the URL holds it all and a reload keeps it', async ({ page }) => {
  await signIn(page, createAccount(), '/search');
  await expect(page.getByRole('heading', { level: 1, name: 'Search questions' })).toBeVisible();
  // The whole bank: the seed topic and the seed topics of seeds/topics.
  await expect(page.getByTestId('search-total')).toHaveText(/^\d{2,} questions$/);
  // No sort chosen: the select says what the order is, not "Any".
  await expect(page.getByLabel('Sort').locator('option:checked')).toHaveText('Best match, else newest');

  await page.getByLabel('Search prompts and tags').fill('docker image');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=docker\+image/);
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(results.first()).toContainText('Write a Bash script');
  await expect(results.first().getByTestId('question-status')).toHaveText(/New/);

  await page.getByLabel('Answer').selectOption('PYTHON');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/kind=PYTHON/);
  await expect(page.getByTestId('search-total')).toHaveText(/^\d+ questions?$/);
  for (const text of await results.allTextContents()) expect(text).toContain('Python code');

  await page.goto('/search?difficulty=MEDIUM&sort=popular');
  await expect(page.getByLabel('Difficulty')).toHaveValue('MEDIUM');
  await expect(page.getByLabel('Sort')).toHaveValue('popular');
  // The most practised Medium question; the seed topics' questions start at 0 practised.
  await expect(results.first()).toContainText('compare_manifests');
  await page.reload();
  await expect(results.first()).toContainText('compare_manifests');

  const bad = await page.goto('/search?difficulty=IMPOSSIBLE');
  expect(bad?.status()).toBe(200);
  // Next's route announcer is an (empty) alert too.
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Difficulty is easy, medium or hard.');
});

test('a page past the last one says so and links back to the last page', async ({ page }) => {
  await signIn(page, createAccount(), '/search?page=99');
  await expect(page.getByTestId('page-past-end')).toContainText(/^There is no page 99: this list has (\d+ pages|only one page)\./);
  await expect(page.getByText('No question matches.', { exact: false })).toHaveCount(0);
  await page.getByTestId('page-past-end').getByRole('link').click();
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByTestId('page-past-end')).toHaveCount(0);
});
