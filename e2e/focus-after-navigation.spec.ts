// Where focus goes when new content replaces the control that asked for it. A paged list's
// Previous/Next left focus on the link at the bottom, under a title that was the same on every
// page, so nothing said the list had changed; finishing a mock interview dropped focus to <body>.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const focusedId = (page: import('@playwright/test').Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('Next and Previous on search results name the page in the title and move focus to the results heading', async ({ page }) => {
  await signIn(page, createAccount(), '/search');
  await expect(page).toHaveTitle('Search questions · Rehearse');
  const pages = page.getByRole('navigation', { name: 'Pages' });
  const of = (await pages.getByText(/^Page 1 of \d+$/).textContent())!.replace('Page 1 of ', '');
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveTitle(`Search questions — page 2 of ${of} · Rehearse`);
  await expect(page.getByRole('heading', { level: 2, name: /questions$/ })).toBeFocused();
  expect(await focusedId(page)).toBe('results-heading');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Previous' }).click();
  await expect(page).toHaveTitle('Search questions · Rehearse');
  await expect(page.locator('#results-heading')).toBeFocused();
  // An ordinary search (the form, not a page link) leaves focus to the browser.
  await page.getByLabel('Search prompts and tags').fill('docker');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=docker/);
  await expect(page.locator('#results-heading')).not.toBeFocused();
});

test('the admin question list names the page in the title and moves focus to the count after Next', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/questions');
  await expect(page).toHaveTitle('Questions · Admin · Rehearse');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveTitle(/^Questions — page 2 of \d+ · Admin · Rehearse$/);
  await expect(page.getByTestId('question-total')).toBeFocused();
});

test('finishing a mock interview moves focus to the report heading', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount(), '/mock');
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByLabel('Short: 3 questions in 15 minutes').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.getByRole('button', { name: 'Finish and get my report' }).click();
  // Questions left unanswered: it asks first.
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Your report' })).toBeFocused();
});
