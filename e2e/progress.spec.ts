// Progress and one's own data: statuses on lists, /progress with topics, concepts, streak and
// calendar, next/previous, the JSON export, and deleting the account (public counts unchanged).
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const WRITTEN = '/questions/explain-canary-releases-contrast-blue-green';
const TOPIC = '/topics/production-deployments-and-operations';
const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

test('a candidate sees their progress, exports their data and deletes their account', async ({ page }) => {
  test.setTimeout(120_000);
  const account = createAccount();
  await signIn(page, account, WRITTEN);
  const count = page.getByTestId('practice-count');
  await page.getByLabel(/Your answer/).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 30_000 });
  // The count with this attempt in it, from a render for this reader: an address with a query is
  // never the cached member copy, whose count may lag by a few seconds.
  await page.goto(`${WRITTEN}?from=progress`);
  await expect(count).toHaveText(/\d+ practiced/);
  const practised = await count.textContent();
  await page.getByRole('link', { name: /^Next:/ }).click();
  await expect(page).toHaveURL(/\/questions\/write-bash-script/);
  await expect(page.getByRole('link', { name: /^← Previous:/ })).toBeVisible();

  await page.goto(TOPIC);
  const items = page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
  await expect(items.first().getByTestId('question-status')).toHaveText(/Tried|Passed/);
  await expect(items.nth(1).getByTestId('question-status')).toHaveText(/New/);

  await page.getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
  await expect(page.getByTestId('streak')).toHaveText('1 day in a row');
  await expect(page.getByTestId('topic-progress')).toContainText('of 5');
  await expect(page.getByTestId('concept-progress').getByRole('row')).not.toHaveCount(1);
  await expect(page.getByTestId('activity-calendar').getByRole('listitem').last()).toContainText('1 attempt');

  const exported = await page.request.get('/api/account/export');
  expect(exported.headers()['content-disposition']).toMatch(/attachment; filename="rehearse-export-/);
  const data = await exported.json();
  expect(data.account.email).toBe(account.email);
  expect(data.attempts).toEqual([expect.objectContaining({ question: 'explain-canary-releases-contrast-blue-green', answer: ANSWER })]);

  await page.goto('/account');
  await page.getByLabel(/Type your email address/).fill('wrong@example.test');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('That is not your email address; type it exactly to confirm.');
  await page.getByLabel(/Type your email address/).fill(account.email);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  // Signed out, on a page that says it worked (it used to land on the home page without a word).
  await expect(page).toHaveURL(/\/account\/deleted$/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Your account was deleted' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // The public count is unchanged (a cached anonymous page may lag by up to 5 s, so read it again
  // until it is current), and the old password no longer signs in.
  await expect
    .poll(
      async () => {
        await page.goto(WRITTEN);
        return page.getByTestId('practice-count').textContent();
      },
      { timeout: 10_000, intervals: [500, 1_000] },
    )
    .toBe(practised);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toBeVisible();
});
