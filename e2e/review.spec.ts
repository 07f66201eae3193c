// Spaced review: ratings schedule questions (FSRS); an Again comes back today. (An Easy on an
// answer that scored under 50 counts as Hard, which also returns today, so the queue may hold
// both.) The schedule itself is pinned on a fixed clock in tests/integration/review.
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

async function answerAndRate(page: Page, url: string, answer: string, rating: 'Again' | 'Easy') {
  await page.goto(url);
  await page.getByLabel(/Your answer/).fill(answer);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: rating }).click();
  await expect(page.getByRole('button', { name: rating })).toHaveAttribute('aria-pressed', 'true');
}

test('after ratings, the review queue holds what is due today', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount(), '/review');
  await expect(page.getByTestId('review-empty')).toHaveText('Nothing is due today.');
  await answerAndRate(page, '/questions/explain-canary-releases-contrast-blue-green', ANSWER, 'Again');
  await answerAndRate(
    page,
    '/questions/describe-feature-flags-feature-toggles-decouple',
    'Feature flags let us merge and deploy code that stays switched off, then release it to a share of users at runtime, and switch it off again without a deploy if it misbehaves.',
    'Easy',
  );
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  const queue = page.getByTestId('review-queue').getByRole('listitem');
  await expect(queue.filter({ hasText: 'Explain canary releases' })).toHaveCount(1);
});
