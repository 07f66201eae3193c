// Pages that stood for many things had one title: every /attempts/<id> was "Your attempt", every
// mock interview "Mock interview". Each names what it shows now, to its owner only. And the
// category pages' cards were h3 straight under the h1.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

test("an attempt's title names its question for its owner, and nothing for anyone else", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, createAccount(), '/questions/explain-canary-releases-contrast-blue-green');
  await page.getByLabel(/Your answer/).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page).toHaveURL(/\?attempt=/);
  const id = new URL(page.url()).searchParams.get('attempt')!;
  await page.goto(`/attempts/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Your attempt: Explain');
  await expect(page).toHaveTitle(/^Your attempt: Explain .+ \(\d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\) · Rehearse$/);

  const other = await browser.newPage();
  await signIn(other, createAccount(), '/');
  expect((await other.goto(`/attempts/${id}`))!.status()).toBe(404);
  expect(await other.title()).not.toContain('Explain');
  await other.close();
});

test('a mock interview is titled with its topic', async ({ page }) => {
  await signIn(page, createAccount(), '/mock');
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  const topic = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(/^Mock interview: /, '');
  expect(topic).not.toBe('');
  await expect(page).toHaveTitle(`Mock interview: ${topic} · Rehearse`);
  await page.getByRole('button', { name: 'Finish and get my report' }).click();
  // Questions left unanswered: it asks first.
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle(`Mock interview report: ${topic} · Rehearse`);
});

test('category pages put their cards one heading level under the h1', async ({ page }) => {
  await page.goto('/categories');
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(0);
  const first = page.getByRole('list', { name: 'Categories' }).getByRole('heading', { level: 2 }).first();
  await expect(first).toBeVisible();
  await page.getByRole('list', { name: 'Categories' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
});
