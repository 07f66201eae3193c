// Run before Submit: a code answer runs against the visible tests only, the results show in the
// practice panel, and nothing is stored as an attempt; a second run while one is running is
// refused with when to retry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { E2E_PORT } from './support/test-server';

const SLUG = 'write-python-function-compare-manifests-old';
const GOOD = readFileSync(path.join(process.cwd(), 'seeds', 'content', SLUG, 'good', 'field-by-field.py'), 'utf8');
const ORIGIN = { origin: `http://127.0.0.1:${E2E_PORT}` };

test('run the visible tests without making an attempt', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount(), `/questions/${SLUG}`);
  const editor = page.getByTestId('code-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(GOOD);
  await page.getByRole('button', { name: 'Run visible tests' }).click();

  const results = page.getByTestId('run-results');
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /Test run: All visible tests passed \(\d+ of \d+\)/ })).toBeFocused();
  const tests = results.getByTestId('check');
  expect(await tests.count()).toBeGreaterThanOrEqual(3);
  await expect(results).not.toContainText('hidden test');
  await expect(results).toContainText('not saved and does not count as an attempt');
  // No attempt, no result panel, no history, no practice.
  await expect(page.getByTestId('attempt-result')).toHaveCount(0);
  const questionId = (await (await page.request.get('/api/questions?topic=production-deployments-and-operations')).json()).questions.find((q: { slug: string }) => q.slug === SLUG).id;
  const history = await (await page.request.get(`/api/questions/${questionId}/attempts`)).json();
  expect(history.attempts).toEqual([]);

  // Editing the code marks the run's results as those of an earlier version.
  await expect(results.getByTestId('run-stale')).toHaveCount(0);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n# edited after the run\n');
  await expect(results.getByTestId('run-stale')).toContainText('Your code has changed since this run');

  // Two runs at once: the second is refused (429) with when to try again, and runs nothing. The
  // first pauses while it loads, so it is still running when the second arrives however fast the
  // sandbox is (a warm runner finishes the plain answer in well under the 300 ms between them).
  const SLOW = `import time\ntime.sleep(1.2)\n${GOOD}`;
  const [first, second] = await Promise.all([
    page.request.post('/api/runs', { data: { questionId, answer: SLOW }, headers: ORIGIN }),
    new Promise((r) => setTimeout(r, 300)).then(() => page.request.post('/api/runs', { data: { questionId, answer: GOOD }, headers: ORIGIN })),
  ]);
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(429);
  expect(Number(second.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await second.json()).error).toMatch(/already running|still starting/);

  // Submitting replaces the run's list with the graded result (every test, the visible ones too).
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('run-results')).toHaveCount(0);
});
